using Azure.Messaging.ServiceBus;
using Nanhai.Application.Events;

namespace Nanhai.Infrastructure.Events.IntegrationEvents;

/// <summary>
/// Publishes each integration event as one message on a Service Bus topic. The message id is the event id, so the
/// topic's duplicate detection drops a retried publish; the subject is the event type, for subscription filters.
/// </summary>
public sealed class ServiceBusIntegrationEventPublisher(ServiceBusClient client, string topicName) : IIntegrationEventPublisher, IAsyncDisposable
{
    readonly ServiceBusSender sender = client.CreateSender(topicName);

    public Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken = default) =>
        sender.SendMessageAsync(CreateMessage(integrationEvent), cancellationToken);

    /// <summary>The message for <paramref name="integrationEvent"/>: structured CloudEvent JSON as the body.</summary>
    public static ServiceBusMessage CreateMessage(IntegrationEvent integrationEvent)
    {
        var body = IntegrationEventEnvelope.Encode(integrationEvent, out var contentType);
        return new ServiceBusMessage(body)
        {
            MessageId = integrationEvent.Id,
            ContentType = contentType.ToString(),
            Subject = integrationEvent.Type,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await sender.DisposeAsync();
        await client.DisposeAsync();
    }
}
