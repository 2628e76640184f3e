using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Nanhai.Application.Ingestion;

namespace Nanhai.Functions.Ingestion;

/// <summary>Blob trigger on the dump container: a department dropped (or replaced) a dump, which is ingested.</summary>
public sealed class DumpArrivedFunction(DumpIngestion ingestion)
{
    public const string Container = "dumps";

    [Function("DumpArrived")]
    public async Task Run(
        [BlobTrigger(Container + "/{unit}/{resource}/{file}", Connection = "AzureWebJobsStorage")] BlobClient blob,
        string unit, string resource, string file, CancellationToken cancellationToken)
    {
        var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        await ingestion.IngestAsync(new DumpArrival(unit, resource, file, properties.ETag.ToString(), properties.ContentLength,
            properties.ContentHash is { Length: > 0 } md5 ? Convert.ToBase64String(md5) : null, properties.LastModified), cancellationToken);
    }
}
