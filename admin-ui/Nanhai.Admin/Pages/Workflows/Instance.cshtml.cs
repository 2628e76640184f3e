using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nanhai.Admin.Platform;
using Nanhai.Admin.Workflows;
using Nanhai.Application.Workflows.Monitoring;
using Refit;

namespace Nanhai.Admin.Pages.Workflows;

/// <summary>
/// One orchestration instance: its input, output or failure, history and the administrators' actions on it, and the
/// actions its state allows (terminate, restart, send an event), each confirmed and with a reason, which the platform audits.
/// </summary>
public sealed class InstanceModel(IWorkflowMonitorApi workflows) : PageModel
{
    public const string Terminate = "terminate";
    public const string Restart = "restart";
    public const string RaiseEvent = "event";

    public WorkflowDetail Instance { get; private set; } = null!;

    [TempData]
    public string? Done { get; set; }

    public bool IsLive => Instance.Status is "Pending" or "Running" or "Suspended";

    public async Task OnGetAsync(string id) => Instance = await workflows.GetAsync(id, HttpContext.RequestAborted);

    public Task<IActionResult> OnPostTerminateAsync(string id, [Bind(Prefix = Terminate)] WorkflowAction action) =>
        ActAsync(id, Terminate, action, "已终止", () => workflows.TerminateAsync(id, new TerminateWorkflow(action.Reason), HttpContext.RequestAborted));

    public Task<IActionResult> OnPostRestartAsync(string id, [Bind(Prefix = Restart)] WorkflowAction action) =>
        ActAsync(id, Restart, action, "已重启", () => workflows.RestartAsync(id, new RestartWorkflow(action.Reason), HttpContext.RequestAborted));

    public Task<IActionResult> OnPostEventAsync(string id, [Bind(Prefix = RaiseEvent)] WorkflowAction action)
    {
        JsonElement? payload = null;
        if (!string.IsNullOrWhiteSpace(action.Payload))
        {
            try
            {
                payload = JsonDocument.Parse(action.Payload).RootElement.Clone();
            }
            catch (JsonException)
            {
                ModelState.AddModelError($"{RaiseEvent}.{nameof(WorkflowAction.Payload)}", "事件内容须为有效的 JSON");
            }
        }
        if (string.IsNullOrWhiteSpace(action.EventName))
            ModelState.AddModelError($"{RaiseEvent}.{nameof(WorkflowAction.EventName)}", "请填写事件名称");
        return ActAsync(id, RaiseEvent, action, $"已发送事件“{action.EventName}”",
            () => workflows.RaiseEventAsync(id, action.EventName!, new RaiseWorkflowEvent(action.Reason, payload), HttpContext.RequestAborted));
    }

    async Task<IActionResult> ActAsync(string id, string form, WorkflowAction action, string done, Func<Task<WorkflowActionAccepted>> send)
    {
        if (string.IsNullOrWhiteSpace(action.Reason))
            ModelState.AddModelError($"{form}.{nameof(WorkflowAction.Reason)}", "请填写操作原因（将记入审计日志）");
        if (!action.Confirmed)
            ModelState.AddModelError($"{form}.{nameof(WorkflowAction.Confirmed)}", "请勾选确认后再执行");
        if (ModelState.IsValid)
        {
            try
            {
                await send();
                Done = done;
                return RedirectToPage(new { id });
            }
            catch (ValidationApiException problem)
            {
                // A reason the platform refuses, or a state that no longer allows the action (409).
                ModelState.AddPlatformProblem(problem, form);
            }
        }
        Instance = await workflows.GetAsync(id, HttpContext.RequestAborted);
        return Page();
    }

    public static string Json(JsonElement? value) =>
        value is { } json ? JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) : "—";
}

/// <summary>What an administrator fills in for an action: always a reason and a confirmation; for an event its name and payload.</summary>
public sealed class WorkflowAction
{
    public string? Reason { get; set; }
    public bool Confirmed { get; set; }
    public string? EventName { get; set; }
    public string? Payload { get; set; }
}
