using static Nanhai.Benchmarks.ReportText;

namespace Nanhai.Benchmarks.Ingestion;

/// <summary>The figures of one ingestion run as Markdown tables, the platform's rates as ratios to the baselines of the same run.</summary>
public static class IngestionReport
{
    // The targets, for the 1 GB file.
    const double CopyRatioTarget = 1.0;
    const double SepRatioTarget = 0.4;
    const double MemoryTargetMb = 300;

    /// <summary>Prints the report; true when every target is met (false when the platform could not be measured).</summary>
    public static bool Print(TextWriter output, MachineFacts machine, IngestionOptions options, ResidentsFile file,
        Measurement sep, Measurement copy, PlatformIngestion.Outcome platform)
    {
        output.WriteLine();
        output.WriteLine("Nanhai benchmark: ingestion of one synthetic GB18030 CSV (实有人口, 10102-000001) against the Sep parse ceiling and PostgreSQL COPY, one run");
        Machine(output, machine);
        output.WriteLine($"file: {file.Name}, {N(file.Bytes)} bytes ({F(file.Bytes / Measurement.MB, 1)} MB), {N(file.Rows)} rows, seed {options.Seed}; " +
            "MB = 2^20 bytes; the file was read once before the measurements, so all read it from the page cache");
        output.WriteLine();

        var result = platform.Result;
        var rows = new List<string[]>
        {
            file.Generation is { } generation
                ? Row(generation, "generator: SyntheticResidents.WriteCsv to the file (not a baseline)")
                : ["generator: not run, the file was kept by an earlier run", "", "", "", ""],
            Row(sep, $"baseline: {sep.Name} — StreamReader (GB18030) + Sep, one thread, every column touched"),
            Row(copy, $"baseline: {copy.Name} FROM STDIN (csv, ENCODING 'GB18030') into 9 text columns, streamed by the client"),
        };
        if (result is null) rows.Add(["platform: upload complete → snapshotAt", "not measured", "", "", ""]);
        else rows.AddRange([Row(result.EndToEnd, $"**{result.EndToEnd.Name}**"), Row(result.Run, result.Run.Name)]);
        Table(output, ["measurement", "elapsed", "MB/s", "rows/s", "peak memory"], rows);

        output.WriteLine();
        var verdicts = new List<bool?>();
        var targets = new List<string[]>
        {
            Target("end to end ÷ COPY (MB/s)", result?.EndToEnd.MegabytesPerSecond / copy.MegabytesPerSecond, 3,
                $"≥ {F(CopyRatioTarget, 1)} (end to end ≥ {F(CopyRatioTarget * copy.MegabytesPerSecond, 1)} MB/s)", r => r >= CopyRatioTarget),
            Target("end to end ÷ Sep parse ceiling (MB/s)", result?.EndToEnd.MegabytesPerSecond / sep.MegabytesPerSecond, 3,
                $"≥ {F(SepRatioTarget, 1)} (end to end ≥ {F(SepRatioTarget * sep.MegabytesPerSecond, 1)} MB/s)", r => r >= SepRatioTarget),
            Target("local host peak memory, VmHWM (MB)", result?.HostPeakBytes / Measurement.MB, 0, $"< {F(MemoryTargetMb, 0)}", m => m < MemoryTargetMb),
        };
        Table(output, ["target", "measured", "required", "verdict"], targets);
        if (options.SizeMb != 1024) output.WriteLine($"\nThe targets are set for the 1024 MB file; this run used {options.SizeMb} MB.");
        if (platform.NotMeasured is { } reason) output.WriteLine($"\nThe platform was not measured: {reason}.");

        if (result is not null)
        {
            var run = result.Details;
            output.WriteLine();
            Table(output, ["platform detail", "value"],
            [
                ["upload with the Blob SDK (before the clock starts)", $"{F(result.Upload.TotalSeconds, 1)} s ({F(file.Bytes / Measurement.MB / result.Upload.TotalSeconds, 0)} MB/s)"],
                ["upload complete → run startedAt (trigger)", $"{F(result.Trigger.TotalSeconds, 2)} s"],
                ["snapshotAt → finishedAt", Seconds(run.FinishedAt - run.SnapshotAt)],
                ["rows read / accepted / rejected", $"{N(run.RowsRead)} / {N(run.RowsAccepted)} / {N(run.RowsRejected)}"],
                ["run: status, attempt, format, encoding", $"{run.Status}, {run.Attempt}, {run.Format}, {run.Encoding}"],
                ["local host VmRSS, max of samples every 200 ms from the upload on", $"{F(result.HostMaxRssBytes / Measurement.MB, 0)} MB"],
                .. result.Cpu.Select(c => new[] { $"CPU seconds, upload to success: {c.Key}", F(c.Value.TotalSeconds, 1) }),
            ]);
        }
        output.WriteLine();
        return verdicts.All(v => v == true);

        string[] Target(string name, double? measured, int decimals, string required, Func<double, bool> met)
        {
            var verdict = measured is { } value ? met(value) : (bool?)null;
            verdicts.Add(verdict);
            return [name, measured is { } m ? F(m, decimals) : "not measured", required, verdict switch { true => "PASS", false => "**FAIL**", null => "NOT MEASURED" }];
        }
    }

    static string[] Row(Measurement m, string name) =>
    [
        name, $"{F(m.Elapsed.TotalSeconds, 2)} s", F(m.MegabytesPerSecond, 1), N((long)m.RowsPerSecond),
        m.PeakMemoryBytes is { } peak ? $"{F(peak / Measurement.MB, 0)} MB ({m.MemoryNote})" : "",
    ];

    static string Seconds(TimeSpan? span) => span is { } s ? $"{F(s.TotalSeconds, 2)} s" : "n/a";
}
