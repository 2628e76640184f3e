using Microsoft.AspNetCore.Mvc.RazorPages;
using Nanhai.Admin.Catalog;
using Nanhai.Application.Catalog;

namespace Nanhai.Admin.Pages.Catalog;

/// <summary>One resource: its catalog metadata (GB/T 21063.3), data items, schema versions, statistics and recent ingestion runs.</summary>
public sealed class ResourceModel(ICatalogApi catalog) : PageModel
{
    public ResourceDetailView Resource { get; private set; } = null!;

    public async Task OnGetAsync(string code) => Resource = await catalog.GetResourceAsync(code, HttpContext.RequestAborted);
}
