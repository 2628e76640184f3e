using System.Diagnostics;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.Benchmarks;

/// <summary>
/// Azurite, the Cosmos stand-in and the local host as processes on free loopback ports, with a fresh data folder under
/// .local/bench-runs/ — as the integration tests start them (<see cref="ManagedProcess"/>), with the demo data loaded
/// and the development issuer on. Disposing stops every process (the local host first) and deletes the folder.
/// </summary>
public sealed class BenchStack : IAsyncDisposable
{
    public const string TaskHub = "BenchHub";

    readonly List<ManagedProcess> processes = [];
    readonly string dataDirectory = Path.Combine(RepositoryPaths.Root, ".local", "bench-runs", $"run-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}"[..28]);
    readonly int blobPort = ManagedProcess.FreePort(), queuePort = ManagedProcess.FreePort(), tablePort = ManagedProcess.FreePort();
    readonly int cosmosPort = ManagedProcess.FreePort(), httpPort = ManagedProcess.FreePort(), sidecarPort = ManagedProcess.FreePort();

    ManagedProcess? azurite, cosmos, host;

    public Uri BaseAddress => new($"http://127.0.0.1:{httpPort}/");

    public string HostOutputTail => host?.Output is { } output ? output[^Math.Min(output.Length, 4000)..] : "";

    string StorageConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={LocalServices.AzuriteAccountName};AccountKey={LocalServices.AzuriteAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{LocalServices.AzuriteAccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/{LocalServices.AzuriteAccountName};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/{LocalServices.AzuriteAccountName};";

    /// <summary>The processes this run started, by name, for CPU accounting.</summary>
    public IEnumerable<(string Name, int Pid)> Processes =>
        new[] { ("local host", host), ("azurite", azurite), ("cosmos stand-in", cosmos) }
            .Where(p => p.Item2 is { HasExited: false }).Select(p => (p.Item1, p.Item2!.Id));

    public async Task StartAsync(HttpClient http, CancellationToken cancellationToken)
    {
        if (!File.Exists(LocalHostProcess.DllPath))
            throw new InvalidOperationException($"{LocalHostProcess.DllPath} is missing: build bench/Nanhai.Benchmarks (it builds the local host).");
        Directory.CreateDirectory(dataDirectory);
        Bench.Log($"data folder {Path.GetRelativePath(RepositoryPaths.Root, dataDirectory)}");

        var services = RepositoryPaths.LocalServices;
        azurite = Track(ManagedProcess.Start("azurite", "node",
        [
            Path.Combine(services, "node_modules", "azurite", "dist", "src", "azurite.js"),
            "--silent", "--skipApiVersionCheck", "--disableProductStyleUrl", "--disableTelemetry",
            "--location", Path.Combine(dataDirectory, "azurite"),
            "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(),
        ], services));
        cosmos = Track(ManagedProcess.Start("cosmos stand-in", "node",
            [Path.Combine(services, "cosmos", "server.js"), "--port", cosmosPort.ToString(), "--data-dir", Path.Combine(dataDirectory, "cosmos")],
            services));
        var timeout = TimeSpan.FromSeconds(30);
        await Task.WhenAll(azurite.WaitForPortAsync(blobPort, timeout), azurite.WaitForPortAsync(queuePort, timeout),
            azurite.WaitForPortAsync(tablePort, timeout), cosmos.WaitForPortAsync(cosmosPort, timeout)).WaitAsync(cancellationToken);

        host = Track(ManagedProcess.Start("local host", "dotnet", [LocalHostProcess.DllPath], RepositoryPaths.Root, new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["AzureWebJobsStorage"] = StorageConnectionString,
            ["Storage__ConnectionString"] = StorageConnectionString,
            ["Cosmos__Endpoint"] = $"https://127.0.0.1:{cosmosPort}/",
            ["Cosmos__Key"] = LocalServices.CosmosEmulatorKey,
            ["Cosmos__DatabaseName"] = "nanhai",
            ["Cosmos__AcceptLoopbackCertificate"] = "true",
            ["DurableTaskHubName"] = TaskHub,
            ["LocalHost__HttpPort"] = httpPort.ToString(),
            ["LocalHost__SidecarPort"] = sidecarPort.ToString(),
            ["LocalHost__SeedDemoData"] = "true",
            ["Auth__DevelopmentIssuer__KeyFile"] = LocalHostProcess.DevelopmentKeyFile,
        }));
        await host.WaitForPortAsync(httpPort, TimeSpan.FromSeconds(90)).WaitAsync(cancellationToken);

        var started = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (host.HasExited) throw new InvalidOperationException($"The local host exited with {host.ExitCode}.");
            try
            {
                using var health = await http.GetAsync(new Uri(BaseAddress, "api/health"), cancellationToken);
                if (health.IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) { }
            if (started.Elapsed > TimeSpan.FromSeconds(90)) throw new TimeoutException("The local host did not become healthy within 90 s.");
            await Task.Delay(250, cancellationToken);
        }
    }

    ManagedProcess Track(ManagedProcess process)
    {
        processes.Add(process);
        return process;
    }

    public async ValueTask DisposeAsync()
    {
        // In reverse order of starting: the local host stops before the services it uses.
        for (var i = processes.Count - 1; i >= 0; i--)
        {
            try { await processes[i].DisposeAsync(); }
            catch (Exception e) { Bench.Log($"stopping a process failed: {e.Message}"); }
        }
        try { Directory.Delete(dataDirectory, recursive: true); }
        catch (DirectoryNotFoundException) { }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { Bench.Log($"could not delete {dataDirectory}: {e.Message}"); }
    }
}
