using System.Security.Cryptography;

namespace Nanhai.Application.Ingestion;

/// <summary>
/// Wraps a dump's content as it is read once, front to back: counts the bytes (for progress) and hashes them (SHA-256), so
/// that recognising the same content dropped again costs no second read.
/// </summary>
public sealed class ReadTrackingStream(Stream inner) : Stream
{
    readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    long position;

    /// <summary>Bytes read so far; read by the progress reporter from another thread.</summary>
    public long BytesRead => Interlocked.Read(ref position);

    /// <summary>Reads whatever the reader left unread (trailing bytes after the last record) and returns the content's hash.</summary>
    public string Finish()
    {
        var buffer = new byte[81920];
        while (Read(buffer, 0, buffer.Length) > 0) { }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Track(buffer[..n]);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken);
        Track(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    void Track(ReadOnlySpan<byte> bytes)
    {
        hash.AppendData(bytes);
        Interlocked.Add(ref position, bytes.Length);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hash.Dispose();
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
