using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Nanhai.Admin.Pages;

/// <summary>Shown for unhandled exceptions and for error status codes (404 and the like), in Chinese.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    /// <summary>Quoted by the user to whoever reads the logs.</summary>
    public string RequestId { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    // The exception handler re-executes the failed request with its own method, so a failed POST lands here.
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        Code = code ?? StatusCodes.Status500InternalServerError;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
    }
}
