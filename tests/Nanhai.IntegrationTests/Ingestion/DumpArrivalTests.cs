using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nanhai.Application.Events;
using Nanhai.Application.Ingestion;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Ingestion;

/// <summary>
/// The blob trigger on the local host: a dump dropped under dumps/{unit}/{resource}/ is recorded once; a restart does
/// not process it again; a changed dump is processed again.
/// </summary>
public sealed class DumpArrivalTests
{
    [Fact]
    public async Task Each_new_or_changed_dump_is_processed_once_and_a_restart_processes_nothing_again()
    {
        await using var services = await LocalServices.StartAsync("dumps");
        await using var host = await LocalHostProcess.StartAsync(services);
        using var platform = PlatformServices.Build(services);
        var events = platform.Services.GetRequiredService<IEventStore>();
        var stream = DumpArrivals.StreamOf("440605-gaj", "household-registration");
        var dumps = new BlobContainerClient(services.StorageConnectionString, "dumps");
        await dumps.CreateIfNotExistsAsync();
        var blob = dumps.GetBlobClient("440605-gaj/household-registration/2026-11-29.csv");

        await blob.UploadAsync(BinaryData.FromString("身份证号,姓名\n440605199001011234,张三\n"));
        // Other paths are not dumps of a resource: no event for them.
        await dumps.GetBlobClient("stray-file.csv").UploadAsync(BinaryData.FromString("x"));
        await host.WaitUntilAsync(async () => (await ReadAsync(events, stream)).Count == 1, TimeSpan.FromSeconds(30), "the dump to be recorded");

        await host.KillAsync();
        await host.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(2)); // several polls of the restarted host
        Assert.Single(await ReadAsync(events, stream));

        await blob.UploadAsync(BinaryData.FromString("身份证号,姓名\n440605199001011234,张三\n440605199202022345,李四\n"), overwrite: true);
        await host.WaitUntilAsync(async () => (await ReadAsync(events, stream)).Count == 2, TimeSpan.FromSeconds(30), "the changed dump to be recorded");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var recorded = await ReadAsync(events, stream);
        Assert.Equal(2, recorded.Count);
        Assert.All(recorded, e => Assert.Equal(DumpArrivals.EventType, e.Type));
        Assert.Equal("2026-11-29.csv", recorded[1].Data.GetProperty("file").GetString());

        var queue = new QueueClient(services.StorageConnectionString, "integration-events");
        var messages = (await queue.PeekMessagesAsync(maxMessages: 32)).Value
            .Select(m => System.Text.Json.JsonDocument.Parse(Convert.FromBase64String(m.Body.ToString())).RootElement)
            .Where(e => e.GetProperty("type").GetString() == "cn.gov.nanhai.ingestion.dump.received.v1").ToList();
        // At least once: a dump processed again after the kill (before its receipt was written) sends its event again,
        // with the same id, which subscribers drop. What they see is one event per version of the dump.
        Assert.Equal(recorded.Select(e => e.EventId), messages.Select(e => e.GetProperty("id").GetString()).Distinct());
    }

    static async Task<List<StoredEvent>> ReadAsync(IEventStore events, string stream)
    {
        var list = new List<StoredEvent>();
        await foreach (var e in events.ReadAsync(stream)) list.Add(e);
        return list;
    }
}
