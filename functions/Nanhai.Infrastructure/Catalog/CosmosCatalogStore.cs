using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;
using Nanhai.Application.Catalog;
using Nanhai.Application.Common;
using Nanhai.Domain.Catalog;
using Nanhai.Infrastructure.Cosmos;

namespace Nanhai.Infrastructure.Catalog;

/// <summary>
/// <see cref="ICatalogStore"/> on <see cref="CosmosContainers.SourceUnits"/> and <see cref="CosmosContainers.Resources"/>: one
/// document per resource (id and partition key its code) holding the resource whole, beside its listing, which is what
/// queries filter and total on. Totals are one aggregate each over the listings (4,280 resources district-wide: cheap).
/// </summary>
public sealed class CosmosCatalogStore(CosmosClient client, IOptions<CosmosOptions> options) : ICatalogStore
{
    readonly Container units = client.GetContainer(options.Value.DatabaseName, CosmosContainers.SourceUnits.Name);
    readonly Container resources = client.GetContainer(options.Value.DatabaseName, CosmosContainers.Resources.Name);

    public async Task<IReadOnlyList<SourceUnit>> ListUnitsAsync(CancellationToken cancellationToken)
    {
        var all = new List<SourceUnit>();
        using var iterator = units.GetItemQueryIterator<UnitDocument>("SELECT * FROM c");
        while (iterator.HasMoreResults)
            all.AddRange((await iterator.ReadNextAsync(cancellationToken)).Select(u => new SourceUnit(u.Code, u.Name)));
        return [.. all.OrderBy(u => u.Code, StringComparer.Ordinal)];
    }

    public async Task<SourceUnit?> FindUnitAsync(string code, CancellationToken cancellationToken)
    {
        if (!CosmosIds.IsValid(code)) return null;
        try
        {
            var unit = (await units.ReadItemAsync<UnitDocument>(code, new PartitionKey(code), cancellationToken: cancellationToken)).Resource;
            return new SourceUnit(unit.Code, unit.Name);
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task SaveUnitAsync(SourceUnit unit, CancellationToken cancellationToken) =>
        await units.UpsertItemAsync(new UnitDocument(unit.Code, unit.Code, unit.Name), new PartitionKey(unit.Code), cancellationToken: cancellationToken);

    public async Task<StoredResource?> FindResourceAsync(string code, CancellationToken cancellationToken)
    {
        if (!CosmosIds.IsValid(code)) return null;
        try
        {
            var response = await resources.ReadItemAsync<ResourceDocument>(code, new PartitionKey(code), cancellationToken: cancellationToken);
            return new StoredResource(response.Resource.ToResource(), response.ETag);
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<string> SaveResourceAsync(Resource resource, string? expectedETag, CancellationToken cancellationToken) =>
        await resources.WriteGuardedAsync(ResourceDocument.Of(resource), resource.Code, new PartitionKey(resource.Code), expectedETag,
            $"资源 {resource.Code} 已存在 (resource {resource.Code} already exists)",
            $"资源 {resource.Code} 已被他人修改，请刷新后重试 (resource {resource.Code} was changed by someone else; reload and retry)",
            cancellationToken);

    public async Task<ResourcePage> SearchAsync(ResourceSearch search, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("SELECT VALUE c.listing FROM c WHERE IS_DEFINED(c.listing)");
        var query = new Dictionary<string, object>();
        if (search.Unit is { } unit)
        {
            sql.Append(" AND c.listing.unit = @unit");
            query["@unit"] = unit;
        }
        if (search.SharingType is { } sharing)
        {
            sql.Append(" AND c.listing.sharingType = @sharing");
            query["@sharing"] = sharing.ToString();
        }
        if (search.Text is { } text)
        {
            sql.Append(" AND (CONTAINS(c.listing.name, @text) OR STARTSWITH(c.code, @text))");
            query["@text"] = text;
        }
        sql.Append(" ORDER BY c.code");
        var definition = query.Aggregate(new QueryDefinition(sql.ToString()), (q, p) => q.WithParameter(p.Key, p.Value));
        try
        {
            using var iterator = resources.GetItemQueryIterator<ResourceListing>(definition, ContinuationToken.Decode(search.ContinuationToken),
                new QueryRequestOptions { MaxItemCount = search.PageSize });
            var page = await iterator.ReadNextAsync(cancellationToken);
            return new ResourcePage([.. page], ContinuationToken.Encode(page.ContinuationToken));
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.BadRequest && search.ContinuationToken is not null)
        {
            throw new ValidationFailedException("continuation", "分页标记无效或已过期 (the continuation token is not valid)");
        }
    }

    public async Task<CatalogFigures> FiguresAsync(CancellationToken cancellationToken)
    {
        const string Listed = "FROM c WHERE IS_DEFINED(c.listing)";
        const string Shareable = Listed + " AND c.listing.sharingType != 'NotShared'";
        return new CatalogFigures(
            await units.ScalarAsync(new("SELECT VALUE COUNT(1) FROM c"), cancellationToken),
            await resources.ScalarAsync(new($"SELECT VALUE COUNT(1) {Listed}"), cancellationToken),
            await resources.ScalarAsync(new($"SELECT VALUE SUM(c.listing.items) {Listed}"), cancellationToken),
            await resources.ScalarAsync(new($"SELECT VALUE SUM(c.listing.records) {Listed}"), cancellationToken),
            await resources.ScalarAsync(new($"SELECT VALUE SUM(c.listing.records) {Shareable}"), cancellationToken),
            await resources.ScalarAsync(new($"SELECT VALUE COUNT(1) {Shareable}"), cancellationToken));
    }

    public Task<long> ResourcesRegisteredBeforeAsync(DateTimeOffset instant, CancellationToken cancellationToken) =>
        resources.ScalarAsync(new QueryDefinition("SELECT VALUE COUNT(1) FROM c WHERE IS_DEFINED(c.listing) AND c.versions[0].since < @instant")
            .WithParameter("@instant", QueryInstants.Of(instant)), cancellationToken);

    sealed record UnitDocument(string Id, string Code, string Name);

    /// <summary>A resource as stored: the aggregate's state and the listing queries use.</summary>
    sealed record ResourceDocument(
        string Id, string Code, string Unit, ResourceDescription Description, IngestionPolicy Policy,
        IReadOnlyList<ResourceVersion> Versions, ResourceStatistics Statistics, ResourceListing Listing)
    {
        public static ResourceDocument Of(Resource r) =>
            new(r.Code, r.Code, r.Unit, r.Description, r.Policy, r.Versions, r.Statistics, ResourceListing.Of(r));

        public Resource ToResource() => Resource.Restore(Code, Unit, Description, Policy, Versions, Statistics);
    }
}
