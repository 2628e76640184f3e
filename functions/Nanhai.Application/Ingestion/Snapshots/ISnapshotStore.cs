using Nanhai.Domain.Catalog;
using Nanhai.Domain.Ingestion;

namespace Nanhai.Application.Ingestion.Snapshots;

/// <summary>
/// Curated snapshots (整理后的快照): one columnar file (Parquet) per accepted dump, holding only the resource's declared
/// items with their types. A snapshot is written under its run's own path, so a retried run overwrites its own partial
/// file and never touches the current snapshot.
/// </summary>
public interface ISnapshotStore
{
    /// <summary>Starts writing the snapshot at <paramref name="path"/> (replacing any partial file of an earlier attempt).</summary>
    Task<ISnapshotWriter> CreateAsync(string path, IReadOnlyList<DataItem> items, CancellationToken cancellationToken);

    /// <summary>Opens a finished snapshot for reading (bulk exchange, tests); null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken);

    /// <summary>
    /// Streams a finished snapshot's rows back as item values (in <paramref name="items"/> order), a row group at a time:
    /// the keyed-lookup index is built from the snapshot, not from the dump, so a restart re-reads the curated data only.
    /// </summary>
    IAsyncEnumerable<ItemValue[]> ReadRowsAsync(string path, IReadOnlyList<DataItem> items, CancellationToken cancellationToken);

    /// <summary>Deletes a snapshot if it exists (a rejected or duplicate run's partial file).</summary>
    Task DeleteAsync(string path, CancellationToken cancellationToken);
}

/// <summary>Writes one snapshot, row by row; rows are buffered into row groups and flushed while the next group fills.</summary>
public interface ISnapshotWriter : IAsyncDisposable
{
    /// <summary>Adds one accepted row, its values in item order.</summary>
    ValueTask AppendAsync(ReadOnlyMemory<ItemValue> row, CancellationToken cancellationToken);

    /// <summary>Rows appended so far.</summary>
    long Rows { get; }

    /// <summary>Flushes the last row group and the footer and commits the file. Disposing without completing discards it.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}
