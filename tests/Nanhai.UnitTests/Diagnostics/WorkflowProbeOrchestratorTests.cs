using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Nanhai.Application.Diagnostics.WorkflowProbes;
using Nanhai.Application.Events;
using Nanhai.Application.Security;
using Nanhai.Application.Workflows;
using Nanhai.UnitTests.Support;

namespace Nanhai.UnitTests.Diagnostics;

/// <summary>The workflow probe's paths on the in-process durable test host, registered as both real hosts register it.</summary>
public sealed class WorkflowProbeOrchestratorTests : IAsyncLifetime
{
    readonly InMemoryEventStore events = new();
    readonly RecordingPublisher published = new();
    DurableTaskTestHost host = null!;

    public async Task InitializeAsync() => host = await DurableTaskTestHost.StartAsync(PlatformWorkflows.Register, new DurableTaskTestHostOptions
    {
        ConfigureServices = services => services
            .AddSingleton<IEventStore>(events)
            .AddSingleton<IIntegrationEventPublisher>(published)
            .AddSingleton(TimeProvider.System),
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    static readonly Caller Admin = new("admin-1", new HashSet<string> { Roles.DistrictAdmin }, null, null, "区管理员");

    [Fact]
    public async Task Acknowledgement_before_the_timeout_completes_the_probe_as_acknowledged()
    {
        var probes = new WorkflowProbes(events);
        var probeId = await probes.StartAsync(host.Client, new StartWorkflowProbe(60), Admin, CancellationToken.None);
        await WaitForAsync(probeId, m => m.ReadCustomStatusAs<string>() == WorkflowProbeOrchestrator.AwaitingAcknowledgementStatus);

        await probes.AcknowledgeAsync(host.Client, new AcknowledgeWorkflowProbe(probeId), Admin with { Subject = "operator-9" }, CancellationToken.None);
        using var timeout = Timeout();
        var done = await host.Client.WaitForInstanceCompletionAsync(probeId, getInputsAndOutputs: true, timeout.Token);

        var result = done.ReadOutputAs<WorkflowProbeResult>()!;
        Assert.Equal(WorkflowProbeOutcome.Acknowledged, result.Outcome);
        Assert.Equal("operator-9", result.AcknowledgedBy);
        var view = await probes.GetAsync(host.Client, probeId, CancellationToken.None);
        Assert.Equal(["workflow-probe.started", "workflow-probe.acknowledged"], view.Timeline.Select(e => e.Type));
        Assert.Equal(["cn.gov.nanhai.diagnostics.workflow-probe.started.v1", "cn.gov.nanhai.diagnostics.workflow-probe.acknowledged.v1"],
            published.Published.Where(e => e.Subject == $"workflow-probes/{probeId}").Select(e => e.Type));
    }

    [Fact]
    public async Task Without_acknowledgement_the_durable_timer_ends_the_probe_as_timed_out()
    {
        var probes = new WorkflowProbes(events);
        var probeId = await probes.StartAsync(host.Client, new StartWorkflowProbe(1), Admin, CancellationToken.None);

        using var timeout = Timeout();
        var done = await host.Client.WaitForInstanceCompletionAsync(probeId, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(WorkflowProbeOutcome.TimedOut, done.ReadOutputAs<WorkflowProbeResult>()!.Outcome);
        var view = await probes.GetAsync(host.Client, probeId, CancellationToken.None);
        Assert.Equal(["workflow-probe.started", "workflow-probe.timed-out"], view.Timeline.Select(e => e.Type));
        await Assert.ThrowsAsync<Nanhai.Application.Common.ConflictException>(() =>
            probes.AcknowledgeAsync(host.Client, new AcknowledgeWorkflowProbe(probeId), Admin, CancellationToken.None));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(StartWorkflowProbe.MaxTimeoutSeconds + 1)]
    public async Task A_timeout_out_of_range_is_a_validation_failure(int seconds)
    {
        var failure = await Assert.ThrowsAsync<Nanhai.Application.Common.ValidationFailedException>(() =>
            new WorkflowProbes(events).StartAsync(host.Client, new StartWorkflowProbe(seconds), Admin, CancellationToken.None));
        Assert.Contains("timeoutSeconds", failure.Errors.Keys);
    }

    [Fact]
    public async Task An_unknown_probe_is_not_found()
    {
        await Assert.ThrowsAsync<Nanhai.Application.Common.NotFoundException>(() =>
            new WorkflowProbes(events).GetAsync(host.Client, "probe-unknown", CancellationToken.None));
        await Assert.ThrowsAsync<Nanhai.Application.Common.NotFoundException>(() =>
            new WorkflowProbes(events).GetAsync(host.Client, "not-a-probe-id", CancellationToken.None));
    }

    async Task WaitForAsync(string instanceId, Func<OrchestrationMetadata, bool> condition)
    {
        using var cts = Timeout();
        while (true)
        {
            var metadata = await host.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cts.Token);
            if (metadata is not null && condition(metadata)) return;
            await Task.Delay(50, cts.Token);
        }
    }

    static CancellationTokenSource Timeout() => new(TimeSpan.FromSeconds(20));
}
