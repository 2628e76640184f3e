using System.Net;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Diagnostics;

public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task A_waiting_workflow_survives_kill_9_of_the_local_host_and_completes_after_restart()
    {
        await using var services = await LocalServices.StartAsync("crash");
        await using var host = await LocalHostProcess.StartAsync(services);
        var probeId = await WorkflowProbeClient.StartAsync(host, timeoutSeconds: 600);
        await WorkflowProbeClient.WaitForStepAsync(host, probeId, "awaiting-acknowledgement");

        await host.KillAsync();
        await host.StartAsync(); // same ports, task hub, Azurite and Cosmos data

        var waiting = await WorkflowProbeClient.GetAsync(host, probeId);
        Assert.Equal("Running", waiting.GetProperty("runtimeStatus").GetString());
        using var ack = await host.Http.SendAsync(host.Request(HttpMethod.Post, $"api/diagnostics/workflow-probes/{probeId}/acknowledge", "district-admin", "after-restart"));
        Assert.Equal(HttpStatusCode.Accepted, ack.StatusCode);

        var probe = await WorkflowProbeClient.WaitForStatusAsync(host, probeId, "Completed");
        Assert.Equal("after-restart", probe.GetProperty("result").GetProperty("acknowledgedBy").GetString());
        // Each step recorded once: replay after the crash did not double the started event.
        Assert.Equal(["workflow-probe.started", "workflow-probe.acknowledged"], WorkflowProbeClient.Timeline(probe));
    }
}
