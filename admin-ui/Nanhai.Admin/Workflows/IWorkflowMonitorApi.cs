using Nanhai.Application.Workflows.Monitoring;
using Refit;

namespace Nanhai.Admin.Workflows;

/// <summary>The workflow monitor API (流程监控), district admins only.</summary>
public interface IWorkflowMonitorApi
{
    [Get("/api/workflows")]
    Task<WorkflowPage> ListAsync(string? kind, string? status, string? createdFrom, string? createdTo, int? pageSize, string? continuation,
        CancellationToken cancellationToken = default);

    [Get("/api/workflows/{instanceId}")]
    Task<WorkflowDetail> GetAsync(string instanceId, CancellationToken cancellationToken = default);

    [Post("/api/workflows/{instanceId}/termination")]
    Task<WorkflowActionAccepted> TerminateAsync(string instanceId, [Body] TerminateWorkflow command, CancellationToken cancellationToken = default);

    [Post("/api/workflows/{instanceId}/restart")]
    Task<WorkflowActionAccepted> RestartAsync(string instanceId, [Body] RestartWorkflow command, CancellationToken cancellationToken = default);

    [Post("/api/workflows/{instanceId}/events/{eventName}")]
    Task<WorkflowActionAccepted> RaiseEventAsync(string instanceId, string eventName, [Body] RaiseWorkflowEvent command,
        CancellationToken cancellationToken = default);
}
