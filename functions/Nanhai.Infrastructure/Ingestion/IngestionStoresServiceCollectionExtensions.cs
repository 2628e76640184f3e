using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nanhai.Application.Ingestion.Lookups;
using Nanhai.Application.Ingestion.Snapshots;
using Nanhai.Infrastructure.Ingestion.Lookups;
using Nanhai.Infrastructure.Ingestion.Snapshots;
using Nanhai.Infrastructure.Storage;

namespace Nanhai.Infrastructure.Ingestion;

public static class IngestionStoresServiceCollectionExtensions
{
    /// <summary>
    /// Registers where ingestion writes: <see cref="ISnapshotStore"/> (Parquet in Blob Storage) and
    /// <see cref="ILookupIndex"/> (Table Storage), with their options validated at start-up. They use the storage clients
    /// of <see cref="StorageServiceCollectionExtensions.AddNanhaiStorage"/>, which must be registered too; in Azure the
    /// index also needs <c>Storage:TableServiceUri</c>.
    /// </summary>
    public static IServiceCollection AddIngestionStores(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SnapshotStoreOptions>().Bind(configuration.GetSection(SnapshotStoreOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LookupIndexOptions>().Bind(configuration.GetSection(LookupIndexOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, TableServiceUriRequired>();
        services.AddSingleton<ISnapshotStore, ParquetSnapshotStore>();
        services.AddSingleton<ILookupIndex, TableLookupIndex>();
        return services;
    }

    /// <summary>Without a connection string (Azure), the index reaches the Table service by its URI with the managed identity.</summary>
    sealed class TableServiceUriRequired : IValidateOptions<StorageOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
            string.IsNullOrWhiteSpace(options.ConnectionString) && options.TableServiceUri is null
                ? ValidateOptionsResult.Fail("Set Storage:TableServiceUri (Azure, managed identity) for the keyed-lookup index, or Storage:ConnectionString (local).")
                : ValidateOptionsResult.Success;
    }
}
