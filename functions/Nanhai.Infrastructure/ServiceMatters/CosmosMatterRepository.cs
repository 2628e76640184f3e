using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;
using Nanhai.Application.Common;
using Nanhai.Application.ServiceMatters.Catalog;
using Nanhai.Domain.ServiceMatters;
using Nanhai.Infrastructure.Cosmos;

namespace Nanhai.Infrastructure.ServiceMatters;

/// <summary>
/// <see cref="IMatterRepository"/> on <see cref="CosmosContainers.Matters"/>: one document per matter, id and partition key
/// the matter's code. The matter itself is kept in the domain's JSON shape (<see cref="MatterJson"/>), beside the listing
/// of its latest version, which is what catalogue queries filter on.
/// </summary>
public sealed class CosmosMatterRepository(CosmosClient client, IOptions<CosmosOptions> options) : IMatterRepository
{
    readonly Container container = client.GetContainer(options.Value.DatabaseName, CosmosContainers.Matters.Name);

    public async Task<StoredMatter?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await container.ReadItemAsync<MatterDocument>(code, new PartitionKey(code), cancellationToken: cancellationToken);
            var snapshot = response.Resource.Matter.Deserialize<MatterSnapshot>(MatterJson.Options)
                ?? throw new InvalidDataException($"Stored matter {code} is empty.");
            return new StoredMatter(Matter.FromSnapshot(snapshot), response.ETag);
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<string> SaveAsync(Matter matter, string? expectedETag, CancellationToken cancellationToken = default)
    {
        var document = new MatterDocument(matter.Code, matter.Code,
            JsonSerializer.SerializeToElement(matter.ToSnapshot(), MatterJson.Options),
            MatterListing.Of(matter) is { } listing ? ListingDocument.Of(listing) : null);
        return await container.WriteGuardedAsync(document, matter.Code, new PartitionKey(matter.Code), expectedETag,
            $"事项 {matter.Code} 已存在 (matter {matter.Code} already exists)",
            $"事项 {matter.Code} 已被他人修改，请刷新后重试 (matter {matter.Code} was changed by someone else; reload and retry)",
            cancellationToken);
    }

    public async Task<MatterPage> SearchAsync(MatterSearch search, CancellationToken cancellationToken = default)
    {
        var sql = new StringBuilder("SELECT VALUE c.listing FROM c WHERE IS_DEFINED(c.listing) AND NOT IS_NULL(c.listing)");
        var query = new Dictionary<string, object>();
        if (search.Level is { } level)
        {
            sql.Append(" AND c.listing.level = @level");
            query["@level"] = JsonNamingPolicy.CamelCase.ConvertName(level.ToString());
        }
        if (search.Centre is { } centre)
        {
            sql.Append(" AND ARRAY_CONTAINS(c.listing.centres, @centre)");
            query["@centre"] = centre;
        }
        if (search.Attribute is { } attribute)
        {
            sql.Append(" AND ARRAY_CONTAINS(c.listing.attributes, @attribute)");
            query["@attribute"] = attribute.Code();
        }
        if (search.Text is { } text)
        {
            sql.Append(" AND (CONTAINS(c.listing.name, @text) OR CONTAINS(c.listing.department, @text) OR CONTAINS(c.code, @code))");
            query["@text"] = text;
            query["@code"] = text.ToUpperInvariant();
        }
        sql.Append(" ORDER BY c.code");
        var definition = query.Aggregate(new QueryDefinition(sql.ToString()), (q, p) => q.WithParameter(p.Key, p.Value));

        try
        {
            using var iterator = container.GetItemQueryIterator<ListingDocument>(definition, ContinuationToken.Decode(search.ContinuationToken),
                new QueryRequestOptions { MaxItemCount = search.PageSize });
            var page = await iterator.ReadNextAsync(cancellationToken);
            return new MatterPage([.. page.Select(l => l.ToListing())], ContinuationToken.Encode(page.ContinuationToken));
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.BadRequest && search.ContinuationToken is not null)
        {
            throw new ValidationFailedException("continuation", "分页标记无效或已过期 (the continuation token is not valid)");
        }
    }

    sealed record MatterDocument(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("code")] string Code,
        [property: JsonPropertyName("matter")] JsonElement Matter,
        [property: JsonPropertyName("listing")] ListingDocument? Listing);

    /// <summary>The listing as stored: enumerations as the codes the API and queries use.</summary>
    sealed record ListingDocument(
        string Code, int Version, DateTimeOffset PublishedAt, string Name, string Department, string Level,
        IReadOnlyList<string> Centres, IReadOnlyList<string> Attributes, string Kind,
        int PromisedWorkingDays, int StatutoryWorkingDays, int VisitsRequired)
    {
        public static ListingDocument Of(MatterListing l) => new(
            l.Code, l.Version, l.PublishedAt, l.Name, l.Department, Camel(l.Level), l.Centres,
            [.. l.Attributes.Select(a => a.Code())], Camel(l.Kind), l.PromisedWorkingDays, l.StatutoryWorkingDays, l.VisitsRequired);

        public MatterListing ToListing() => new(
            Code, Version, PublishedAt, Name, Department, Enum.Parse<HandlingLevel>(Level, ignoreCase: true), Centres,
            [.. Attributes.Select(a => MatterAttributes.TryParse(a, out var parsed) ? parsed : throw new InvalidDataException($"Unknown attribute {a} on {Code}."))],
            Enum.Parse<MatterKind>(Kind, ignoreCase: true), PromisedWorkingDays, StatutoryWorkingDays, VisitsRequired);

        static string Camel<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
    }
}
