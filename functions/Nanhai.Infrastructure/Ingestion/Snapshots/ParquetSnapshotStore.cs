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
using Parquet;

namespace Nanhai.Infrastructure.Ingestion.Snapshots;

/// <summary>
/// <see cref="ISnapshotStore"/> as Parquet files in a blob container (<see cref="SnapshotStoreOptions.ContainerName"/>).
/// Each file has one column per data item, named by the item and typed by its <see cref="DataItemType"/> (see
/// <see cref="SnapshotColumn"/>), Snappy-compressed (2 million synthetic resident rows: 142 MB against 288 MB
/// uncompressed, written at the same speed to Azurite, so half the bytes to upload and to serve for bulk exchange), with
/// the items' Chinese labels and types in its key-value metadata. A snapshot appears under its path only once complete (see <see cref="BlockStagingStream"/>).
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
        return await ParquetSnapshotWriter.CreateAsync(container.GetBlockBlobClient(path), items, rowGroupRows, cancellationToken);
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
        await using var reader = await ParquetReader.CreateAsync(stream, SnapshotColumn.ParquetOptions, cancellationToken: cancellationToken);
        var columns = items.Select(SnapshotColumn.For).ToArray();
        var stored = columns.Select(c => reader.Schema.DataFields.FirstOrDefault(f => f.Name == c.Item.Name)
            ?? throw new InvalidDataException($"Snapshot '{path}' has no column '{c.Item.Name}'.")).ToArray();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            ItemValue[][] rows;
            using (var group = reader.OpenRowGroupReader(g))
            {
                rows = new ItemValue[group.RowCount][];
                for (var r = 0; r < rows.Length; r++) rows[r] = new ItemValue[columns.Length];
                for (var c = 0; c < columns.Length; c++) await columns[c].ReadAsync(group, stored[c], rows, c, cancellationToken);
            }
            foreach (var row in rows) yield return row;
        }
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        await container.DeleteBlobIfExistsAsync(path, cancellationToken: cancellationToken);
}
