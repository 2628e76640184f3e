using System.Diagnostics;

namespace Nanhai.Benchmarks.Workflows;

/// <summary>
/// One run: start the stack, warm it up, measure the probe baseline (before, and after unless told otherwise), measure
/// the application workload in between, print the figures, stop everything.
/// </summary>
public static class WorkflowBenchmark
{
    const int WarmupProbes = 20;
    const int WarmupApplications = 10;

    public static async Task<int> RunAsync(WorkflowOptions options, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var machine = MachineFacts.Capture();
        var runId = Guid.NewGuid().ToString("N")[..8];
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            Timeout = TimeSpan.FromSeconds(100),
        };
        return await BenchStack.UseAsync(async stack =>
        {
            var client = new PlatformClient(http, stack.BaseAddress);
            var startup = total.Elapsed;

            // Both paths once at some volume, so that JIT tiering and the first use of every container, queue, table and
            // connection are behind the measurements.
            Bench.Log($"warming up ({WarmupProbes} probes, {WarmupApplications} applications; not counted)");
            var phase = Stopwatch.StartNew();
            await ProbeBaseline.RunAsync(client, stack, WarmupProbes, cancellationToken);
            await ApplicationWorkload.RunAsync(client, stack, WarmupApplications, options.Clients, $"{runId}w", cancellationToken);
            var warmup = phase.Elapsed;

            Bench.Log($"baseline: {options.Probes} workflow probes");
            var baselines = new List<ProbeBaseline.Result> { await ProbeBaseline.RunAsync(client, stack, options.Probes, cancellationToken) };

            Bench.Log($"workload: {options.Applications} applications, {options.Clients} clients");
            var workload = await ApplicationWorkload.RunAsync(client, stack, options.Applications, options.Clients, runId, cancellationToken);

            if (options.Baselines > 1)
            {
                Bench.Log($"baseline again: {options.Probes} workflow probes");
                baselines.Add(await ProbeBaseline.RunAsync(client, stack, options.Probes, cancellationToken));
            }
            machine = machine with { LoadAtEnd = MachineFacts.LoadAverage() };
            WorkflowReport.Print(Console.Out, machine, baselines, workload, new WorkflowReport.WallTimes(startup, warmup, total.Elapsed));
            return 0;
        }, cancellationToken);
    }
}
