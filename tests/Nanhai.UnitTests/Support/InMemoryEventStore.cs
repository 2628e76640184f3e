using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Nanhai.Application.Common;
using Nanhai.Application.Events;

namespace Nanhai.UnitTests.Support;

/// <summary>
/// The event store's contract in memory, for workflow tests on the in-process durable host (the Cosmos DB store is
/// tested against the stand-in in the integration tests).
/// </summary>
public sealed class InMemoryEventStore : IEventStore, IEventFeed
{
    readonly ConcurrentDictionary<string, List<StoredEvent>> streams = new();
    readonly List<StoredEvent> appended = []; // every stream's events in order of appending: the feed
    readonly ConcurrentDictionary<string, int> checkpoints = new();

    public Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default)
    {
        var stream = streams.GetOrAdd(streamId, _ => []);
        lock (stream)
        {
            var fresh = events.Where(e => stream.All(s => s.EventId != e.EventId)).ToList();
            if (fresh.Count == 0) return Task.FromResult((long)stream.Count);
            if (stream.Count != expectedVersion) throw new ConflictException($"Stream {streamId} is at {stream.Count}, not {expectedVersion}.");
            foreach (var e in fresh)
            {
                var stored = new StoredEvent(streamId, stream.Count + 1, e.EventId, e.Type, JsonSerializer.SerializeToElement(e.Data), e.Actor, DateTimeOffset.UtcNow);
                stream.Add(stored);
                lock (appended) appended.Add(stored);
            }
            return Task.FromResult((long)stream.Count);
        }
    }

    public Task<long> AppendToEndAsync(string streamId, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default)
    {
        var stream = streams.GetOrAdd(streamId, _ => []);
        lock (stream) return AppendAsync(streamId, stream.Count, events, cancellationToken);
    }

    public async IAsyncEnumerable<StoredEvent> ReadAsync(string streamId, long fromVersion = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<StoredEvent> copy;
        var stream = streams.GetOrAdd(streamId, _ => []);
        lock (stream) copy = [.. stream.Where(e => e.Version >= fromVersion)];
        foreach (var e in copy)
        {
            await Task.Yield();
            yield return e;
        }
    }

    public async Task<int> DrainAsync(string checkpoint, Func<IReadOnlyList<StoredEvent>, Task> handle, CancellationToken cancellationToken = default)
    {
        var from = checkpoints.GetValueOrDefault(checkpoint);
        List<StoredEvent> page;
        lock (appended) page = appended.Skip(from).ToList();
        if (page.Count > 0) await handle(page);
        checkpoints[checkpoint] = from + page.Count; // only once handled, as the real feed's checkpoint
        return page.Count;
    }
}

/// <summary>Keeps what was published, for assertions.</summary>
public sealed class RecordingPublisher : IIntegrationEventPublisher
{
    public ConcurrentQueue<IntegrationEvent> Published { get; } = new();

    public Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken = default)
    {
        Published.Enqueue(integrationEvent);
        return Task.CompletedTask;
    }
}
