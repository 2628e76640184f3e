using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Abstractions;
using Nanhai.Infrastructure.Security;

namespace Nanhai.Admin.Security;

/// <summary>Bearer tokens for calling the platform as the signed-in civil servant, so the platform applies their role and scope.</summary>
public interface IPlatformTokens
{
    Task<string> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}

/// <summary>One machine: the development issuer signs a token with the user's role and scope, as ./nanhai token does.</summary>
public sealed class DevelopmentPlatformTokens(DevelopmentTokenIssuer issuer) : IPlatformTokens
{
    public Task<string> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var member = StaffMember.Of(user) ?? throw new InvalidOperationException("Only a signed-in civil servant calls the platform.");
        return Task.FromResult(issuer.Issue(member.Subject, member.Role, member.Unit, member.Centre, member.Name));
    }
}

/// <summary>Azure: a token for the platform API acquired from Entra ID on the user's behalf (cached by Microsoft.Identity.Web).</summary>
public sealed class EntraPlatformTokens(IAuthorizationHeaderProvider headers, IOptions<StaffSignInOptions> options) : IPlatformTokens
{
    public async Task<string> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var header = await headers.CreateAuthorizationHeaderForUserAsync([options.Value.ApiScope], claimsPrincipal: user, cancellationToken: cancellationToken);
        return AuthenticationHeaderValue.Parse(header).Parameter ?? throw new InvalidOperationException("Entra ID returned an empty authorization header.");
    }
}

/// <summary>Adds the signed-in user's platform token to each call of the platform client; anonymous calls (health) go without.</summary>
public sealed class PlatformTokenHandler(IHttpContextAccessor context, IPlatformTokens tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (context.HttpContext?.User is { Identity.IsAuthenticated: true } user && StaffMember.Of(user) is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.ForAsync(user, cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
