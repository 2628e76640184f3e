using Microsoft.DurableTask;
using Nanhai.Application.Events;

namespace Nanhai.Application.Diagnostics.WorkflowProbes;

/// <summary>
/// Records one step of a probe as an event on the probe's stream and as an integration event. Both carry an id
/// derived from the probe and the step, so a retried activity neither doubles the event nor the message.
/// </summary>
public sealed class RecordWorkflowProbeStepActivity(IEventStore events, IIntegrationEventPublisher integrationEvents, TimeProvider clock)
    : TaskActivity<WorkflowProbeStep, long>
{
    public override async Task<long> RunAsync(TaskActivityContext context, WorkflowProbeStep step)
    {
        var eventId = $"{step.ProbeId}:{step.Outcome}";
        var type = WorkflowProbeEvents.TypeOf(step.Outcome);
        var data = new { probeId = step.ProbeId, outcome = step.Outcome.ToString(), actor = step.Actor };
        var version = await events.AppendToEndAsync(WorkflowProbeEvents.StreamOf(step.ProbeId), [new NewEvent(eventId, type, data, step.Actor)]);
        await integrationEvents.PublishAsync(new IntegrationEvent(
            eventId, $"cn.gov.nanhai.diagnostics.{type}.v1", "/nanhai/diagnostics", $"workflow-probes/{step.ProbeId}", clock.GetUtcNow(), data));
        return version;
    }
}

public static class WorkflowProbeEvents
{
    public static string StreamOf(string probeId) => $"workflow-probe:{probeId}";

    public static string TypeOf(WorkflowProbeOutcome outcome) => outcome switch
    {
        WorkflowProbeOutcome.Started => "workflow-probe.started",
        WorkflowProbeOutcome.Acknowledged => "workflow-probe.acknowledged",
        WorkflowProbeOutcome.TimedOut => "workflow-probe.timed-out",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
