using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nanhai.Admin.Matters;
using Nanhai.Admin.Platform;
using Nanhai.Application.ServiceMatters.Authoring;
using Refit;

namespace Nanhai.Admin.Pages.Matters;

/// <summary>版本比对: the differences between two published versions, or between a version and the draft (by default the latest and the draft).</summary>
public sealed class CompareModel(IMattersApi matters) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    /// <summary>A version number, or <see cref="MatterAuthoring.Draft"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public MatterAuthoringView Authoring { get; private set; } = null!;

    public MatterComparisonView? Comparison { get; private set; }

    public async Task OnGetAsync(string code)
    {
        var cancellation = HttpContext.RequestAborted;
        Authoring = await matters.GetAuthoringAsync(code, cancellation);
        var latest = Authoring.LatestVersion();
        From ??= latest;
        To ??= Authoring.Draft is not null ? MatterAuthoring.Draft : latest?.ToString();
        if (From is not { } from || To is not { } to) return;
        try
        {
            Comparison = await matters.CompareAsync(code, from, to, cancellation);
        }
        catch (ValidationApiException problem) when (problem.StatusCode == HttpStatusCode.BadRequest)
        {
            ModelState.AddPlatformProblem(problem);
        }
    }

    /// <summary>The name of a side of the comparison.</summary>
    public static string SideName(string? side) => side == MatterAuthoring.Draft ? "草稿" : $"第 {side} 版";
}
