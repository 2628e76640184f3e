using System.Diagnostics;

namespace Nanhai.Benchmarks;

/// <summary>CPU time each process of the run (and this benchmark) used during one phase: where the time went.</summary>
public sealed class CpuMeter
{
    public const string Benchmark = "benchmark (client)";

    readonly Dictionary<string, (int Pid, TimeSpan Before)> before;

    CpuMeter(Dictionary<string, (int, TimeSpan)> before) => this.before = before;

    public static CpuMeter Start(BenchStack stack)
    {
        var snapshot = new Dictionary<string, (int, TimeSpan)>();
        foreach (var (name, pid) in stack.Processes) snapshot[name] = (pid, CpuOf(pid));
        snapshot[Benchmark] = (Environment.ProcessId, CpuOf(Environment.ProcessId));
        return new CpuMeter(snapshot);
    }

    public IReadOnlyDictionary<string, TimeSpan> Stop() =>
        before.ToDictionary(p => p.Key, p => CpuOf(p.Value.Pid) - p.Value.Before);

    static TimeSpan CpuOf(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.TotalProcessorTime;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return TimeSpan.Zero; // it has exited
        }
    }
}
