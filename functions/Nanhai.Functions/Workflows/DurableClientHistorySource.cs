using DurableTask.Core.History;
using Microsoft.DurableTask.Client;
using Nanhai.Application.Workflows.Monitoring;

namespace Nanhai.Functions.Workflows;

/// <summary>
/// History in Azure: the [DurableClient] binding's client streams it from the Durable Functions extension
/// (its gRPC StreamInstanceHistory, present in Microsoft.Azure.WebJobs.Extensions.DurableTask 3.18, which the worker
/// extension 1.21 brings), whatever storage provider the task hub uses.
/// </summary>
public sealed class DurableClientHistorySource : IWorkflowHistorySource
{
    public async Task<IReadOnlyList<HistoryEvent>> ReadAsync(DurableTaskClient durable, string instanceId, CancellationToken cancellationToken) =>
        [.. await durable.GetOrchestrationHistoryAsync(instanceId, cancellationToken)];
}
