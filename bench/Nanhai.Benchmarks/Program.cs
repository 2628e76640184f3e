using System.Runtime.InteropServices;
using Nanhai.Benchmarks;

// ./nanhai bench [--probes N] [--applications M] [--clients C] [--baselines 1|2]
var options = BenchOptions.Parse(args);
if (options is null) return 2;

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

return await Benchmark.RunAsync(options, cancel.Token);
