using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Nanhai.Application.Ingestion.Snapshots;
using Nanhai.Domain.Catalog;
using Nanhai.Domain.Ingestion;
using ParquetSharp;
using ParquetSharp.Schema;

namespace Nanhai.Infrastructure.Ingestion.Snapshots;

/// <summary>
/// Writes one snapshot with two row-group buffers: while one group is encoded, compressed and uploaded on a pool thread,
/// the caller fills the other; a full buffer waits for the one flush in flight, so at most two groups are in memory and
/// a slow upload slows the caller down instead of piling up rows. The file goes to Blob Storage as staged blocks,
/// committed under the snapshot's name only by <see cref="CompleteAsync"/>.
/// <para>
/// Encoding is Apache Arrow's Parquet writer (native, through ParquetSharp), Zstandard-compressed: on the 1 GB resident
/// benchmark it wrote 60% of the bytes Snappy did at about the same CPU, and every byte saved is one less to upload and
/// for Blob Storage to take in. Columns whose first row group has few distinct values (sex, town, ethnicity) are
/// dictionary-encoded; for the others (names, addresses, ID numbers) a dictionary is built only to be thrown away.
/// Pages are 64 KiB: ParquetSharp hands each page to the stream in a new array, and larger pages made those arrays
/// large objects, collected only with generation 2 (1 MiB pages: 331 MB peak on the 1 GB benchmark; 64 KiB: 213 MB,
/// the file 4% larger). Arrow allocates through the C library's allocator rather than its own (mimalloc), which kept
/// memory per thread for every pool thread a flush ran on: 183 MB peak against 230 MB.
/// </para>
/// </summary>
sealed class ParquetSnapshotWriter : ISnapshotWriter
{
    /// <summary>
    /// A group also closes at this estimate of its buffered values (UTF-16 text plus 16 bytes a value), so resources with
    /// long text items keep groups, and memory, to a few tens of MB whatever <see cref="SnapshotStoreOptions.RowGroupRows"/>
    /// says.
    /// </summary>
    public const long MaxRowGroupBytes = 16 << 20;

    /// <summary>A column whose first group has at most this share of distinct values gets a dictionary.</summary>
    public const double DictionaryShare = 0.1;

    const string ParquetMediaType = "application/vnd.apache.parquet";

    readonly SnapshotColumn[] columns;
    readonly IReadOnlyList<DataItem> items;
    readonly BlockStagingStream output;
    readonly int rowGroupRows;
    // Opened by the first flush, once its group tells which columns are worth a dictionary.
    ParquetFileWriter? parquet;
    GroupNode? schema;
    RowGroup filling;
    RowGroup spare;
    Task flush = Task.CompletedTask;
    bool completed;
    bool disposed;

    public ParquetSnapshotWriter(BlockBlobClient blob, IReadOnlyList<DataItem> items, int rowGroupRows, CancellationToken cancellationToken)
    {
        if (items.Count == 0) throw new ArgumentException("A snapshot needs at least one item.", nameof(items));
        this.items = items;
        columns = items.Select(SnapshotColumn.For).ToArray();
        output = new BlockStagingStream(blob, cancellationToken);
        this.rowGroupRows = rowGroupRows;
        filling = new RowGroup(columns, rowGroupRows);
        spare = new RowGroup(columns, rowGroupRows);
    }

    public long Rows { get; private set; }

    public ValueTask AppendAsync(ReadOnlyMemory<ItemValue> row, CancellationToken cancellationToken)
    {
        ThrowIfClosed();
        if (row.Length != columns.Length)
            throw new ArgumentException($"A row has {columns.Length} values, one per item; got {row.Length}.", nameof(row));
        var values = row.Span;
        var group = filling;
        long bytes = 0;
        for (var i = 0; i < values.Length; i++)
        {
            group.Columns[i].Add(values[i]);
            bytes += 16 + 2L * (values[i].Text?.Length ?? 0);
        }
        group.Rows++;
        group.Bytes += bytes;
        Rows++;
        return group.Rows >= rowGroupRows || group.Bytes >= MaxRowGroupBytes ? new ValueTask(StartFlushAsync(cancellationToken)) : ValueTask.CompletedTask;
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        ThrowIfClosed();
        await flush;
        var last = filling;
        // The native writer writes synchronously into the staging stream, which may wait for a block upload.
        await Task.Run(() =>
        {
            if (last.Rows > 0 || parquet is null) Write(last);
            parquet!.Close(); // the footer
        }, cancellationToken);
        await output.CommitAsync(new BlobHttpHeaders { ContentType = ParquetMediaType }, cancellationToken);
        completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        if (!completed)
        {
            // Nothing is committed; the flush in flight, if any, finishes without uploading more. Its failure, if any,
            // belongs to the snapshot being discarded.
            output.Abandon();
            try { await flush; }
            catch (Exception) { }
        }
        parquet?.Dispose();
        schema?.Dispose();
        filling = spare = RowGroup.Empty;
    }

    async Task StartFlushAsync(CancellationToken cancellationToken)
    {
        await flush; // at most one flush in flight; a failed one fails this append
        (filling, spare) = (spare, filling);
        var full = spare;
        flush = Task.Run(() => Write(full), cancellationToken);
    }

    void Write(RowGroup group)
    {
        parquet ??= Open(group);
        using (var rowGroup = parquet.AppendRowGroup())
            foreach (var column in group.Columns)
            {
                using var writer = rowGroup.NextColumn();
                column.Write(writer);
            }
        group.Clear();
    }

    ParquetFileWriter Open(RowGroup first)
    {
        using var builder = new WriterPropertiesBuilder().Compression(Compression.Zstd).DataPagesize(64 << 10).MemoryPool(MemoryPool.SystemMemoryPool()).DisableDictionary().CreatedBy("Nanhai data platform (ParquetSharp)");
        for (var i = 0; i < columns.Length; i++)
            if (first.Columns[i].DistinctShare() <= DictionaryShare) builder.EnableDictionary(columns[i].Item.Name);
        using var properties = builder.Build();
        var fields = columns.Select(c => c.CreateNode()).ToArray();
        schema = new GroupNode("schema", Repetition.Required, fields);
        foreach (var field in fields) field.Dispose();
        return new ParquetFileWriter(output, schema, properties, SnapshotColumn.Metadata(items), leaveOpen: true);
    }

    void ThrowIfClosed()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (completed) throw new InvalidOperationException("The snapshot is already complete.");
    }

    sealed class RowGroup(SnapshotColumn[] columns, int capacity)
    {
        public static RowGroup Empty { get; } = new([], 0);

        public ColumnBuffer[] Columns { get; } = columns.Select(c => c.CreateBuffer(capacity)).ToArray();
        public int Rows { get; set; }
        public long Bytes { get; set; }

        public void Clear()
        {
            foreach (var column in Columns) column.Clear();
            Rows = 0;
            Bytes = 0;
        }
    }
}
