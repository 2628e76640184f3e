using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nanhai.Admin.Catalog;
using Nanhai.Admin.Pages.Shared;
using Nanhai.Application.Ingestion.Runs;
using Nanhai.Domain.Ingestion;

namespace Nanhai.Admin.Pages.Catalog;

/// <summary>One ingestion run: its progress while it runs (refreshed in place), then its outcome and error report.</summary>
public sealed class RunModel(ICatalogApi catalog) : PageModel
{
    public IngestionRunView Run { get; private set; } = null!;

    public bool InProgress => Run.Status is IngestionRunStatus.Running or IngestionRunStatus.Indexing;

    public async Task OnGetAsync(string id) => Run = await catalog.GetRunAsync(id, HttpContext.RequestAborted);

    /// <summary>What the page's script polls while the run is in progress.</summary>
    public async Task<IActionResult> OnGetProgressAsync(string id)
    {
        Run = await catalog.GetRunAsync(id, HttpContext.RequestAborted);
        var (label, _) = CatalogLabels.Of(Run.Status);
        return new JsonResult(new
        {
            status = label,
            inProgress = InProgress,
            progress = Run.Progress,
            rowsRead = Display.Count(Run.RowsRead),
            rowsAccepted = Display.Count(Run.RowsAccepted),
            rowsRejected = Display.Count(Run.RowsRejected),
        });
    }
}
