using System.Text.Json;
using Microsoft.DurableTask.Client;
using Nanhai.Application.Common;
using Nanhai.Application.Events;
using Nanhai.Application.Security;

namespace Nanhai.Application.Workflows.Monitoring;

public sealed record TerminateWorkflow(string? Reason);

public sealed record RestartWorkflow(string? Reason);

/// <summary>An external event to deliver; <paramref name="Payload"/> is what the waiting orchestrator receives.</summary>
public sealed record RaiseWorkflowEvent(string? Reason, JsonElement? Payload);

public sealed record WorkflowSummary(
    string InstanceId, string Kind, string Status, DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt, JsonElement? CustomStatus);

/// <summary>A page of instances. Follow <paramref name="Continuation"/> until it is null: with a kind filter a page can be short.</summary>
public sealed record WorkflowPage(IReadOnlyList<WorkflowSummary> Items, string? Continuation);

public sealed record WorkflowFailure(string ErrorType, string ErrorMessage, string? StackTrace);

public sealed record WorkflowDetail(
    string InstanceId, string Kind, string Status, DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt, JsonElement? CustomStatus,
    JsonElement? Input, JsonElement? Output, WorkflowFailure? Failure, WorkflowHistory History, IReadOnlyList<WorkflowAuditEntry> Audit);

/// <summary>One administrator action on the instance, from its audit stream.</summary>
public sealed record WorkflowAuditEntry(
    long Version, string Action, string Actor, string? ActorName, string Reason, string? EventName, string StatusBefore, DateTimeOffset RecordedAt);

public sealed record WorkflowActionAccepted(string InstanceId, string Action, string Location);

/// <summary>
/// The workflow monitor (流程监控) for district administrators: list and inspect orchestration instances, and
/// terminate, restart or send an event to one — each action checked against the instance's state and audited on
/// the stream <c>workflow-admin:{instanceId}</c>. The durable client comes with each call (a [DurableClient] binding
/// in Azure Functions); history comes through <see cref="IWorkflowHistorySource"/>, which each host provides.
/// </summary>
public sealed class WorkflowMonitor(
    IWorkflowHistorySource histories, IEventStore events, IIntegrationEventPublisher integrationEvents, TimeProvider clock)
{
    /// <summary>
    /// The backends filter by status and created time but not by orchestrator name, so a kind filter is applied
    /// here; reading on through this many backend pages fills a page without letting one request scan the whole hub.
    /// </summary>
    const int MaxBackendPagesPerRequest = 5;

    public static string StreamOf(string instanceId) => $"workflow-admin:{instanceId}";

    public static string LocationOf(string instanceId) => $"/api/workflows/{Uri.EscapeDataString(instanceId)}";

    public async Task<WorkflowPage> ListAsync(DurableTaskClient durable, WorkflowListRequest request, CancellationToken cancellationToken)
    {
        var query = WorkflowListQuery.Parse(request, PlatformWorkflows.Kinds);
        var items = new List<WorkflowSummary>();
        var continuation = query.Continuation;
        for (var read = 0; read < MaxBackendPagesPerRequest && items.Count < query.PageSize; read++)
        {
            var wanted = query.PageSize - items.Count;
            var pages = durable.GetAllInstancesAsync(new OrchestrationQuery
            {
                CreatedFrom = query.CreatedFrom, CreatedTo = query.CreatedTo,
                Statuses = query.Statuses.Count > 0 ? query.Statuses : null,
                PageSize = wanted, ContinuationToken = continuation,
            }).AsPages(continuation, wanted);
            await foreach (var page in pages.WithCancellation(cancellationToken))
            {
                items.AddRange(page.Values.Where(i => query.Kind is null || i.Name == query.Kind).Select(Summary));
                continuation = string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken;
                break;
            }
            if (continuation is null) break;
        }
        return new WorkflowPage(items, continuation);
    }

    public async Task<WorkflowDetail> GetAsync(DurableTaskClient durable, string instanceId, CancellationToken cancellationToken)
    {
        var instance = await FindAsync(durable, instanceId, cancellationToken);
        var summary = Summary(instance);
        var failure = instance.FailureDetails is { } f ? new WorkflowFailure(f.ErrorType, f.ErrorMessage, f.StackTrace) : null;
        return new WorkflowDetail(summary.InstanceId, summary.Kind, summary.Status, summary.CreatedAt, summary.LastUpdatedAt, summary.CustomStatus,
            Json(instance.SerializedInput), Json(instance.SerializedOutput), failure,
            await HistoryAsync(durable, instanceId, cancellationToken), await AuditAsync(instanceId, cancellationToken));
    }

    public Task<WorkflowActionAccepted> TerminateAsync(
        DurableTaskClient durable, string instanceId, TerminateWorkflow command, Caller caller, CancellationToken cancellationToken)
    {
        var reason = WorkflowAdminRules.RequireReason(command.Reason);
        return ActAsync(durable, instanceId, WorkflowAdminAction.Terminate, reason, null, caller,
            () => durable.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions(Output: reason), cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Restarts a finished instance with its original input under the same instance id: the platform's instance ids
    /// are meaningful (an application's workflow is named after the application), so a new id would orphan it.
    /// </summary>
    public Task<WorkflowActionAccepted> RestartAsync(
        DurableTaskClient durable, string instanceId, RestartWorkflow command, Caller caller, CancellationToken cancellationToken)
    {
        var reason = WorkflowAdminRules.RequireReason(command.Reason);
        return ActAsync(durable, instanceId, WorkflowAdminAction.Restart, reason, null, caller,
            () => durable.RestartAsync(instanceId, restartWithNewInstanceId: false, cancellationToken), cancellationToken);
    }

    public Task<WorkflowActionAccepted> RaiseEventAsync(
        DurableTaskClient durable, string instanceId, string eventName, RaiseWorkflowEvent command, Caller caller, CancellationToken cancellationToken)
    {
        var name = WorkflowAdminRules.RequireEventName(eventName);
        var reason = WorkflowAdminRules.RequireReason(command.Reason);
        var payload = command.Payload is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } p ? (object)p : null;
        return ActAsync(durable, instanceId, WorkflowAdminAction.RaiseEvent, reason, name, caller,
            () => durable.RaiseEventAsync(instanceId, name, payload, cancellationToken), cancellationToken);
    }

    async Task<WorkflowActionAccepted> ActAsync(
        DurableTaskClient durable, string instanceId, WorkflowAdminAction action, string reason, string? eventName, Caller caller,
        Func<Task> perform, CancellationToken cancellationToken)
    {
        var instance = await FindAsync(durable, instanceId, cancellationToken);
        WorkflowAdminRules.EnsureAllowed(action, instanceId, instance.RuntimeStatus);
        await perform();

        // Recorded once the backend has taken the request, whatever the client does: a hang-up must not skip the audit.
        var eventId = Guid.NewGuid().ToString("N");
        var type = TypeOf(action);
        var record = new WorkflowAdminRecord(instanceId, instance.Name, action.ToString(), reason, eventName,
            instance.RuntimeStatus.ToString(), caller.Subject, caller.Name);
        await events.AppendToEndAsync(StreamOf(instanceId), [new NewEvent(eventId, type, record, caller.Subject)], CancellationToken.None);
        await integrationEvents.PublishAsync(new IntegrationEvent(eventId, $"cn.gov.nanhai.workflows.{type}.v1", "/nanhai/workflows",
            $"workflows/{instanceId}", clock.GetUtcNow(), record), CancellationToken.None);
        return new WorkflowActionAccepted(instanceId, action.ToString(), LocationOf(instanceId));
    }

    async Task<WorkflowHistory> HistoryAsync(DurableTaskClient durable, string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            return WorkflowHistory.Of(await histories.ReadAsync(durable, instanceId, cancellationToken));
        }
        catch (NotSupportedException e)
        {
            // A host whose durable backend cannot give history: say so rather than show an empty history.
            return WorkflowHistory.Unavailable($"本环境的流程后端不提供执行历史 (this host's durable backend does not provide history): {e.Message}");
        }
    }

    async Task<IReadOnlyList<WorkflowAuditEntry>> AuditAsync(string instanceId, CancellationToken cancellationToken)
    {
        var entries = new List<WorkflowAuditEntry>();
        await foreach (var e in events.ReadAsync(StreamOf(instanceId), cancellationToken: cancellationToken))
        {
            var r = e.Data.Deserialize<WorkflowAdminRecord>(JsonSerializerOptions.Web)!;
            entries.Add(new WorkflowAuditEntry(e.Version, r.Action, r.Actor, r.ActorName, r.Reason, r.EventName, r.StatusBefore, e.RecordedAt));
        }
        return entries;
    }

    static async Task<OrchestrationMetadata> FindAsync(DurableTaskClient durable, string instanceId, CancellationToken cancellationToken) =>
        await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken)
            ?? throw new NotFoundException($"没有流程实例 {instanceId} (no workflow instance {instanceId}).");

    static WorkflowSummary Summary(OrchestrationMetadata i) =>
        new(i.InstanceId, i.Name, i.RuntimeStatus.ToString(), i.CreatedAt, i.LastUpdatedAt, Json(i.SerializedCustomStatus));

    /// <summary>Payloads are stored as JSON text; returned as JSON, or as a string when a backend stored something else.</summary>
    static JsonElement? Json(string? serialized)
    {
        if (serialized is null) return null;
        try
        {
            return JsonDocument.Parse(serialized).RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(serialized);
        }
    }

    static string TypeOf(WorkflowAdminAction action) => action switch
    {
        WorkflowAdminAction.Terminate => "workflow-admin.terminated",
        WorkflowAdminAction.Restart => "workflow-admin.restarted",
        WorkflowAdminAction.RaiseEvent => "workflow-admin.event-raised",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>The audit record (审计记录): who, what, on which instance, why, and the state it was in.</summary>
    sealed record WorkflowAdminRecord(
        string InstanceId, string Kind, string Action, string Reason, string? EventName, string StatusBefore, string Actor, string? ActorName);
}
