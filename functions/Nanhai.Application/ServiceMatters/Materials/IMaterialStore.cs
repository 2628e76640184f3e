namespace Nanhai.Application.ServiceMatters.Materials;

/// <summary>
/// Where applicants' material files live (the materials container): short-lived upload URLs scoped to one blob, and
/// what was actually uploaded there.
/// </summary>
public interface IMaterialStore
{
    /// <summary>A URL that lets its holder write exactly <paramref name="blobName"/> (create only) until <paramref name="expiresAt"/>.</summary>
    Task<Uri> CreateUploadUrlAsync(string blobName, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>What is stored at <paramref name="blobName"/>: size, content type and the first bytes; null when nothing was uploaded.</summary>
    Task<UploadedFile?> InspectAsync(string blobName, int headLength, CancellationToken cancellationToken = default);

    /// <summary>The file stored at <paramref name="blobName"/>, to stream to its reader (who disposes it); null when there is none.</summary>
    Task<StoredFile?> OpenReadAsync(string blobName, CancellationToken cancellationToken = default);
}

public sealed record UploadedFile(long SizeBytes, string? ContentType, byte[] Head);

/// <summary>A stored file being read: its content, as a stream the reader disposes, its declared type and its size.</summary>
public sealed record StoredFile(Stream Content, string? ContentType, long SizeBytes);
