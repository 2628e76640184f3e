using System.ComponentModel.DataAnnotations;

namespace Nanhai.Admin.Security;

/// <summary>
/// How civil servants sign in (section <c>SignIn</c>). In Azure: Microsoft Entra ID (section <c>AzureAd</c>, read by
/// Microsoft.Identity.Web), roles from the app's app roles, and calls to the platform with a token for
/// <see cref="ApiScope"/> acquired on the user's behalf. On one machine: the development sign-in, a page of seeded users
/// whose API tokens the development issuer signs; refused at start-up in Production.
/// </summary>
public sealed class StaffSignInOptions
{
    public const string Section = "SignIn";

    /// <summary>Sign in as one of <see cref="DevelopmentUsers.All"/> instead of through Entra ID.</summary>
    public bool Development { get; set; }

    /// <summary>The platform API's scope, requested for the signed-in user (Entra ID only).</summary>
    [Required(ErrorMessage = "SignIn:ApiScope is required.")]
    public string ApiScope { get; set; } = "api://nanhai-platform/.default";
}
