using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Nanhai.Infrastructure.Cosmos;

/// <summary>
/// Reads the platform's database. Answers within <see cref="Timeout"/> plus a little even when the service is gone:
/// the client's own retries on a dead endpoint outlast any probe's patience.
/// </summary>
public sealed class CosmosHealthCheck(CosmosClient client, IOptions<CosmosOptions> options) : IHealthCheck
{
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var databaseName = options.Value.DatabaseName;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            // WaitAsync bounds the wait even if the client does not honour the token promptly.
            var response = await client.GetDatabase(databaseName).ReadAsync(cancellationToken: timeout.Token).WaitAsync(timeout.Token);
            return HealthCheckResult.Healthy($"Cosmos DB database '{databaseName}' answered in {response.Diagnostics.GetClientElapsedTime().TotalMilliseconds:F0} ms.");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = timeout.IsCancellationRequested
                ? $"did not answer within {Timeout.TotalSeconds:F0} s"
                : $"could not be read: {Describe(exception)}";
            return new HealthCheckResult(context.Registration.FailureStatus, $"Cosmos DB database '{databaseName}' {reason}.", exception);
        }
    }

    static string Describe(Exception exception) =>
        exception is CosmosException e ? $"{(int)e.StatusCode} {e.StatusCode}" : $"{exception.GetType().Name}: {exception.Message}";
}
