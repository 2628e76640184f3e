using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Nanhai.Application.Common;
using Nanhai.Application.Security;
using Nanhai.Infrastructure.Security;

namespace Nanhai.UnitTests.Security;

public sealed class AuthenticationTests : IDisposable
{
    readonly string keyFile = Path.Combine(Path.GetTempPath(), $"nanhai-key-{Guid.NewGuid():N}.pem");
    readonly AuthOptions options;
    readonly DevelopmentTokenIssuer issuer;
    readonly JwtCallerAuthenticator authenticator;

    public AuthenticationTests()
    {
        options = new AuthOptions { Issuer = "https://dev-issuer.nanhai.local", DevelopmentIssuer = { Enabled = true, KeyFile = keyFile } };
        issuer = new DevelopmentTokenIssuer(Options.Create(options), TimeProvider.System);
        authenticator = new JwtCallerAuthenticator(Options.Create(options), issuer);
    }

    public void Dispose() => File.Delete(keyFile);

    [Fact]
    public async Task A_development_token_carries_the_caller_role_and_scope()
    {
        var token = issuer.Issue("officer-1", Roles.UnitOfficer, unit: "440605-gaj", name: "王科员");

        var caller = await authenticator.AuthenticateAsync($"Bearer {token}", [Roles.UnitOfficer, Roles.DataAuthority]);

        Assert.Equal("officer-1", caller.Subject);
        Assert.True(caller.IsInRole(Roles.UnitOfficer));
        Assert.Equal("440605-gaj", caller.Unit);
        Assert.Null(caller.Centre);
        Assert.Equal("王科员", caller.Name);
    }

    [Fact]
    public async Task A_caller_without_a_required_role_is_forbidden()
    {
        var token = issuer.Issue("citizen-1", Roles.Applicant);
        await Assert.ThrowsAsync<ForbiddenException>(() => authenticator.AuthenticateAsync($"Bearer {token}", [Roles.CentreStaff]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer not-a-jwt")]
    public async Task A_missing_or_malformed_token_is_unauthenticated(string? header) =>
        await Assert.ThrowsAsync<UnauthenticatedException>(() => authenticator.AuthenticateAsync(header, []));

    [Fact]
    public async Task Tokens_for_another_audience_issuer_or_key_or_past_expiry_are_rejected()
    {
        var otherKey = new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048));
        string Sign(string issuerName, string audience, SecurityKey key, DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuerName, Audience = audience, Expires = expires, NotBefore = expires.AddHours(-2), IssuedAt = expires.AddHours(-2),
            Claims = new Dictionary<string, object> { ["sub"] = "x", ["roles"] = new[] { Roles.DistrictAdmin } },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
        var later = DateTime.UtcNow.AddHours(1);
        foreach (var token in new[]
        {
            Sign(options.Issuer, "api://someone-else", issuer.SigningKey, later),
            Sign("https://evil.example", options.Audience, issuer.SigningKey, later),
            Sign(options.Issuer, options.Audience, otherKey, later),
            Sign(options.Issuer, options.Audience, issuer.SigningKey, DateTime.UtcNow.AddMinutes(-10)),
        })
            await Assert.ThrowsAsync<UnauthenticatedException>(() => authenticator.AuthenticateAsync($"Bearer {token}", []));
        // The control: the same construction with the right issuer, audience, key and expiry passes.
        await authenticator.AuthenticateAsync($"Bearer {Sign(options.Issuer, options.Audience, issuer.SigningKey, later)}", [Roles.DistrictAdmin]);
    }

    [Fact]
    public async Task Issuers_starting_at_once_on_a_new_key_file_share_one_complete_key()
    {
        // The local host, the tests and ./nanhai token may all create the key at the same moment.
        var tokens = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            new DevelopmentTokenIssuer(Options.Create(options), TimeProvider.System).Issue($"user-{i}", Roles.Applicant))));

        foreach (var token in tokens)
            Assert.Equal(Roles.Applicant, Assert.Single((await authenticator.AuthenticateAsync($"Bearer {token}", [Roles.Applicant])).Roles));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(keyFile)!, Path.GetFileName(keyFile) + ".*.tmp"));
    }

    [Fact]
    public void Scoped_roles_need_their_scope()
    {
        Assert.Contains("unit", Assert.Throws<ValidationFailedException>(() => issuer.Issue("o", Roles.UnitOfficer)).Errors.Keys);
        Assert.Contains("centre", Assert.Throws<ValidationFailedException>(() => issuer.Issue("s", Roles.CentreStaff)).Errors.Keys);
        Assert.Contains("role", Assert.Throws<ValidationFailedException>(() => issuer.Issue("s", "superuser")).Errors.Keys);
    }

    [Fact]
    public void The_development_issuer_cannot_be_enabled_in_production()
    {
        var production = new AuthOptionsValidator(new Environment(Environments.Production)).Validate(null, options);
        var development = new AuthOptionsValidator(new Environment(Environments.Development)).Validate(null, options);

        Assert.True(production.Failed);
        Assert.Contains("Production", production.FailureMessage);
        Assert.True(development.Succeeded);
    }

    [Fact]
    public void Without_the_development_issuer_an_authority_is_required()
    {
        var noKeys = new AuthOptions { Issuer = options.Issuer };
        Assert.True(new AuthOptionsValidator(new Environment(Environments.Production)).Validate(null, noKeys).Failed);
        noKeys.Authority = new Uri("https://login.microsoftonline.com/tenant/v2.0/");
        Assert.True(new AuthOptionsValidator(new Environment(Environments.Production)).Validate(null, noKeys).Succeeded);
    }

    sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Nanhai";
        public string ContentRootPath { get; set; } = "/";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
