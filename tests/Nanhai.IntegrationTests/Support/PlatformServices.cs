using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nanhai.Infrastructure.Cosmos;
using Nanhai.Infrastructure.Events;
using Nanhai.Infrastructure.Events.IntegrationEvents;
using Nanhai.Infrastructure.Ingestion;
using Nanhai.Infrastructure.ServiceMatters;
using Nanhai.Infrastructure.Storage;

namespace Nanhai.IntegrationTests.Support;

/// <summary>
/// The platform's own persistence registrations (Cosmos DB, event store, integration events, service-matter, catalog and ingestion stores) in a host of the
/// test's, pointing at <see cref="LocalServices"/>: how a test reads what the platform wrote, through the real stores.
/// </summary>
public static class PlatformServices
{
    /// <param name="overrides">Settings to replace, with ":" keys.</param>
    public static IHost Build(LocalServices services, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(services.PlatformSettings("tests")
            .Select(setting => KeyValuePair.Create(setting.Key.Replace("__", ":"), setting.Value)));
        if (overrides is not null) builder.Configuration.AddInMemoryCollection(overrides);
        builder.Services.AddNanhaiStorage(builder.Configuration).AddNanhaiCosmos(builder.Configuration)
            .AddNanhaiEventStore().AddNanhaiIntegrationEvents(builder.Configuration).AddNanhaiServiceMatterStores()
            .AddNanhaiCatalogAndIngestion(builder.Configuration);
        return builder.Build();
    }
}
