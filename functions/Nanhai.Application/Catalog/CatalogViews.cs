using Nanhai.Application.Ingestion.Runs;
using Nanhai.Domain.Catalog;

namespace Nanhai.Application.Catalog;

/// <summary>
/// A resource as the API shows it (the representations of the catalog API live here, so the admin console reads the
/// same types the API writes): what the catalog says about it, its schema history and how current it is.
/// </summary>
public sealed record ResourceDetailView(
    string Code, SourceUnit Unit, ResourceDescription Description, IReadOnlyList<DataItem> Items, int Version,
    IReadOnlyList<ResourceVersionView> Versions, IngestionPolicy Policy, ResourceStatisticsView Statistics,
    IReadOnlyList<IngestionRunView> RecentRuns, string ETag)
{
    public static ResourceDetailView Of(ResourceDetail d)
    {
        var r = d.Resource;
        return new(r.Code, d.Unit ?? new SourceUnit(r.Unit, r.Unit), r.Description, r.Items, r.Version,
            [.. r.Versions.Select(v => new ResourceVersionView(v.Number, v.Since, v.ChangedBy, v.Items))], r.Policy,
            new ResourceStatisticsView(r.Statistics.Records, r.Items.Count, r.Statistics.LastIngestionAt, r.Statistics.LastUpdateAt,
                r.Statistics.LatestRunId, r.Statistics.SnapshotVersion),
            [.. d.RecentRuns.Select(IngestionRunView.Summary)], d.ETag);
    }
}

public sealed record ResourceVersionView(int Number, DateTimeOffset Since, string ChangedBy, IReadOnlyList<DataItem> Items);

/// <summary>
/// Records in the latest accepted snapshot, data items of the current version, when a dump was last ingested (whatever the
/// outcome) and when the data last changed.
/// </summary>
public sealed record ResourceStatisticsView(
    long Records, int Items, DateTimeOffset? LastIngestionAt, DateTimeOffset? LastUpdateAt, string? LatestRunId, int? SnapshotVersion);

/// <summary>One page of the catalog; pass <see cref="Continuation"/> back for the next.</summary>
public sealed record ResourcePageView(IReadOnlyList<ResourceListing> Items, string? Continuation);
