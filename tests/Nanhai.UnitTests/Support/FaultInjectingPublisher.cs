using Nanhai.Application.Events;

namespace Nanhai.UnitTests.Support;

/// <summary>
/// Publishes to an inner <see cref="RecordingPublisher"/>, except that the first attempt to publish an event whose type
/// ends with a chosen suffix fails, as a broker that is briefly away would.
/// </summary>
public sealed class FaultInjectingPublisher(RecordingPublisher inner) : IIntegrationEventPublisher
{
    string? failOnceSuffix;

    /// <summary>The next event whose type ends with <paramref name="typeSuffix"/> fails to publish (once).</summary>
    public void FailOnce(string typeSuffix) => Volatile.Write(ref failOnceSuffix, typeSuffix);

    public Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var suffix = Volatile.Read(ref failOnceSuffix);
        if (suffix is not null && integrationEvent.Type.EndsWith(suffix, StringComparison.Ordinal)
            && Interlocked.CompareExchange(ref failOnceSuffix, null, suffix) == suffix)
            throw new InvalidOperationException($"Publishing {integrationEvent.Type} failed (scripted).");
        return inner.PublishAsync(integrationEvent, cancellationToken);
    }
}
