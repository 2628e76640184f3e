using Azure.Core;
using Azure.Identity;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Nanhai.Infrastructure.Cosmos;

public static class CosmosServiceCollectionExtensions
{
    /// <summary>Name of the Cosmos DB health check; tagged <c>ready</c>.</summary>
    public const string HealthCheckName = "cosmos";

    /// <summary>
    /// Registers Cosmos DB: <see cref="CosmosOptions"/> from the <c>Cosmos</c> section (validated at start-up), a
    /// singleton <see cref="CosmosClient"/>, a hosted service that creates (with a key) or checks (with Entra ID) the
    /// database and every container in <see cref="CosmosContainers.All"/> before the host starts, and the
    /// <see cref="CosmosHealthCheck"/>. The Entra ID credential is the registered <see cref="TokenCredential"/>,
    /// <see cref="DefaultAzureCredential"/> unless the host registered another one first.
    /// </summary>
    public static IServiceCollection AddNanhaiCosmos(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CosmosOptions>().Bind(configuration.GetSection(CosmosOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CosmosOptions>, CosmosOptionsValidator>());
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        services.TryAddSingleton(provider => CosmosClientFactory.Create(
            provider.GetRequiredService<IOptions<CosmosOptions>>().Value, provider.GetRequiredService<TokenCredential>));
        services.AddHostedService<CosmosResourceInitializer>();
        services.AddHealthChecks().AddCheck<CosmosHealthCheck>(HealthCheckName, tags: ["ready"]);
        return services;
    }
}
