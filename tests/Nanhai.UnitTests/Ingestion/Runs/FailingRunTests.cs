using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nanhai.Application.Catalog;
using Nanhai.Application.Common;
using Nanhai.Application.Ingestion;
using Nanhai.Application.Ingestion.Lookups;
using Nanhai.Application.Ingestion.Reading;
using Nanhai.Application.Ingestion.Runs;
using Nanhai.Application.Ingestion.Snapshots;
using Nanhai.Domain.Catalog;
using Nanhai.Domain.Ingestion;
using Nanhai.UnitTests.Support;

namespace Nanhai.UnitTests.Ingestion.Runs;

/// <summary>
/// A run whose attempts keep failing for a reason outside the file (storage down, a bug) is not left running when the
/// trigger stops retrying: the trigger's last attempt gives it up to quarantine with the error that stopped the others.
/// </summary>
public sealed class FailingRunTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);
    static readonly DumpArrival Dump = new("gaj", "10102-000001", "residents.csv", "\"0x1\"", 10, null, Now);

    readonly Catalog catalog = new();
    readonly Runs runs = new();
    readonly Dumps dumps = new();

    DumpIngestion Ingestion() => new(catalog, runs, dumps, new FailingReaders(), new UnusedSnapshots(), new UnusedLookups(),
        new InMemoryEventStore(), new RecordingPublisher(), new FixedClock(Now), Options.Create(new IngestionOptions()),
        NullLogger<DumpIngestion>.Instance);

    [Fact]
    public async Task Each_failed_attempt_is_recorded_and_the_last_one_ends_the_run_with_a_report()
    {
        for (var attempt = 1; attempt < DumpIngestion.MaxAttempts; attempt++)
        {
            await Assert.ThrowsAsync<IOException>(() => Ingestion().IngestAsync(Dump, default));
            var failing = (await runs.FindAsync(Dump.Resource, DumpIngestion.RunIdOf(Dump), default))!.Run;
            Assert.Equal((IngestionRunStatus.Running, attempt), (failing.Status, failing.Attempt));
            Assert.Equal("IOException: 磁盘已满 (disk full)", failing.LastError);
        }

        var run = await Ingestion().IngestAsync(Dump, default);

        Assert.Equal(IngestionRunStatus.Quarantined, run.Status);
        Assert.Equal("ingestion-failed", run.Report!.Failure!.Reason);
        Assert.Contains("磁盘已满", run.Report.Failure.Message);
        Assert.Equal(run.Id, dumps.Quarantined.Single());
    }

    sealed class FailingReaders : IDumpReaders
    {
        public IDumpReader Open(Stream content, string fileName) => throw new IOException("磁盘已满 (disk full)");
    }

    sealed class Catalog : ICatalogStore
    {
        readonly Resource residents = Resource.Register("10102-000001", "gaj", new ResourceDefinition(
            new ResourceDescription("实有人口信息", "10102", "实有人口", "CSV", SharingType.Unconditional, null, null, null,
                OpenAttribute.NotOpen, UpdateCycle.Daily, new DateOnly(2020, 1, 1), null),
            [new DataItem("name", "姓名", DataItemType.Text, 50, true, true)], IngestionPolicy.Default), "tests", Now);

        public Task<IReadOnlyList<SourceUnit>> ListUnitsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<SourceUnit?> FindUnitAsync(string code, CancellationToken cancellationToken) =>
            Task.FromResult<SourceUnit?>(code == "gaj" ? new SourceUnit("gaj", "佛山市公安局南海分局") : null);
        public Task SaveUnitAsync(SourceUnit unit, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<StoredResource?> FindResourceAsync(string code, CancellationToken cancellationToken) =>
            Task.FromResult<StoredResource?>(code == residents.Code ? new StoredResource(residents, "e1") : null);
        public Task<string> SaveResourceAsync(Resource resource, string? expectedETag, CancellationToken cancellationToken) => Task.FromResult("e1");
        public Task<ResourcePage> SearchAsync(ResourceSearch search, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<CatalogFigures> FiguresAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<long> ResourcesRegisteredBeforeAsync(DateTimeOffset instant, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    /// <summary>Runs kept as their stored state, with ETags, as Cosmos keeps them.</summary>
    sealed class Runs : IIngestionRunStore
    {
        readonly Dictionary<string, (IngestionRunState State, string ETag)> stored = [];
        int writes;

        public Task<StoredRun?> FindAsync(string resource, string id, CancellationToken cancellationToken) => FindAsync(id, cancellationToken);

        public Task<StoredRun?> FindAsync(string id, CancellationToken cancellationToken) =>
            Task.FromResult(stored.TryGetValue(id, out var s) ? new StoredRun(IngestionRun.Restore(s.State), s.ETag) : null);

        public Task<string> SaveAsync(IngestionRun run, string? expectedETag, CancellationToken cancellationToken)
        {
            var current = stored.TryGetValue(run.Id, out var s) ? s.ETag : null;
            if (current != expectedETag) throw new ConflictException("changed");
            var etag = $"e{++writes}";
            stored[run.Id] = (run.ToState(), etag);
            return Task.FromResult(etag);
        }

        public Task<RunPage> ListAsync(RunQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    sealed class Dumps : IDumpStore
    {
        public List<string> Quarantined { get; } = [];

        public Task<Stream> OpenReadAsync(DumpArrival dump, CancellationToken cancellationToken) => Task.FromResult<Stream>(new MemoryStream([1, 2, 3]));

        public Task<string> QuarantineAsync(DumpArrival dump, string runId, ReadOnlyMemory<byte> report, CancellationToken cancellationToken)
        {
            Quarantined.Add(runId);
            return Task.FromResult($"quarantine/{dump.Unit}/{dump.Resource}/{runId}");
        }
    }

    sealed class UnusedSnapshots : ISnapshotStore
    {
        public Task<ISnapshotWriter> CreateAsync(string path, IReadOnlyList<DataItem> items, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken) => throw new NotSupportedException();
        public IAsyncEnumerable<ItemValue[]> ReadRowsAsync(string path, IReadOnlyList<DataItem> items, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task DeleteAsync(string path, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    sealed class UnusedLookups : ILookupIndex
    {
        public Task<ILookupIndexWriter> OpenWriterAsync(string resource, string generation, IReadOnlyList<DataItem> items, string lookupKey, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyDictionary<string, object?>?> FindAsync(string resource, string generation, string key, IReadOnlyList<DataItem> items, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task DeleteGenerationAsync(string resource, string generation, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
