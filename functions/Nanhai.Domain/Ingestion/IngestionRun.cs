using System.Text.Json.Serialization;

namespace Nanhai.Domain.Ingestion;

/// <summary>Where an ingestion run stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IngestionRunStatus>))]
public enum IngestionRunStatus
{
    /// <summary>Reading, validating and writing the snapshot.</summary>
    Running,
    /// <summary>The snapshot is current; the keyed-lookup index of the new snapshot is being built.</summary>
    Indexing,
    /// <summary>Accepted: the snapshot is current (and its lookup index, if the resource has one).</summary>
    Succeeded,
    /// <summary>Rejected: the dump was moved to quarantine with its report.</summary>
    Quarantined,
    /// <summary>The same content as the current snapshot: nothing changed.</summary>
    Unchanged,
}

/// <summary>
/// One ingestion run (入库批次): the processing of one version of one dump, from the blob trigger to its outcome. Its id
/// derives from the dump's path and version, so a trigger that fires again for the same version finds the same run: a
/// finished run is not repeated, and a run interrupted by a host that died is restarted (<see cref="Attempt"/> counts)
/// from the start into the same snapshot path, so nothing is written twice.
/// </summary>
public sealed class IngestionRun
{
    public required string Id { get; init; }
    public required string Unit { get; init; }
    public required string Resource { get; init; }
    public required string File { get; init; }
    /// <summary>The dump blob's version (ETag) this run read.</summary>
    public required string DumpVersion { get; init; }
    public string? ContentMd5 { get; init; }
    /// <summary>When the dump was dropped (the blob's last modification).</summary>
    public DateTimeOffset DumpModifiedAt { get; init; }
    public long BytesTotal { get; init; }
    public IngestionRunStatus Status { get; private set; } = IngestionRunStatus.Running;
    public int Attempt { get; private set; } = 1;
    public string? Format { get; private set; }
    public string? Encoding { get; private set; }
    public long BytesRead { get; private set; }
    public long RowsRead { get; private set; }
    public long RowsAccepted { get; private set; }
    public long RowsRejected { get; private set; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>When the snapshot became current and the catalog's statistics were updated.</summary>
    public DateTimeOffset? SnapshotAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    /// <summary>The snapshot's path, once accepted.</summary>
    public string? Snapshot { get; private set; }
    /// <summary>The SHA-256 of the dump's bytes, once read through.</summary>
    public string? ContentHash { get; private set; }
    /// <summary>The resource's schema version the rows were validated against.</summary>
    public int? SchemaVersion { get; private set; }
    /// <summary>For an unchanged run, the run whose snapshot has the same content.</summary>
    public string? SameAsRun { get; private set; }
    /// <summary>Where a quarantined dump and its report were moved.</summary>
    public string? QuarantinePath { get; private set; }
    public IngestionReportSnapshot? Report { get; private set; }
    /// <summary>What stopped the last attempt, when it failed unexpectedly (storage down, a bug); the trigger retries it.</summary>
    public string? LastError { get; private set; }

    public bool IsFinished => Status is IngestionRunStatus.Succeeded or IngestionRunStatus.Quarantined or IngestionRunStatus.Unchanged;

    /// <summary>A host died during this run: it starts over (into the same snapshot path).</summary>
    public void Restart(DateTimeOffset at)
    {
        EnsureStatus(IngestionRunStatus.Running);
        Attempt++;
        BytesRead = RowsRead = RowsAccepted = RowsRejected = 0;
        UpdatedAt = at;
    }

    public void AttemptFailed(string error, DateTimeOffset at)
    {
        LastError = error;
        UpdatedAt = at;
    }

    public void Opened(string format, string? encoding, int schemaVersion, DateTimeOffset at)
    {
        Format = format;
        Encoding = encoding;
        SchemaVersion = schemaVersion;
        UpdatedAt = at;
    }

    public void Progressed(long bytesRead, long rowsRead, long rowsAccepted, long rowsRejected, DateTimeOffset at)
    {
        BytesRead = bytesRead;
        RowsRead = rowsRead;
        RowsAccepted = rowsAccepted;
        RowsRejected = rowsRejected;
        UpdatedAt = at;
    }

    /// <summary>The snapshot is current; <paramref name="indexing"/> when the lookup index still has to be built.</summary>
    public void SnapshotCommitted(string snapshot, string contentHash, IngestionReportSnapshot report, bool indexing, DateTimeOffset at)
    {
        EnsureStatus(IngestionRunStatus.Running);
        Snapshot = snapshot;
        ContentHash = contentHash;
        Report = report;
        SnapshotAt = UpdatedAt = at;
        Status = indexing ? IngestionRunStatus.Indexing : IngestionRunStatus.Succeeded;
        if (!indexing) FinishedAt = at;
    }

    public void Indexed(DateTimeOffset at)
    {
        EnsureStatus(IngestionRunStatus.Indexing);
        Status = IngestionRunStatus.Succeeded;
        FinishedAt = UpdatedAt = at;
    }

    public void Quarantined(string quarantinePath, IngestionReportSnapshot report, DateTimeOffset at)
    {
        EnsureStatus(IngestionRunStatus.Running);
        QuarantinePath = quarantinePath;
        Report = report;
        Status = IngestionRunStatus.Quarantined;
        FinishedAt = UpdatedAt = at;
    }

    public void Unchanged(string sameAsRun, string contentHash, IngestionReportSnapshot? report, DateTimeOffset at)
    {
        EnsureStatus(IngestionRunStatus.Running);
        SameAsRun = sameAsRun;
        ContentHash = contentHash;
        Report = report;
        Status = IngestionRunStatus.Unchanged;
        FinishedAt = UpdatedAt = at;
    }

    void EnsureStatus(IngestionRunStatus expected)
    {
        if (Status != expected)
            throw new InvalidOperationException($"Ingestion run {Id} is {Status}, not {expected}.");
    }

    /// <summary>Rebuilds a stored run.</summary>
    public static IngestionRun Restore(IngestionRunState s) => new()
    {
        Id = s.Id, Unit = s.Unit, Resource = s.Resource, File = s.File, DumpVersion = s.DumpVersion, ContentMd5 = s.ContentMd5,
        BytesTotal = s.BytesTotal, Status = s.Status, Attempt = s.Attempt, Format = s.Format, Encoding = s.Encoding,
        BytesRead = s.BytesRead, RowsRead = s.RowsRead, RowsAccepted = s.RowsAccepted, RowsRejected = s.RowsRejected,
        StartedAt = s.StartedAt, UpdatedAt = s.UpdatedAt, SnapshotAt = s.SnapshotAt, FinishedAt = s.FinishedAt, Snapshot = s.Snapshot,
        ContentHash = s.ContentHash, SchemaVersion = s.SchemaVersion, SameAsRun = s.SameAsRun, QuarantinePath = s.QuarantinePath,
        Report = s.Report, LastError = s.LastError, DumpModifiedAt = s.DumpModifiedAt,
    };

    public IngestionRunState ToState() => new(Id, Unit, Resource, File, DumpVersion, ContentMd5, BytesTotal, Status, Attempt, Format,
        Encoding, BytesRead, RowsRead, RowsAccepted, RowsRejected, StartedAt, UpdatedAt, SnapshotAt, FinishedAt, Snapshot, ContentHash,
        SchemaVersion, SameAsRun, QuarantinePath, Report, LastError, DumpModifiedAt);
}

/// <summary>An ingestion run as stored.</summary>
public sealed record IngestionRunState(
    string Id, string Unit, string Resource, string File, string DumpVersion, string? ContentMd5, long BytesTotal,
    IngestionRunStatus Status, int Attempt, string? Format, string? Encoding, long BytesRead, long RowsRead, long RowsAccepted,
    long RowsRejected, DateTimeOffset StartedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SnapshotAt, DateTimeOffset? FinishedAt,
    string? Snapshot, string? ContentHash, int? SchemaVersion, string? SameAsRun, string? QuarantinePath, IngestionReportSnapshot? Report,
    string? LastError = null, DateTimeOffset DumpModifiedAt = default);
