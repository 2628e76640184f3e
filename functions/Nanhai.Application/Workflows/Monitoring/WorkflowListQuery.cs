using System.Globalization;
using Microsoft.DurableTask.Client;
using Nanhai.Application.Common;

namespace Nanhai.Application.Workflows.Monitoring;

/// <summary>The list's query string as it arrived, every value still text.</summary>
public sealed record WorkflowListRequest(
    string? Kind = null, string? Status = null, string? CreatedFrom = null, string? CreatedTo = null,
    string? PageSize = null, string? Continuation = null);

/// <summary>A validated instance query: kind (orchestrator name), statuses, created-time window and page.</summary>
public sealed record WorkflowListQuery(
    string? Kind, IReadOnlyList<OrchestrationRuntimeStatus> Statuses, DateTimeOffset? CreatedFrom, DateTimeOffset? CreatedTo,
    int PageSize, string? Continuation)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Statuses an administrator can filter by (ContinuedAsNew and Canceled are transient or unused).</summary>
    public static readonly IReadOnlyList<OrchestrationRuntimeStatus> FilterableStatuses =
    [
        OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended,
        OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated,
    ];

    /// <summary>
    /// Validates every parameter and reports all bad ones at once. <paramref name="knownKinds"/> are the registered
    /// orchestrators; status may list several, comma-separated, in any letter case.
    /// </summary>
    public static WorkflowListQuery Parse(WorkflowListRequest request, IReadOnlyList<string> knownKinds)
    {
        var errors = new Dictionary<string, string[]>();

        var kind = Blank(request.Kind) ? null : knownKinds.FirstOrDefault(k => k.Equals(request.Kind!.Trim(), StringComparison.OrdinalIgnoreCase));
        if (!Blank(request.Kind) && kind is null)
            errors["kind"] = [$"未知的流程类型 (unknown workflow kind) '{request.Kind}'; 可选 (one of): {string.Join(", ", knownKinds)}."];

        var statuses = new List<OrchestrationRuntimeStatus>();
        foreach (var text in (request.Status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = FilterableStatuses.Where(s => s.ToString().Equals(text, StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count == 0)
            {
                errors["status"] = [$"未知的流程状态 (unknown status) '{text}'; 可选 (one or more of): {string.Join(", ", FilterableStatuses)}."];
                break;
            }
            statuses.Add(match[0]);
        }

        var from = Time(request.CreatedFrom, "createdFrom", errors);
        var to = Time(request.CreatedTo, "createdTo", errors);
        if (from is not null && to is not null && from > to)
            errors["createdTo"] = ["结束时间不能早于开始时间 (createdTo must not be before createdFrom)."];

        var pageSize = DefaultPageSize;
        if (!Blank(request.PageSize)
            && (!int.TryParse(request.PageSize, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
            errors["pageSize"] = [$"每页条数须在 1 至 {MaxPageSize} 之间 (pageSize must be between 1 and {MaxPageSize})."];

        if (errors.Count > 0) throw new ValidationFailedException(errors);
        return new WorkflowListQuery(kind, statuses.Distinct().ToList(), from, to, pageSize, Blank(request.Continuation) ? null : request.Continuation);
    }

    static DateTimeOffset? Time(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (Blank(text)) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)) return value;
        errors[field] = ["时间格式应为 ISO 8601 (an ISO 8601 date-time is expected), e.g. 2026-03-01T00:00:00+08:00."];
        return null;
    }

    static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
}
