using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Nanhai.Functions.OpenApi;
using Nanhai.Infrastructure.Health;

namespace Nanhai.Functions.Health;

/// <summary>The platform's health: each dependency (storage, Cosmos DB, the durable backend) and its state.</summary>
public sealed class HealthFunction(HealthCheckService health, TimeProvider clock)
{
    static readonly TimeSpan DurableTimeout = TimeSpan.FromSeconds(3);

    [Function("Health")]
    [AllowAnonymous]
    [OpenApiOperation("Health", "平台健康状态 (each dependency and its state); 503 when one is down")]
    [ProducesResponseType<HealthReportView>(StatusCodes.Status200OK)]
    [ProducesResponseType<HealthReportView>(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        [DurableClient] DurableTaskClient durable)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var checks = health.CheckHealthAsync(cancellationToken);
        var durableEntry = await DurableHealthCheck.CheckAsync(durable, DurableTimeout, cancellationToken);
        var report = await checks;
        var entries = report.Entries.Append(new(DurableHealthCheck.Name, durableEntry)).ToList();
        var status = entries.Min(e => e.Value.Status);
        var view = new HealthReportView(status.ToString(), clock.GetUtcNow(),
            Math.Max(report.TotalDuration.TotalMilliseconds, durableEntry.Duration.TotalMilliseconds),
            [.. entries.Select(e => new DependencyHealthView(e.Key, e.Value.Status.ToString(), e.Value.Description, e.Value.Duration.TotalMilliseconds))]);
        return new ObjectResult(view)
        {
            StatusCode = status == HealthStatus.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
        };
    }
}

public sealed record HealthReportView(string Status, DateTimeOffset CheckedAt, double TotalDurationMs, IReadOnlyList<DependencyHealthView> Dependencies);

public sealed record DependencyHealthView(string Name, string Status, string? Description, double DurationMs);
