using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Nanhai.Application;
using Nanhai.Application.Security;
using Nanhai.Infrastructure.Cosmos;
using Nanhai.Infrastructure.ELicences;
using Nanhai.Infrastructure.Events;
using Nanhai.Infrastructure.Events.IntegrationEvents;
using Nanhai.Infrastructure.Health;
using Nanhai.Infrastructure.Ingestion;
using Nanhai.Infrastructure.Security;
using Nanhai.Infrastructure.ServiceMatters;
using Nanhai.Infrastructure.Storage;

namespace Nanhai.Infrastructure;

public static class PlatformServiceCollectionExtensions
{
    static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Everything the platform's features need, the same in both hosts: use cases, storage, Cosmos DB, the event
    /// store, integration events, token validation and health checks. Each host's composition root calls this once.
    /// In Azure every client signs in with the managed identity (DefaultAzureCredential); keys and connection strings
    /// are for the local stand-ins only.
    /// </summary>
    public static IServiceCollection AddNanhaiPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);

        services.AddNanhaiApplication(configuration);
        services.AddNanhaiStorage(configuration);
        services.AddNanhaiCosmos(configuration);
        services.AddNanhaiEventStore();
        services.AddNanhaiIntegrationEvents(configuration);
        services.AddNanhaiELicenceLibrary(configuration);
        services.AddNanhaiServiceMatterStores();
        services.AddNanhaiCatalogAndIngestion(configuration);

        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<DevelopmentTokenIssuer>();
        services.AddSingleton<ICallerAuthenticator, JwtCallerAuthenticator>();

        // Cosmos DB's check comes with AddNanhaiCosmos; the durable backend's runs in the health function (it needs the binding).
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", HealthStatus.Unhealthy, timeout: HealthCheckTimeout);
        return services;
    }
}
