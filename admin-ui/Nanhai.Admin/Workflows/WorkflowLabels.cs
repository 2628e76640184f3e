using Nanhai.Application.Workflows.Monitoring;

namespace Nanhai.Admin.Workflows;

/// <summary>Workflow terms as the console shows them.</summary>
public static class WorkflowLabels
{
    public static IReadOnlyList<string> Statuses { get; } = ["Pending", "Running", "Suspended", "Completed", "Failed", "Terminated"];

    /// <summary>A runtime status and its badge style.</summary>
    public static (string Label, string Style) Status(string status) => status switch
    {
        "Pending" => ("待启动", "info"),
        "Running" => ("运行中", "info"),
        "Suspended" => ("已暂停", "warn"),
        "Completed" => ("已完成", "ok"),
        "Failed" => ("失败", "bad"),
        "Terminated" => ("已终止", "bad"),
        _ => (status, "info"),
    };

    public static string Kind(string kind) => kind switch
    {
        "ApplicationHandlingOrchestrator" => "办件流程",
        "WorkflowProbeOrchestrator" => "流程探针（诊断）",
        _ => kind,
    };

    /// <summary>An audited action (the API sends <see cref="WorkflowAdminAction"/>'s names).</summary>
    public static string Action(string action) => Enum.TryParse<WorkflowAdminAction>(action, out var parsed) ? parsed switch
    {
        WorkflowAdminAction.Terminate => "终止",
        WorkflowAdminAction.Restart => "重启",
        WorkflowAdminAction.RaiseEvent => "发送事件",
        _ => action,
    } : action;
}
