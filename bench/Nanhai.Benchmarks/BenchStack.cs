using Nanhai.IntegrationTests.Support;

namespace Nanhai.Benchmarks;

/// <summary>
/// Azurite, the Cosmos stand-in and the local host as processes on free loopback ports with their own data folder, started
/// exactly as the integration tests start them (<see cref="LocalServices"/>, <see cref="LocalHostProcess"/>), with the demo
/// data loaded. Disposing stops every process (the local host first) and deletes the data.
/// </summary>
public sealed class BenchStack : IAsyncDisposable
{
    LocalServices? services;
    LocalHostProcess? host;

    public Uri BaseAddress => host?.Http.BaseAddress ?? throw new InvalidOperationException("The stack is not started.");

    public string HostOutputTail => host?.Output is { Length: > 0 } output ? output[^Math.Min(output.Length, 4000)..] : "";

    /// <summary>The processes this run started, by name, for CPU accounting.</summary>
    public IEnumerable<(string Name, int Pid)> Processes =>
        (host?.Pid is { } pid ? [("local host", pid)] : Array.Empty<(string, int)>()).Concat(services?.Processes ?? []);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(LocalHostProcess.DllPath))
            throw new InvalidOperationException($"{LocalHostProcess.DllPath} is missing: build bench/Nanhai.Benchmarks (it builds the local host).");
        services = await LocalServices.StartAsync("bench").WaitAsync(cancellationToken);
        host = await LocalHostProcess.StartAsync(services, new Dictionary<string, string?> { ["LocalHost__SeedDemoData"] = "true" })
            .WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (host is not null) await host.DisposeAsync();
        if (services is not null) await services.DisposeAsync();
    }
}
