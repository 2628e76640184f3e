using Nanhai.Application.Events;
using Nanhai.Domain.ServiceMatters.Applications;

namespace Nanhai.Application.ServiceMatters.Applications;

/// <summary>
/// Applications kept as their event streams (<c>application:{id}</c>) in the event store: loading replays the stream,
/// saving appends the pending events at the version the application was loaded at — so two writers cannot both
/// change the same version, and a retried step whose events are already there appends nothing. After each save the
/// lists (<see cref="IApplicationIndex"/>) are updated at once; <see cref="ApplicationEventRelay"/> publishes the
/// integration events from the store's feed and repairs a list update that failed here.
/// </summary>
public sealed class ServiceApplicationStore(IEventStore events, IApplicationIndex index)
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
        var version = await events.AppendAsync(StreamOf(application.Id), application.CommittedVersion,
            [.. application.PendingEvents.Select(e => new NewEvent(e.EventId, e.Type, ServiceApplicationEventJson.Serialize(e), e.Actor))],
            cancellationToken);
        application.MarkCommitted();
        await index.UpdateAsync(application, cancellationToken);
        return version;
    }
}
