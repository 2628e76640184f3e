using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Nanhai.Application.Diagnostics;

namespace Nanhai.Functions.Diagnostics;

/// <summary>Timer: purge finished workflow history past its retention (schedule in the WorkflowHistoryPurgeSchedule setting).</summary>
public sealed class PurgeWorkflowHistoryFunction(WorkflowHistoryRetention retention, ILogger<PurgeWorkflowHistoryFunction> logger)
{
    [Function("PurgeWorkflowHistory")]
    public async Task Run([TimerTrigger("%WorkflowHistoryPurgeSchedule%")] TimerInfo timer,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var purged = await retention.PurgeAsync(durable, cancellationToken);
        logger.LogInformation("Purged the history of {Count} finished workflow instances", purged);
    }
}
