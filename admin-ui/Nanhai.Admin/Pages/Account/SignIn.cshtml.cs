using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nanhai.Admin.Security;

namespace Nanhai.Admin.Pages.Account;

/// <summary>Signing in: Entra ID in Azure; on one machine, choosing one of the seeded development users.</summary>
public sealed class SignInModel(IOptions<StaffSignInOptions> options) : PageModel
{
    public IReadOnlyList<DevelopmentUser> Users => DevelopmentUsers.All;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserId { get; set; }

    public IActionResult OnGet() => options.Value.Development
        ? Page()
        : Challenge(new AuthenticationProperties { RedirectUri = Destination }, OpenIdConnectDefaults.AuthenticationScheme);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!options.Value.Development) return NotFound();
        if (DevelopmentUsers.Find(UserId) is not { } user)
        {
            ModelState.AddModelError(nameof(UserId), "请选择登录身份");
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            StaffMember.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(Destination);
    }

    // Only a page of this console: a return address from elsewhere would make the sign-in an open redirect.
    string Destination => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
