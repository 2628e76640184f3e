using DurableTask.Core.History;
using Microsoft.DurableTask.Client;

namespace Nanhai.Application.Workflows.Monitoring;

/// <summary>
/// Reads an instance's history events (latest execution). A port because the hosts differ: in Azure the durable
/// client streams history from the Durable Functions extension; the local host's gRPC sidecar serves history only to
/// its worker, so there it is read from the task hub's backend directly. Throws <see cref="NotSupportedException"/>
/// where a host cannot provide history at all.
/// </summary>
public interface IWorkflowHistorySource
{
    Task<IReadOnlyList<HistoryEvent>> ReadAsync(DurableTaskClient durable, string instanceId, CancellationToken cancellationToken);
}
