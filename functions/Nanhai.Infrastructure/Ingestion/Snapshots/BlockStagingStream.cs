using Azure;
using Azure.Storage;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Nanhai.Infrastructure.Ingestion.Snapshots;

/// <summary>
/// A write-only, forward-only stream that uploads what is written to a block blob as staged (uncommitted) blocks and
/// makes them the blob only in <see cref="CommitAsync"/>: until then nothing is visible under the blob's name, so a
/// half-written snapshot never looks complete, and an abandoned one leaves only uncommitted blocks, which Blob Storage
/// drops after a week or when the name is next committed. The Parquet writer needs no seeking, only <see cref="Position"/>.
/// <para>
/// <c>BlockBlobClient.OpenWriteAsync</c> would also commit its blocks only at the end, but with overwrite (the only mode
/// it has) it first uploads an empty blob under the name, and disposing it commits whatever was written: both would let
/// an unfinished snapshot be seen.
/// </para>
/// </summary>
sealed class BlockStagingStream(BlockBlobClient blob, CancellationToken cancellationToken) : Stream
{
    /// <summary>Blocks of 4 MiB: few requests per snapshot, two buffers in memory, and at most 50,000 blocks make 200 GiB.</summary>
    public const int BlockSize = 4 << 20;

    // Block ids are this attempt's id and the block's number: all the same length (Blob Storage refuses to mix lengths
    // in one blob's uncommitted blocks) and never those of an earlier, killed attempt, whose blocks the commit discards.
    readonly byte[] attempt = Guid.NewGuid().ToByteArray();
    readonly List<string> blocks = [];
    byte[]? buffer = new byte[BlockSize];
    // One block uploads while the next fills: encoding never waits on the network unless it outruns it.
    byte[] uploading = new byte[BlockSize];
    Task staging = Task.CompletedTask;
    int buffered;
    long position;
    bool abandoned;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> data)
    {
        if (abandoned) return;
        while (!data.IsEmpty)
        {
            var block = buffer ?? throw new InvalidOperationException("The snapshot is already committed.");
            var count = Math.Min(data.Length, block.Length - buffered);
            data[..count].CopyTo(block.AsSpan(buffered));
            buffered += count;
            position += count;
            data = data[count..];
            // The writer runs on a pool thread of its own; waiting here for the block before to finish uploading is
            // what keeps encoding from running ahead of the network with more than two blocks in memory.
            if (buffered == block.Length) StageAsync(cancellationToken).GetAwaiter().GetResult();
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <summary>Stages what is still buffered and commits the blocks as the blob's content, replacing any earlier blob.</summary>
    public async Task CommitAsync(BlobHttpHeaders headers, CancellationToken commitCancellation)
    {
        if (abandoned) throw new InvalidOperationException("An abandoned snapshot cannot be committed.");
        await StageAsync(commitCancellation);
        await staging;
        await blob.CommitBlockListAsync(blocks, new CommitBlockListOptions { HttpHeaders = headers }, commitCancellation);
        buffer = null;
    }

    /// <summary>Discards what is written from now on (a writer disposed without completing): nothing more is uploaded.</summary>
    public void Abandon()
    {
        abandoned = true;
        buffer = null;
    }

    /// <summary>Starts uploading the filled buffer as the next block, once the upload before it has finished (a failed one fails this call).</summary>
    async Task StageAsync(CancellationToken stageCancellation)
    {
        if (buffered == 0 || abandoned) return;
        await staging;
        var id = Convert.ToBase64String([.. attempt, .. BitConverter.GetBytes(blocks.Count)]);
        var first = blocks.Count == 0;
        blocks.Add(id);
        (buffer, uploading) = (uploading, buffer!);
        var length = buffered;
        buffered = 0;
        staging = StageBlockAsync(id, uploading, length, first, stageCancellation);
    }

    // Each block carries its MD5, which Blob Storage checks on arrival: a block damaged on the way fails instead of
    // becoming part of the snapshot. (Without one, Azurite computes a CRC64 in JavaScript instead, at about a third of
    // the speed: on the 1 GB benchmark that alone was a tenth of the run's CPU.)
    static readonly BlockBlobStageBlockOptions Md5Checked = new() { TransferValidation = new() { ChecksumAlgorithm = StorageChecksumAlgorithm.MD5 } };

    async Task StageBlockAsync(string id, byte[] block, int length, bool first, CancellationToken stageCancellation)
    {
        try
        {
            await blob.StageBlockAsync(id, new MemoryStream(block, 0, length, writable: false), Md5Checked, stageCancellation);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.InvalidBlobOrBlock && first)
        {
            // Uncommitted blocks with ids of another length (a writer of another format) block staging. Putting a blob
            // discards them; it is the run's own path, not yet referenced by the catalog, and is deleted at once.
            await blob.UploadAsync(Stream.Null, new BlobUploadOptions(), stageCancellation);
            await blob.DeleteIfExistsAsync(cancellationToken: stageCancellation);
            await blob.StageBlockAsync(id, new MemoryStream(block, 0, length, writable: false), Md5Checked, stageCancellation);
        }
    }

    // What is buffered is staged by CommitAsync.
    public override void Flush() { }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
