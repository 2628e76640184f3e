using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nanhai.Admin.Matters;
using Nanhai.Admin.Platform;
using Nanhai.Application.ServiceMatters.Authoring;
using Refit;

namespace Nanhai.Admin.Pages.Matters;

/// <summary>
/// 编辑事项: a new matter, or a matter's draft — its elements, materials and form (with a live preview of the form). Saving
/// sends the whole draft with the ETag it was read under; rows are added, removed and moved by posting the form back unsaved.
/// </summary>
public sealed class EditModel(IMattersApi matters) : PageModel
{
    /// <summary>TempData key of the banner shown after a redirect (saved, published).</summary>
    public const string NoticeKey = "matter-notice";

    [BindProperty]
    public MatterForm Matter { get; set; } = MatterForm.New();

    /// <summary>The stored matter (status, versions); null while it is being created.</summary>
    public MatterAuthoringView? Authoring { get; private set; }

    /// <summary>The draft changed since it was read (412): nothing was saved.</summary>
    public bool Stale { get; private set; }

    /// <summary>The id of the element to focus after a row command.</summary>
    public string? Focus { get; private set; }

    public string? Code => Authoring?.Code;

    public async Task OnGetAsync(string? code)
    {
        if (code is null) return;
        Authoring = await matters.GetAuthoringAsync(code, HttpContext.RequestAborted);
        Matter = MatterForm.Of(Authoring.Code, Authoring.ETag, Authoring.Editing());
    }

    public async Task<IActionResult> OnPostSaveAsync(string? code)
    {
        foreach (var (key, message) in FormSchemas.Check(Matter.Fields, Matter.FormSchema()))
            ModelState.AddModelError($"{MatterForm.Prefix}.{key}", message);
        if (ModelState.IsValid)
        {
            var cancellation = HttpContext.RequestAborted;
            try
            {
                var saved = code is null
                    ? await matters.CreateAsync(new CreateMatter(Matter.Code?.Trim() ?? "", Matter.ToDefinition()), cancellation)
                    : await matters.SaveDraftAsync(code, Matter.ToDefinition(), Matter.ETag ?? "", cancellation);
                TempData[NoticeKey] = "草稿已保存";
                return RedirectToPage(new { code = saved.Code });
            }
            catch (ApiException refusal) when (refusal.StatusCode == HttpStatusCode.PreconditionFailed)
            {
                Stale = true;
            }
            catch (ApiException refusal) when (refusal.StatusCode == HttpStatusCode.Conflict)
            {
                // On creation the only conflict is a code in use; on a draft, the matter's state (retired).
                ModelState.AddModelError(code is null ? $"{MatterForm.Prefix}.{nameof(MatterForm.Code)}" : "",
                    code is null ? "该事项编码已被使用，请换一个编码" : refusal.Detail());
            }
            catch (ValidationApiException problem) when (problem.StatusCode == HttpStatusCode.BadRequest)
            {
                ModelState.AddPlatformProblem(problem, MatterForm.InputFor);
            }
        }
        return await ShowAsync(code);
    }

    /// <summary>Adds, removes or moves a material or form field (<see cref="MatterForm.Apply"/>) and shows the form again, unsaved.</summary>
    public async Task<IActionResult> OnPostRowsAsync(string? code, string? change)
    {
        // The posted values would otherwise be shown in place of the moved rows' (tag helpers prefer model state).
        ModelState.Clear();
        Focus = Matter.Apply(change);
        return await ShowAsync(code);
    }

    /// <summary>The applicant's view of the form being built, for the page's script to refresh the preview.</summary>
    public PartialViewResult OnPostPreview() => Partial("_FormPreview", Matter.FormSchema());

    async Task<IActionResult> ShowAsync(string? code)
    {
        if (code is not null) Authoring = await matters.GetAuthoringAsync(code, HttpContext.RequestAborted);
        return Page();
    }
}
