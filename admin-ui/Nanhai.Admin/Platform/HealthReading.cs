using System.Net;
using Polly.Timeout;
using Refit;

namespace Nanhai.Admin.Platform;

/// <summary>What the console learned by asking the platform for its health: one of three outcomes.</summary>
public abstract record HealthReading
{
    /// <summary>The platform answered with a report (whatever the report says).</summary>
    public sealed record Received(HealthReport Report) : HealthReading;

    /// <summary>The platform answered, but not with a report (wrong status, unreadable body).</summary>
    public sealed record UnexpectedAnswer(HttpStatusCode StatusCode) : HealthReading;

    /// <summary>No answer at all: refused, unresolvable, or timed out.</summary>
    public sealed record Unreachable(string Reason) : HealthReading;

    public static HealthReading From(IApiResponse<HealthReport> response)
    {
        if (response.IsSuccessfulWithContent)
        {
            return new Received(response.Content);
        }

        // 503 is how the platform says "a dependency is down"; its body is still the report.
        if (response.HasResponseError(out var answerError)
            && answerError.StatusCode == HttpStatusCode.ServiceUnavailable
            && answerError.TryGetContentAs<HealthReport>(out var report) && report is not null)
        {
            return new Received(report);
        }

        if (response.StatusCode is { } statusCode)
        {
            return new UnexpectedAnswer(statusCode);
        }

        return new Unreachable(Cause(response.Error));
    }

    // Refit wraps transport failures and the resilience handler's timeout as the request error. The timeout's own
    // message names the limit; otherwise the innermost message names the cause (connection refused, unknown host).
    private static string Cause(Exception? error)
    {
        for (var inner = error; inner is not null; inner = inner.InnerException)
        {
            if (inner is TimeoutRejectedException)
            {
                return inner.Message;
            }
        }

        return error?.GetBaseException().Message ?? "unknown";
    }
}
