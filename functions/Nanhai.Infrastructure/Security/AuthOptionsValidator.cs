using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Nanhai.Infrastructure.Security;

/// <summary>Refuses a configuration that would accept development tokens in Production, or that has no signing keys.</summary>
public sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (options.DevelopmentIssuer.Enabled && environment.IsProduction())
            failures.Add("Auth:DevelopmentIssuer:Enabled must be false in Production: development tokens would be accepted.");
        if (!options.DevelopmentIssuer.Enabled && options.Authority is null)
            failures.Add("Auth:Authority is required when the development issuer is disabled: no signing keys to validate tokens with.");
        if (options.Authority is { IsAbsoluteUri: false })
            failures.Add("Auth:Authority must be an absolute URI.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
