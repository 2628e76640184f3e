using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Nanhai.Application.Ingestion.Snapshots;
using Nanhai.Domain.Catalog;
using Nanhai.Domain.Ingestion;
using Parquet;
using Parquet.Schema;

namespace Nanhai.Infrastructure.Ingestion.Snapshots;

/// <summary>
/// Writes one snapshot with two row-group buffers: while one group is encoded, compressed and uploaded on a pool thread,
/// the caller fills the other; a full buffer waits for the one flush in flight, so at most two groups are in memory and
/// a slow upload slows the caller down instead of piling up rows. The file goes to Blob Storage as staged blocks,
/// committed under the snapshot's name only by <see cref="CompleteAsync"/>.
/// </summary>
sealed class ParquetSnapshotWriter : ISnapshotWriter
{
    /// <summary>
    /// A group also closes at this estimate of its buffered values (UTF-16 text plus 16 bytes a value), so resources with
    /// long text items keep groups, and memory, to a few tens of MB whatever <see cref="SnapshotStoreOptions.RowGroupRows"/>
    /// says (encoding a group takes a few times its buffered size again).
    /// </summary>
    public const long MaxRowGroupBytes = 16 << 20;

    const string ParquetMediaType = "application/vnd.apache.parquet";

    readonly SnapshotColumn[] columns;
    readonly BlockStagingStream output;
    readonly ParquetWriter parquet;
    readonly int rowGroupRows;
    RowGroup filling;
    RowGroup spare;
    Task flush = Task.CompletedTask;
    bool completed;
    bool disposed;

    ParquetSnapshotWriter(SnapshotColumn[] columns, BlockStagingStream output, ParquetWriter parquet, int rowGroupRows)
    {
        this.columns = columns;
        this.output = output;
        this.parquet = parquet;
        this.rowGroupRows = rowGroupRows;
        filling = new RowGroup(columns, rowGroupRows);
        spare = new RowGroup(columns, rowGroupRows);
    }

    public long Rows { get; private set; }

    public static async Task<ParquetSnapshotWriter> CreateAsync(BlockBlobClient blob, IReadOnlyList<DataItem> items, int rowGroupRows, CancellationToken cancellationToken)
    {
        if (items.Count == 0) throw new ArgumentException("A snapshot needs at least one item.", nameof(items));
        var columns = items.Select(SnapshotColumn.For).ToArray();
        var output = new BlockStagingStream(blob);
        var parquet = await ParquetWriter.CreateAsync(new ParquetSchema(columns.Select(c => (Field)c.Field).ToArray()), output,
            SnapshotColumn.ParquetOptions, cancellationToken: cancellationToken);
        parquet.CustomMetadata = SnapshotColumn.Metadata(items);
        return new ParquetSnapshotWriter(columns, output, parquet, rowGroupRows);
    }

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
            group.Columns[i].Set(group.Rows, values[i]);
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
        if (filling.Rows > 0) await WriteAsync(filling, cancellationToken);
        await parquet.DisposeAsync(); // the footer
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
            // belongs to the snapshot being discarded. The Parquet writer is left unfinished: its footer would go nowhere.
            output.Abandon();
            try { await flush; }
            catch (Exception) { }
        }
        filling = spare = RowGroup.Empty;
    }

    async Task StartFlushAsync(CancellationToken cancellationToken)
    {
        await flush; // at most one flush in flight; a failed one fails this append
        (filling, spare) = (spare, filling);
        var full = spare;
        flush = Task.Run(() => WriteAsync(full, cancellationToken), cancellationToken);
    }

    async Task WriteAsync(RowGroup group, CancellationToken cancellationToken)
    {
        using (var writer = parquet.CreateRowGroup())
        {
            foreach (var column in group.Columns) await column.WriteAsync(writer, group.Rows, cancellationToken);
            writer.CompleteValidate();
        }
        group.Clear();
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
            foreach (var column in Columns) column.Clear(Rows);
            Rows = 0;
            Bytes = 0;
        }
    }
}
