using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Nanhai.Application.Common;
using Nanhai.Application.Security;

namespace Nanhai.Infrastructure.Security;

/// <summary>
/// Validates the bearer token (issuer, audience, lifetime, signature) and reads the caller's roles and scope.
/// The function classes call it, so the same check runs in Azure and on the local host.
/// </summary>
public sealed class JwtCallerAuthenticator : ICallerAuthenticator
{
    readonly AuthOptions options;
    readonly DevelopmentTokenIssuer developmentIssuer;
    readonly ConfigurationManager<OpenIdConnectConfiguration>? metadata;
    readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    public JwtCallerAuthenticator(IOptions<AuthOptions> options, DevelopmentTokenIssuer developmentIssuer)
    {
        this.options = options.Value;
        this.developmentIssuer = developmentIssuer;
        if (this.options.Authority is { } authority)
            metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
                new Uri(authority, ".well-known/openid-configuration").ToString(), new OpenIdConnectConfigurationRetriever());
    }

    public async Task<Caller> AuthenticateAsync(string? authorizationHeader, IReadOnlyCollection<string> anyOfRoles, CancellationToken cancellationToken = default)
    {
        const string scheme = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            throw new UnauthenticatedException("A bearer token is required (Authorization: Bearer …).");

        var result = await handler.ValidateTokenAsync(authorizationHeader[scheme.Length..].Trim(), await ParametersAsync(cancellationToken));
        if (!result.IsValid)
            throw new UnauthenticatedException($"The bearer token is not valid: {result.Exception?.Message ?? "rejected"}");

        var roles = RolesOf(result.Claims);
        var caller = new Caller(
            result.ClaimsIdentity.FindFirst(JwtRegisteredClaimNames.Sub)?.Value ?? throw new UnauthenticatedException("The token has no subject."),
            roles,
            result.ClaimsIdentity.FindFirst(ClaimNames.Unit)?.Value,
            result.ClaimsIdentity.FindFirst(ClaimNames.Centre)?.Value,
            result.ClaimsIdentity.FindFirst(ClaimNames.Name)?.Value);
        if (anyOfRoles.Count > 0 && !anyOfRoles.Any(caller.IsInRole))
            throw new ForbiddenException($"This needs one of the roles: {string.Join(", ", anyOfRoles)}.");
        return caller;
    }

    async Task<TokenValidationParameters> ParametersAsync(CancellationToken cancellationToken)
    {
        var keys = new List<SecurityKey>();
        if (options.DevelopmentIssuer.Enabled) keys.Add(developmentIssuer.SigningKey);
        if (metadata is not null) keys.AddRange((await metadata.GetConfigurationAsync(cancellationToken)).SigningKeys);
        return new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            IssuerSigningKeys = keys,
            ClockSkew = options.ClockSkew,
            RequireExpirationTime = true,
        };
    }

    static HashSet<string> RolesOf(IDictionary<string, object> claims)
    {
        var roles = new HashSet<string>(StringComparer.Ordinal);
        if (claims.TryGetValue(ClaimNames.Roles, out var value))
        {
            switch (value)
            {
                case string one: roles.Add(one); break;
                case IEnumerable<object> many: foreach (var r in many) roles.Add(r.ToString()!); break;
            }
        }
        return roles;
    }
}
