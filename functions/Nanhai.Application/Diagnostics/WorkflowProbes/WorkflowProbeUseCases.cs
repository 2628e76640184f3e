using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Nanhai.Application.Common;
using Nanhai.Application.Events;
using Nanhai.Application.Security;

namespace Nanhai.Application.Diagnostics.WorkflowProbes;

/// <summary>Start a workflow probe. Only district administrators run probes.</summary>
public sealed record StartWorkflowProbe(int TimeoutSeconds)
{
    public const int MaxTimeoutSeconds = 24 * 3600;
}

/// <summary>Acknowledge a probe that is waiting, as an operator would decide a pending human step.</summary>
public sealed record AcknowledgeWorkflowProbe(string ProbeId);

public sealed record WorkflowProbeView(
    string ProbeId, string RuntimeStatus, string? Step, DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt,
    WorkflowProbeResult? Result, IReadOnlyList<WorkflowProbeTimelineEntry> Timeline);

public sealed record WorkflowProbeTimelineEntry(long Version, string Type, string? Actor, DateTimeOffset RecordedAt);

/// <summary>
/// The workflow probe's use cases. The durable client comes with each call: in Azure Functions it exists only as a
/// function's [DurableClient] binding, not as a service.
/// </summary>
public sealed class WorkflowProbes(IEventStore events)
{
    const string IdPrefix = "probe-";

    public async Task<string> StartAsync(DurableTaskClient durable, StartWorkflowProbe command, Caller caller, CancellationToken cancellationToken)
    {
        if (command.TimeoutSeconds is < 1 or > StartWorkflowProbe.MaxTimeoutSeconds)
            throw new ValidationFailedException("timeoutSeconds", $"超时时间须在 1 至 {StartWorkflowProbe.MaxTimeoutSeconds} 秒之间 (must be between 1 and {StartWorkflowProbe.MaxTimeoutSeconds} seconds).");
        var probeId = IdPrefix + Guid.NewGuid().ToString("N");
        await durable.ScheduleNewOrchestrationInstanceAsync(nameof(WorkflowProbeOrchestrator),
            new WorkflowProbeInput(command.TimeoutSeconds, caller.Subject), new StartOrchestrationOptions(probeId), cancellationToken);
        return probeId;
    }

    public async Task AcknowledgeAsync(DurableTaskClient durable, AcknowledgeWorkflowProbe command, Caller caller, CancellationToken cancellationToken)
    {
        var instance = await FindAsync(durable, command.ProbeId, cancellationToken);
        if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Running
            || instance.ReadCustomStatusAs<string>() != WorkflowProbeOrchestrator.AwaitingAcknowledgementStatus)
            throw new ConflictException($"Probe {command.ProbeId} is not waiting for an acknowledgement (status {instance.RuntimeStatus}).");
        await durable.RaiseEventAsync(command.ProbeId, WorkflowProbeOrchestrator.AcknowledgedEvent,
            new WorkflowProbeAcknowledgement(caller.Subject), cancellationToken);
    }

    public async Task<WorkflowProbeView> GetAsync(DurableTaskClient durable, string probeId, CancellationToken cancellationToken)
    {
        var instance = await FindAsync(durable, probeId, cancellationToken);
        var timeline = new List<WorkflowProbeTimelineEntry>();
        await foreach (var e in events.ReadAsync(WorkflowProbeEvents.StreamOf(probeId), cancellationToken: cancellationToken))
            timeline.Add(new WorkflowProbeTimelineEntry(e.Version, e.Type, e.Actor, e.RecordedAt));
        var result = instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<WorkflowProbeResult>() : null;
        return new WorkflowProbeView(probeId, instance.RuntimeStatus.ToString(), instance.ReadCustomStatusAs<string>(),
            instance.CreatedAt, instance.LastUpdatedAt, result, timeline);
    }

    static async Task<OrchestrationMetadata> FindAsync(DurableTaskClient durable, string probeId, CancellationToken cancellationToken)
    {
        var instance = probeId.StartsWith(IdPrefix, StringComparison.Ordinal)
            ? await durable.GetInstanceAsync(probeId, getInputsAndOutputs: true, cancellationToken)
            : null;
        return instance ?? throw new NotFoundException($"No workflow probe {probeId}.");
    }
}
