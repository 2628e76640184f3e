using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Nanhai.Infrastructure.Cosmos;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Persistence;

/// <summary>
/// Azurite and the Cosmos stand-in for one test class, and a started host with the platform's persistence
/// registrations pointing at them (so its hosted service has created the Cosmos database and containers).
/// </summary>
public sealed class PersistenceFixture : IAsyncLifetime
{
    public LocalServices Services { get; private set; } = null!;
    public IHost Host { get; private set; } = null!;
    public CosmosClient CosmosClient => Host.Services.GetRequiredService<CosmosClient>();
    public Database Database => CosmosClient.GetDatabase(Host.Services.GetRequiredService<IOptions<CosmosOptions>>().Value.DatabaseName);

    public async Task InitializeAsync()
    {
        Services = await LocalServices.StartAsync("persistence");
        Host = BuildHost();
        await Host.StartAsync();
    }

    /// <summary>A host like the platform's, on these services; <paramref name="overrides"/> replace settings (":" keys).</summary>
    public IHost BuildHost(IReadOnlyDictionary<string, string?>? overrides = null) => PlatformServices.Build(Services, overrides);

    public static async Task StopAsync(IHost host)
    {
        await host.StopAsync();
        await ((IAsyncDisposable)host).DisposeAsync();
    }

    public async Task DisposeAsync()
    {
        if (Host is not null) await StopAsync(Host);
        if (Services is not null) await Services.DisposeAsync();
    }
}
