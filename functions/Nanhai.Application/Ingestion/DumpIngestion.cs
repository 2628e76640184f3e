using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nanhai.Application.Catalog;
using Nanhai.Application.Common;
using Nanhai.Application.Events;
using Nanhai.Application.Ingestion.Lookups;
using Nanhai.Application.Ingestion.Reading;
using Nanhai.Application.Ingestion.Runs;
using Nanhai.Application.Ingestion.Snapshots;
using Nanhai.Domain.Calendar;
using Nanhai.Domain.Catalog;
using Nanhai.Domain.Ingestion;

namespace Nanhai.Application.Ingestion;

/// <summary>
/// Ingests one dump (数据入库): resolves its unit and resource, streams its records through validation into a Parquet
/// snapshot, quarantines it with a report when it cannot be accepted, makes an accepted snapshot current in the catalog,
/// builds the keyed-lookup index from the snapshot, and tells subscribers. Exactly once per dump version: the run id
/// derives from the dump's path and version, a finished run is not repeated, an interrupted one starts over into the same
/// snapshot path, the catalog update is conditional, and content identical to the current snapshot changes nothing.
/// </summary>
public sealed class DumpIngestion(
    ICatalogStore catalog, IIngestionRunStore runs, IDumpStore dumps, IDumpReaders readers, ISnapshotStore snapshots,
    ILookupIndex lookups, IEventStore events, IIntegrationEventPublisher publisher, TimeProvider clock,
    IOptions<IngestionOptions> options, ILogger<DumpIngestion> logger)
{
    public static string StreamOf(string unit, string resource) => $"ingestion:{unit}:{resource}";

    /// <summary>The run of one version of one dump: the same id however often the trigger fires for it.</summary>
    public static string RunIdOf(DumpArrival dump) =>
        "run-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{dump.Path}@{dump.Version}")))[..24];

    /// <summary>
    /// The Functions blob trigger's attempts per blob: the last one gives up a run whose attempts keep failing, with a
    /// report, instead of leaving it running when the trigger stops retrying.
    /// </summary>
    public const int MaxAttempts = 5;

    public static string SnapshotPathOf(DumpArrival dump, string runId) => $"{dump.Unit}/{dump.Resource}/{runId}.parquet";

    public async Task<IngestionRun> IngestAsync(DumpArrival dump, CancellationToken cancellationToken)
    {
        var (run, etag) = await BeginAsync(dump, cancellationToken);
        if (run.IsFinished)
        {
            // A trigger fired again for a finished run (its receipt was lost, or the host died after the run was saved): make
            // sure the catalog points at its snapshot and subscribers heard of it, nothing else; both are no-ops when done.
            if (run.Status == IngestionRunStatus.Succeeded) await MakeCurrentAsync(run, cancellationToken);
            await AnnounceAsync(run, cancellationToken);
            return run;
        }

        var unit = await catalog.FindUnitAsync(dump.Unit, cancellationToken);
        var stored = unit is null ? null : await catalog.FindResourceAsync(dump.Resource, cancellationToken);
        if (unit is null || stored is null || stored.Resource.Unit != dump.Unit)
        {
            var report = new IngestionReport([]);
            report.Fail(unit is null ? "unknown-unit" : "unknown-resource", unit is null
                ? $"路径中的数源单位“{dump.Unit}”不在目录中 (the unit '{dump.Unit}' in the path is not in the catalog)"
                : $"路径中的资源“{dump.Resource}”不是“{unit.Name}”在目录中的资源 (the resource '{dump.Resource}' is not one of this unit's resources)");
            return await QuarantineAsync(dump, run, etag, report, cancellationToken);
        }
        var resource = stored.Resource;
        if (run.Status == IngestionRunStatus.Running && run.Attempt >= MaxAttempts && run.LastError is not null)
        {
            // A run is never left running: the trigger's last attempt ends it with what stopped the ones before.
            var report = new IngestionReport(resource.Items);
            report.Fail("ingestion-failed", $"入库多次失败，请联系平台管理员 (ingestion failed {MaxAttempts} times): {run.LastError}");
            return await QuarantineAsync(dump, run, etag, report, cancellationToken);
        }

        try
        {
            return run.Status == IngestionRunStatus.Indexing
                ? await IndexAsync(run, etag, resource, cancellationToken)
                : await ReadAsync(dump, run, etag, resource, cancellationToken);
        }
        catch (DumpVersionGoneException)
        {
            // Replaced or deleted after it arrived: the new version has its own trigger and run; this one ends without a trace.
            logger.LogInformation("Dump {Path} changed before run {Run} could read it", dump.Path, run.Id);
            return run;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await RecordFailureAsync(dump, run.Id, e, cancellationToken);
            throw;
        }
    }

    /// <summary>Keeps what stopped an attempt on the run, for the unit to see and for the report if the run is given up.</summary>
    async Task RecordFailureAsync(DumpArrival dump, string runId, Exception failure, CancellationToken cancellationToken)
    {
        try
        {
            if (await runs.FindAsync(dump.Resource, runId, cancellationToken) is not { } latest) return;
            latest.Run.AttemptFailed($"{failure.GetType().Name}: {failure.Message}", clock.GetUtcNow());
            await runs.SaveAsync(latest.Run, latest.ETag, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not record the failure of run {Run}", runId);
        }
    }

    async Task<(IngestionRun Run, string ETag)> BeginAsync(DumpArrival dump, CancellationToken cancellationToken)
    {
        var runId = RunIdOf(dump);
        if (await runs.FindAsync(dump.Resource, runId, cancellationToken) is { } existing)
        {
            if (existing.Run.IsFinished || existing.Run.Status == IngestionRunStatus.Indexing) return (existing.Run, existing.ETag);
            existing.Run.Restart(clock.GetUtcNow());
            logger.LogWarning("Ingestion run {Run} of {Path} was interrupted; starting attempt {Attempt}", runId, dump.Path, existing.Run.Attempt);
            return (existing.Run, await runs.SaveAsync(existing.Run, existing.ETag, cancellationToken));
        }
        var run = new IngestionRun
        {
            Id = runId, Unit = dump.Unit, Resource = dump.Resource, File = dump.File, DumpVersion = dump.Version,
            ContentMd5 = dump.ContentMd5, BytesTotal = dump.Length, DumpModifiedAt = dump.LastModified, StartedAt = clock.GetUtcNow(),
        };
        return (run, await runs.SaveAsync(run, null, cancellationToken));
    }

    async Task<IngestionRun> ReadAsync(DumpArrival dump, IngestionRun run, string etag, Resource resource, CancellationToken cancellationToken)
    {
        var report = new IngestionReport(resource.Items);
        var snapshotPath = SnapshotPathOf(dump, run.Id);
        await using var content = new ReadTrackingStream(await dumps.OpenReadAsync(dump, cancellationToken));
        IDumpReader reader;
        try
        {
            reader = readers.Open(content, dump.File);
        }
        catch (DumpUnreadableException e)
        {
            report.Fail(e.Reason, e.Message, e.Line, e.ByteOffset);
            return await QuarantineAsync(dump, run, etag, report, cancellationToken);
        }
        using (reader)
        {
            run.Opened(reader.Format.ToString(), reader.Encoding, resource.Version, clock.GetUtcNow());
            etag = await runs.SaveAsync(run, etag, cancellationToken);
            foreach (var note in reader.Notes) report.AddNote(note);
            var header = HeaderMatch.Match(reader.Columns, resource.Items);
            report.AddDrift(header.Drift);
            if (header.RejectsFile)
            {
                report.Fail("schema-drift", "表头与资源的数据项不符 (the header does not match the resource's data items)");
                return await QuarantineAsync(dump, run, etag, report, cancellationToken);
            }

            var validator = new RowValidator(resource.Items, header.ColumnOf, ChinaTime.DateOf(clock.GetUtcNow()));
            var parsed = new ItemValue[resource.Items.Count];
            var progress = Stopwatch.StartNew();
            await using var writer = await snapshots.CreateAsync(snapshotPath, resource.Items, cancellationToken);
            try
            {
                while (reader.Read(out var record))
                {
                    if (record.Problem is { } problem)
                        report.RecordRejected(record.Line, RowProblem.MalformedRecord(problem));
                    else if (validator.TryValidate(record.Values, parsed, out var rowProblem))
                    {
                        report.RecordAccepted(record.Line, rowProblem);
                        await writer.AppendAsync(parsed, cancellationToken);
                    }
                    else
                        report.RecordRejected(record.Line, rowProblem);

                    if (report.RowsRejected > 0 && report.IsHopeless(resource.Policy)) break;
                    if (progress.Elapsed >= options.Value.ProgressInterval)
                    {
                        run.Progressed(content.BytesRead, report.RowsRead, report.RowsAccepted, report.RowsRejected, clock.GetUtcNow());
                        etag = await runs.SaveAsync(run, etag, cancellationToken);
                        progress.Restart();
                    }
                }
            }
            catch (DumpUnreadableException e)
            {
                report.Fail(e.Reason, e.Message, e.Line, e.ByteOffset);
            }
            run.Progressed(content.BytesRead, report.RowsRead, report.RowsAccepted, report.RowsRejected, clock.GetUtcNow());
            if (report.Failure is null && report.RowsAccepted == 0)
                // An empty snapshot would silently replace real data: a dump without a single good row is refused.
                report.Fail("no-records", "文件中没有可接受的数据行 (the file has no acceptable rows)");
            if (report.Rejects(resource.Policy))
                return await QuarantineAsync(dump, run, etag, report, cancellationToken);

            var contentHash = content.Finish();
            if (resource.Statistics.SnapshotContentHash == contentHash && resource.Statistics.LatestRunId is { } sameAs)
            {
                // Disposing the writer without completing it leaves no snapshot behind.
                run.Unchanged(sameAs, contentHash, report.ToSnapshot(), clock.GetUtcNow());
                await runs.SaveAsync(run, etag, cancellationToken);
                await RecordIngestionAsync(resource.Code, cancellationToken);
                await AnnounceAsync(run, cancellationToken);
                return run;
            }
            await writer.CompleteAsync(cancellationToken);
            run.SnapshotCommitted(snapshotPath, contentHash, report.ToSnapshot(), indexing: resource.LookupItem is not null, clock.GetUtcNow());
            etag = await runs.SaveAsync(run, etag, cancellationToken);
        }
        if (run.Status == IngestionRunStatus.Indexing) return await IndexAsync(run, etag, resource, cancellationToken);
        await MakeCurrentAsync(run, cancellationToken);
        return await AnnouncedAsync(run, cancellationToken);
    }

    /// <summary>
    /// Builds the lookup index of the run's snapshot (a generation named after the run), then switches lookups to it and
    /// drops the generation it replaces; a generation whose snapshot was overtaken meanwhile is dropped instead.
    /// </summary>
    async Task<IngestionRun> IndexAsync(IngestionRun run, string etag, Resource resource, CancellationToken cancellationToken)
    {
        // Also where a run resumes that stopped between committing its snapshot and updating the catalog.
        await MakeCurrentAsync(run, cancellationToken);
        var items = resource.Versions.First(v => v.Number == run.SchemaVersion).Items;
        await using (var writer = await lookups.OpenWriterAsync(resource.Code, run.Id, items, resource.Description.LookupKey!, cancellationToken))
        {
            await foreach (var row in snapshots.ReadRowsAsync(run.Snapshot!, items, cancellationToken))
                await writer.AppendAsync(row, cancellationToken);
            await writer.CompleteAsync(cancellationToken);
        }
        var serving = false;
        string? replaced = null;
        await UpdateResourceAsync(run.Resource, r => serving = r.TryServeLookups(run.Id, out replaced), cancellationToken);
        // The generation nobody serves any more: the one replaced, or this one if its snapshot was overtaken meanwhile.
        if (!serving) await lookups.DeleteGenerationAsync(resource.Code, run.Id, cancellationToken);
        else if (replaced is not null && replaced != run.Id) await lookups.DeleteGenerationAsync(resource.Code, replaced, cancellationToken);
        run.Indexed(clock.GetUtcNow());
        await runs.SaveAsync(run, etag, cancellationToken);
        return await AnnouncedAsync(run, cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the stored resource and saves it when the change says it changed anything;
    /// conditional on the resource's ETag and retried on a race. A resource gone meanwhile has nothing to update.
    /// </summary>
    async Task UpdateResourceAsync(string code, Func<Resource, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await catalog.FindResourceAsync(code, cancellationToken) is not { } stored || !change(stored.Resource)) return;
            try
            {
                await catalog.SaveResourceAsync(stored.Resource, stored.ETag, cancellationToken);
                return;
            }
            catch (ConflictException) when (attempt < 5) { }
        }
    }

    /// <summary>
    /// Points the resource's statistics at the run's snapshot, unless the current one came from a dump dropped later (it only
    /// counts as an ingestion then) or this run already is current. Conditional on the resource's ETag, retried on a race.
    /// </summary>
    Task MakeCurrentAsync(IngestionRun run, CancellationToken cancellationToken) =>
        UpdateResourceAsync(run.Resource, resource =>
        {
            if (resource.Statistics.LatestRunId == run.Id) return false;
            if (!resource.TryRecordSnapshot(run.Id, run.Snapshot!, run.ContentHash!, run.SchemaVersion!.Value, run.RowsAccepted,
                    run.DumpModifiedAt, run.SnapshotAt!.Value))
                resource.RecordIngestion(run.SnapshotAt!.Value);
            return true;
        }, cancellationToken);

    Task RecordIngestionAsync(string resource, CancellationToken cancellationToken) =>
        UpdateResourceAsync(resource, r =>
        {
            r.RecordIngestion(clock.GetUtcNow());
            return true;
        }, cancellationToken);

    async Task<IngestionRun> QuarantineAsync(DumpArrival dump, IngestionRun run, string etag, IngestionReport report, CancellationToken cancellationToken)
    {
        var snapshot = report.ToSnapshot();
        var path = await dumps.QuarantineAsync(dump, run.Id, JsonSerializer.SerializeToUtf8Bytes(new { run = run.Id, dump = dump.Path, report = snapshot }, ReportJson), cancellationToken);
        await snapshots.DeleteAsync(SnapshotPathOf(dump, run.Id), cancellationToken);
        run.Quarantined(path, snapshot, clock.GetUtcNow());
        await runs.SaveAsync(run, etag, cancellationToken);
        await RecordIngestionAsync(dump.Resource, cancellationToken);
        return await AnnouncedAsync(run, cancellationToken);
    }

    async Task<IngestionRun> AnnouncedAsync(IngestionRun run, CancellationToken cancellationToken)
    {
        await AnnounceAsync(run, cancellationToken);
        logger.LogInformation("Ingestion run {Run} of {Unit}/{Resource}/{File}: {Status}, {Accepted} of {Read} rows accepted",
            run.Id, run.Unit, run.Resource, run.File, run.Status, run.RowsAccepted, run.RowsRead);
        return run;
    }

    /// <summary>The run's outcome as an event on the resource's ingestion stream and an integration event, both keyed by run and status.</summary>
    async Task AnnounceAsync(IngestionRun run, CancellationToken cancellationToken)
    {
        var type = $"ingestion.run.{JsonNamingPolicy.CamelCase.ConvertName(run.Status.ToString())}";
        var eventId = $"{run.Id}:{run.Status}";
        var data = new
        {
            run = run.Id, unit = run.Unit, resource = run.Resource, file = run.File, status = run.Status.ToString(),
            rowsRead = run.RowsRead, rowsAccepted = run.RowsAccepted, rowsRejected = run.RowsRejected, snapshot = run.Snapshot,
            sameAsRun = run.SameAsRun, quarantine = run.QuarantinePath,
        };
        await events.AppendToEndAsync(StreamOf(run.Unit, run.Resource), [new NewEvent(eventId, type, data)], cancellationToken);
        await publisher.PublishAsync(new IntegrationEvent(eventId, $"cn.gov.nanhai.{type}.v1", "/nanhai/ingestion",
            $"dumps/{run.Unit}/{run.Resource}/{run.File}", run.FinishedAt ?? clock.GetUtcNow(), data), cancellationToken);
    }

    static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
