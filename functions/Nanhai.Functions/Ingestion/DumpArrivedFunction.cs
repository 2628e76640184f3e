using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Nanhai.Application.Ingestion;
using Nanhai.Infrastructure.Ingestion;

namespace Nanhai.Functions.Ingestion;

/// <summary>
/// Blob trigger on the dump container: a department dropped (or replaced) a dump, which is ingested. The blob events come
/// through Event Grid, the only source the Flex Consumption plan supports (infra/main.bicep subscribes them); the local
/// host polls the container instead.
/// </summary>
public sealed class DumpArrivedFunction(DumpIngestion ingestion)
{
    public const string Container = BlobDumpStore.DumpContainer;

    [Function("DumpArrived")]
    public async Task Run(
        [BlobTrigger(Container + "/{unit}/{resource}/{file}", Connection = "AzureWebJobsStorage", Source = BlobTriggerSource.EventGrid)] BlobClient blob,
        string unit, string resource, string file, CancellationToken cancellationToken)
    {
        var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        await ingestion.IngestAsync(new DumpArrival(unit, resource, file, properties.ETag.ToString(), properties.ContentLength,
            properties.ContentHash is { Length: > 0 } md5 ? Convert.ToBase64String(md5) : null, properties.LastModified), cancellationToken);
    }
}
