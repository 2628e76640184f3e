using System.Diagnostics;
using nietras.SeparatedValues;

namespace Nanhai.Benchmarks.Ingestion;

/// <summary>
/// The parse ceiling: the file decoded from GB18030 by a StreamReader and split by Sep, on one thread, every column of
/// every row touched (their lengths summed) and nothing else — what any ingestion built on Sep must do at the least.
/// A pass over 1 GB takes seconds, so a moment of load on a shared machine moves it a lot: the median of a few passes is
/// the baseline. Runs in this process; its memory is this process's VmRSS sampled during the passes.
/// </summary>
public static class SepCeiling
{
    const int Passes = 3;

    public static async Task<Measurement> RunAsync(ResidentsFile file, CancellationToken cancellationToken)
    {
        var times = new List<TimeSpan>();
        await using var memory = ProcessMemory.Sample(Environment.ProcessId);
        for (var pass = 1; pass <= Passes; pass++)
        {
            var clock = Stopwatch.StartNew();
            var (rows, characters) = await Task.Run(() => Parse(file, cancellationToken), cancellationToken);
            times.Add(clock.Elapsed);
            if (rows != file.Rows) throw new InvalidOperationException($"Sep read {rows} rows, the file has {file.Rows}.");
            Bench.Log($"Sep pass {pass}: {rows} rows, {characters} characters in the columns, {clock.Elapsed.TotalSeconds:F2} s");
        }
        var median = times.Order().ElementAt(Passes / 2);
        var rates = times.Select(t => file.Bytes / Measurement.MB / t.TotalSeconds).ToArray();
        return new Measurement($"Sep parse ceiling, median of {Passes} passes ({rates.Min():F0}–{rates.Max():F0} MB/s)", file.Bytes, file.Rows, median,
            memory.MaxRss, "benchmark process, VmRSS max during the passes");
    }

    static (long Rows, long Characters) Parse(ResidentsFile file, CancellationToken cancellationToken)
    {
        long rows = 0, characters = 0;
        using var text = new StreamReader(file.Open(), ResidentsFile.Gb18030, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 20);
        using var reader = Sep.New(',').Reader().From(text);
        foreach (var row in reader)
        {
            for (var i = 0; i < row.ColCount; i++) characters += row[i].Span.Length;
            if (++rows % 65536 == 0) cancellationToken.ThrowIfCancellationRequested();
        }
        return (rows, characters);
    }
}
