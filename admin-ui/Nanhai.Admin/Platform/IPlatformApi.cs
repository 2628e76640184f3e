using Refit;

namespace Nanhai.Admin.Platform;

/// <summary>The platform's HTTP API, as far as the console uses it.</summary>
public interface IPlatformApi
{
    // IApiResponse rather than a bare HealthReport: the platform answers 503 with a full report when a
    // dependency is down, and that answer must reach the page instead of becoming an exception.
    [Get("/api/health")]
    Task<IApiResponse<HealthReport>> GetHealthAsync(CancellationToken cancellationToken = default);
}
