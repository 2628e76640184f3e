using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nanhai.Application.Catalog;
using Nanhai.Application.Ingestion;
using Nanhai.Application.Ingestion.Runs;
using Nanhai.Infrastructure.Catalog;
using Nanhai.Infrastructure.Ingestion.Reading;

namespace Nanhai.Infrastructure.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>The catalog and ingestion's adapters: Cosmos stores, the dump drop zone, file readers, snapshots and lookup index.</summary>
    public static IServiceCollection AddNanhaiCatalogAndIngestion(this IServiceCollection services, IConfiguration configuration) => services
        .AddSingleton<ICatalogStore, CosmosCatalogStore>()
        .AddSingleton<IIngestionRunStore, CosmosIngestionRunStore>()
        .AddSingleton<IDumpStore, BlobDumpStore>()
        .AddIngestionStores(configuration)
        .AddDumpReading(configuration);
}
