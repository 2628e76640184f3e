using Nanhai.Domain.Catalog;

namespace Nanhai.Application.Catalog;

/// <summary>
/// Where the data-resource catalog is kept: source units, and one record per resource (its metadata, every schema
/// version and its statistics) written whole and guarded by its ETag.
/// </summary>
public interface ICatalogStore
{
    Task<IReadOnlyList<SourceUnit>> ListUnitsAsync(CancellationToken cancellationToken);

    Task<SourceUnit?> FindUnitAsync(string code, CancellationToken cancellationToken);

    /// <summary>Creates or replaces a source unit (units change rarely and only by administrators or seeding).</summary>
    Task SaveUnitAsync(SourceUnit unit, CancellationToken cancellationToken);

    Task<StoredResource?> FindResourceAsync(string code, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the resource. With <paramref name="expectedETag"/> null it must be new; otherwise the stored one must still
    /// carry that ETag. Throws <see cref="Common.ConflictException"/> when either does not hold. Returns the new ETag.
    /// </summary>
    Task<string> SaveResourceAsync(Resource resource, string? expectedETag, CancellationToken cancellationToken);

    /// <summary>One page of resources matching every criterion given, ordered by code.</summary>
    Task<ResourcePage> SearchAsync(ResourceSearch search, CancellationToken cancellationToken);

    /// <summary>The catalog's totals, computed from the stored resources.</summary>
    Task<CatalogFigures> FiguresAsync(CancellationToken cancellationToken);

    /// <summary>Resources in the catalog at <paramref name="instant"/>: those registered (their first version) before it.</summary>
    Task<long> ResourcesRegisteredBeforeAsync(DateTimeOffset instant, CancellationToken cancellationToken);
}

public sealed record StoredResource(Resource Resource, string ETag);

/// <summary>A catalog query: <see cref="Text"/> matches the name or the code.</summary>
public sealed record ResourceSearch(string? Text, string? Unit, SharingType? SharingType, int PageSize, string? ContinuationToken);

/// <summary>What the catalog lists per resource, stored beside it so that listing never loads whole resources.</summary>
public sealed record ResourceListing(
    string Code, string Unit, string Name, string Classification, SharingType SharingType, OpenAttribute OpenAttribute,
    UpdateCycle UpdateCycle, int Version, int Items, long Records, DateTimeOffset? LastUpdateAt, string? LookupKey)
{
    public static ResourceListing Of(Resource r) => new(
        r.Code, r.Unit, r.Description.Name, r.Description.Classification, r.Description.SharingType, r.Description.OpenAttribute,
        r.Description.UpdateCycle, r.Version, r.Items.Count, r.Statistics.Records, r.Statistics.LastUpdateAt, r.Description.LookupKey);
}

public sealed record ResourcePage(IReadOnlyList<ResourceListing> Items, string? ContinuationToken);

/// <summary>
/// Catalog totals. A record is shareable when its resource is shared unconditionally or conditionally; the district
/// reports the share of records that are (数据共享率, 98.3% in 2020).
/// </summary>
public sealed record CatalogFigures(long Units, long Resources, long Items, long Records, long ShareableRecords, long ShareableResources);
