using Azure.Storage.Queues;
using Nanhai.Application.Events;

namespace Nanhai.Infrastructure.Events.IntegrationEvents;

/// <summary>
/// Publishes each integration event as one storage-queue message: the structured CloudEvent JSON, Base64-encoded
/// as the Functions queue trigger expects by default. Creates the queue on first use.
/// </summary>
public sealed class StorageQueueIntegrationEventPublisher(QueueClient queue) : IIntegrationEventPublisher
{
    readonly SemaphoreSlim creating = new(1, 1);
    volatile bool queueExists;

    /// <summary>The client options the queue must be created with: Base64 message text.</summary>
    public static QueueClientOptions ClientOptions() => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    public async Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken = default)
    {
        var body = IntegrationEventEnvelope.Encode(integrationEvent, out _);
        await EnsureQueueExistsAsync(cancellationToken);
        await queue.SendMessageAsync(body, cancellationToken: cancellationToken);
    }

    // Not a Lazy<Task>: a failed attempt (storage not up yet) must not be remembered.
    async Task EnsureQueueExistsAsync(CancellationToken cancellationToken)
    {
        if (queueExists) return;
        await creating.WaitAsync(cancellationToken);
        try
        {
            if (!queueExists) await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            queueExists = true;
        }
        finally
        {
            creating.Release();
        }
    }
}
