using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Nanhai.Application.Common;
using Nanhai.Application.Security;

namespace Nanhai.Infrastructure.Security;

/// <summary>
/// Signs tokens for one machine (./nanhai token, the tests, the admin console's development sign-in) with an RSA key
/// kept in a file, created on first use. Never used in Production: <see cref="AuthOptionsValidator"/> refuses it.
/// </summary>
public sealed class DevelopmentTokenIssuer(IOptions<AuthOptions> options, TimeProvider clock)
{
    readonly Lazy<RsaSecurityKey> key = new(() => LoadOrCreateKey(options.Value.DevelopmentIssuer.KeyFile));

    public SecurityKey SigningKey => key.Value;

    /// <summary>Issues a token for <paramref name="subject"/> with the given role and scope.</summary>
    public string Issue(string subject, string role, string? unit = null, string? centre = null, string? name = null)
    {
        if (!Roles.All.Contains(role))
            throw new ValidationFailedException("role", $"Unknown role '{role}'; one of {string.Join(", ", Roles.All)}.");
        if (role == Roles.UnitOfficer && string.IsNullOrWhiteSpace(unit))
            throw new ValidationFailedException("unit", "A unit officer's token needs the unit (source unit code).");
        if (role == Roles.CentreStaff && string.IsNullOrWhiteSpace(centre))
            throw new ValidationFailedException("centre", "A centre staff token needs the centre.");

        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object> { [ClaimNames.Roles] = new[] { role } };
        if (unit is not null) claims[ClaimNames.Unit] = unit;
        if (centre is not null) claims[ClaimNames.Centre] = centre;
        if (name is not null) claims[ClaimNames.Name] = name;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, subject)]),
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + settings.DevelopmentIssuer.TokenLifetime,
            SigningCredentials = new SigningCredentials(key.Value, SecurityAlgorithms.RsaSha256),
        });
    }

    static RsaSecurityKey LoadOrCreateKey(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            // Written aside and moved into place: several processes (the local host, the tests, ./nanhai token) may
            // start at once, and none may read a half-written key. The first move wins; the others read its key.
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using var created = RSA.Create(2048);
            var aside = $"{full}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(aside, created.ExportPkcs8PrivateKeyPem());
            try
            {
                File.Move(aside, full, overwrite: false);
            }
            catch (IOException) when (File.Exists(full))
            {
                File.Delete(aside);
            }
        }
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(full));
        return new RsaSecurityKey(rsa) { KeyId = KeyIdOf(rsa) };
    }

    static string KeyIdOf(RSA rsa) => Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16];
}

/// <summary>The claims the platform reads from a token.</summary>
public static class ClaimNames
{
    public const string Roles = "roles";
    public const string Unit = "unit";
    public const string Centre = "centre";
    public const string Name = "name";
}
