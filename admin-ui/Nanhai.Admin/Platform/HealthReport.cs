using System.Text.Json.Serialization;

namespace Nanhai.Admin.Platform;

/// <summary>Body of <c>GET /api/health</c>: the platform's overall status and each dependency's.</summary>
public sealed record HealthReport(
    PlatformHealthStatus Status,
    DateTimeOffset CheckedAt,
    double TotalDurationMs,
    IReadOnlyList<DependencyHealth> Dependencies);

/// <summary>One dependency of the platform (storage, cosmos, durable, …) as the platform last saw it.</summary>
public sealed record DependencyHealth(
    string Name,
    PlatformHealthStatus Status,
    string? Description,
    double DurationMs);

/// <summary>The platform reports ASP.NET Core health-check statuses by name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlatformHealthStatus>))]
public enum PlatformHealthStatus
{
    Unhealthy,
    Degraded,
    Healthy,
}
