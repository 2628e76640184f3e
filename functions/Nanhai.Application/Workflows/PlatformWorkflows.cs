using Microsoft.DurableTask;
using Nanhai.Application.Diagnostics.WorkflowProbes;
using Nanhai.Application.ServiceMatters.Applications;

namespace Nanhai.Application.Workflows;

/// <summary>
/// Every orchestrator and activity of the platform, registered by name. The Functions app and the local host both
/// call <see cref="Register"/>, so a workflow cannot exist in one host and not the other. (The DurableTask source
/// generator that would do this is not available here; activities are called by class name.)
/// </summary>
public static class PlatformWorkflows
{
    static readonly Type[] Orchestrators = [typeof(WorkflowProbeOrchestrator), typeof(ApplicationHandlingOrchestrator)];

    /// <summary>The orchestrator names (workflow kinds) instances can have: what the workflow monitor filters by.</summary>
    public static readonly IReadOnlyList<string> Kinds = [.. Orchestrators.Select(o => o.Name)];

    public static void Register(DurableTaskRegistry registry)
    {
        foreach (var orchestrator in Orchestrators) registry.AddOrchestrator(orchestrator);
        registry
            .AddActivity<RecordWorkflowProbeStepActivity>()
            .AddActivity<PreCheckAndRouteActivity>()
            .AddActivity<IssueResultActivity>()
            .AddActivity<ApplyTimerActivity>()
            .AddActivity<GetScheduleActivity>();
    }
}
