using Microsoft.Extensions.Options;

namespace Nanhai.Infrastructure.Cosmos;

/// <summary>Where the platform's Cosmos DB account is and how to reach it (configuration section <c>Cosmos</c>).</summary>
public sealed class CosmosOptions
{
    public const string SectionName = "Cosmos";

    /// <summary>The account endpoint, e.g. <c>https://nanhai.documents.azure.com:443/</c>.</summary>
    public string Endpoint { get; set; } = "";

    public string DatabaseName { get; set; } = "nanhai";

    /// <summary>
    /// The account key, for the local stand-in only. Without it the client signs in with
    /// <see cref="Azure.Identity.DefaultAzureCredential"/> (managed identity in Azure: no keys in configuration there).
    /// </summary>
    public string? Key { get; set; }

    /// <summary>
    /// Accept the stand-in's self-signed certificate and talk to it in Gateway mode. Valid only for a loopback
    /// endpoint, so that it can never switch off certificate checks against a real account.
    /// </summary>
    public bool AcceptLoopbackCertificate { get; set; }

    /// <summary>Whether the client authenticates with Entra ID rather than a key.</summary>
    public bool UsesEntraId => string.IsNullOrEmpty(Key);
}

/// <summary>Checks <see cref="CosmosOptions"/> at start-up, so that a bad setting stops the host with a clear message.</summary>
sealed class CosmosOptionsValidator : IValidateOptions<CosmosOptions>
{
    // Cosmos DB resource ids may not contain these characters (and the stand-in routes by path).
    static readonly char[] ForbiddenIdCharacters = ['/', '\\', '?', '#'];

    public ValidateOptionsResult Validate(string? name, CosmosOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttps)
            failures.Add($"{CosmosOptions.SectionName}:Endpoint must be an absolute https URI (got '{options.Endpoint}').");
        if (string.IsNullOrWhiteSpace(options.DatabaseName) || options.DatabaseName.Length > 255
            || options.DatabaseName.IndexOfAny(ForbiddenIdCharacters) >= 0 || options.DatabaseName.EndsWith(' '))
            failures.Add($"{CosmosOptions.SectionName}:DatabaseName must be 1–255 characters without '/', '\\', '?', '#' or a trailing space.");
        if (options.AcceptLoopbackCertificate && endpoint is not null && !endpoint.IsLoopback)
            failures.Add($"{CosmosOptions.SectionName}:AcceptLoopbackCertificate is allowed only for a loopback endpoint (got host '{endpoint.Host}').");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
