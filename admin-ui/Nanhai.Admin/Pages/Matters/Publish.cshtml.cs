using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nanhai.Admin.Matters;
using Nanhai.Application.ServiceMatters.Authoring;
using Refit;

namespace Nanhai.Admin.Pages.Matters;

/// <summary>
/// 发布新版本: confirms the publication of the saved draft, showing what changes for applicants (the draft against the latest
/// version) and the form they will fill in; publishes with the ETag the page showed, so what is confirmed is what is published.
/// </summary>
public sealed class PublishModel(IMattersApi matters) : PageModel
{
    public MatterAuthoringView Authoring { get; private set; } = null!;

    /// <summary>The draft against the latest version; null for a first version.</summary>
    public MatterComparisonView? Changes { get; private set; }

    /// <summary>The draft changed after this page was shown (412): the page shows it again as it is now.</summary>
    public bool Stale { get; private set; }

    /// <summary>Why the platform refused to publish (409: retired, or the draft no longer meets the rules).</summary>
    public string? Refusal { get; private set; }

    public Task OnGetAsync(string code) => LoadAsync(code);

    public async Task<IActionResult> OnPostAsync(string code, string? eTag)
    {
        try
        {
            var version = await matters.PublishAsync(code, eTag ?? "", HttpContext.RequestAborted);
            TempData[EditModel.NoticeKey] = $"已发布第 {version.Version} 版，申请人即按新版本办理";
            return RedirectToPage("/Matters/Edit", new { code });
        }
        catch (ApiException refusal) when (refusal.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            Stale = true;
        }
        catch (ApiException refusal) when (refusal.StatusCode == HttpStatusCode.Conflict)
        {
            Refusal = refusal.Detail();
        }
        await LoadAsync(code);
        return Page();
    }

    async Task LoadAsync(string code)
    {
        var cancellation = HttpContext.RequestAborted;
        Authoring = await matters.GetAuthoringAsync(code, cancellation);
        if (Authoring.Draft is not null && Authoring.LatestVersion() is { } latest)
            Changes = await matters.CompareAsync(code, latest, MatterAuthoring.Draft, cancellation);
    }
}
