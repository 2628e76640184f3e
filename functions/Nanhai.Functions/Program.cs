using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Nanhai.Application.Workflows;
using Nanhai.Application.Workflows.Monitoring;
using Nanhai.Functions.Http;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Nanhai.Infrastructure;
using Nanhai.Infrastructure.Telemetry;
using Nanhai.Functions.Workflows;

namespace Nanhai.Functions;

/// <summary>The Functions app's composition root (Azure). The local host composes the same parts in its own.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.UseMiddleware<HttpPipelineMiddleware>();
        builder.Services.AddNanhaiPlatform(builder.Configuration);
        builder.Services.AddNanhaiTelemetry(builder.Configuration, "nanhai-functions").UseFunctionsWorkerDefaults();
        builder.ConfigureDurableWorker().AddTasks(PlatformWorkflows.Register);
        builder.Services.AddSingleton<IWorkflowHistorySource, DurableClientHistorySource>();
        builder.Build().Run();
    }
}
