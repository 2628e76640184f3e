using System.Text.Json;
using Azure.Core;
using Microsoft.Azure.Cosmos;

namespace Nanhai.Infrastructure.Cosmos;

/// <summary>Builds the one <see cref="CosmosClient"/> of a process from <see cref="CosmosOptions"/>.</summary>
static class CosmosClientFactory
{
    /// <summary>How documents are written: camelCase, as the platform's JSON is everywhere else.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web);

    public static CosmosClient Create(CosmosOptions options, Func<TokenCredential> credential)
    {
        var clientOptions = new CosmosClientOptions
        {
            ApplicationName = "nanhai",
            UseSystemTextJsonSerializerWithOptions = SerializerOptions,
            // Direct (TCP to the replicas) is the fast path in Azure.
            ConnectionMode = ConnectionMode.Direct,
        };
        if (options.AcceptLoopbackCertificate)
        {
            // The stand-in only speaks the gateway protocol, at this one address (not the ones its account metadata names).
            clientOptions.ConnectionMode = ConnectionMode.Gateway;
            clientOptions.LimitToEndpoint = true;
            // Validation allows this only for a loopback endpoint: the stand-in's certificate is self-signed.
            clientOptions.ServerCertificateCustomValidationCallback = (_, _, _) => true;
        }
        return options.UsesEntraId
            ? new CosmosClient(options.Endpoint, credential(), clientOptions)
            : new CosmosClient(options.Endpoint, options.Key, clientOptions);
    }
}
