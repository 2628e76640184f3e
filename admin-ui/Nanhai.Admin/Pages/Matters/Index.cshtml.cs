using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nanhai.Admin.Matters;
using Nanhai.Admin.Platform;
using Nanhai.Application.ServiceMatters.Catalog;
using Nanhai.Domain.ServiceMatters;
using Refit;

namespace Nanhai.Admin.Pages.Matters;

/// <summary>事项设计器: the published matters, searched by name, code or department, level and centre, a page at a time.</summary>
public sealed class IndexModel(IMattersApi matters) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Centre { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Continuation { get; set; }

    public MatterPageView Results { get; private set; } = new([], null);

    public async Task OnGetAsync()
    {
        try
        {
            Results = await matters.SearchAsync(Q, Level, Centre, PageSize, Continuation, HttpContext.RequestAborted);
        }
        catch (ValidationApiException problem) when (problem.StatusCode == HttpStatusCode.BadRequest)
        {
            ModelState.AddPlatformProblem(problem);
        }
    }

    /// <summary>The levels as the API's query names them (camelCase) with their Chinese names.</summary>
    public static IEnumerable<(string Value, string Label)> Levels =>
        Enum.GetValues<HandlingLevel>().Select(l => (JsonNamingPolicy.CamelCase.ConvertName(l.ToString()), l.ToChinese()));
}
