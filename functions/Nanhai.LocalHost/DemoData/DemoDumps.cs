using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Nanhai.Application.Catalog.DemoData;

namespace Nanhai.LocalHost.DemoData;

/// <summary>
/// Drops a few department dumps the first time demo data is loaded, so the catalog shows records and the ingestion browser
/// shows runs as departments would make them: household registration in GB18030 (indexed for keyed lookups), resident
/// population in UTF-8 with a BOM and a few bad rows, and one file whose header does not fit, which goes to quarantine.
/// A marker blob remembers that they were dropped, so a restart does not drop them again.
/// </summary>
public sealed class DemoDumps(BlobServiceClient blobs, ILogger<DemoDumps> logger)
{
    const string MarkerContainer = "demo-data";
    const string Marker = "dumps-dropped";

    public async Task DropAsync(CancellationToken cancellationToken)
    {
        var markers = blobs.GetBlobContainerClient(MarkerContainer);
        await markers.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        if (await markers.GetBlobClient(Marker).ExistsAsync(cancellationToken)) return;

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var dumps = blobs.GetBlobContainerClient("dumps");
        await dumps.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await DropAsync(dumps, "gaj/10101-000001/户籍人口-20261128.csv", SyntheticResidents.Csv(2_000, seed: 1, Encoding.GetEncoding(54936)), cancellationToken);
        await DropAsync(dumps, "gaj/10102-000001/实有人口-20261128.csv",
            SyntheticResidents.Csv(5_000, seed: 2, new UTF8Encoding(true), BreakEveryThousandthIdNumber), cancellationToken);
        await DropAsync(dumps, "gaj/10103-000001/居住证-20261128.csv",
            Encoding.UTF8.GetBytes("证件号码,姓名,有效期\r\n440605199001011234,张三,2030-01-01\r\n"), cancellationToken);
        await markers.GetBlobClient(Marker).UploadAsync(BinaryData.Empty, overwrite: true, cancellationToken);
        logger.LogInformation("Demo dumps dropped: household and resident population, and one for quarantine");
    }

    static async Task DropAsync(BlobContainerClient dumps, string path, byte[] content, CancellationToken cancellationToken)
    {
        try
        {
            await dumps.GetBlobClient(path).UploadAsync(BinaryData.FromBytes(content),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Dropped by an earlier start that stopped before writing the marker.
        }
    }

    static string[] BreakEveryThousandthIdNumber(string[] row, int index) =>
        (index + 1) % 1000 == 0 ? [row[0][..17] + (row[0][17] == '0' ? '1' : '0'), .. row[1..]] : row;
}
