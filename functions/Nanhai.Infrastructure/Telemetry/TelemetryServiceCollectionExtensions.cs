using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Nanhai.Infrastructure.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The platform's own activity source, for spans around its use cases.</summary>
    public const string ActivitySourceName = "Nanhai.Platform";

    /// <summary>
    /// OpenTelemetry traces for a host: outbound HTTP (storage, Cosmos DB, the e-licence library…) and the platform's own
    /// spans, exported to Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is set (Azure, signed in with the
    /// app's managed identity: the resource accepts no telemetry authenticated by its key alone) and to an OTLP
    /// collector when OTEL_EXPORTER_OTLP_ENDPOINT is set (one machine); with neither, nothing is exported.
    /// Each host adds its inbound instrumentation to the returned builder.
    /// </summary>
    public static OpenTelemetryBuilder AddNanhaiTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing.AddSource(ActivitySourceName).AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.UseOtlpExporter();
        if (!string.IsNullOrWhiteSpace(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
            telemetry.WithTracing(tracing => tracing.AddAzureMonitorTraceExporter(o =>
            {
                o.ConnectionString = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
                o.Credential = new DefaultAzureCredential();
            }));
        return telemetry;
    }
}
