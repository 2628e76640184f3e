using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nanhai.Infrastructure.Ingestion.Lookups;
using Nanhai.Infrastructure.Ingestion.Snapshots;
using Nanhai.Infrastructure.Storage;

namespace Nanhai.IntegrationTests.Ingestion.Stores;

/// <summary>The stores' settings are checked before anything is written with them.</summary>
public sealed class IngestionStoresOptionsTests
{
    const string Local = "UseDevelopmentStorage=true";

    [Fact]
    public void Defaults_are_valid()
    {
        using var provider = StoresFixture.Build(new Dictionary<string, string?> { ["Storage:ConnectionString"] = Local });

        var snapshots = provider.GetRequiredService<IOptions<SnapshotStoreOptions>>().Value;
        var lookups = provider.GetRequiredService<IOptions<LookupIndexOptions>>().Value;
        Assert.Equal(("snapshots", 20_000), (snapshots.ContainerName, snapshots.RowGroupRows));
        Assert.Equal((4, "lookup"), (lookups.WriteConcurrency, lookups.TablePrefix));
    }

    [Fact]
    public void Bad_settings_are_refused_with_the_setting_named()
    {
        using var provider = StoresFixture.Build(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = Local,
            ["Ingestion:Snapshots:ContainerName"] = "Snapshots_2026",
            ["Ingestion:Snapshots:RowGroupRows"] = "10",
            ["Ingestion:Lookups:WriteConcurrency"] = "0",
            ["Ingestion:Lookups:TablePrefix"] = "1lookup-",
        });

        var snapshots = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SnapshotStoreOptions>>().Value);
        var lookups = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LookupIndexOptions>>().Value);
        Assert.Contains("Ingestion:Snapshots:ContainerName", snapshots.Message);
        Assert.Contains("Ingestion:Snapshots:RowGroupRows", snapshots.Message);
        Assert.Contains("Ingestion:Lookups:WriteConcurrency", lookups.Message);
        Assert.Contains("Ingestion:Lookups:TablePrefix", lookups.Message);
    }

    [Fact]
    public void In_Azure_the_index_needs_the_table_service_URI()
    {
        var azure = new Dictionary<string, string?>
        {
            ["Storage:BlobServiceUri"] = "https://nanhaidata.blob.core.windows.net/",
            ["Storage:QueueServiceUri"] = "https://nanhaidata.queue.core.windows.net/",
        };
        using var without = StoresFixture.Build(azure);
        using var with = StoresFixture.Build(azure.Append(KeyValuePair.Create("Storage:TableServiceUri", (string?)"https://nanhaidata.table.core.windows.net/")));

        var missing = Assert.Throws<OptionsValidationException>(() => without.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains("Storage:TableServiceUri", missing.Message);
        Assert.Equal(new Uri("https://nanhaidata.table.core.windows.net/"), with.GetRequiredService<IOptions<StorageOptions>>().Value.TableServiceUri);
    }
}
