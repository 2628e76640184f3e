using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;
using Nanhai.Application.Common;
using Nanhai.Application.Events;
using Nanhai.Infrastructure.Cosmos;

namespace Nanhai.Infrastructure.Events;

/// <summary>
/// <see cref="IEventStore"/> on the <see cref="CosmosContainers.Events"/> container: one document per event, in the
/// stream's partition, with id <c>{streamId}:{version:D10}</c>. Creating that id is the optimistic-concurrency
/// guard: two writers cannot both create version n. Everything stays inside one partition (point writes and
/// partition-scoped queries), and nothing needs TransactionalBatch, which the local stand-in lacks. The price:
/// a multi-event append is not atomic. A writer that loses a race part-way keeps the events it already wrote and
/// gets a <see cref="ConflictException"/>; retrying the same events (same ids) appends only the missing ones.
/// </summary>
public sealed class CosmosEventStore(CosmosClient client, IOptions<CosmosOptions> options, TimeProvider timeProvider) : IEventStore
{
    const int PageSize = 100;
    const int MaxAppendToEndAttempts = 20;
    // A Cosmos DB id is at most 255 characters and may not contain these.
    const int MaxStreamIdLength = 255 - 11;
    static readonly char[] ForbiddenIdCharacters = ['/', '\\', '?', '#'];
    static readonly ItemRequestOptions WithoutContentResponse = new() { EnableContentResponseOnWrite = false };

    readonly Container container = client.GetContainer(options.Value.DatabaseName, CosmosContainers.Events.Name);

    public async Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default)
    {
        ValidateStreamId(streamId);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ValidateEvents(events);
        if (events.Count == 0) return expectedVersion;

        var partitionKey = new PartitionKey(streamId);
        var found = await FindAsync(partitionKey, expectedVersion, events, cancellationToken);
        var eventIds = events.Select(e => e.EventId).ToHashSet();
        var alreadyAppended = found.Where(e => eventIds.Contains(e.EventId))
            .GroupBy(e => e.EventId).ToDictionary(g => g.Key, g => g.Max(e => e.Version));
        var pending = events.Where(e => !alreadyAppended.ContainsKey(e.EventId)).ToList();
        // A retry after an append that (partly) succeeded: carry on after our own events, not at the stale version.
        var version = Math.Max(expectedVersion, alreadyAppended.Count > 0 ? alreadyAppended.Values.Max() : 0);
        if (pending.Count == 0) return version;
        if (version > 0 && !found.Any(e => e.Version == version))
            throw new ConflictException($"Stream '{streamId}' has not reached version {version} yet.");

        var recordedAt = timeProvider.GetUtcNow();
        foreach (var newEvent in pending)
        {
            var document = EventDocument.Create(streamId, ++version, newEvent, recordedAt);
            try
            {
                await container.CreateItemAsync(document, partitionKey, WithoutContentResponse, cancellationToken);
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
            {
                // Either a concurrent retry of this same append wrote it (fine), or another writer won the version.
                var existing = await container.ReadItemAsync<EventDocument>(document.Id, partitionKey, cancellationToken: cancellationToken);
                if (existing.Resource.EventId != newEvent.EventId)
                    throw new ConflictException($"Stream '{streamId}' already has version {version}: another writer appended first.");
            }
        }
        return version;
    }

    public async Task<long> AppendToEndAsync(string streamId, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default)
    {
        ValidateStreamId(streamId);
        for (var attempt = 1; ; attempt++)
        {
            var version = await ReadVersionAsync(new PartitionKey(streamId), cancellationToken);
            try
            {
                return await AppendAsync(streamId, version, events, cancellationToken);
            }
            catch (ConflictException) when (attempt < MaxAppendToEndAttempts)
            {
                // Jitter, so that writers that collided do not collide again in lockstep.
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), cancellationToken);
            }
        }
    }

    public async IAsyncEnumerable<StoredEvent> ReadAsync(string streamId, long fromVersion = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ValidateStreamId(streamId);
        var query = new QueryDefinition("SELECT * FROM c WHERE c.version >= @fromVersion ORDER BY c.version")
            .WithParameter("@fromVersion", fromVersion);
        // The iterator follows the continuation token from page to page; each page is one bounded request.
        using var pages = container.GetItemQueryIterator<EventDocument>(query, requestOptions: new QueryRequestOptions
        {
            PartitionKey = new PartitionKey(streamId),
            MaxItemCount = PageSize,
        });
        while (pages.HasMoreResults)
        {
            foreach (var document in await pages.ReadNextAsync(cancellationToken))
                yield return document.ToStoredEvent();
        }
    }

    /// <summary>The events of <paramref name="events"/> already in the stream, and the event at <paramref name="expectedVersion"/>.</summary>
    async Task<List<EventPosition>> FindAsync(PartitionKey partitionKey, long expectedVersion, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT c.eventId, c.version FROM c WHERE c.version = @expectedVersion OR ARRAY_CONTAINS(@eventIds, c.eventId)")
            .WithParameter("@expectedVersion", expectedVersion)
            .WithParameter("@eventIds", events.Select(e => e.EventId).ToArray());
        return await QueryAllAsync<EventPosition>(query, partitionKey, cancellationToken);
    }

    async Task<long> ReadVersionAsync(PartitionKey partitionKey, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT TOP 1 VALUE c.version FROM c ORDER BY c.version DESC");
        var versions = await QueryAllAsync<long>(query, partitionKey, cancellationToken);
        return versions.Count == 0 ? 0 : versions[0];
    }

    async Task<List<T>> QueryAllAsync<T>(QueryDefinition query, PartitionKey partitionKey, CancellationToken cancellationToken)
    {
        var results = new List<T>();
        using var pages = container.GetItemQueryIterator<T>(query, requestOptions: new QueryRequestOptions { PartitionKey = partitionKey });
        while (pages.HasMoreResults) results.AddRange(await pages.ReadNextAsync(cancellationToken));
        return results;
    }

    static void ValidateStreamId(string streamId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        if (streamId.Length > MaxStreamIdLength || streamId.IndexOfAny(ForbiddenIdCharacters) >= 0)
            throw new ArgumentException($"A stream id is at most {MaxStreamIdLength} characters without '/', '\\', '?' or '#'.", nameof(streamId));
    }

    static void ValidateEvents(IReadOnlyList<NewEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(e.EventId, nameof(events));
            ArgumentException.ThrowIfNullOrWhiteSpace(e.Type, nameof(events));
            ArgumentNullException.ThrowIfNull(e.Data, nameof(events));
        }
        if (events.Select(e => e.EventId).Distinct().Count() != events.Count)
            throw new ArgumentException("Event ids must be unique within an append.", nameof(events));
    }

    sealed record EventPosition(string EventId, long Version);
}

/// <summary>An event as stored in Cosmos DB (camelCase: id, streamId, version, eventId, type, data, actor, recordedAt).</summary>
sealed record EventDocument(string Id, string StreamId, long Version, string EventId, string Type, JsonElement Data, string? Actor, DateTimeOffset RecordedAt)
{
    public static EventDocument Create(string streamId, long version, NewEvent e, DateTimeOffset recordedAt) => new(
        $"{streamId}:{version:D10}", streamId, version, e.EventId, e.Type,
        JsonSerializer.SerializeToElement(e.Data, e.Data.GetType(), CosmosClientFactory.SerializerOptions), e.Actor, recordedAt);

    public StoredEvent ToStoredEvent() => new(StreamId, Version, EventId, Type, Data, Actor, RecordedAt);
}
