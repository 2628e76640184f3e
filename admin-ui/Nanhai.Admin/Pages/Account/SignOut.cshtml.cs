using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nanhai.Admin.Security;

namespace Nanhai.Admin.Pages.Account;

/// <summary>Signing out (a POST from the header's button, so a link cannot sign anyone out).</summary>
public sealed class SignOutModel(IOptions<StaffSignInOptions> options) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public IActionResult OnPost()
    {
        var properties = new AuthenticationProperties { RedirectUri = Url.Page("/Account/SignIn") };
        return options.Value.Development
            ? SignOut(properties, CookieAuthenticationDefaults.AuthenticationScheme)
            : SignOut(properties, CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme);
    }
}
