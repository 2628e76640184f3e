using System.Runtime.InteropServices;

namespace Nanhai.Benchmarks;

/// <summary>The machine the figures were measured on (Linux facts from /proc, where present).</summary>
public sealed record MachineFacts(int Cores, string Cpu, double MemoryGiB, string Os, string Runtime, string LoadAtStart, string LoadAtEnd)
{
    public static MachineFacts Capture() => new(
        Environment.ProcessorCount,
        ProcLine("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        LoadAverage(), "");

    /// <summary>The 1, 5 and 15 minute load averages.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    static string? ProcLine(string path, string key)
    {
        if (!File.Exists(path)) return null;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(':') + 1)..].Trim();
    }
}
