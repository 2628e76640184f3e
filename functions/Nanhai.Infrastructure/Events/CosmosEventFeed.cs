using System.Net;
using System.Text.Json.Serialization;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;
using Nanhai.Application.Events;
using Nanhai.Infrastructure.Cosmos;

namespace Nanhai.Infrastructure.Events;

/// <summary>
/// <see cref="IEventFeed"/> on the events container's change feed (events are never updated, so the latest-version feed
/// is every event), with each reader's continuation kept in <see cref="CosmosContainers.Checkpoints"/>.
/// </summary>
public sealed class CosmosEventFeed(CosmosClient client, IOptions<CosmosOptions> options) : IEventFeed
{
    const int PageSize = 100;
    readonly Container events = client.GetContainer(options.Value.DatabaseName, CosmosContainers.Events.Name);
    readonly Container checkpoints = client.GetContainer(options.Value.DatabaseName, CosmosContainers.Checkpoints.Name);

    public async Task<int> DrainAsync(string checkpoint, Func<IReadOnlyList<StoredEvent>, Task> handle, CancellationToken cancellationToken = default)
    {
        var position = await ReadCheckpointAsync(checkpoint, cancellationToken);
        var iterator = events.GetChangeFeedIterator<EventDocument>(
            position is null ? ChangeFeedStartFrom.Beginning() : ChangeFeedStartFrom.ContinuationToken(position),
            ChangeFeedMode.LatestVersion, new ChangeFeedRequestOptions { PageSizeHint = PageSize });
        var handled = 0;
        while (iterator.HasMoreResults)
        {
            var page = await iterator.ReadNextAsync(cancellationToken);
            if (page.StatusCode == HttpStatusCode.NotModified) break;
            var stored = page.Select(d => d.ToStoredEvent()).OrderBy(e => e.StreamId).ThenBy(e => e.Version).ToList();
            if (stored.Count > 0) await handle(stored);
            handled += stored.Count;
            await checkpoints.UpsertItemAsync(new CheckpointDocument(checkpoint, page.ContinuationToken), new PartitionKey(checkpoint),
                cancellationToken: cancellationToken);
        }
        return handled;
    }

    async Task<string?> ReadCheckpointAsync(string checkpoint, CancellationToken cancellationToken)
    {
        try
        {
            return (await checkpoints.ReadItemAsync<CheckpointDocument>(checkpoint, new PartitionKey(checkpoint), cancellationToken: cancellationToken)).Resource.Continuation;
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    sealed record CheckpointDocument([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("continuation")] string Continuation);
}
