using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Nanhai.Infrastructure.Cosmos;
using Nanhai.Infrastructure.Events.IntegrationEvents;
using Nanhai.Infrastructure.Storage;

namespace Nanhai.UnitTests.Persistence;

/// <summary>The Cosmos and integration-event settings are checked at start-up, and pick the right client set-up.</summary>
public sealed class PersistenceOptionsTests
{
    const string LocalEndpoint = "https://127.0.0.1:8081/";
    const string AzureEndpoint = "https://nanhai.documents.azure.com:443/";

    [Theory]
    [InlineData(LocalEndpoint, true)]
    [InlineData("https://localhost:8081/", true)]
    [InlineData(AzureEndpoint, false)]
    public void Valid_Cosmos_settings_pass(string endpoint, bool acceptLoopbackCertificate)
    {
        var options = CosmosOptionsFrom(new() { ["Cosmos:Endpoint"] = endpoint, ["Cosmos:AcceptLoopbackCertificate"] = acceptLoopbackCertificate.ToString() });

        Assert.Equal(endpoint, options.Endpoint);
        Assert.Equal("nanhai", options.DatabaseName);
    }

    [Theory]
    [InlineData(AzureEndpoint, "true", "nanhai", "AcceptLoopbackCertificate")]
    [InlineData("https://10.0.0.4:8081/", "true", "nanhai", "AcceptLoopbackCertificate")]
    [InlineData(null, "false", "nanhai", "Endpoint")]
    [InlineData("/relative/path", "false", "nanhai", "Endpoint")]
    [InlineData("http://127.0.0.1:8081/", "true", "nanhai", "Endpoint")]
    [InlineData(AzureEndpoint, "false", "a/b", "DatabaseName")]
    public void Invalid_Cosmos_settings_fail_naming_the_setting(string? endpoint, string acceptLoopbackCertificate, string databaseName, string setting)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => CosmosOptionsFrom(new()
        {
            ["Cosmos:Endpoint"] = endpoint,
            ["Cosmos:AcceptLoopbackCertificate"] = acceptLoopbackCertificate,
            ["Cosmos:DatabaseName"] = databaseName,
        }));

        Assert.Contains($"Cosmos:{setting}", failure.Message);
    }

    [Fact]
    public async Task A_host_with_invalid_Cosmos_settings_does_not_start()
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Cosmos:Endpoint"] = AzureEndpoint, ["Cosmos:AcceptLoopbackCertificate"] = "true" });
        builder.Services.AddNanhaiCosmos(builder.Configuration);
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("AcceptLoopbackCertificate", failure.Message);
    }

    [Fact]
    public void The_stand_in_is_reached_in_Gateway_mode_at_its_endpoint_only_and_Azure_in_Direct_mode()
    {
        using var localServices = ProviderFrom(new() { ["Cosmos:Endpoint"] = LocalEndpoint, ["Cosmos:AcceptLoopbackCertificate"] = "true", ["Cosmos:Key"] = "bG9jYWwta2V5" },
            (s, c) => s.AddNanhaiCosmos(c));
        using var azureServices = ProviderFrom(new() { ["Cosmos:Endpoint"] = AzureEndpoint }, (s, c) => s.AddNanhaiCosmos(c));
        var local = localServices.GetRequiredService<CosmosClient>();
        var azure = azureServices.GetRequiredService<CosmosClient>();

        Assert.Equal((ConnectionMode.Gateway, true), (local.ClientOptions.ConnectionMode, local.ClientOptions.LimitToEndpoint));
        Assert.NotNull(local.ClientOptions.ServerCertificateCustomValidationCallback);
        Assert.Equal(ConnectionMode.Direct, azure.ClientOptions.ConnectionMode);
        Assert.Null(azure.ClientOptions.ServerCertificateCustomValidationCallback);
        Assert.Equal(new Uri(AzureEndpoint), azure.Endpoint);
    }

    [Theory]
    [InlineData("StorageQueue", "Integration_Events", "QueueName")]
    [InlineData("ServiceBus", "integration-events", "ServiceBusNamespace")]
    public void Invalid_integration_event_settings_fail_naming_the_setting(string transport, string queueName, string setting)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => IntegrationEventsOptionsFrom(new()
        {
            ["IntegrationEvents:Transport"] = transport,
            ["IntegrationEvents:QueueName"] = queueName,
        }));

        Assert.Contains(setting, failure.Message);
    }

    [Fact]
    public void Service_Bus_needs_a_fully_qualified_namespace_and_no_storage_settings()
    {
        var shortName = Assert.Throws<OptionsValidationException>(() => IntegrationEventsOptionsFrom(new()
        {
            ["IntegrationEvents:Transport"] = "ServiceBus",
            ["IntegrationEvents:ServiceBusNamespace"] = "nanhai",
        }));
        var options = IntegrationEventsOptionsFrom(new()
        {
            ["IntegrationEvents:Transport"] = "ServiceBus",
            ["IntegrationEvents:ServiceBusNamespace"] = "nanhai.servicebus.windows.net",
        });

        Assert.Contains("ServiceBusNamespace", shortName.Message);
        Assert.Equal(("nanhai.servicebus.windows.net", "integration-events"), (options.ServiceBusNamespace, options.TopicName));
    }

    [Fact]
    public void Storage_needs_a_connection_string_or_both_service_URIs()
    {
        var none = Assert.Throws<OptionsValidationException>(() => StorageOptionsFrom(new()));
        var blobOnly = Assert.Throws<OptionsValidationException>(() => StorageOptionsFrom(new() { ["Storage:BlobServiceUri"] = "https://nanhaidata.blob.core.windows.net/" }));
        var azure = StorageOptionsFrom(new()
        {
            ["Storage:BlobServiceUri"] = "https://nanhaidata.blob.core.windows.net/",
            ["Storage:QueueServiceUri"] = "https://nanhaidata.queue.core.windows.net/",
        });

        Assert.Contains("Storage:ConnectionString", none.Message);
        Assert.Contains("QueueServiceUri", blobOnly.Message);
        Assert.Null(azure.ConnectionString);
        Assert.Equal("UseDevelopmentStorage=true", StorageOptionsFrom(new() { ["Storage:ConnectionString"] = "UseDevelopmentStorage=true" }).ConnectionString);
    }

    static ServiceProvider ProviderFrom(Dictionary<string, string?> settings, Action<IServiceCollection, IConfiguration> register)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        register(services, configuration);
        return services.BuildServiceProvider();
    }

    static CosmosOptions CosmosOptionsFrom(Dictionary<string, string?> settings) =>
        ProviderFrom(settings, (s, c) => s.AddNanhaiCosmos(c)).GetRequiredService<IOptions<CosmosOptions>>().Value;

    static StorageOptions StorageOptionsFrom(Dictionary<string, string?> settings) =>
        ProviderFrom(settings, (s, c) => s.AddNanhaiStorage(c)).GetRequiredService<IOptions<StorageOptions>>().Value;

    static IntegrationEventsOptions IntegrationEventsOptionsFrom(Dictionary<string, string?> settings) =>
        ProviderFrom(settings, (s, c) => s.AddNanhaiIntegrationEvents(c)).GetRequiredService<IOptions<IntegrationEventsOptions>>().Value;
}
