using System.Net;
using System.Text.Json;
using Microsoft.Azure.Cosmos;
using Nanhai.Application.Common;

namespace Nanhai.Infrastructure.Cosmos;

/// <summary>The ways the platform's stores read and write Cosmos DB documents, written once.</summary>
internal static class ContainerExtensions
{
    /// <summary>
    /// Writes a document whole, guarded by its ETag: created when <paramref name="expectedETag"/> is null, otherwise
    /// replaced only over that ETag. Losing either way is a <see cref="ConflictException"/> with the matching message.
    /// Returns the new ETag.
    /// </summary>
    public static async Task<string> WriteGuardedAsync<T>(this Container container, T document, string id, PartitionKey partitionKey,
        string? expectedETag, string existsMessage, string changedMessage, CancellationToken cancellationToken)
    {
        try
        {
            var response = expectedETag is null
                ? await container.CreateItemAsync(document, partitionKey, cancellationToken: cancellationToken)
                : await container.ReplaceItemAsync(document, id, partitionKey, new ItemRequestOptions { IfMatchEtag = expectedETag }, cancellationToken);
            return response.ETag;
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            throw new ConflictException(existsMessage);
        }
        catch (CosmosException e) when (e.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            throw new ConflictException(changedMessage);
        }
    }

    /// <summary>The sum of a scalar query's values across pages and partitions (one COUNT or SUM; no GROUP BY, which the stand-in lacks).</summary>
    public static async Task<long> ScalarAsync(this Container container, QueryDefinition query, CancellationToken cancellationToken)
    {
        long total = 0;
        using var iterator = container.GetItemQueryIterator<JsonElement>(query);
        while (iterator.HasMoreResults)
            foreach (var value in await iterator.ReadNextAsync(cancellationToken))
                if (value.ValueKind == JsonValueKind.Number) total += value.GetInt64();
        return total;
    }
}
