using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nanhai.Application.Diagnostics;
using Nanhai.Application.Diagnostics.WorkflowProbes;
using Nanhai.Application.Catalog;
using Nanhai.Application.Catalog.DemoData;
using Nanhai.Application.Ingestion;
using Nanhai.Application.Ingestion.Runs;
using Nanhai.Application.Workflows.Monitoring;
using Nanhai.Application.ServiceMatters.Applications;
using Nanhai.Application.ServiceMatters.Authoring;
using Nanhai.Application.ServiceMatters.Catalog;
using Nanhai.Application.ServiceMatters.DemoData;
using Nanhai.Application.ServiceMatters.Statistics;

namespace Nanhai.Application;

public static class ApplicationServiceCollectionExtensions
{
    /// <summary>The use cases of every capability, and their options.</summary>
    public static IServiceCollection AddNanhaiApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkflowHistoryOptions>().Bind(configuration.GetSection(WorkflowHistoryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddTransient<WorkflowProbes>();
        services.AddTransient<WorkflowHistoryRetention>();
        services.AddTransient<WorkflowMonitor>();
        services.AddOptions<IngestionOptions>().Bind(configuration.GetSection(IngestionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddTransient<DumpIngestion>();
        services.AddTransient<IngestionRuns>();
        services.AddTransient<ResourceCatalog>();
        services.AddTransient<DemoResources>();
        services.AddTransient<MatterCatalog>();
        services.AddTransient<MatterAuthoring>();
        services.AddTransient<DemoMatters>();
        services.AddTransient<ServiceApplicationStore>();
        services.AddTransient<MaterialUploads>();
        services.AddTransient<ApplicationSubmissions>();
        services.AddTransient<ApplicationCommands>();
        services.AddTransient<ApplicationLists>();
        services.AddTransient<ApplicationReads>();
        services.AddTransient<ApplicationEventRelay>();
        services.AddTransient<ServiceStatistics>();
        return services;
    }
}
