using System.Net;
using System.Text;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;
using Nanhai.Application.Common;
using Nanhai.Application.Ingestion.Runs;
using Nanhai.Domain.Ingestion;
using Nanhai.Infrastructure.Cosmos;

namespace Nanhai.Infrastructure.Ingestion;

/// <summary>
/// <see cref="IIngestionRunStore"/> on <see cref="CosmosContainers.IngestionRuns"/>: one document per run in its resource's
/// partition. A lookup by id alone (the API's) is a query on the indexed id across partitions.
/// </summary>
public sealed class CosmosIngestionRunStore(CosmosClient client, IOptions<CosmosOptions> options) : IIngestionRunStore
{
    readonly Container runs = client.GetContainer(options.Value.DatabaseName, CosmosContainers.IngestionRuns.Name);

    public async Task<StoredRun?> FindAsync(string resource, string id, CancellationToken cancellationToken)
    {
        if (!CosmosIds.IsValid(id)) return null;
        try
        {
            var response = await runs.ReadItemAsync<IngestionRunState>(id, new PartitionKey(resource), cancellationToken: cancellationToken);
            return new StoredRun(IngestionRun.Restore(response.Resource), response.ETag);
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<StoredRun?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!CosmosIds.IsValid(id)) return null;
        using var iterator = runs.GetItemQueryIterator<Located>(new QueryDefinition("SELECT c.resource FROM c WHERE c.id = @id").WithParameter("@id", id));
        while (iterator.HasMoreResults)
            foreach (var located in await iterator.ReadNextAsync(cancellationToken))
                return await FindAsync(located.Resource, id, cancellationToken);
        return null;
    }

    public Task<string> SaveAsync(IngestionRun run, string? expectedETag, CancellationToken cancellationToken)
    {
        var changed = $"入库批次 {run.Id} 已被另一进程更新 (ingestion run {run.Id} was changed by another process)";
        return runs.WriteGuardedAsync(run.ToState(), run.Id, new PartitionKey(run.Resource), expectedETag, changed, changed, cancellationToken);
    }

    public async Task<RunPage> ListAsync(RunQuery query, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("SELECT * FROM c WHERE true");
        var definition = new Dictionary<string, object>();
        if (query.Resource is { } resource)
        {
            sql.Append(" AND c.resource = @resource");
            definition["@resource"] = resource;
        }
        if (query.Unit is { } unit)
        {
            sql.Append(" AND c.unit = @unit");
            definition["@unit"] = unit;
        }
        sql.Append(" ORDER BY c.startedAt DESC");
        var requestOptions = new QueryRequestOptions { MaxItemCount = query.PageSize };
        if (query.Resource is { } partition) requestOptions.PartitionKey = new PartitionKey(partition);
        try
        {
            using var iterator = runs.GetItemQueryIterator<IngestionRunState>(
                definition.Aggregate(new QueryDefinition(sql.ToString()), (q, p) => q.WithParameter(p.Key, p.Value)),
                ContinuationToken.Decode(query.ContinuationToken), requestOptions);
            var page = await iterator.ReadNextAsync(cancellationToken);
            return new RunPage([.. page.Select(IngestionRun.Restore)], ContinuationToken.Encode(page.ContinuationToken));
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.BadRequest && query.ContinuationToken is not null)
        {
            throw new ValidationFailedException("continuation", "分页标记无效或已过期 (the continuation token is not valid)");
        }
    }

    sealed record Located(string Resource);
}
