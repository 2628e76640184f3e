using System.ComponentModel.DataAnnotations;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Nanhai.Application.Diagnostics;

/// <summary>How long finished workflow instances keep their history (section "WorkflowHistory").</summary>
public sealed class WorkflowHistoryOptions
{
    public const string Section = "WorkflowHistory";

    /// <summary>Days after which completed, failed and terminated instances are purged; running ones never are.</summary>
    [Range(0, 3650)] public int RetentionDays { get; set; } = 90;
}

/// <summary>
/// Purges the history of finished workflow instances older than the retention, so the task hub's storage does not
/// grow without bound (what the Durable Functions guidance recommends doing on a timer).
/// </summary>
public sealed class WorkflowHistoryRetention(IOptions<WorkflowHistoryOptions> options, TimeProvider clock)
{
    public async Task<int> PurgeAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        var result = await durable.PurgeAllInstancesAsync(new PurgeInstancesFilter(
            CreatedFrom: DateTimeOffset.UnixEpoch, CreatedTo: cutoff,
            Statuses: [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated]),
            cancellationToken);
        return result.PurgedInstanceCount;
    }
}
