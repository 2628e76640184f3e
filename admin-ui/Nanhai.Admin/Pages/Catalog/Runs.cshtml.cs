using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nanhai.Admin.Catalog;
using Nanhai.Admin.Platform;
using Nanhai.Application.Ingestion.Runs;
using Refit;

namespace Nanhai.Admin.Pages.Catalog;

/// <summary>入库记录: ingestion runs, newest first, of a resource or a unit (a unit officer's own only), a page at a time.</summary>
public sealed class RunsModel(ICatalogApi catalog) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Resource { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Continuation { get; set; }

    public IngestionRunPageView Runs { get; private set; } = new([], null);

    public async Task OnGetAsync()
    {
        try
        {
            Runs = await catalog.ListRunsAsync(Resource, Unit, PageSize, Continuation, HttpContext.RequestAborted);
        }
        catch (ValidationApiException problem)
        {
            ModelState.AddPlatformProblem(problem);
        }
    }
}
