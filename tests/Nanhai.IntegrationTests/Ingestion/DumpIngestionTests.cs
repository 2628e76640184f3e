using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Nanhai.Application.Catalog;
using Nanhai.Application.Ingestion.Lookups;
using Nanhai.Application.Ingestion.Snapshots;
using Nanhai.Application.Catalog.DemoData;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Ingestion;

/// <summary>
/// Dumps dropped into the local host's dump container, ingested by the blob trigger into the demo catalog: snapshots,
/// statistics, reports, quarantine, the lookup index, integration events and who may read the runs.
/// </summary>
public sealed class DumpIngestionTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    const string Residents = "10102-000001"; // 实有人口信息: nine items, no lookup key, skip bad rows up to 5%
    const string Household = "10101-000001"; // 户籍人口基本信息: the same items, keyed lookups by id_number
    DumpDrops Drops => new(platform.Services, platform.Host);

    [Fact]
    public async Task A_GB18030_dump_becomes_a_typed_snapshot_and_the_catalog_counts_its_records()
    {
        // 𠈓 is four bytes in GB18030 and a surrogate pair in .NET: it must come through whole.
        static string[] WithRareName(string[] row, int index) => index == 5 ? [row[0], "李𠈓", .. row[2..]] : row;
        var csv = SyntheticResidents.Csv(300, seed: 1, DumpDrops.Gb18030, WithRareName);
        await Drops.DropAsync("gaj", Residents, "gb18030.csv", csv);

        var run = await Drops.FinishedRunAsync(Residents, "gb18030.csv");

        Assert.Equal("Succeeded", run.GetProperty("status").GetString());
        Assert.Equal("GB18030", run.GetProperty("encoding").GetString());
        Assert.Equal(300, run.GetProperty("rowsRead").GetInt64());
        Assert.Equal(300, run.GetProperty("rowsAccepted").GetInt64());
        Assert.Equal(csv.Length, run.GetProperty("bytesRead").GetInt64());
        Assert.Equal(1, run.GetProperty("progress").GetDouble());

        using var services = PlatformServices.Build(platform.Services);
        var resource = (await services.Services.GetRequiredService<ICatalogStore>().FindResourceAsync(Residents, default))!.Resource;
        var rows = new List<Domain.Ingestion.ItemValue[]>();
        await foreach (var row in services.Services.GetRequiredService<ISnapshotStore>().ReadRowsAsync(run.GetProperty("snapshot").GetString()!, resource.Items, default))
            rows.Add(row);
        var expected = Application.Catalog.DemoData.SyntheticResidents.Rows(300, seed: 1).Select(WithRareName).ToList();
        Assert.Equal(300, rows.Count);
        Assert.Equal(expected.Select(r => r[1]), rows.Select(r => r[1].Text));
        Assert.Equal("李𠈓", rows[5][1].Text);
        Assert.Equal(expected.Select(r => DateTime.Parse(r[3])), rows.Select(r => r[3].Timestamp));

        var detail = await Drops.GetAsync($"api/catalog/resources/{Residents}");
        Assert.Equal(run.GetProperty("id").GetString(), detail.GetProperty("statistics").GetProperty("latestRunId").GetString());
        Assert.Equal(300, detail.GetProperty("statistics").GetProperty("records").GetInt64());
        Assert.Contains(detail.GetProperty("recentRuns").EnumerateArray(), r => r.GetProperty("id").GetString() == run.GetProperty("id").GetString());
        Assert.True((await Drops.GetAsync("api/catalog/summary")).GetProperty("records").GetInt64() >= 300);

        // Re-dropping the same content under another name changes nothing: no new snapshot, the same current run.
        await Drops.DropAsync("gaj", Residents, "gb18030-again.csv", csv);
        var again = await Drops.FinishedRunAsync(Residents, "gb18030-again.csv");
        Assert.Equal("Unchanged", again.GetProperty("status").GetString());
        Assert.Equal(run.GetProperty("id").GetString(), again.GetProperty("sameAsRun").GetString());
        var after = await Drops.GetAsync($"api/catalog/resources/{Residents}");
        Assert.Equal(run.GetProperty("id").GetString(), after.GetProperty("statistics").GetProperty("latestRunId").GetString());
        Assert.Equal(300, after.GetProperty("statistics").GetProperty("records").GetInt64());
        var snapshots = new BlobContainerClient(platform.Services.StorageConnectionString, "snapshots");
        Assert.Empty(await snapshots.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = $"gaj/{Residents}/{again.GetProperty("id").GetString()}" }).ToListAsync());

        var events = await IntegrationEventsAsync();
        Assert.Contains(events, e => e.GetProperty("type").GetString() == "cn.gov.nanhai.ingestion.run.succeeded.v1"
            && e.GetProperty("data").GetProperty("run").GetString() == run.GetProperty("id").GetString());
        Assert.Contains(events, e => e.GetProperty("type").GetString() == "cn.gov.nanhai.ingestion.run.unchanged.v1");
    }

    [Fact]
    public async Task Bad_rows_within_the_threshold_are_left_out_and_listed_with_their_lines()
    {
        // Line 1 is the header: data row i is on line i + 2.
        var csv = SyntheticResidents.Csv(100, seed: 2, Encoding.UTF8, (row, i) => i switch
        {
            10 => [row[0][..17] + (row[0][17] == '1' ? '2' : '1'), .. row[1..]],
            40 => [row[0], "=cmd|' /C calc'!A0", .. row[2..]],
            _ => row,
        });
        await Drops.DropAsync("gaj", Residents, "two-bad-rows.csv", csv);

        var run = await Drops.FinishedRunAsync(Residents, "two-bad-rows.csv");

        Assert.Equal("Succeeded", run.GetProperty("status").GetString());
        Assert.Equal(98, run.GetProperty("rowsAccepted").GetInt64());
        Assert.Equal(2, run.GetProperty("rowsRejected").GetInt64());
        var report = run.GetProperty("report");
        Assert.Equal([12L, 42L], report.GetProperty("firstBadLines").EnumerateArray().Select(l => l.GetInt64()));
        var problems = report.GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(problems, p => p.GetProperty("code").GetString() == "identifier" && p.GetProperty("examples")[0].GetProperty("line").GetInt64() == 12);
        Assert.Contains(problems, p => p.GetProperty("code").GetString() == "formula" && p.GetProperty("examples")[0].GetProperty("line").GetInt64() == 42);
        Assert.Contains("拒绝2行", report.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_dump_a_reject_file_resource_cannot_accept_goes_to_quarantine_with_its_report()
    {
        // 企业登记基本信息 rejects a whole file for one bad row.
        var resource = (await Drops.GetAsync("api/catalog/resources/10201-000001"));
        var items = resource.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
        var csv = Encoding.UTF8.GetBytes(string.Join(',', items) + "\n" + string.Join(',', items.Select(_ => "")) + "\n");
        await Drops.DropAsync("scjg", "10201-000001", "empty-values.csv", csv);

        var run = await Drops.FinishedRunAsync("10201-000001", "empty-values.csv");

        Assert.Equal("Quarantined", run.GetProperty("status").GetString());
        var quarantine = run.GetProperty("quarantinePath").GetString()!;
        Assert.StartsWith($"quarantine/scjg/10201-000001/{run.GetProperty("id").GetString()}", quarantine);
        var folder = new BlobContainerClient(platform.Services.StorageConnectionString, "quarantine");
        var prefix = quarantine["quarantine/".Length..];
        Assert.True(await folder.GetBlobClient($"{prefix}/empty-values.csv").ExistsAsync());
        var stored = JsonDocument.Parse((await folder.GetBlobClient($"{prefix}/report.json").DownloadContentAsync()).Value.Content.ToString()).RootElement;
        Assert.Equal(run.GetProperty("id").GetString(), stored.GetProperty("run").GetString());
        Assert.False(await Drops.Dumps.GetBlobClient("scjg/10201-000001/empty-values.csv").ExistsAsync());
        Assert.Equal(0, (await Drops.GetAsync("api/catalog/resources/10201-000001")).GetProperty("statistics").GetProperty("records").GetInt64());
        Assert.NotNull((await Drops.GetAsync("api/catalog/resources/10201-000001")).GetProperty("statistics").GetProperty("lastIngestionAt").GetString());
    }

    [Theory]
    [InlineData("nosuchunit", Residents, "unknown-unit")]
    [InlineData("gaj", "99999-000001", "unknown-resource")]
    [InlineData("scjg", Residents, "unknown-resource")] // a real resource, but another unit's
    public async Task A_dump_under_an_unknown_unit_or_resource_is_quarantined_with_that_reason(string unit, string resource, string reason)
    {
        var file = $"{unit}-{reason}.csv";
        await Drops.DropAsync(unit, resource, file, SyntheticResidents.Csv(3, seed: 3, Encoding.UTF8));

        var run = await Drops.FinishedRunAsync(resource, file);

        Assert.Equal("Quarantined", run.GetProperty("status").GetString());
        Assert.Equal(reason, run.GetProperty("report").GetProperty("failure").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_resource_with_a_lookup_key_is_indexed_from_its_snapshot()
    {
        var rows = Application.Catalog.DemoData.SyntheticResidents.Rows(120, seed: 4).ToList();
        await Drops.DropAsync("gaj", Household, "household.csv", SyntheticResidents.Csv(120, seed: 4, Encoding.UTF8));

        var run = await Drops.FinishedRunAsync(Household, "household.csv");

        Assert.Equal("Succeeded", run.GetProperty("status").GetString());
        Assert.True(run.GetProperty("finishedAt").GetDateTimeOffset() >= run.GetProperty("snapshotAt").GetDateTimeOffset());
        using var services = PlatformServices.Build(platform.Services);
        var resource = (await services.Services.GetRequiredService<ICatalogStore>().FindResourceAsync(Household, default))!.Resource;
        var found = await services.Services.GetRequiredService<ILookupIndex>()
            .FindAsync(Household, run.GetProperty("id").GetString()!, rows[77][0], resource.Items, default);
        Assert.NotNull(found);
        Assert.Equal(rows[77][1], found["name"]);
        Assert.Equal(rows[77][5], found["address"]);
    }

    [Fact]
    public async Task Unit_officers_see_their_own_units_runs_only()
    {
        await Drops.DropAsync("gaj", Residents, "for-officers.csv", SyntheticResidents.Csv(5, seed: 5, Encoding.UTF8));
        var run = await Drops.FinishedRunAsync(Residents, "for-officers.csv");
        var id = run.GetProperty("id").GetString();

        var own = await Drops.GetAsync($"api/ingestion/runs/{id}", "unit-officer", "gaj");
        var ownList = await Drops.GetAsync("api/ingestion/runs", "unit-officer", "gaj");
        using var other = await platform.Host.Http.SendAsync(platform.Host.Request(HttpMethod.Get, $"api/ingestion/runs/{id}", "unit-officer", unit: "scjg"));
        var otherList = await Drops.GetAsync("api/ingestion/runs", "unit-officer", "scjg");
        using var applicant = await platform.Host.Http.SendAsync(platform.Host.Request(HttpMethod.Get, $"api/ingestion/runs/{id}", "applicant"));

        Assert.Equal(id, own.GetProperty("id").GetString());
        Assert.Contains(ownList.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.All(otherList.GetProperty("items").EnumerateArray(), r => Assert.Equal("scjg", r.GetProperty("unit").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, applicant.StatusCode);
    }

    async Task<List<JsonElement>> IntegrationEventsAsync()
    {
        var queue = new QueueClient(platform.Services.StorageConnectionString, "integration-events");
        return [.. (await queue.PeekMessagesAsync(maxMessages: 32)).Value
            .Select(m => JsonDocument.Parse(Convert.FromBase64String(m.Body.ToString())).RootElement)];
    }
}
