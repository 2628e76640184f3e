using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Nanhai.Application.Catalog;
using Nanhai.Application.Catalog.DemoData;
using Nanhai.Application.Ingestion.Snapshots;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Ingestion;

public sealed class IngestionCrashRecoveryTests
{
    [Fact]
    public async Task A_host_killed_in_the_middle_of_a_large_dump_finishes_that_run_after_restart_without_doubling_anything()
    {
        const string Resource = "10102-000001";
        await using var services = await LocalServices.StartAsync("ingest-crash");
        await using var host = await LocalHostProcess.StartAsync(services, new Dictionary<string, string?>
        {
            ["LocalHost__SeedDemoData"] = "true",
            ["Ingestion__ProgressInterval"] = "00:00:00.200",
        });
        var drops = new DumpDrops(services, host);
        var file = new MemoryStream();
        var written = SyntheticResidents.WriteCsv(file, DumpDrops.Gb18030, targetBytes: 40L << 20, seed: 7);
        file.Position = 0;
        await drops.DropAsync("gaj", Resource, "large.csv", file);

        // Kill once the run has read part of the file.
        await host.WaitUntilAsync(async () => (await drops.RunsAsync(Resource)).Any(r => r.GetProperty("file").GetString() == "large.csv"
            && r.GetProperty("status").GetString() == "Running" && r.GetProperty("bytesRead").GetInt64() > 0), TimeSpan.FromSeconds(60), "the run to be under way");
        var before = (await drops.RunsAsync(Resource)).Single(r => r.GetProperty("file").GetString() == "large.csv");
        Assert.True(before.GetProperty("bytesRead").GetInt64() < written.Bytes, "the run finished before the kill; make the file larger");
        await host.KillAsync();
        await host.StartAsync();

        var run = await drops.FinishedRunAsync(Resource, "large.csv", TimeSpan.FromSeconds(120));

        Assert.Equal("Succeeded", run.GetProperty("status").GetString());
        Assert.Equal(before.GetProperty("id").GetString(), run.GetProperty("id").GetString());
        Assert.Equal(2, run.GetProperty("attempt").GetInt32());
        Assert.Equal(written.Rows, run.GetProperty("rowsRead").GetInt64());
        Assert.Equal(written.Rows, run.GetProperty("rowsAccepted").GetInt64());
        Assert.Single(await drops.RunsAsync(Resource), r => r.GetProperty("file").GetString() == "large.csv");

        using var platform = PlatformServices.Build(services);
        var snapshots = new BlobContainerClient(services.StorageConnectionString, "snapshots");
        var snapshot = Assert.Single(await snapshots.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = $"gaj/{Resource}/" }).ToListAsync());
        Assert.Equal(run.GetProperty("snapshot").GetString(), snapshot.Name);
        var resource = (await platform.Services.GetRequiredService<ICatalogStore>().FindResourceAsync(Resource, default))!.Resource;
        long rows = 0;
        await foreach (var _ in platform.Services.GetRequiredService<ISnapshotStore>().ReadRowsAsync(run.GetProperty("snapshot").GetString()!, resource.Items, default))
            rows++;
        Assert.Equal(written.Rows, rows);
        Assert.Equal(written.Rows, resource.Statistics.Records);
    }
}
