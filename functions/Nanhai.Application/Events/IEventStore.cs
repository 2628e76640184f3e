namespace Nanhai.Application.Events;

/// <summary>
/// Append-only events per aggregate (a stream), read back in order: an application's timeline, a resource's audit log.
/// Appends are guarded by the expected version, and an event id that is already in the stream is not appended twice,
/// so a retried activity cannot double an event.
/// </summary>
public interface IEventStore
{
    /// <summary>
    /// Appends <paramref name="events"/> after version <paramref name="expectedVersion"/> (0 for a new stream).
    /// Returns the stream's version after the append. Throws <see cref="Common.ConflictException"/> when another
    /// writer got there first with different events.
    /// </summary>
    Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Appends at the end of the stream whatever its version, retrying on a concurrent append.</summary>
    Task<long> AppendToEndAsync(string streamId, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Reads the stream's events in order, starting at <paramref name="fromVersion"/>.</summary>
    IAsyncEnumerable<StoredEvent> ReadAsync(string streamId, long fromVersion = 1, CancellationToken cancellationToken = default);
}

/// <summary>An event to append. <paramref name="EventId"/> must be deterministic for a retried step.</summary>
public sealed record NewEvent(string EventId, string Type, object Data, string? Actor = null);

/// <summary>An event as stored, with its position in the stream.</summary>
public sealed record StoredEvent(
    string StreamId, long Version, string EventId, string Type, System.Text.Json.JsonElement Data, string? Actor, DateTimeOffset RecordedAt);
