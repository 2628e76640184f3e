namespace Nanhai.Application.Ingestion;

/// <summary>
/// A department's data dump (数据文件) that landed under <c>dumps/{unit}/{resource}/{file}</c>. <paramref name="Version"/>
/// identifies this content of the blob (its ETag): the same version seen twice is the same dump. <paramref name="LastModified"/>
/// is when it was dropped, which orders dumps of one resource.
/// </summary>
public sealed record DumpArrival(string Unit, string Resource, string File, string Version, long Length, string? ContentMd5, DateTimeOffset LastModified)
{
    public string Path => $"{Unit}/{Resource}/{File}";
}

/// <summary>The dump drop zone and its quarantine.</summary>
public interface IDumpStore
{
    /// <summary>
    /// Opens exactly the version of the dump that arrived, for sequential reading. Throws
    /// <see cref="DumpVersionGoneException"/> when the blob was replaced or deleted since.
    /// </summary>
    Task<Stream> OpenReadAsync(DumpArrival dump, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the dump (that version only) to quarantine under <paramref name="runId"/> with its report beside it, where the
    /// unit can read both; returns the quarantine folder. Safe to repeat.
    /// </summary>
    Task<string> QuarantineAsync(DumpArrival dump, string runId, ReadOnlyMemory<byte> report, CancellationToken cancellationToken);
}

/// <summary>The dump was replaced or deleted after it arrived; the newer version has its own trigger, so this one has nothing to do.</summary>
public sealed class DumpVersionGoneException(string path) : Exception($"Dump {path} changed or was deleted after it arrived.");
