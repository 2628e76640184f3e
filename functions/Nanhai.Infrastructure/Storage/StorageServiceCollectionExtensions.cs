using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Nanhai.Infrastructure.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the platform's <see cref="BlobServiceClient"/>, <see cref="QueueServiceClient"/> and
    /// <see cref="TableServiceClient"/>. Queue messages are Base64 text, as the Functions queue trigger expects by default.
    /// </summary>
    public static IServiceCollection AddNanhaiStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return string.IsNullOrWhiteSpace(o.ConnectionString)
                ? new BlobServiceClient(o.BlobServiceUri, sp.GetRequiredService<TokenCredential>())
                : new BlobServiceClient(o.ConnectionString);
        });
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
            return string.IsNullOrWhiteSpace(o.ConnectionString)
                ? new QueueServiceClient(o.QueueServiceUri, sp.GetRequiredService<TokenCredential>(), options)
                : new QueueServiceClient(o.ConnectionString, options);
        });
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return string.IsNullOrWhiteSpace(o.ConnectionString)
                ? new TableServiceClient(o.TableServiceUri, sp.GetRequiredService<TokenCredential>())
                : new TableServiceClient(o.ConnectionString);
        });
        return services;
    }
}
