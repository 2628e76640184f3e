using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Nanhai.Admin.Security;
using Polly;
using Refit;

namespace Nanhai.Admin.Platform;

public static class PlatformClients
{
    /// <summary>
    /// A source-generated Refit client of the platform API (Refit 16 builds reflection-based clients only with the extra
    /// Refit.Reflection package), at <see cref="PlatformOptions.BaseUrl"/>, carrying the signed-in user's token;
    /// <paramref name="settings"/> for an API whose JSON differs from Refit's defaults.
    /// </summary>
    public static IServiceCollection AddPlatformClient<TApi>(this IServiceCollection services, RefitSettings? settings = null) where TApi : class
    {
        (settings is null ? services.AddRefitGeneratedClient<TApi>() : services.AddRefitGeneratedClient<TApi>(settings))
            .ConfigureHttpClient((provider, client) =>
                client.BaseAddress = provider.GetRequiredService<IOptions<PlatformOptions>>().Value.BaseUrl)
            // Every call carries the signed-in user's token: the platform applies their role and scope, so rules live there.
            .AddHttpMessageHandler<PlatformTokenHandler>()
            .AddStandardResilienceHandler(resilience =>
            {
                // A page waits on these calls: give up after 5 s in all, with quick retries, rather than the
                // defaults' 30 s and multi-second back-off.
                resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(5);
                resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(2);
                resilience.Retry.MaxRetryAttempts = 2;
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(200);

                // The health endpoint's 503 is an answer (a report naming the failed dependency), not a transient
                // fault: retrying it only delays the page, and counting it would open the circuit for every call.
                // A command is sent once: repeating a decision that did reach the platform would only meet a conflict.
                resilience.Retry.ShouldHandle = args => ValueTask.FromResult(IsTransientFault(args.Outcome) && IsRead(args.Context));
                resilience.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(IsTransientFault(args.Outcome));
            });
        return services;
    }

    static bool IsRead(ResilienceContext context) =>
        context.GetRequestMessage()?.Method is { } method && (method == HttpMethod.Get || method == HttpMethod.Head);

    static bool IsTransientFault(Outcome<HttpResponseMessage> outcome) =>
        HttpClientResiliencePredicates.IsTransient(outcome)
        && outcome.Result?.StatusCode != HttpStatusCode.ServiceUnavailable;
}
