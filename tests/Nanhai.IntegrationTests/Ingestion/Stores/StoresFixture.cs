using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nanhai.Infrastructure.Ingestion;
using Nanhai.Infrastructure.Storage;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Ingestion.Stores;

[CollectionDefinition(Name)]
public sealed class StoresCollection : ICollectionFixture<StoresFixture>
{
    public const string Name = "ingestion-stores";
}

/// <summary>Azurite, and the ingestion stores registered as a host would register them, pointing at it.</summary>
public sealed class StoresFixture : IAsyncLifetime
{
    public LocalServices Services { get; private set; } = null!;

    public async Task InitializeAsync() => Services = await LocalServices.StartAsync("stores");

    /// <summary>The platform's storage and the ingestion stores on these services; <paramref name="settings"/> add to the configuration.</summary>
    public ServiceProvider Provider(IReadOnlyDictionary<string, string?>? settings = null) =>
        Build(new Dictionary<string, string?> { ["Storage:ConnectionString"] = Services.StorageConnectionString }.Concat(settings ?? new Dictionary<string, string?>()));

    public static ServiceProvider Build(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddNanhaiStorage(configuration).AddIngestionStores(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public async Task DisposeAsync()
    {
        if (Services is not null) await Services.DisposeAsync();
    }
}
