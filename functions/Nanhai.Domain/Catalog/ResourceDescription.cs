namespace Nanhai.Domain.Catalog;

/// <summary>
/// A resource's catalog metadata as GB/T 21063.3 and the catalog compilation guide (政务信息资源目录编制指南) list them:
/// classification (资源分类), name (资源名称), abstract (资源摘要), format (资源格式), sharing type, conditions and method
/// (共享类型/条件/方式), the legal basis a not-shared resource needs, open attribute (开放属性), update cycle (更新周期)
/// and release date (发布日期). <see cref="LookupKey"/> names the data item that keyed lookups of the data-sharing API
/// use, for resources that serve them. The provider (提供方) is the resource's source unit.
/// </summary>
public sealed record ResourceDescription(
    string Name,
    string Classification,
    string Abstract,
    string Format,
    SharingType SharingType,
    string? SharingConditions,
    string? SharingMethod,
    string? LegalBasis,
    OpenAttribute OpenAttribute,
    UpdateCycle UpdateCycle,
    DateOnly ReleaseDate,
    string? LookupKey);

/// <summary>What an editor supplies for a resource: its metadata, its data items and its rule for bad rows.</summary>
public sealed record ResourceDefinition(ResourceDescription Description, IReadOnlyList<DataItem> Items, IngestionPolicy Policy);

/// <summary>
/// One version of a resource's schema (its data items). A change to the items is a new version; snapshots record the
/// version they were validated against.
/// </summary>
public sealed record ResourceVersion(int Number, IReadOnlyList<DataItem> Items, DateTimeOffset Since, string ChangedBy);

/// <summary>
/// The resource's figures: records in its latest accepted snapshot, when a dump was last ingested (whatever the outcome)
/// and when the data last changed, which run and snapshot are current, and which generation of the keyed-lookup index
/// serves lookups (the run whose snapshot it was built from; it lags the snapshot while the next one is being built).
/// <see cref="SnapshotDumpModifiedAt"/> is when the current snapshot's dump was dropped: an older dump that finishes
/// later does not replace it.
/// </summary>
public sealed record ResourceStatistics(
    long Records,
    DateTimeOffset? LastIngestionAt,
    DateTimeOffset? LastUpdateAt,
    string? LatestRunId,
    string? Snapshot,
    string? SnapshotContentHash,
    int? SnapshotVersion,
    string? LookupGeneration = null,
    DateTimeOffset? SnapshotDumpModifiedAt = null)
{
    public static ResourceStatistics Empty { get; } = new(0, null, null, null, null, null, null);
}

/// <summary>One broken catalog rule, by camelCase field path, in Simplified Chinese with an English gloss.</summary>
public sealed record CatalogViolation(string Field, string Message);

/// <summary>The resource (or an edit of it) breaks catalog rules; <see cref="Violations"/> lists each by field.</summary>
public sealed class CatalogValidationException(IReadOnlyList<CatalogViolation> violations)
    : Exception("资源不符合目录规则 (the resource breaks catalog rules): " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Message}")))
{
    public IReadOnlyList<CatalogViolation> Violations { get; } = violations;
}
