using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Nanhai.Application.Diagnostics.WorkflowProbes;
using Nanhai.Application.Events;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Diagnostics;

/// <summary>The timer trigger on the local host: the purge timer removes finished workflow history, never a running instance's.</summary>
public sealed class WorkflowHistoryPurgeTests
{
    [Fact]
    public async Task The_purge_timer_removes_finished_instances_and_keeps_running_ones()
    {
        await using var services = await LocalServices.StartAsync("purge");
        await using var host = await LocalHostProcess.StartAsync(services, new Dictionary<string, string?>
        {
            ["WorkflowHistoryPurgeSchedule"] = "*/1 * * * * *", // every second
            ["WorkflowHistory__RetentionDays"] = "0",
        });
        var running = await WorkflowProbeClient.StartAsync(host, timeoutSeconds: 600);
        var finished = await WorkflowProbeClient.StartAsync(host, timeoutSeconds: 1);

        await host.WaitUntilAsync(async () =>
        {
            using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, $"api/diagnostics/workflow-probes/{finished}", "district-admin"));
            return response.StatusCode == HttpStatusCode.NotFound;
        }, TimeSpan.FromSeconds(60), "the finished probe's history to be purged");

        // It had finished before it was purged (its events stay: they are the audit trail, not workflow history).
        using var platform = PlatformServices.Build(services);
        var types = new List<string>();
        await foreach (var e in platform.Services.GetRequiredService<IEventStore>().ReadAsync(WorkflowProbeEvents.StreamOf(finished))) types.Add(e.Type);
        Assert.Equal(["workflow-probe.started", "workflow-probe.timed-out"], types);

        var stillRunning = await WorkflowProbeClient.GetAsync(host, running);
        Assert.Equal("Running", stillRunning.GetProperty("runtimeStatus").GetString());
    }
}
