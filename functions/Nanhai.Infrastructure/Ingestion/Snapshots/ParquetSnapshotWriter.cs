using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Nanhai.Application.Ingestion.Snapshots;
using Nanhai.Domain.Catalog;
using Nanhai.Domain.Ingestion;
using Parquet;
using Parquet.Schema;

namespace Nanhai.Infrastructure.Ingestion.Snapshots;

/// <summary>
/// Writes one snapshot as <see cref="SnapshotStoreOptions.Parts"/> Parquet part files encoded in parallel: row groups go to
/// the parts in turn (group <c>g</c> to part <c>g mod parts</c>), so reading the parts' groups in turn gives the rows back
/// in order. While parts encode, compress and upload full groups on pool threads, the caller fills the next one; a part
/// takes a new group only when its last is written, so at most one group per part plus the one filling are in memory and a
/// slow upload slows the caller down instead of piling up rows. Encoding is the costly step (a single encoder left the
/// reader idle half the time); one part per core keeps both busy. Each part goes to Blob Storage as staged blocks,
/// committed under its name only by <see cref="CompleteAsync"/>.
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

    readonly IReadOnlyList<DataItem> items;
    readonly SnapshotColumn[] columns;
    readonly Func<int, BlockBlobClient> partBlob;
    readonly Part?[] parts;
    readonly int rowGroupRows;
    RowGroup filling;
    long groups;
    bool completed;
    bool disposed;

    ParquetSnapshotWriter(IReadOnlyList<DataItem> items, Func<int, BlockBlobClient> partBlob, int parts, int rowGroupRows)
    {
        this.items = items;
        columns = items.Select(SnapshotColumn.For).ToArray();
        this.partBlob = partBlob;
        this.parts = new Part?[parts];
        this.rowGroupRows = rowGroupRows;
        filling = new RowGroup(columns, rowGroupRows);
    }

    public long Rows { get; private set; }

    public static ParquetSnapshotWriter Create(Func<int, BlockBlobClient> partBlob, IReadOnlyList<DataItem> items, int parts, int rowGroupRows)
    {
        if (items.Count == 0) throw new ArgumentException("A snapshot needs at least one item.", nameof(items));
        return new ParquetSnapshotWriter(items, partBlob, parts, rowGroupRows);
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
        return group.Rows >= rowGroupRows || group.Bytes >= MaxRowGroupBytes ? new ValueTask(HandOverAsync(cancellationToken)) : ValueTask.CompletedTask;
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        ThrowIfClosed();
        // The last, partial group; an empty snapshot still gets one part, so that it has a schema to read.
        if (filling.Rows > 0 || groups == 0) await HandOverAsync(cancellationToken);
        foreach (var part in parts.OfType<Part>()) await part.Flush;
        foreach (var part in parts.OfType<Part>())
        {
            await part.Parquet.DisposeAsync(); // the footer
            await part.Output.CommitAsync(new BlobHttpHeaders { ContentType = ParquetMediaType }, cancellationToken);
        }
        completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        if (!completed)
        {
            // Nothing is committed; the flushes in flight finish without uploading more. Their failures, if any, belong
            // to the snapshot being discarded. The Parquet writers are left unfinished: their footers would go nowhere.
            foreach (var part in parts.OfType<Part>())
            {
                part.Output.Abandon();
                try { await part.Flush; }
                catch (Exception) { }
            }
        }
        filling = RowGroup.Empty;
    }

    /// <summary>Gives the filling group to the next part in turn, once that part has written its last one.</summary>
    async Task HandOverAsync(CancellationToken cancellationToken)
    {
        var index = (int)(groups % parts.Length);
        var part = parts[index] ??= await Part.CreateAsync(partBlob(index), columns, items, rowGroupRows, cancellationToken);
        await part.Flush; // a failed write fails this append
        (filling, part.Buffer) = (part.Buffer, filling);
        groups++;
        var full = part.Buffer;
        part.Flush = Task.Run(() => part.WriteAsync(full, cancellationToken), cancellationToken);
    }

    void ThrowIfClosed()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (completed) throw new InvalidOperationException("The snapshot is already complete.");
    }

    /// <summary>One part file: its Parquet writer, its staged upload and the group it is writing (or last wrote).</summary>
    sealed class Part(BlockStagingStream output, ParquetWriter parquet, RowGroup buffer)
    {
        public BlockStagingStream Output { get; } = output;
        public ParquetWriter Parquet { get; } = parquet;
        public RowGroup Buffer { get; set; } = buffer;
        public Task Flush { get; set; } = Task.CompletedTask;

        public static async Task<Part> CreateAsync(BlockBlobClient blob, SnapshotColumn[] columns, IReadOnlyList<DataItem> items, int rowGroupRows,
            CancellationToken cancellationToken)
        {
            var output = new BlockStagingStream(blob);
            var parquet = await ParquetWriter.CreateAsync(new ParquetSchema(columns.Select(c => (Field)c.Field).ToArray()), output,
                SnapshotColumn.ParquetOptions, cancellationToken: cancellationToken);
            parquet.CustomMetadata = SnapshotColumn.Metadata(items);
            return new Part(output, parquet, new RowGroup(columns, rowGroupRows));
        }

        public async Task WriteAsync(RowGroup group, CancellationToken cancellationToken)
        {
            using (var writer = Parquet.CreateRowGroup())
            {
                foreach (var column in group.Columns) await column.WriteAsync(writer, group.Rows, cancellationToken);
                writer.CompleteValidate();
            }
            group.Clear();
        }
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
