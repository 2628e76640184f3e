using System.Text.RegularExpressions;
using Microsoft.DurableTask.Client;
using Nanhai.Application.Common;

namespace Nanhai.Application.Workflows.Monitoring;

/// <summary>What an administrator can do to a workflow instance from the monitor (流程监控).</summary>
public enum WorkflowAdminAction { Terminate, Restart, RaiseEvent }

/// <summary>Which instance states allow which action, and what every action must carry.</summary>
public static partial class WorkflowAdminRules
{
    public const int MaxReasonLength = 500;

    static readonly OrchestrationRuntimeStatus[] Live =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    static readonly OrchestrationRuntimeStatus[] Finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    /// <summary>
    /// Only a live instance can be terminated or sent an event (a suspended one queues it); only a finished one is
    /// restarted, so that a restart never silently ends work in progress — terminate first, then restart.
    /// </summary>
    public static IReadOnlyList<OrchestrationRuntimeStatus> AllowedFrom(WorkflowAdminAction action) => action switch
    {
        WorkflowAdminAction.Terminate or WorkflowAdminAction.RaiseEvent => Live,
        WorkflowAdminAction.Restart => Finished,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static void EnsureAllowed(WorkflowAdminAction action, string instanceId, OrchestrationRuntimeStatus status)
    {
        var allowed = AllowedFrom(action);
        if (!allowed.Contains(status))
            throw new ConflictException(
                $"流程实例 {instanceId} 当前状态为 {status}，不能执行 {action} (instance {instanceId} is {status}; {action} needs one of {string.Join(", ", allowed)}).");
    }

    /// <summary>Every action is deliberate: it names its reason, which goes into the audit log (审计记录).</summary>
    public static string RequireReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new ValidationFailedException("reason", "须填写操作原因 (a reason is required).");
        if (reason.Length > MaxReasonLength)
            throw new ValidationFailedException("reason", $"操作原因不能超过 {MaxReasonLength} 个字符 (at most {MaxReasonLength} characters).");
        return reason.Trim();
    }

    /// <summary>External event names are identifiers the orchestrators wait for; nothing else can match one.</summary>
    public static string RequireEventName(string? eventName) =>
        eventName is not null && EventName().IsMatch(eventName)
            ? eventName
            : throw new ValidationFailedException("eventName", "事件名须为 1–100 个字母、数字、'-'、'_' 或 '.' (1–100 letters, digits, '-', '_' or '.').");

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{1,100}$")]
    private static partial Regex EventName();
}
