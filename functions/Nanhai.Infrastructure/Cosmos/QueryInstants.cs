namespace Nanhai.Infrastructure.Cosmos;

/// <summary>
/// Instants as the documents hold them (UTC, ISO 8601 text with a +00:00 offset, as System.Text.Json writes a UTC
/// <see cref="DateTimeOffset"/>), so a query compares them as text in time order.
/// </summary>
static class QueryInstants
{
    public static string Of(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'");
}
