using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nanhai.Admin.Catalog;
using Nanhai.Admin.Platform;
using Nanhai.Application.Catalog;
using Nanhai.Domain.Catalog;
using Refit;

namespace Nanhai.Admin.Pages.Catalog;

/// <summary>数据资源目录: the catalog's totals, and its resources searched by name or code, unit and sharing type, a page at a time.</summary>
public sealed class IndexModel(ICatalogApi catalog) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? SharingType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Continuation { get; set; }

    public CatalogSummary Summary { get; private set; } = null!;

    public IReadOnlyList<SourceUnit> Units { get; private set; } = [];

    public ResourcePageView Results { get; private set; } = new([], null);

    public async Task OnGetAsync()
    {
        var cancellation = HttpContext.RequestAborted;
        var summary = catalog.GetSummaryAsync(cancellation);
        var units = catalog.GetUnitsAsync(cancellation);
        try
        {
            Results = await catalog.SearchResourcesAsync(Q, Unit, SharingType, PageSize, Continuation, cancellation);
        }
        catch (ValidationApiException problem)
        {
            // A hand-edited address (an unknown sharing type, a stale page token): say so beside the search form.
            ModelState.AddPlatformProblem(problem);
        }
        Summary = await summary;
        Units = await units;
    }

    public string UnitName(string code) => Units.FirstOrDefault(u => u.Code == code)?.Name ?? code;

    public static IEnumerable<(string Value, string Label)> SharingTypes =>
        Enum.GetValues<SharingType>().Select(t => (t.ToString(), CatalogLabels.Of(t)));
}
