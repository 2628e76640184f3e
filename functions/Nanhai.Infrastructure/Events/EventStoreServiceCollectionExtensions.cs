using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nanhai.Application.Events;

namespace Nanhai.Infrastructure.Events;

public static class EventStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IEventStore"/> as the singleton <see cref="CosmosEventStore"/>. Needs
    /// <see cref="Cosmos.CosmosServiceCollectionExtensions.AddNanhaiCosmos"/> (the client and the <c>events</c> container).
    /// </summary>
    public static IServiceCollection AddNanhaiEventStore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEventStore, CosmosEventStore>();
        services.TryAddSingleton<IEventFeed, CosmosEventFeed>();
        return services;
    }
}
