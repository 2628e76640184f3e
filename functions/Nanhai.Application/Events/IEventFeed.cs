namespace Nanhai.Application.Events;

/// <summary>
/// Every event appended to the event store, in order of appending, read from a named checkpoint: the outbox from which
/// integration events are relayed, so that none is lost when the step that appended it fails afterwards.
/// </summary>
public interface IEventFeed
{
    /// <summary>
    /// Hands each page of events appended since <paramref name="checkpoint"/> to <paramref name="handle"/> and moves the
    /// checkpoint past the page only when it returns (at least once: a crash before that hands the page again).
    /// Returns how many events were handled.
    /// </summary>
    Task<int> DrainAsync(string checkpoint, Func<IReadOnlyList<StoredEvent>, Task> handle, CancellationToken cancellationToken = default);
}
