using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Nanhai.Infrastructure.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the platform's <see cref="BlobServiceClient"/> and <see cref="QueueServiceClient"/>.</summary>
    public static IServiceCollection AddNanhaiStorage(this IServiceCollection services, IConfiguration configuration)
    {
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
            return string.IsNullOrWhiteSpace(o.ConnectionString)
                ? new QueueServiceClient(o.QueueServiceUri, sp.GetRequiredService<TokenCredential>())
                : new QueueServiceClient(o.ConnectionString);
        });
        return services;
    }
}
