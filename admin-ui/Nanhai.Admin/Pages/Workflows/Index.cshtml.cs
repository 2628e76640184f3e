using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nanhai.Admin.Platform;
using Nanhai.Admin.Workflows;
using Nanhai.Application.Workflows;
using Nanhai.Application.Workflows.Monitoring;
using Nanhai.Domain.Calendar;
using Refit;

namespace Nanhai.Admin.Pages.Workflows;

/// <summary>流程监控: orchestration instances by kind, status and creation date, a page at a time.</summary>
public sealed class IndexModel(IWorkflowMonitorApi workflows) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? CreatedFrom { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? CreatedTo { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Continuation { get; set; }

    public WorkflowPage Instances { get; private set; } = new([], null);

    public static IReadOnlyList<string> Kinds => PlatformWorkflows.Kinds;

    public async Task OnGetAsync()
    {
        try
        {
            // Dates are days in China: from the start of the first to the end of the last.
            Instances = await workflows.ListAsync(Kind, Status, Day(CreatedFrom, 0), Day(CreatedTo, 1), PageSize, Continuation, HttpContext.RequestAborted);
        }
        catch (ValidationApiException problem)
        {
            ModelState.AddPlatformProblem(problem);
        }
    }

    static string? Day(DateOnly? day, int plus) =>
        day is { } value ? ChinaTime.StartOf(value.AddDays(plus)).ToString("O") : null;
}
