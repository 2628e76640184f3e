using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Ingestion;

/// <summary>The local host's demo dumps (./nanhai up): ingested like any department's, and dropped once only.</summary>
public sealed class DemoDumpsTests
{
    [Fact]
    public async Task The_demo_dumps_are_ingested_once_into_records_a_bad_row_report_and_a_quarantine()
    {
        await using var services = await LocalServices.StartAsync("demo-dumps");
        await using var host = await LocalHostProcess.StartAsync(services, new Dictionary<string, string?>
        {
            ["LocalHost__SeedDemoData"] = "true",
            ["LocalHost__SeedDemoDumps"] = "true",
        });
        var drops = new DumpDrops(services, host);

        var household = await drops.FinishedRunAsync("10101-000001", "户籍人口-20261128.csv");
        var residents = await drops.FinishedRunAsync("10102-000001", "实有人口-20261128.csv");
        var permits = await drops.FinishedRunAsync("10103-000001", "居住证-20261128.csv");

        Assert.Equal(("Succeeded", 2000L), (household.GetProperty("status").GetString(), household.GetProperty("rowsAccepted").GetInt64()));
        Assert.Equal("GB18030", household.GetProperty("encoding").GetString());
        Assert.Equal(("Succeeded", 4995L, 5L), (residents.GetProperty("status").GetString(), residents.GetProperty("rowsAccepted").GetInt64(),
            residents.GetProperty("rowsRejected").GetInt64()));
        Assert.Equal("UTF-8 BOM", residents.GetProperty("encoding").GetString());
        Assert.Equal("Quarantined", permits.GetProperty("status").GetString());
        Assert.True((await drops.GetAsync("api/catalog/summary")).GetProperty("records").GetInt64() >= 6995);

        await host.KillAsync();
        await host.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(2)); // several polls of the restarted host
        Assert.Single(await drops.RunsAsync("10103-000001"));
        Assert.Single(await drops.RunsAsync("10102-000001"));
    }
}
