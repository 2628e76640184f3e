using Nanhai.Application.Events;
using Nanhai.Domain.ServiceMatters.Applications;

namespace Nanhai.Application.ServiceMatters.Applications;

/// <summary>
/// Applications kept as their event streams (<c>application:{id}</c>) in the event store: loading replays the stream,
/// saving appends the pending events at the version the application was loaded at — so two writers cannot both
/// change the same version, and a retried step whose events are already there appends nothing. After each save the
/// lists (<see cref="IApplicationIndex"/>) are updated and each new event is published as an integration event.
/// </summary>
public sealed class ServiceApplicationStore(IEventStore events, IApplicationIndex index, IIntegrationEventPublisher integrationEvents)
{
    public static string StreamOf(string applicationId) => $"application:{applicationId}";

    /// <summary>The application, or null when its stream is empty.</summary>
    public async Task<ServiceApplication?> FindAsync(string applicationId, CancellationToken cancellationToken = default)
    {
        var stream = new List<ServiceApplicationEvent>();
        await foreach (var stored in events.ReadAsync(StreamOf(applicationId), cancellationToken: cancellationToken))
            stream.Add(ServiceApplicationEventJson.Deserialize(stored.Data));
        return stream.Count == 0 ? null : ServiceApplication.Replay(stream);
    }

    /// <summary>
    /// Appends what the application recorded since it was loaded. Throws <see cref="Common.ConflictException"/> when
    /// someone else changed it first.
    /// </summary>
    public async Task<long> SaveAsync(ServiceApplication application, CancellationToken cancellationToken = default)
    {
        if (application.PendingEvents.Count == 0) return application.Version;
        var saved = application.PendingEvents.ToList();
        var version = await events.AppendAsync(StreamOf(application.Id), application.CommittedVersion,
            [.. saved.Select(e => new NewEvent(e.EventId, e.Type, ServiceApplicationEventJson.Serialize(e), e.Actor))],
            cancellationToken);
        application.MarkCommitted();
        await index.UpdateAsync(application, cancellationToken);
        // Same ids as the stored events, so subscribers drop the duplicates a retried step may send.
        foreach (var e in saved)
            await integrationEvents.PublishAsync(new IntegrationEvent(e.EventId, $"cn.gov.nanhai.service-matters.{e.Type}.v1",
                "/nanhai/service-matters", $"applications/{application.Id}", e.At,
                new { applicationId = application.Id, matter = application.Matter.Version.ToString(), status = application.Status.ToString(), sequence = e.Sequence }),
                cancellationToken);
        return version;
    }
}
