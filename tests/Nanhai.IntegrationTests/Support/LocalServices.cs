namespace Nanhai.IntegrationTests.Support;

/// <summary>
/// Azurite and the Cosmos stand-in, started by the tests on free loopback ports with their own data folders
/// (the packages come from infra/local, installed by ./nanhai). Each can be stopped and started again on the
/// same port and data, to test restarts and outages.
/// </summary>
public sealed class LocalServices : IAsyncDisposable
{
    /// <summary>Azurite's published development account (not a secret: every Azurite has it).</summary>
    public const string AzuriteAccountName = "devstoreaccount1";
    public const string AzuriteAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    /// <summary>The Cosmos DB emulator's published key; the stand-in accepts any key.</summary>
    public const string CosmosEmulatorKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    readonly string dataDirectory;
    ManagedProcess? azurite;
    ManagedProcess? cosmos;

    LocalServices(string dataDirectory)
    {
        this.dataDirectory = dataDirectory;
        BlobPort = ManagedProcess.FreePort();
        QueuePort = ManagedProcess.FreePort();
        TablePort = ManagedProcess.FreePort();
        CosmosPort = ManagedProcess.FreePort();
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }
    public int CosmosPort { get; }

    public string StorageConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AzuriteAccountName};AccountKey={AzuriteAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AzuriteAccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AzuriteAccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AzuriteAccountName};";

    public string CosmosEndpoint => $"https://127.0.0.1:{CosmosPort}/";

    public static async Task<LocalServices> StartAsync(string name)
    {
        var services = new LocalServices(RepositoryPaths.NewDataDirectory(name));
        await Task.WhenAll(services.StartAzuriteAsync(), services.StartCosmosAsync());
        return services;
    }

    public async Task StartAzuriteAsync()
    {
        // A restart: release the previous process (stopping it if it still runs, as it holds the ports).
        if (azurite is not null) { await azurite.DisposeAsync(); azurite = null; }
        var bin = Path.Combine(RepositoryPaths.LocalServices, "node_modules", "azurite", "dist", "src", "azurite.js");
        azurite = ManagedProcess.Start("azurite", "node",
        [
            bin, "--silent", "--skipApiVersionCheck", "--disableProductStyleUrl", "--disableTelemetry",
            "--location", Path.Combine(dataDirectory, "azurite"),
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(),
        ], RepositoryPaths.LocalServices);
        await Task.WhenAll(
            azurite.WaitForPortAsync(BlobPort, TimeSpan.FromSeconds(30)),
            azurite.WaitForPortAsync(QueuePort, TimeSpan.FromSeconds(30)),
            azurite.WaitForPortAsync(TablePort, TimeSpan.FromSeconds(30)));
    }

    public async Task StartCosmosAsync()
    {
        if (cosmos is not null) { await cosmos.DisposeAsync(); cosmos = null; }
        cosmos = ManagedProcess.Start("cosmos", "node",
        [
            Path.Combine(RepositoryPaths.LocalServices, "cosmos", "server.js"),
            "--port", CosmosPort.ToString(), "--data-dir", Path.Combine(dataDirectory, "cosmos"),
        ], RepositoryPaths.LocalServices);
        await cosmos.WaitForPortAsync(CosmosPort, TimeSpan.FromSeconds(30));
    }

    /// <summary>The running services' processes, for measurements that account CPU per process.</summary>
    public IEnumerable<(string Name, int Pid)> Processes =>
        new[] { ("azurite", azurite), ("cosmos stand-in", cosmos) }.Where(p => p.Item2 is { HasExited: false }).Select(p => (p.Item1, p.Item2!.Id));

    public Task StopCosmosAsync() => cosmos?.StopAsync() ?? Task.CompletedTask;
    public Task KillCosmosAsync() => cosmos?.KillAsync() ?? Task.CompletedTask;
    public void SuspendCosmos() => cosmos?.Suspend();
    public void ResumeCosmos() => cosmos?.Resume();
    public Task StopAzuriteAsync() => azurite?.StopAsync() ?? Task.CompletedTask;

    /// <summary>The settings a platform host needs to use these services (environment-variable form).</summary>
    public Dictionary<string, string?> PlatformSettings(string taskHub) => new()
    {
        ["AzureWebJobsStorage"] = StorageConnectionString,
        ["Storage__ConnectionString"] = StorageConnectionString,
        ["Cosmos__Endpoint"] = CosmosEndpoint,
        ["Cosmos__Key"] = CosmosEmulatorKey,
        ["Cosmos__DatabaseName"] = "nanhai",
        ["Cosmos__AcceptLoopbackCertificate"] = "true",
        ["DurableTaskHubName"] = taskHub,
    };

    public async ValueTask DisposeAsync()
    {
        if (azurite is not null) await azurite.DisposeAsync();
        if (cosmos is not null) await cosmos.DisposeAsync();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
