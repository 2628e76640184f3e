using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Platform;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_reports_each_dependency_and_a_stopped_one_as_down()
    {
        await using var services = await LocalServices.StartAsync("health");
        await using var host = await LocalHostProcess.StartAsync(services);

        var healthy = await host.Http.GetAsync("api/health");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        var report = await healthy.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.Equal(["cosmos", "durable", "storage"], Dependencies(report).Keys.Order());

        await services.StopCosmosAsync();
        var down = await host.Http.GetAsync("api/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        var dependencies = Dependencies(await down.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal("Unhealthy", dependencies["cosmos"]);
        Assert.Equal("Healthy", dependencies["storage"]);
        Assert.Equal("Healthy", dependencies["durable"]);

        await services.StartCosmosAsync();
        await host.WaitUntilAsync(async () => (await host.Http.GetAsync("api/health")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "health to recover after the Cosmos stand-in restarts");
    }

    static Dictionary<string, string> Dependencies(JsonElement report) =>
        report.GetProperty("dependencies").EnumerateArray()
            .ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("status").GetString()!);
}
