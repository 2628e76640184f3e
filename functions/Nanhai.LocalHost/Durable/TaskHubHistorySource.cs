using System.Runtime.CompilerServices;
using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask.Client;
using Nanhai.Application.Workflows.Monitoring;
using Newtonsoft.Json.Linq;

namespace Nanhai.LocalHost.Durable;

/// <summary>
/// History on one machine: the TaskHubGrpcServer of Microsoft.DurableTask.InProcessTestHost 0.2.3-preview.1 answers a
/// client's history request with nothing (it streams history only to its worker), so this reads the Azure Storage
/// provider's history table through the provider itself, which also fetches payloads it moved to blobs.
/// </summary>
public sealed class TaskHubHistorySource(IOrchestrationServiceClient backend) : IWorkflowHistorySource
{
    /// <summary>The provider writes the events without type names: each event's class is found from its EventType.</summary>
    static readonly Dictionary<EventType, Type> EventClasses = typeof(HistoryEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(HistoryEvent)) && !t.IsAbstract)
        .ToDictionary(t => ((HistoryEvent)RuntimeHelpers.GetUninitializedObject(t)).EventType);

    public async Task<IReadOnlyList<HistoryEvent>> ReadAsync(DurableTaskClient durable, string instanceId, CancellationToken cancellationToken)
    {
        // No execution id: the provider picks the latest execution, which is what a restarted instance shows.
        var json = await backend.GetOrchestrationHistoryAsync(instanceId, executionId: null);
        return [.. JArray.Parse(json).Select(e => (HistoryEvent)e.ToObject(EventClasses[e["EventType"]!.ToObject<EventType>()])!)];
    }
}
