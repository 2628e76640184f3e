using System.ComponentModel.DataAnnotations;

namespace Nanhai.Infrastructure.Security;

/// <summary>
/// How bearer tokens are validated (section "Auth"). In Azure the signing keys come from the identity provider's
/// OpenID metadata (<see cref="Authority"/>); on one machine a development issuer signs tokens with a key kept
/// under .local/, and that issuer cannot be enabled in Production.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The expected <c>iss</c> of every token.</summary>
    [Required] public string Issuer { get; set; } = "";

    /// <summary>The expected <c>aud</c> of every token.</summary>
    [Required] public string Audience { get; set; } = "api://nanhai-platform";

    /// <summary>OpenID Connect authority whose metadata publishes the signing keys (Azure).</summary>
    public Uri? Authority { get; set; }

    public DevelopmentIssuerOptions DevelopmentIssuer { get; set; } = new();

    /// <summary>Allowed clock skew when checking expiry.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);
}

public sealed class DevelopmentIssuerOptions
{
    /// <summary>Trust tokens signed with <see cref="KeyFile"/>. Refused at start-up in Production.</summary>
    public bool Enabled { get; set; }

    /// <summary>PEM file with the development issuer's RSA key; created on first use.</summary>
    public string KeyFile { get; set; } = ".local/dev-issuer-key.pem";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);
}
