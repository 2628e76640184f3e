using System.Text.Json.Serialization;
using Microsoft.DurableTask;

namespace Nanhai.Application.Diagnostics.WorkflowProbes;

/// <summary>
/// A workflow probe (流程引擎探针): a synthetic workflow an administrator starts to prove, end to end, that the
/// durable backend runs activities, delivers external events and fires durable timers. It records a step,
/// waits for an acknowledgement or for its timeout, and records how it ended.
/// </summary>
public sealed class WorkflowProbeOrchestrator : TaskOrchestrator<WorkflowProbeInput, WorkflowProbeResult>
{
    public const string AcknowledgedEvent = "acknowledged";
    public const string AwaitingAcknowledgementStatus = "awaiting-acknowledgement";

    public override async Task<WorkflowProbeResult> RunAsync(TaskOrchestrationContext context, WorkflowProbeInput input)
    {
        await context.CallActivityAsync(nameof(RecordWorkflowProbeStepActivity),
            new WorkflowProbeStep(context.InstanceId, WorkflowProbeOutcome.Started, input.RequestedBy));
        context.SetCustomStatus(AwaitingAcknowledgementStatus);

        using var cancelLoser = new CancellationTokenSource();
        var acknowledgement = context.WaitForExternalEvent<WorkflowProbeAcknowledgement>(AcknowledgedEvent, cancelLoser.Token);
        var timeout = context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(input.TimeoutSeconds), cancelLoser.Token);
        var winner = await Task.WhenAny(acknowledgement, timeout);
        cancelLoser.Cancel();

        var (outcome, by) = winner == acknowledgement
            ? (WorkflowProbeOutcome.Acknowledged, acknowledgement.Result.AcknowledgedBy)
            : (WorkflowProbeOutcome.TimedOut, (string?)null);
        await context.CallActivityAsync(nameof(RecordWorkflowProbeStepActivity), new WorkflowProbeStep(context.InstanceId, outcome, by));
        context.SetCustomStatus(outcome.ToString());
        return new WorkflowProbeResult(outcome, by, context.CurrentUtcDateTime);
    }
}

public sealed record WorkflowProbeInput(int TimeoutSeconds, string RequestedBy);

public sealed record WorkflowProbeAcknowledgement(string AcknowledgedBy);

public sealed record WorkflowProbeResult(WorkflowProbeOutcome Outcome, string? AcknowledgedBy, DateTime FinishedAtUtc);

[JsonConverter(typeof(JsonStringEnumConverter<WorkflowProbeOutcome>))]
public enum WorkflowProbeOutcome { Started, Acknowledged, TimedOut }

public sealed record WorkflowProbeStep(string ProbeId, WorkflowProbeOutcome Outcome, string? Actor);
