using Nanhai.IntegrationTests.Support;

namespace Nanhai.Benchmarks.Ingestion;

/// <summary>
/// One run, on one file: write (or reuse) the synthetic GB18030 CSV, then measure in turn the Sep parse ceiling, PostgreSQL
/// COPY and the platform end to end — one after the other, so that none competes with another for the two cores — and
/// print the figures with the platform's ratios to both baselines. Exit code 0 only when every target is met.
/// </summary>
public static class IngestionBenchmark
{
    public static async Task<int> RunAsync(IngestionOptions options, CancellationToken cancellationToken)
    {
        var machine = MachineFacts.Capture();
        var work = Path.Combine(RepositoryPaths.Root, ".local", "bench");
        var file = await ResidentsFile.PrepareAsync(work, options, cancellationToken);
        try
        {
            await file.WarmAsync(cancellationToken);
            Bench.Log($"Sep parse ceiling over {file.Name}");
            var sep = await SepCeiling.RunAsync(file, cancellationToken);
            var copy = await PostgresCopy.RunAsync(file, work, cancellationToken);
            Bench.Log("the platform end to end");
            var platform = await PlatformIngestion.RunAsync(file, cancellationToken);

            machine = machine with { LoadAtEnd = MachineFacts.LoadAverage() };
            var met = IngestionReport.Print(Console.Out, machine, options, file, sep, copy, platform);
            return met ? 0 : 1;
        }
        finally
        {
            if (!options.KeepFile)
            {
                Bench.Log($"deleting {file.Path} (--keep-file keeps it for the next run)");
                file.Delete();
            }
        }
    }
}
