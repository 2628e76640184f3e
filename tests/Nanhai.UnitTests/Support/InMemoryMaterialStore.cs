using System.Collections.Concurrent;
using Nanhai.Application.ServiceMatters.Materials;

namespace Nanhai.UnitTests.Support;

/// <summary>
/// Uploaded material files in memory: a test puts what the applicant "uploaded" under the blob name the upload URL was
/// scoped to (<see cref="Nanhai.Application.ServiceMatters.Applications.MaterialUploads.BlobNameOf"/>).
/// </summary>
public sealed class InMemoryMaterialStore : IMaterialStore
{
    readonly ConcurrentDictionary<string, (string ContentType, byte[] Content)> files = new();

    public void Put(string blobName, string contentType, byte[] content) => files[blobName] = (contentType, content);

    public Task<Uri> CreateUploadUrlAsync(string blobName, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
        Task.FromResult(new Uri($"https://materials.invalid/{blobName}?se={expiresAt.ToUnixTimeSeconds()}"));

    public Task<UploadedFile?> InspectAsync(string blobName, int headLength, CancellationToken cancellationToken = default) =>
        Task.FromResult(files.TryGetValue(blobName, out var file)
            ? new UploadedFile(file.Content.LongLength, file.ContentType, file.Content.Take(headLength).ToArray())
            : null);

    public Task<StoredFile?> OpenReadAsync(string blobName, CancellationToken cancellationToken = default) =>
        Task.FromResult(files.TryGetValue(blobName, out var file)
            ? new StoredFile(new MemoryStream(file.Content, writable: false), file.ContentType, file.Content.LongLength)
            : null);
}
