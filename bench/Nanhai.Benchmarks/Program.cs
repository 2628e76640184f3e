using System.Runtime.InteropServices;
using Nanhai.Benchmarks;
using Nanhai.Benchmarks.Ingestion;
using Nanhai.Benchmarks.Workflows;

// ./nanhai bench [workflows|ingestion] [options]: the benchmark by capability, then its own options. Without a name it
// is the workflow benchmark, as before there were two (and the ingestion one needs a GB of disk and PostgreSQL).
var (name, options) = args is [var first, ..] && !first.StartsWith('-') ? (first, args[1..]) : ("workflows", args);
Func<CancellationToken, Task<int>>? run = name switch
{
    "workflows" => WorkflowOptions.Parse(options) is { } workflows ? ct => WorkflowBenchmark.RunAsync(workflows, ct) : null,
    "ingestion" => IngestionOptions.Parse(options) is { } ingestion ? ct => IngestionBenchmark.RunAsync(ingestion, ct) : null,
    _ => null,
};
if (run is null)
{
    if (name is not ("workflows" or "ingestion")) Console.Error.WriteLine($"Unknown benchmark {name}: workflows or ingestion.");
    return 2;
}

// Ctrl-C, SIGTERM, SIGHUP: cancel the run so that every process it started is stopped and its data folder deleted.
// A second signal is left to the runtime (it ends the process at once).
using var cancel = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    if (cancel.IsCancellationRequested) return;
    context.Cancel = true;
    Console.Error.WriteLine("[bench] stopping (signal received)");
    cancel.Cancel();
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);

try
{
    return await run(cancel.Token);
}
catch (Exception) when (cancel.IsCancellationRequested)
{
    // Whatever a cancelled step throws (Npgsql, for one, wraps the cancellation in its own exception).
    Bench.Log("cancelled");
    return 130;
}
catch (Exception e)
{
    Bench.Log($"failed: {e.GetType().Name}: {e.Message}");
    return 1;
}
