using Azure.Storage.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Nanhai.Infrastructure.Health;

/// <summary>Blob storage answers a service-properties read.</summary>
public sealed class StorageHealthCheck(BlobServiceClient blobs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await blobs.GetPropertiesAsync(cancellationToken);
            return HealthCheckResult.Healthy($"Blob service at {blobs.Uri.Host}:{blobs.Uri.Port} answers.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"Blob service at {blobs.Uri.Host}:{blobs.Uri.Port} does not answer: {e.Message}");
        }
    }
}
