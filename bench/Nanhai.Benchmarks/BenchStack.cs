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

    public Uri BaseAddress => host?.Http.BaseAddress ?? throw NotStarted();

    /// <summary>The Azurite connection string the local host uses, for clients that drop files as departments do.</summary>
    public string StorageConnectionString => services?.StorageConnectionString ?? throw NotStarted();

    /// <summary>The local host's process id, for reading its memory from /proc.</summary>
    public int HostPid => host?.Pid ?? throw new InvalidOperationException("The local host is not running.");

    string HostOutputTail => host?.Output is { Length: > 0 } output ? output[^Math.Min(output.Length, 4000)..] : "";

    /// <summary>The processes this run started, by name, for CPU accounting.</summary>
    public IEnumerable<(string Name, int Pid)> Processes =>
        (host?.Pid is { } pid ? [("local host", pid)] : Array.Empty<(string, int)>()).Concat(services?.Processes ?? []);

    /// <summary>
    /// Starts the stack, runs <paramref name="body"/> against it and stops it again. When the body fails (other than by
    /// cancellation), the local host's last output is printed before the processes are stopped: it usually says why.
    /// </summary>
    public static async Task<T> UseAsync<T>(Func<BenchStack, Task<T>> body, CancellationToken cancellationToken)
    {
        var stack = new BenchStack();
        try
        {
            Bench.Log($"starting Azurite, the Cosmos stand-in and the local host ({Bench.Configuration})");
            await stack.StartAsync(cancellationToken);
            return await body(stack);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested && stack.HostOutputTail.Length > 0)
        {
            Console.Error.WriteLine($"--- the local host's last output ---\n{stack.HostOutputTail}");
            throw;
        }
        finally
        {
            Bench.Log("stopping the processes this run started and deleting their data folder");
            await stack.DisposeAsync();
        }
    }

    async Task StartAsync(CancellationToken cancellationToken)
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

    static InvalidOperationException NotStarted() => new("The stack is not started.");
}
