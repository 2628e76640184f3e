using Nanhai.Application.Events;
using Nanhai.Domain.ServiceMatters.Applications;

namespace Nanhai.Application.ServiceMatters.Applications;

/// <summary>
/// Relays applications' events to subscribers as CloudEvents, from the event store's feed rather than from the step that
/// appended them, and refreshes the lists of the applications concerned: a step that appended and then failed (and is
/// retried as "already done") loses neither the integration event nor the list update.
/// </summary>
public sealed class ApplicationEventRelay(IEventFeed feed, IIntegrationEventPublisher integrationEvents, ServiceApplicationStore applications,
    IApplicationIndex index)
{
    public const string Checkpoint = "application-events";

    public Task<int> RelayAsync(CancellationToken cancellationToken) => feed.DrainAsync(Checkpoint, async page =>
    {
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stored in page.Where(e => e.StreamId.StartsWith("application:", StringComparison.Ordinal)))
        {
            var e = ServiceApplicationEventJson.Deserialize(stored.Data);
            touched.Add(e.ApplicationId);
            // The stored event's id: a page handed again after a crash sends duplicates subscribers recognise.
            await integrationEvents.PublishAsync(new IntegrationEvent(e.EventId, $"cn.gov.nanhai.service-matters.{e.Type}.v1",
                "/nanhai/service-matters", $"applications/{e.ApplicationId}", e.At,
                new { applicationId = e.ApplicationId, sequence = e.Sequence, type = e.Type, actor = e.Actor }), cancellationToken);
        }
        foreach (var id in touched)
            if (await applications.FindAsync(id, cancellationToken) is { } application)
                await index.UpdateAsync(application, cancellationToken);
    }, cancellationToken);
}
