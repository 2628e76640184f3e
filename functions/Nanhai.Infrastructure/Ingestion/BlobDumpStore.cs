using System.Net;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Nanhai.Application.Ingestion;

namespace Nanhai.Infrastructure.Ingestion;

/// <summary>
/// Dumps in the <c>dumps</c> container (the blob trigger's) and their quarantine in <c>quarantine</c>:
/// <c>{unit}/{resource}/{run}/{file}</c> with <c>report.json</c> beside it. Every read and the final delete are conditional
/// on the version that arrived, so a dump replaced meanwhile is never mixed up with its successor.
/// </summary>
public sealed class BlobDumpStore(BlobServiceClient blobs) : IDumpStore
{
    public const string DumpContainer = "dumps";
    public const string QuarantineContainer = "quarantine";
    const int ReadBufferBytes = 4 * 1024 * 1024;

    public async Task<Stream> OpenReadAsync(DumpArrival dump, CancellationToken cancellationToken)
    {
        try
        {
            // One streamed download rather than OpenRead's ranged reads, which stop the parser for a round trip every few MB;
            // the SDK resumes a broken download from where it stopped, still conditional on the version.
            return (await Dump(dump).DownloadStreamingAsync(new BlobDownloadOptions
            {
                Conditions = new BlobRequestConditions { IfMatch = new ETag(dump.Version) },
            }, cancellationToken)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.PreconditionFailed)
        {
            throw new DumpVersionGoneException(dump.Path);
        }
    }

    public async Task<string> QuarantineAsync(DumpArrival dump, string runId, ReadOnlyMemory<byte> report, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(QuarantineContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var folder = $"{dump.Unit}/{dump.Resource}/{runId}";
        var source = Dump(dump);
        var target = container.GetBlobClient($"{folder}/{dump.File}");
        try
        {
            // Streamed rather than a server-side copy, which would need the source authorised separately under a managed identity.
            await using (var content = await source.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false)
            {
                BufferSize = ReadBufferBytes,
                Conditions = new BlobRequestConditions { IfMatch = new ETag(dump.Version) },
            }, cancellationToken))
                await target.UploadAsync(content, overwrite: true, cancellationToken);
            await source.DeleteIfExistsAsync(conditions: new BlobRequestConditions { IfMatch = new ETag(dump.Version) }, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.PreconditionFailed)
        {
            // Already moved by an earlier attempt, or replaced by a newer version (which has its own run): the report still goes.
        }
        await container.GetBlobClient($"{folder}/report.json").UploadAsync(new BinaryData(report), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
        }, cancellationToken);
        return $"{QuarantineContainer}/{folder}";
    }

    BlobClient Dump(DumpArrival dump) => blobs.GetBlobContainerClient(DumpContainer).GetBlobClient(dump.Path);
}
