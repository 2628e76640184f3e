using Nanhai.Domain.Ingestion;

namespace Nanhai.Application.Ingestion.Runs;

/// <summary>
/// An ingestion run as the API shows it (shared with the admin console, which reads it). <see cref="Progress"/> is the share of the dump's bytes read (0–1) while it runs.
/// The report (row numbers, reasons, first examples, schema drift) comes with a single run, not in lists.
/// </summary>
public sealed record IngestionRunView(
    string Id, string Unit, string Resource, string File, IngestionRunStatus Status, int Attempt, string? Format, string? Encoding,
    long BytesTotal, long BytesRead, double Progress, long RowsRead, long RowsAccepted, long RowsRejected,
    DateTimeOffset StartedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SnapshotAt, DateTimeOffset? FinishedAt, string? Snapshot,
    int? SchemaVersion, string? SameAsRun, string? QuarantinePath, string? LastError, IngestionReportSnapshot? Report)
{
    public static IngestionRunView Summary(IngestionRun run) => Of(run) with { Report = null };

    public static IngestionRunView Full(IngestionRun run) => Of(run);

    static IngestionRunView Of(IngestionRun r) => new(
        r.Id, r.Unit, r.Resource, r.File, r.Status, r.Attempt, r.Format, r.Encoding, r.BytesTotal, r.BytesRead,
        r.IsFinished || r.Status == IngestionRunStatus.Indexing ? 1 : r.BytesTotal == 0 ? 0 : Math.Min(1, Math.Round((double)r.BytesRead / r.BytesTotal, 4)),
        r.RowsRead, r.RowsAccepted, r.RowsRejected, r.StartedAt, r.UpdatedAt, r.SnapshotAt, r.FinishedAt, r.Snapshot, r.SchemaVersion,
        r.SameAsRun, r.QuarantinePath, r.LastError, r.Report);
}

/// <summary>One page of runs; pass <see cref="Continuation"/> back for the next.</summary>
public sealed record IngestionRunPageView(IReadOnlyList<IngestionRunView> Items, string? Continuation);
