using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nanhai.Application.Ingestion.Reading;

namespace Nanhai.Infrastructure.Ingestion.Reading;

public static class DumpReadingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDumpReaders"/> with <see cref="DumpReadingOptions"/> bound from <c>Ingestion:Reading</c>
    /// and validated at start-up (every limit has a default, so the section may be absent).
    /// </summary>
    public static IServiceCollection AddDumpReading(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DumpReadingOptions>().Bind(configuration.GetSection(DumpReadingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IDumpReaders, DumpReaders>();
        return services;
    }
}
