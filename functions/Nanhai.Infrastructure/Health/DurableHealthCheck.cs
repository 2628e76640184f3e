using System.Diagnostics;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Nanhai.Infrastructure.Health;

/// <summary>
/// The durable backend answers an instance query (the task hub's storage and the host's gRPC endpoint both work).
/// Not an <see cref="IHealthCheck"/>: in Azure Functions the client exists only as a function binding.
/// </summary>
public static class DurableHealthCheck
{
    public const string Name = "durable";

    public static async Task<HealthReportEntry> CheckAsync(DurableTaskClient client, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await using var pages = client.GetAllInstancesAsync(new OrchestrationQuery { PageSize = 1 }).AsPages().GetAsyncEnumerator(cts.Token);
            await pages.MoveNextAsync();
            return new HealthReportEntry(HealthStatus.Healthy, "The task hub answers.", watch.Elapsed, null, null);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = cts.IsCancellationRequested ? $"no answer within {timeout.TotalSeconds:0} s" : e.Message;
            return new HealthReportEntry(HealthStatus.Unhealthy, $"The task hub does not answer: {reason}", watch.Elapsed, e, null);
        }
    }
}
