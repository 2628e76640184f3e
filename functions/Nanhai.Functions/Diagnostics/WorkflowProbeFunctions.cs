using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Nanhai.Application.Diagnostics.WorkflowProbes;
using Nanhai.Application.Security;
using Nanhai.Functions.Http;
using Nanhai.Functions.OpenApi;

namespace Nanhai.Functions.Diagnostics;

/// <summary>HTTP starters for workflow probes: start one, acknowledge it, follow it.</summary>
public sealed class WorkflowProbeFunctions(WorkflowProbes probes)
{
    [Function("StartWorkflowProbe")]
    [RequireRoles(Roles.DistrictAdmin)]
    [OpenApiOperation("Diagnostics", "启动流程探针 (start a workflow probe)", RequestBody = typeof(StartWorkflowProbe))]
    [ProducesResponseType<WorkflowProbeStarted>(StatusCodes.Status202Accepted)]
    public async Task<IActionResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "diagnostics/workflow-probes")] HttpRequest request,
        [DurableClient] DurableTaskClient durable)
    {
        var probeId = await probes.StartAsync(durable, await request.ReadJsonAsync<StartWorkflowProbe>(), FunctionAuthorization.CallerOf(request), request.HttpContext.RequestAborted);
        var location = $"/api/diagnostics/workflow-probes/{probeId}";
        return new AcceptedResult(location, new WorkflowProbeStarted(probeId, location));
    }

    [Function("AcknowledgeWorkflowProbe")]
    [RequireRoles(Roles.DistrictAdmin)]
    [OpenApiOperation("Diagnostics", "确认流程探针 (acknowledge a waiting probe)")]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    public async Task<IActionResult> Acknowledge(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "diagnostics/workflow-probes/{probeId}/acknowledge")] HttpRequest request,
        string probeId, [DurableClient] DurableTaskClient durable)
    {
        await probes.AcknowledgeAsync(durable, new AcknowledgeWorkflowProbe(probeId), FunctionAuthorization.CallerOf(request), request.HttpContext.RequestAborted);
        return new AcceptedResult();
    }

    [Function("GetWorkflowProbe")]
    [RequireRoles(Roles.DistrictAdmin)]
    [OpenApiOperation("Diagnostics", "查询流程探针 (a probe's status and timeline)")]
    [ProducesResponseType<WorkflowProbeView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "diagnostics/workflow-probes/{probeId}")] HttpRequest request,
        string probeId, [DurableClient] DurableTaskClient durable)
        => new OkObjectResult(await probes.GetAsync(durable, probeId, request.HttpContext.RequestAborted));
}

public sealed record WorkflowProbeStarted(string ProbeId, string Location);
