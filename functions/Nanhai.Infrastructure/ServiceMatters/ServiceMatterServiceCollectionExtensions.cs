using Microsoft.Extensions.DependencyInjection;
using Nanhai.Application.ServiceMatters.Catalog;

namespace Nanhai.Infrastructure.ServiceMatters;

public static class ServiceMatterServiceCollectionExtensions
{
    /// <summary>The service-matter stores on Cosmos DB (needs <see cref="Cosmos.CosmosServiceCollectionExtensions.AddNanhaiCosmos"/>).</summary>
    public static IServiceCollection AddNanhaiServiceMatterStores(this IServiceCollection services) =>
        services.AddSingleton<IMatterRepository, CosmosMatterRepository>();
}
