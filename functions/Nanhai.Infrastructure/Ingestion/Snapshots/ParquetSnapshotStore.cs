using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Options;
using Nanhai.Application.Ingestion.Snapshots;
using Nanhai.Domain.Catalog;
using Nanhai.Domain.Ingestion;
using ParquetSharp;

namespace Nanhai.Infrastructure.Ingestion.Snapshots;

/// <summary>
/// <see cref="ISnapshotStore"/> as Parquet files in a blob container (<see cref="SnapshotStoreOptions.ContainerName"/>).
/// Each file has one column per data item, named by the item and typed by its <see cref="DataItemType"/> (see
/// <see cref="SnapshotColumn"/>), Zstandard-compressed (see <see cref="ParquetSnapshotWriter"/>), with the items' Chinese
/// labels and types in its key-value metadata. A snapshot appears under its path only once complete (see <see cref="BlockStagingStream"/>).
/// </summary>
public sealed class ParquetSnapshotStore(BlobServiceClient blobs, IOptions<SnapshotStoreOptions> options) : ISnapshotStore
{
    readonly BlobContainerClient container = blobs.GetBlobContainerClient(options.Value.ContainerName);
    readonly int rowGroupRows = options.Value.RowGroupRows;
    volatile bool containerExists;

    public async Task<ISnapshotWriter> CreateAsync(string path, IReadOnlyList<DataItem> items, CancellationToken cancellationToken)
    {
        if (!containerExists)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            containerExists = true;
        }
        return new ParquetSnapshotWriter(container.GetBlockBlobClient(path), items, rowGroupRows, cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await container.GetBlobClient(path).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async IAsyncEnumerable<ItemValue[]> ReadRowsAsync(string path, IReadOnlyList<DataItem> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = await OpenReadAsync(path, cancellationToken)
            ?? throw new FileNotFoundException($"No snapshot at '{path}' in container '{container.Name}'.", path);
        // The native reader reads the blob synchronously: each row group is read on a pool thread, then handed out.
        using var reader = await Task.Run(() => new ParquetFileReader(stream, leaveOpen: true), cancellationToken);
        var columns = items.Select(SnapshotColumn.For).ToArray();
        var schema = reader.FileMetaData.Schema;
        var stored = columns.Select(c => Enumerable.Range(0, schema.NumColumns).Cast<int?>().FirstOrDefault(i => schema.Column(i!.Value).Name == c.Item.Name)
            ?? throw new InvalidDataException($"Snapshot '{path}' has no column '{c.Item.Name}'.")).ToArray();
        for (var g = 0; g < reader.FileMetaData.NumRowGroups; g++)
        {
            var group = g;
            var rows = await Task.Run(() => ReadRowGroup(reader, group, columns, stored), cancellationToken);
            foreach (var row in rows) yield return row;
        }
    }

    static ItemValue[][] ReadRowGroup(ParquetFileReader reader, int index, SnapshotColumn[] columns, int[] stored)
    {
        using var group = reader.RowGroup(index);
        var rows = new ItemValue[checked((int)group.MetaData.NumRows)][];
        for (var r = 0; r < rows.Length; r++) rows[r] = new ItemValue[columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            using var column = group.Column(stored[c]);
            columns[c].Read(column, rows, c);
        }
        return rows;
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        await container.DeleteBlobIfExistsAsync(path, cancellationToken: cancellationToken);
}
