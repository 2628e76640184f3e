using DurableTask.Core.History;

namespace Nanhai.Application.Workflows.Monitoring;

/// <summary>
/// An instance's history (执行历史) as the monitor shows it, or why it cannot be shown. Only names, ids and times:
/// activity inputs and results can hold personal data, and the instance's own input and output are shown apart.
/// </summary>
public sealed record WorkflowHistory(bool Available, string? UnavailableReason, IReadOnlyList<WorkflowHistoryEntry> Events)
{
    public static WorkflowHistory Unavailable(string reason) => new(false, reason, []);

    /// <summary>
    /// Maps the backend's events. The replay markers (OrchestratorStarted/Completed) are left out: they record the
    /// orchestrator's own wake-ups, not anything the workflow did. Completions carry the name of what they complete.
    /// </summary>
    public static WorkflowHistory Of(IEnumerable<HistoryEvent> events)
    {
        var scheduled = new Dictionary<int, string>();
        var entries = new List<WorkflowHistoryEntry>();
        foreach (var e in events)
        {
            if (e is TaskScheduledEvent or SubOrchestrationInstanceCreatedEvent) scheduled[e.EventId] = NameOf(e)!;
            if (e is OrchestratorStartedEvent or OrchestratorCompletedEvent) continue;
            var own = e.EventId >= 0 ? e.EventId : (int?)null;
            var (name, taskId, detail) = e switch
            {
                ExecutionStartedEvent s => (s.Name, null, null),
                ExecutionCompletedEvent c => (null, null, c.FailureDetails?.ErrorMessage ?? c.OrchestrationStatus.ToString()),
                ExecutionTerminatedEvent t => (null, null, t.Input),
                TaskScheduledEvent or SubOrchestrationInstanceCreatedEvent or EventRaisedEvent or EventSentEvent => (NameOf(e), own, Target(e)),
                TaskCompletedEvent c => (scheduled.GetValueOrDefault(c.TaskScheduledId), c.TaskScheduledId, null),
                TaskFailedEvent f => (scheduled.GetValueOrDefault(f.TaskScheduledId), f.TaskScheduledId, f.FailureDetails?.ErrorMessage ?? f.Reason),
                SubOrchestrationInstanceCompletedEvent c => (scheduled.GetValueOrDefault(c.TaskScheduledId), c.TaskScheduledId, null),
                SubOrchestrationInstanceFailedEvent f => (scheduled.GetValueOrDefault(f.TaskScheduledId), f.TaskScheduledId, f.FailureDetails?.ErrorMessage ?? f.Reason),
                TimerFiredEvent t => (null, t.TimerId, null),
                _ => ((string?)null, own, (string?)null),
            };
            var fireAt = e switch { TimerCreatedEvent t => t.FireAt, TimerFiredEvent t => t.FireAt, _ => (DateTime?)null };
            entries.Add(new WorkflowHistoryEntry(e.EventType.ToString(), Utc(e.Timestamp), name, taskId, fireAt is { } at ? Utc(at) : null, detail));
        }
        return new WorkflowHistory(true, null, entries);
    }

    static string? NameOf(HistoryEvent e) => e switch
    {
        TaskScheduledEvent s => s.Name,
        SubOrchestrationInstanceCreatedEvent s => s.Name,
        EventRaisedEvent r => r.Name,
        EventSentEvent s => s.Name,
        _ => null,
    };

    /// <summary>The other instance an event concerns: a sub-orchestration's, or the recipient of a sent event.</summary>
    static string? Target(HistoryEvent e) => e switch
    {
        SubOrchestrationInstanceCreatedEvent s => s.InstanceId,
        EventSentEvent s => s.InstanceId,
        _ => null,
    };

    static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}

/// <summary>
/// One history event: its type (TaskScheduled, TaskCompleted, TimerCreated, TimerFired, EventRaised,
/// SubOrchestrationInstanceCreated…), when it was recorded, the activity/event/sub-orchestration name, the task id
/// (or timer id) that pairs a completion with its scheduling, a timer's due time, and a short detail (failure, reason, target).
/// </summary>
public sealed record WorkflowHistoryEntry(string Type, DateTimeOffset Timestamp, string? Name, int? TaskId, DateTimeOffset? FireAt, string? Detail);
