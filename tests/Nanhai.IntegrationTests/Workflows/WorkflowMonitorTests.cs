using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nanhai.IntegrationTests.Diagnostics;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Workflows;

/// <summary>
/// The workflow monitor through the local host, on workflow probes (which wait for an "acknowledged" event):
/// listing and paging, history, raising an event, terminating and restarting, each action audited.
/// </summary>
public sealed class WorkflowMonitorTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    const string Admin = "district-admin";
    const string ProbeKind = "WorkflowProbeOrchestrator";

    LocalHostProcess Host => platform.Host;

    [Fact]
    public async Task The_list_shows_started_instances_with_kind_and_status_page_by_page()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        string[] probes = [await WorkflowProbeClient.StartAsync(Host, 120), await WorkflowProbeClient.StartAsync(Host, 120), await WorkflowProbeClient.StartAsync(Host, 120)];
        foreach (var probe in probes) await WorkflowProbeClient.WaitForStepAsync(Host, probe, "awaiting-acknowledgement");

        var seen = new Dictionary<string, JsonElement>();
        var pages = 0;
        string? continuation = null;
        do
        {
            var path = $"api/workflows?kind={ProbeKind}&status=running&pageSize=2&createdFrom={Uri.EscapeDataString(since.ToString("O"))}"
                + (continuation is null ? "" : $"&continuation={Uri.EscapeDataString(continuation)}");
            var page = await GetJsonAsync(path);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.True(items.Count <= 2, $"a page of {items.Count} items for pageSize=2");
            foreach (var item in items) seen[item.GetProperty("instanceId").GetString()!] = item;
            continuation = page.GetProperty("continuation").GetString();
            pages++;
        } while (continuation is not null && pages < 20);

        Assert.True(pages >= 2, $"three instances came in {pages} page(s) of two");
        foreach (var probe in probes)
        {
            var item = seen[probe];
            Assert.Equal(ProbeKind, item.GetProperty("kind").GetString());
            Assert.Equal("Running", item.GetProperty("status").GetString());
            Assert.Equal("awaiting-acknowledgement", item.GetProperty("customStatus").GetString());
            Assert.True(item.GetProperty("createdAt").GetDateTimeOffset() >= since);
        }
        Assert.All(seen.Values, item => Assert.Equal("Running", item.GetProperty("status").GetString()));

        var completed = await GetJsonAsync($"api/workflows?status=Completed&createdFrom={Uri.EscapeDataString(since.ToString("O"))}");
        Assert.DoesNotContain(completed.GetProperty("items").EnumerateArray(), i => probes.Contains(i.GetProperty("instanceId").GetString()));
    }

    [Fact]
    public async Task A_raised_event_moves_a_waiting_workflow_on_and_the_detail_shows_its_history_and_audit()
    {
        var probeId = await WorkflowProbeClient.StartAsync(Host, 120);
        await WorkflowProbeClient.WaitForStepAsync(Host, probeId, "awaiting-acknowledgement");

        // The payload reaches the orchestrator verbatim, so it is shaped as the orchestrator's converter reads it: PascalCase,
        // which a JsonElement keeps (JsonContent would camel-case an anonymous object's names).
        var payload = JsonDocument.Parse("""{"AcknowledgedBy":"admin-9"}""").RootElement;
        using (var raised = await Host.Http.SendAsync(Host.Request(HttpMethod.Post, $"api/workflows/{probeId}/events/acknowledged", Admin, "admin-9",
            new { reason = "窗口人员电话确认 (confirmed by phone)", payload })))
        {
            Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
            Assert.Equal($"/api/workflows/{probeId}", raised.Headers.Location?.ToString());
        }

        var detail = await WaitForStatusAsync(probeId, "Completed");
        Assert.Equal(ProbeKind, detail.GetProperty("kind").GetString());
        Assert.Equal(120, detail.GetProperty("input").GetProperty("TimeoutSeconds").GetInt32());
        Assert.Equal("Acknowledged", detail.GetProperty("output").GetProperty("Outcome").GetString());
        Assert.Equal("admin-9", detail.GetProperty("output").GetProperty("AcknowledgedBy").GetString());

        var history = detail.GetProperty("history");
        Assert.True(history.GetProperty("available").GetBoolean());
        var events = history.GetProperty("events").EnumerateArray()
            .Select(e => (Type: e.GetProperty("type").GetString(), Name: e.GetProperty("name").GetString())).ToList();
        Assert.Equal(("ExecutionStarted", ProbeKind), events[0]);
        Assert.Equal(2, events.Count(e => e == ("TaskScheduled", "RecordWorkflowProbeStepActivity")));
        Assert.Equal(2, events.Count(e => e == ("TaskCompleted", "RecordWorkflowProbeStepActivity")));
        Assert.Contains(("TimerCreated", null), events);
        Assert.Contains(("EventRaised", "acknowledged"), events);
        Assert.Equal("ExecutionCompleted", events[^1].Type);
        Assert.DoesNotContain(events, e => e.Type is "OrchestratorStarted" or "OrchestratorCompleted");

        var audit = Assert.Single(detail.GetProperty("audit").EnumerateArray());
        Assert.Equal("RaiseEvent", audit.GetProperty("action").GetString());
        Assert.Equal("acknowledged", audit.GetProperty("eventName").GetString());
        Assert.Equal("admin-9", audit.GetProperty("actor").GetString());
        Assert.Equal("窗口人员电话确认 (confirmed by phone)", audit.GetProperty("reason").GetString());
        Assert.Equal("Running", audit.GetProperty("statusBefore").GetString());

        using var late = await Host.Http.SendAsync(Host.Request(HttpMethod.Post, $"api/workflows/{probeId}/events/acknowledged", Admin,
            json: new { reason = "again", payload }));
        await AssertProblemAsync(late, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Terminating_a_running_instance_ends_it_audited_and_a_finished_one_is_refused_but_can_be_restarted()
    {
        var probeId = await WorkflowProbeClient.StartAsync(Host, 120);
        await WorkflowProbeClient.WaitForStepAsync(Host, probeId, "awaiting-acknowledgement");

        using (var terminated = await Host.Http.SendAsync(Host.Request(HttpMethod.Post, $"api/workflows/{probeId}/termination", Admin, "admin-3",
            new { reason = "误启动的探针 (started by mistake)" })))
            Assert.Equal(HttpStatusCode.Accepted, terminated.StatusCode);

        var detail = await WaitForStatusAsync(probeId, "Terminated");
        Assert.Equal("误启动的探针 (started by mistake)", detail.GetProperty("output").GetString());
        Assert.Contains(detail.GetProperty("history").GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "ExecutionTerminated");
        var audit = Assert.Single(detail.GetProperty("audit").EnumerateArray());
        Assert.Equal("Terminate", audit.GetProperty("action").GetString());
        Assert.Equal("admin-3", audit.GetProperty("actor").GetString());
        Assert.Equal("误启动的探针 (started by mistake)", audit.GetProperty("reason").GetString());
        Assert.Equal("Running", audit.GetProperty("statusBefore").GetString());
        Assert.True(audit.GetProperty("recordedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));

        using (var again = await Host.Http.SendAsync(Host.Request(HttpMethod.Post, $"api/workflows/{probeId}/termination", Admin, json: new { reason = "again" })))
            await AssertProblemAsync(again, HttpStatusCode.Conflict);

        using (var restarted = await Host.Http.SendAsync(Host.Request(HttpMethod.Post, $"api/workflows/{probeId}/restart", Admin, "admin-3",
            new { reason = "重新验证 (probe again)" })))
            Assert.Equal(HttpStatusCode.Accepted, restarted.StatusCode);

        // Same instance id, same input: the probe waits for its acknowledgement again.
        await WorkflowProbeClient.WaitForStepAsync(Host, probeId, "awaiting-acknowledgement");
        var running = await GetJsonAsync($"api/workflows/{probeId}");
        Assert.Equal("Running", running.GetProperty("status").GetString());
        Assert.Equal(120, running.GetProperty("input").GetProperty("TimeoutSeconds").GetInt32());
        Assert.Equal(["Terminate", "Restart"], running.GetProperty("audit").EnumerateArray().Select(a => a.GetProperty("action").GetString()));

        using (var restartRunning = await Host.Http.SendAsync(Host.Request(HttpMethod.Post, $"api/workflows/{probeId}/restart", Admin, json: new { reason = "again" })))
            await AssertProblemAsync(restartRunning, HttpStatusCode.Conflict);
        using var cleanUp = await Host.Http.SendAsync(Host.Request(HttpMethod.Post, $"api/workflows/{probeId}/termination", Admin, json: new { reason = "test done" }));
        Assert.Equal(HttpStatusCode.Accepted, cleanUp.StatusCode);
    }

    [Fact]
    public async Task Only_district_admins_may_use_the_monitor()
    {
        using (var anonymous = await Host.Http.SendAsync(Host.Request(HttpMethod.Get, "api/workflows", null)))
            await AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        foreach (var role in new[] { "applicant", "data-authority" })
        {
            using var list = await Host.Http.SendAsync(Host.Request(HttpMethod.Get, "api/workflows", role));
            await AssertProblemAsync(list, HttpStatusCode.Forbidden);
        }
        using var terminate = await Host.Http.SendAsync(Host.Request(HttpMethod.Post, "api/workflows/probe-x/termination", "applicant", json: new { reason = "r" }));
        await AssertProblemAsync(terminate, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_input_gets_field_level_problem_details()
    {
        var badFilter = await ProblemAsync(HttpMethod.Get, "api/workflows?status=Runing&pageSize=500&kind=NoSuchOrchestrator&createdFrom=yesterday", HttpStatusCode.BadRequest);
        var errors = badFilter.GetProperty("errors");
        Assert.Contains("Running", errors.GetProperty("status")[0].GetString());
        Assert.True(errors.TryGetProperty("pageSize", out _));
        Assert.Contains(ProbeKind, errors.GetProperty("kind")[0].GetString());
        Assert.True(errors.TryGetProperty("createdFrom", out _));

        var probeId = await WorkflowProbeClient.StartAsync(Host, 120);
        var noReason = await ProblemAsync(HttpMethod.Post, $"api/workflows/{probeId}/termination", HttpStatusCode.BadRequest, new { reason = " " });
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        var badEvent = await ProblemAsync(HttpMethod.Post, $"api/workflows/{probeId}/events/bad%20name", HttpStatusCode.BadRequest, new { reason = "r" });
        Assert.True(badEvent.GetProperty("errors").TryGetProperty("eventName", out _));

        await ProblemAsync(HttpMethod.Get, "api/workflows/no-such-instance", HttpStatusCode.NotFound);
        await ProblemAsync(HttpMethod.Post, "api/workflows/no-such-instance/termination", HttpStatusCode.NotFound, new { reason = "r" });
        using var cleanUp = await Host.Http.SendAsync(Host.Request(HttpMethod.Post, $"api/workflows/{probeId}/termination", Admin, json: new { reason = "test done" }));
        Assert.Equal(HttpStatusCode.Accepted, cleanUp.StatusCode);
    }

    async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Host.Http.SendAsync(Host.Request(HttpMethod.Get, path, Admin));
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    async Task<JsonElement> WaitForStatusAsync(string instanceId, string status)
    {
        JsonElement detail = default;
        await Host.WaitUntilAsync(async () => (detail = await GetJsonAsync($"api/workflows/{instanceId}")).GetProperty("status").GetString() == status,
            TimeSpan.FromSeconds(60), $"workflow {instanceId} to be {status}");
        return detail;
    }

    async Task<JsonElement> ProblemAsync(HttpMethod method, string path, HttpStatusCode expected, object? json = null)
    {
        using var response = await Host.Http.SendAsync(Host.Request(method, path, Admin, json: json));
        return await AssertProblemAsync(response, expected);
    }

    static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
