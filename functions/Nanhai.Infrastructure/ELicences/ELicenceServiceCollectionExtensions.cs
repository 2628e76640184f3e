using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nanhai.Application.ELicences;
using Refit;

namespace Nanhai.Infrastructure.ELicences;

public static class ELicenceServiceCollectionExtensions
{
    /// <summary>The provincial e-licence library client (Refit), with standard retries, timeouts and circuit breaker.</summary>
    public static IServiceCollection AddNanhaiELicenceLibrary(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ELicenceLibraryOptions>().Bind(configuration.GetSection(ELicenceLibraryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddRefitGeneratedClient<IProvincialELicenceApi>()
            .ConfigureHttpClient((sp, http) => http.BaseAddress = sp.GetRequiredService<IOptions<ELicenceLibraryOptions>>().Value.BaseUrl)
            .AddStandardResilienceHandler(resilience =>
            {
                var timeout = (configuration.GetSection(ELicenceLibraryOptions.Section).Get<ELicenceLibraryOptions>() ?? new()).Timeout;
                resilience.TotalRequestTimeout.Timeout = timeout;
                resilience.AttemptTimeout.Timeout = timeout / 4;
                // The breaker must observe at least two attempts' worth of time (a rule of the resilience options).
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, 2 * (timeout / 4).Ticks));
            });
        services.AddTransient<IELicenceLibrary, ProvincialELicenceLibrary>();
        return services;
    }
}
