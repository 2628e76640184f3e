namespace Nanhai.Application.Events;

/// <summary>
/// Tells other systems that something happened, as a CloudEvents envelope (Service Bus topic in Azure,
/// a storage queue on one machine). Subscribers deduplicate by <see cref="IntegrationEvent.Id"/>, so a
/// retried publish with the same id is harmless.
/// </summary>
public interface IIntegrationEventPublisher
{
    Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken = default);
}

/// <summary>
/// One integration event. <paramref name="Type"/> is reverse-DNS and versioned, e.g.
/// <c>cn.gov.nanhai.diagnostics.workflow-probe.completed.v1</c>; <paramref name="Source"/> names the capability,
/// e.g. <c>/nanhai/diagnostics</c>; <paramref name="Subject"/> names the aggregate.
/// </summary>
public sealed record IntegrationEvent(string Id, string Type, string Source, string Subject, DateTimeOffset Time, object Data);
