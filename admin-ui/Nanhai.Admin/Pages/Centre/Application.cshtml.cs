using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nanhai.Admin.Platform;
using Nanhai.Admin.ServiceMatters;
using Nanhai.Application.Security;
using Nanhai.Application.ServiceMatters.Applications;
using Refit;

namespace Nanhai.Admin.Pages.Centre;

/// <summary>
/// One application as the handling centre sees it: where it stands and by when, the applicant's answers, the materials
/// (opened through the console) and e-licences used, the timeline, and the decisions its state allows.
/// </summary>
public sealed class ApplicationModel(ICentreWorkApi applications) : PageModel
{
    public ApplicationView Application { get; private set; } = null!;

    [BindProperty]
    public string? Action { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public List<string> MaterialIds { get; set; } = [];

    [BindProperty]
    public long Version { get; set; }

    [TempData]
    public string? Done { get; set; }

    /// <summary>Only the handling centre's staff decide; district admins look on.</summary>
    public bool Decides => User.IsInRole(Roles.CentreStaff);

    public async Task OnGetAsync(string id) => Application = await applications.GetApplicationAsync(id, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (string.IsNullOrEmpty(Action))
            ModelState.AddModelError(nameof(Action), "请选择办理决定");
        else if (ApplicationLabels.DecisionNeedsReason(Action) && string.IsNullOrWhiteSpace(Reason))
            ModelState.AddModelError(nameof(Reason), "不予受理、不予许可和要求补正须书面说明理由");
        if (ModelState.IsValid)
        {
            try
            {
                var decided = await applications.DecideAsync(id, new DecideApplication(Action, Reason, MaterialIds.Count == 0 ? null : MaterialIds, Version),
                    HttpContext.RequestAborted);
                Done = $"已{ApplicationLabels.Decision(Action!)}，申请现为“{decided.Status.Name}”";
                return RedirectToPage(new { id });
            }
            catch (ValidationApiException problem)
            {
                // A reason or material the platform refuses, or someone else decided first (the version moved on).
                ModelState.AddPlatformProblem(problem);
            }
        }
        Application = await applications.GetApplicationAsync(id, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>Opens an uploaded material: streamed from the platform with the user's own token, never a public link.</summary>
    public async Task<IActionResult> OnGetMaterialAsync(string id, string materialId)
    {
        var response = await applications.GetMaterialFileAsync(id, materialId, HttpContext.RequestAborted);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            return NotFound();
        }
        response.EnsureSuccessStatusCode();
        HttpContext.Response.RegisterForDispose(response);
        var content = response.Content;
        var name = content.Headers.ContentDisposition?.FileNameStar ?? content.Headers.ContentDisposition?.FileName?.Trim('"') ?? materialId;
        return File(await content.ReadAsStreamAsync(HttpContext.RequestAborted), content.Headers.ContentType?.ToString() ?? "application/octet-stream", name);
    }
}
