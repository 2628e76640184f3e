using System.Diagnostics;
using Azure.Core;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nanhai.Application.Events;

namespace Nanhai.Infrastructure.Events.IntegrationEvents;

public static class IntegrationEventsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IIntegrationEventPublisher"/> for the transport in the <c>IntegrationEvents</c> section
    /// (validated at start-up): <see cref="StorageQueueIntegrationEventPublisher"/> on the platform's storage account
    /// (the <see cref="QueueServiceClient"/> of <see cref="Storage.StorageServiceCollectionExtensions.AddNanhaiStorage"/>),
    /// or <see cref="ServiceBusIntegrationEventPublisher"/> on
    /// <c>IntegrationEvents:ServiceBusNamespace</c>. Entra ID uses the registered <see cref="TokenCredential"/>,
    /// <see cref="DefaultAzureCredential"/> unless the host registered another one first.
    /// </summary>
    public static IServiceCollection AddNanhaiIntegrationEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IntegrationEventsOptions>().Bind(configuration.GetSection(IntegrationEventsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IntegrationEventsOptions>, IntegrationEventsOptionsValidator>());
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        services.TryAddSingleton<IIntegrationEventPublisher>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<IntegrationEventsOptions>>().Value;
            return options.Transport switch
            {
                IntegrationEventTransport.ServiceBus => new ServiceBusIntegrationEventPublisher(
                    new ServiceBusClient(options.ServiceBusNamespace, provider.GetRequiredService<TokenCredential>()), options.TopicName),
                IntegrationEventTransport.StorageQueue => new StorageQueueIntegrationEventPublisher(
                    provider.GetRequiredService<QueueServiceClient>().GetQueueClient(options.QueueName)),
                _ => throw new UnreachableException($"{options.Transport} passed validation."),
            };
        });
        return services;
    }
}
