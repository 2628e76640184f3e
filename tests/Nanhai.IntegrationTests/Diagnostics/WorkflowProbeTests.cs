using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Diagnostics;

/// <summary>
/// The durable round trip on the local host against Azurite: an orchestrator that calls an activity and waits for an
/// external event, with a durable timer as its timeout — both paths, through the HTTP API.
/// </summary>
public sealed class WorkflowProbeTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    LocalHostProcess Host => platform.Host;

    [Fact]
    public async Task An_acknowledged_probe_completes_with_its_timeline()
    {
        var probeId = await WorkflowProbeClient.StartAsync(Host, timeoutSeconds: 120);
        await WorkflowProbeClient.WaitForStepAsync(Host, probeId, "awaiting-acknowledgement");

        using var ack = await Host.Http.SendAsync(Host.Request(HttpMethod.Post, $"api/diagnostics/workflow-probes/{probeId}/acknowledge", "district-admin", "operator-7"));
        Assert.Equal(HttpStatusCode.Accepted, ack.StatusCode);

        var probe = await WorkflowProbeClient.WaitForStatusAsync(Host, probeId, "Completed");
        Assert.Equal("Acknowledged", probe.GetProperty("result").GetProperty("outcome").GetString());
        Assert.Equal("operator-7", probe.GetProperty("result").GetProperty("acknowledgedBy").GetString());
        Assert.Equal(["workflow-probe.started", "workflow-probe.acknowledged"], WorkflowProbeClient.Timeline(probe));

        using var again = await Host.Http.SendAsync(Host.Request(HttpMethod.Post, $"api/diagnostics/workflow-probes/{probeId}/acknowledge", "district-admin"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_probe_nobody_acknowledges_times_out_on_its_durable_timer()
    {
        var probeId = await WorkflowProbeClient.StartAsync(Host, timeoutSeconds: 2);
        var probe = await WorkflowProbeClient.WaitForStatusAsync(Host, probeId, "Completed");
        Assert.Equal("TimedOut", probe.GetProperty("result").GetProperty("outcome").GetString());
        Assert.Equal(["workflow-probe.started", "workflow-probe.timed-out"], WorkflowProbeClient.Timeline(probe));
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_with_the_field()
    {
        using var response = await Host.Http.SendAsync(Host.Request(HttpMethod.Post, "api/diagnostics/workflow-probes", "district-admin", json: new { timeoutSeconds = 0 }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("timeoutSeconds", out _));

        using var malformed = await Host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "api/diagnostics/workflow-probes")
        {
            Headers = { Authorization = new("Bearer", LocalHostProcess.Token("district-admin")) },
            Content = new StringContent("{\"timeoutSeconds\": ", System.Text.Encoding.UTF8, "application/json"),
        });
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);

        using var unknown = await Host.Http.SendAsync(Host.Request(HttpMethod.Get, "api/diagnostics/workflow-probes/probe-doesnotexist", "district-admin"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Probes_need_a_district_admin_token()
    {
        using var anonymous = await Host.Http.SendAsync(Host.Request(HttpMethod.Post, "api/diagnostics/workflow-probes", null, json: new { timeoutSeconds = 5 }));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);

        using var applicant = await Host.Http.SendAsync(Host.Request(HttpMethod.Post, "api/diagnostics/workflow-probes", "applicant", json: new { timeoutSeconds = 5 }));
        Assert.Equal(HttpStatusCode.Forbidden, applicant.StatusCode);

        var forged = new HttpRequestMessage(HttpMethod.Post, "api/diagnostics/workflow-probes") { Content = JsonContent.Create(new { timeoutSeconds = 5 }) };
        var token = LocalHostProcess.Token("district-admin");
        forged.Headers.Authorization = new("Bearer", token[..^4] + (token.EndsWith("AAAA") ? "BBBB" : "AAAA"));
        using var tampered = await Host.Http.SendAsync(forged);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
    }
}

static class WorkflowProbeClient
{
    public static async Task<string> StartAsync(LocalHostProcess host, int timeoutSeconds)
    {
        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Post, "api/diagnostics/workflow-probes", "district-admin", json: new { timeoutSeconds }));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(started.GetProperty("location").GetString(), response.Headers.Location?.ToString());
        return started.GetProperty("probeId").GetString()!;
    }

    public static async Task<JsonElement> GetAsync(LocalHostProcess host, string probeId)
    {
        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, $"api/diagnostics/workflow-probes/{probeId}", "district-admin"));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> WaitForStatusAsync(LocalHostProcess host, string probeId, string status)
    {
        JsonElement probe = default;
        await host.WaitUntilAsync(async () => (probe = await GetAsync(host, probeId)).GetProperty("runtimeStatus").GetString() == status,
            TimeSpan.FromSeconds(60), $"probe {probeId} to be {status}");
        return probe;
    }

    public static Task WaitForStepAsync(LocalHostProcess host, string probeId, string step) =>
        host.WaitUntilAsync(async () => (await GetAsync(host, probeId)).GetProperty("step").GetString() == step,
            TimeSpan.FromSeconds(60), $"probe {probeId} to reach {step}");

    public static List<string> Timeline(JsonElement probe) =>
        [.. probe.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()!)];
}
