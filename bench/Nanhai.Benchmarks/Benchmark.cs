using System.Diagnostics;
using System.Reflection;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.Benchmarks;

/// <summary>
/// One run: start the stack, warm it up, measure the probe baseline (before, and after unless told otherwise), measure
/// the application workload in between, print the figures, stop everything.
/// </summary>
public static class Benchmark
{
    const int WarmupProbes = 20;
    const int WarmupApplications = 10;

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var machine = MachineFacts.Capture();
        var runId = Guid.NewGuid().ToString("N")[..8];
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            Timeout = TimeSpan.FromSeconds(100),
        };
        var stack = new BenchStack();
        try
        {
            Bench.Log($"starting Azurite, the Cosmos stand-in and the local host ({Configuration})");
            var phase = Stopwatch.StartNew();
            await stack.StartAsync(cancellationToken);
            var client = new PlatformClient(http, stack.BaseAddress);
            var startup = phase.Elapsed;

            // Both paths once at some volume, so that JIT tiering and the first use of every container, queue, table and
            // connection are behind the measurements.
            Bench.Log($"warming up ({WarmupProbes} probes, {WarmupApplications} applications; not counted)");
            phase.Restart();
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
            Report.Print(Console.Out, options, machine, Configuration, baselines, workload,
                new Report.WallTimes(startup, warmup, total.Elapsed));
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Bench.Log("cancelled");
            return 130;
        }
        catch (Exception e)
        {
            Bench.Log($"failed: {e.GetType().Name}: {e.Message}");
            if (stack.HostOutputTail.Length > 0) Console.Error.WriteLine($"--- the local host's last output ---\n{stack.HostOutputTail}");
            return 1;
        }
        finally
        {
            Bench.Log("stopping the processes this run started and deleting its data folder");
            await stack.DisposeAsync();
        }
    }

    /// <summary>The build configuration of this benchmark, and so of the local host it runs (<see cref="LocalHostProcess.DllPath"/>).</summary>
    static string Configuration =>
        typeof(LocalHostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "?";
}
