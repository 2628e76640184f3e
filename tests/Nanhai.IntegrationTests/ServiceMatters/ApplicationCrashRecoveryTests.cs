using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.ServiceMatters;

public sealed class ApplicationCrashRecoveryTests
{
    [Fact]
    public async Task Applications_in_flight_survive_kill_9_of_the_local_host_complete_after_restart_with_no_event_doubled()
    {
        await using var services = await LocalServices.StartAsync("apps-crash");
        await using var host = await LocalHostProcess.StartAsync(services, new Dictionary<string, string?> { ["LocalHost__SeedDemoData"] = "true" });
        var client = new ApplicationClient(host);
        var applicant = $"citizen-{Guid.NewGuid():N}";
        var body = await client.ApplicationBodyAsync(applicant, ApplicationClient.MaterialIds);

        var ids = new List<string>();
        foreach (var key in Enumerable.Range(1, 6).Select(i => $"crash-{i}"))
        {
            using var submitted = await client.SubmitAsync(applicant, key, body);
            Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
            ids.Add((await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetString()!);
        }
        // Kill while the workflows are pre-checking and routing; accept the first one before, so one is also mid-review.
        await client.WaitForStatusAsync(applicant, ids[0], "awaitingAcceptance");
        Assert.Equal(HttpStatusCode.OK, (await client.DecideAsync("guicheng", ids[0], "accept")).StatusCode);
        await host.KillAsync();
        await host.StartAsync();

        foreach (var id in ids)
        {
            if (id != ids[0])
            {
                // Work items the killed host had taken reappear after the queues' visibility timeout (30 s locally).
                await client.WaitForStatusAsync(applicant, id, "awaitingAcceptance", timeoutSeconds: 120);
                Assert.Equal(HttpStatusCode.OK, (await client.DecideAsync("guicheng", id, "accept")).StatusCode);
            }
            Assert.Equal(HttpStatusCode.OK, (await client.DecideAsync("guicheng", id, "approve")).StatusCode);
        }
        foreach (var id in ids)
        {
            await client.WaitForStatusAsync(applicant, id, "awaitingPickup", timeoutSeconds: 120);
            Assert.Equal(HttpStatusCode.OK, (await client.DecideAsync("guicheng", id, "confirm-pickup")).StatusCode);
            var done = await client.WaitForStatusAsync(applicant, id, "completed");
            Assert.Equal(
                ["application.submitted", "application.pre-check-passed", "application.routed", "application.accepted",
                 "application.approved", "application.result-issued", "application.pickup-confirmed"],
                done.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        }
    }
}
