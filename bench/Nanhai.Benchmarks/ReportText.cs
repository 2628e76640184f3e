using System.Globalization;

namespace Nanhai.Benchmarks;

/// <summary>What every report prints the same way: the machine it ran on, Markdown tables (ready to paste into a note), numbers.</summary>
public static class ReportText
{
    public static void Machine(TextWriter output, MachineFacts machine)
    {
        output.WriteLine($"machine: {machine.Cores} cores ({machine.Cpu}), {F(machine.MemoryGiB, 1)} GiB, {machine.Os}, {machine.Runtime}; build {Bench.Configuration}");
        output.WriteLine($"load average (1/5/15 min): {machine.LoadAtStart} at start, {machine.LoadAtEnd} at end");
    }

    public static void Table(TextWriter output, string[] header, IEnumerable<string[]> rows)
    {
        output.WriteLine($"| {string.Join(" | ", header)} |");
        output.WriteLine($"|{string.Join("|", header.Select((_, i) => i == 0 ? " --- " : " ---: "))}|");
        foreach (var row in rows) output.WriteLine($"| {string.Join(" | ", row)} |");
    }

    public static string F(double value, int decimals) =>
        double.IsNaN(value) ? "n/a" : value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    /// <summary>A whole number with thousands separators (1,073,741,824).</summary>
    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
