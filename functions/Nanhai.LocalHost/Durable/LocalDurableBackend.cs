using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Nanhai.Application.Workflows;
using Nanhai.Application.Workflows.Monitoring;

namespace Nanhai.LocalHost.Durable;

/// <summary>
/// Durable Functions on one machine: the Durable Task Framework's Azure Storage provider (the backend Durable
/// Functions uses in Azure) on Azurite, served over the Durable Task gRPC protocol by TaskHubGrpcServer, with the
/// standard DurableTaskClient and worker connected to it — so orchestrators and activities run exactly as they are
/// registered for Azure (<see cref="PlatformWorkflows.Register"/>), and survive a crash of this process.
/// </summary>
public static class LocalDurableBackend
{
    public static IServiceCollection AddLocalDurableBackend(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp =>
        {
            var taskHub = configuration["DurableTaskHubName"] is { Length: > 0 } name ? name : "NanhaiHub";
            return new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
            {
                TaskHubName = taskHub,
                StorageAccountClientProvider = new StorageAccountClientProvider(
                    configuration["AzureWebJobsStorage"] ?? throw new InvalidOperationException("AzureWebJobsStorage is not set.")),
                LoggerFactory = sp.GetRequiredService<ILoggerFactory>(),
                PartitionCount = 4,
                // Azurite answers at once; poll briefly so local workflows feel as quick as in Azure.
                MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
                // After a crash, messages the dead process had taken reappear after this (default 5 min); running work
                // items renew their visibility, so a short timeout only shortens recovery, not long activities.
                ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(30),
                WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(30),
            });
        });
        services.AddSingleton<IOrchestrationService>(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());
        services.AddSingleton<IOrchestrationServiceClient>(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());
        services.AddSingleton<IWorkflowHistorySource, TaskHubHistorySource>();
        services.AddHostedService<TaskHubInitializer>();
        services.AddGrpc();
        services.AddSingleton<TaskHubGrpcServer>();

        var sidecarPort = (configuration.GetSection(LocalHostOptions.Section).Get<LocalHostOptions>() ?? new()).SidecarPort;
        var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{sidecarPort}");
        services.AddSingleton(channel);
        services.AddDurableTaskWorker(builder =>
        {
            builder.UseGrpc(channel);
            builder.AddTasks(PlatformWorkflows.Register);
        });
        services.AddDurableTaskClient(builder => builder.UseGrpc(channel));
        return services;
    }

    /// <summary>Creates the task hub's queues, tables and containers before the worker starts (retrying while Azurite starts).</summary>
    sealed class TaskHubInitializer(AzureStorageOrchestrationService service, ILogger<TaskHubInitializer> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await service.CreateIfNotExistsAsync();
                    return;
                }
                catch (Exception e) when (attempt < 30 && !cancellationToken.IsCancellationRequested)
                {
                    logger.LogWarning("Task hub storage not ready (attempt {Attempt}): {Message}", attempt, e.Message);
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                }
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
