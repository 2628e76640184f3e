using System.Net;
using System.Text.Json.Serialization;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;
using Nanhai.Application.ServiceMatters.Applications;
using Nanhai.Infrastructure.Cosmos;

namespace Nanhai.Infrastructure.ServiceMatters;

/// <summary><see cref="IIdempotencyRecords"/> on <see cref="CosmosContainers.IdempotencyKeys"/>: the first create of a key wins.</summary>
public sealed class CosmosIdempotencyRecords(CosmosClient client, IOptions<CosmosOptions> options) : IIdempotencyRecords
{
    readonly Container container = client.GetContainer(options.Value.DatabaseName, CosmosContainers.IdempotencyKeys.Name);

    public async Task<string> ClaimAsync(string key, string fingerprint, CancellationToken cancellationToken = default)
    {
        try
        {
            await container.CreateItemAsync(new KeyRecord(key, fingerprint), new PartitionKey(key), cancellationToken: cancellationToken);
            return fingerprint;
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            return (await container.ReadItemAsync<KeyRecord>(key, new PartitionKey(key), cancellationToken: cancellationToken)).Resource.Fingerprint;
        }
    }

    sealed record KeyRecord([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("fingerprint")] string Fingerprint);
}
