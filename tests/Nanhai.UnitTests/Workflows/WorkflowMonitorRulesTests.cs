using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask.Client;
using Nanhai.Application.Common;
using Nanhai.Application.Workflows;
using Nanhai.Application.Workflows.Monitoring;

namespace Nanhai.UnitTests.Workflows;

public sealed class WorkflowListQueryTests
{
    static WorkflowListQuery Parse(WorkflowListRequest request) => WorkflowListQuery.Parse(request, PlatformWorkflows.Kinds);

    [Fact]
    public void Defaults_to_every_instance_twenty_a_page()
    {
        var query = Parse(new WorkflowListRequest(" ", "", null, null, null, ""));
        Assert.Null(query.Kind);
        Assert.Empty(query.Statuses);
        Assert.Null(query.CreatedFrom);
        Assert.Null(query.CreatedTo);
        Assert.Equal(20, query.PageSize);
        Assert.Null(query.Continuation);
    }

    [Fact]
    public void Accepts_known_kinds_and_several_statuses_in_any_case()
    {
        var query = Parse(new WorkflowListRequest("workflowprobeorchestrator", "running, FAILED,Running", "2026-03-01T00:00:00+08:00", "2026-03-02", "50", "token"));
        Assert.Equal("WorkflowProbeOrchestrator", query.Kind);
        Assert.Equal([OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Failed], query.Statuses);
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 16, 0, 0, TimeSpan.Zero), query.CreatedFrom);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), query.CreatedTo); // no offset: UTC
        Assert.Equal(50, query.PageSize);
        Assert.Equal("token", query.Continuation);
    }

    [Fact]
    public void Reports_every_bad_field_at_once()
    {
        var e = Assert.Throws<ValidationFailedException>(() => Parse(new WorkflowListRequest("Nope", "Running,Done", "later", null, "0")));
        Assert.Equal(["createdFrom", "kind", "pageSize", "status"], e.Errors.Keys.Order());
        Assert.Contains("'Done'", e.Errors["status"][0]);
        Assert.Contains("ApplicationHandlingOrchestrator", e.Errors["kind"][0]);
    }

    [Theory]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("ten")]
    public void Page_size_is_between_one_and_a_hundred(string pageSize) =>
        Assert.True(Assert.Throws<ValidationFailedException>(() => Parse(new WorkflowListRequest(PageSize: pageSize))).Errors.ContainsKey("pageSize"));

    [Fact]
    public void Created_window_must_not_be_reversed() =>
        Assert.True(Assert.Throws<ValidationFailedException>(() => Parse(new WorkflowListRequest(CreatedFrom: "2026-03-02", CreatedTo: "2026-03-01")))
            .Errors.ContainsKey("createdTo"));

    [Fact]
    public void Transient_statuses_are_not_filters() =>
        Assert.True(Assert.Throws<ValidationFailedException>(() => Parse(new WorkflowListRequest(Status: "ContinuedAsNew"))).Errors.ContainsKey("status"));
}

public sealed class WorkflowAdminRulesTests
{
    [Theory]
    [InlineData(WorkflowAdminAction.Terminate, OrchestrationRuntimeStatus.Running, true)]
    [InlineData(WorkflowAdminAction.Terminate, OrchestrationRuntimeStatus.Pending, true)]
    [InlineData(WorkflowAdminAction.Terminate, OrchestrationRuntimeStatus.Suspended, true)]
    [InlineData(WorkflowAdminAction.Terminate, OrchestrationRuntimeStatus.Completed, false)]
    [InlineData(WorkflowAdminAction.Terminate, OrchestrationRuntimeStatus.Terminated, false)]
    [InlineData(WorkflowAdminAction.RaiseEvent, OrchestrationRuntimeStatus.Running, true)]
    [InlineData(WorkflowAdminAction.RaiseEvent, OrchestrationRuntimeStatus.Failed, false)]
    [InlineData(WorkflowAdminAction.Restart, OrchestrationRuntimeStatus.Completed, true)]
    [InlineData(WorkflowAdminAction.Restart, OrchestrationRuntimeStatus.Failed, true)]
    [InlineData(WorkflowAdminAction.Restart, OrchestrationRuntimeStatus.Terminated, true)]
    [InlineData(WorkflowAdminAction.Restart, OrchestrationRuntimeStatus.Running, false)]
    [InlineData(WorkflowAdminAction.Restart, OrchestrationRuntimeStatus.Pending, false)]
    public void An_action_needs_a_state_that_allows_it(WorkflowAdminAction action, OrchestrationRuntimeStatus status, bool allowed)
    {
        var conflict = Record.Exception(() => WorkflowAdminRules.EnsureAllowed(action, "i-1", status));
        if (allowed) Assert.Null(conflict);
        else Assert.Contains(status.ToString(), Assert.IsType<ConflictException>(conflict).Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void A_reason_is_required(string? reason) =>
        Assert.Equal("reason", Assert.Single(Assert.Throws<ValidationFailedException>(() => WorkflowAdminRules.RequireReason(reason)).Errors).Key);

    [Fact]
    public void A_reason_is_trimmed_and_bounded()
    {
        Assert.Equal("误启动", WorkflowAdminRules.RequireReason("  误启动 "));
        Assert.Throws<ValidationFailedException>(() => WorkflowAdminRules.RequireReason(new string('x', WorkflowAdminRules.MaxReasonLength + 1)));
    }

    [Theory]
    [InlineData("acknowledged", true)]
    [InlineData("application.changed-1_x", true)]
    [InlineData("", false)]
    [InlineData("bad name", false)]
    [InlineData("a/b", false)]
    public void Event_names_are_identifiers(string name, bool valid) =>
        Assert.Equal(valid, Record.Exception(() => WorkflowAdminRules.RequireEventName(name)) is null);
}

public sealed class WorkflowHistoryTests
{
    static readonly DateTime T0 = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Maps_the_events_names_completions_after_what_they_complete_and_drops_replay_markers()
    {
        HistoryEvent[] events =
        [
            new OrchestratorStartedEvent(-1) { Timestamp = T0 },
            new ExecutionStartedEvent(-1, "{}") { Name = "WorkflowProbeOrchestrator", Timestamp = T0 },
            new TaskScheduledEvent(0) { Name = "RecordStep", Timestamp = T0 },
            new OrchestratorCompletedEvent(-1) { Timestamp = T0 },
            new TaskCompletedEvent(-1, 0, "1") { Timestamp = T0.AddSeconds(1) },
            new TimerCreatedEvent(1) { FireAt = T0.AddMinutes(2), Timestamp = T0.AddSeconds(1) },
            new SubOrchestrationInstanceCreatedEvent(2) { Name = "MailDelivery", InstanceId = "sub-1", Timestamp = T0.AddSeconds(1) },
            new EventRaisedEvent(-1, "{}") { Name = "acknowledged", Timestamp = T0.AddSeconds(5) },
            new SubOrchestrationInstanceFailedEvent(-1, 2, "boom", null, new FailureDetails("E", "courier down", null, null, false)) { Timestamp = T0.AddSeconds(6) },
            new TimerFiredEvent(-1, T0.AddMinutes(2)) { TimerId = 1, Timestamp = T0.AddMinutes(2) },
            new ExecutionCompletedEvent(-1, "{}", OrchestrationStatus.Completed) { Timestamp = T0.AddMinutes(2) },
        ];

        var history = WorkflowHistory.Of(events);

        Assert.True(history.Available);
        Assert.Equal(
        [
            ("ExecutionStarted", "WorkflowProbeOrchestrator", null, null),
            ("TaskScheduled", "RecordStep", 0, null),
            ("TaskCompleted", "RecordStep", 0, null),
            ("TimerCreated", null, 1, null),
            ("SubOrchestrationInstanceCreated", "MailDelivery", 2, "sub-1"),
            ("EventRaised", "acknowledged", null, null),
            ("SubOrchestrationInstanceFailed", "MailDelivery", 2, "courier down"),
            ("TimerFired", null, 1, null),
            ("ExecutionCompleted", null, null, "Completed"),
        ], history.Events.Select(e => (e.Type, e.Name, e.TaskId, e.Detail)));
        Assert.Equal(new DateTimeOffset(T0.AddMinutes(2)), history.Events.Single(e => e.Type == "TimerCreated").FireAt);
        Assert.Equal(new DateTimeOffset(T0.AddSeconds(1)), history.Events.Single(e => e.Type == "TaskCompleted").Timestamp);
    }
}
