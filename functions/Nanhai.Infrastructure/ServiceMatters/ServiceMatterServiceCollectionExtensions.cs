using Microsoft.Extensions.DependencyInjection;
using Nanhai.Application.ServiceMatters.Applications;
using Nanhai.Application.ServiceMatters.Catalog;
using Nanhai.Application.ServiceMatters.Materials;
using Nanhai.Application.ServiceMatters.Statistics;

namespace Nanhai.Infrastructure.ServiceMatters;

public static class ServiceMatterServiceCollectionExtensions
{
    /// <summary>
    /// The service-matter stores: matters on Cosmos DB, material files in blob storage (needs AddNanhaiCosmos and
    /// AddNanhaiStorage).
    /// </summary>
    public static IServiceCollection AddNanhaiServiceMatterStores(this IServiceCollection services) => services
        .AddSingleton<IMatterRepository, CosmosMatterRepository>()
        .AddSingleton<IMaterialStore, BlobMaterialStore>()
        .AddSingleton<IIdempotencyRecords, CosmosIdempotencyRecords>()
        .AddSingleton<IResultDocuments, BlobResultDocuments>()
        .AddSingleton<IApplicationIndex, CosmosApplicationIndex>()
        .AddSingleton<IServiceFigures, CosmosServiceFigures>();
}
