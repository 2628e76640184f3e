using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;

namespace Nanhai.Admin.Security;

/// <summary>
/// Checks the Entra ID sign-in settings (section <c>AzureAd</c>) at start-up. Microsoft.Identity.Web reads them only when the
/// first civil servant signs in; a console deployed with a missing client id or credential should not start at all.
/// </summary>
sealed class EntraSignInOptionsValidator : IValidateOptions<MicrosoftIdentityOptions>
{
    public const string Section = "AzureAd";

    public ValidateOptionsResult Validate(string? name, MicrosoftIdentityOptions options)
    {
        if (name != OpenIdConnectDefaults.AuthenticationScheme) return ValidateOptionsResult.Skip;
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Instance, UriKind.Absolute, out var instance) || instance.Scheme != Uri.UriSchemeHttps)
            failures.Add($"{Section}:Instance must be the https address of the cloud's sign-in service (got '{options.Instance}').");
        if (string.IsNullOrWhiteSpace(options.TenantId))
            failures.Add($"{Section}:TenantId is required: the tenant whose staff sign in.");
        if (!Guid.TryParse(options.ClientId, out _))
            failures.Add($"{Section}:ClientId must be the console's app registration client id (got '{options.ClientId}').");
        // The console acquires platform tokens on the user's behalf, which takes a credential of the app's own.
        if (options.ClientCredentials is null || !options.ClientCredentials.Any())
            failures.Add($"{Section}:ClientCredentials needs one credential (in Azure, SignedAssertionFromManagedIdentity with the console's identity).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
