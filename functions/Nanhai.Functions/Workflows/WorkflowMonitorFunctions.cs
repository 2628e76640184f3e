using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Nanhai.Application.Security;
using Nanhai.Application.Workflows.Monitoring;
using Nanhai.Functions.Http;
using Nanhai.Functions.OpenApi;

namespace Nanhai.Functions.Workflows;

/// <summary>The workflow monitor (流程监控) of the admin console: district administrators only.</summary>
public sealed class WorkflowMonitorFunctions(WorkflowMonitor monitor)
{
    [Function("ListWorkflows")]
    [RequireRoles(Roles.DistrictAdmin)]
    [OpenApiOperation("Workflows", "流程实例列表 (instances by kind, status and created time: ?kind=&status=Running,Failed&createdFrom=&createdTo=&pageSize=&continuation=)")]
    [ProducesResponseType<WorkflowPage>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "workflows")] HttpRequest request, [DurableClient] DurableTaskClient durable)
    {
        var q = request.Query;
        return new OkObjectResult(await monitor.ListAsync(durable,
            new WorkflowListRequest(q["kind"], q["status"], q["createdFrom"], q["createdTo"], q["pageSize"], q["continuation"]),
            request.HttpContext.RequestAborted));
    }

    [Function("GetWorkflow")]
    [RequireRoles(Roles.DistrictAdmin)]
    [OpenApiOperation("Workflows", "流程实例详情 (input, output, failure, execution history and the administrators' actions on it)")]
    [ProducesResponseType<WorkflowDetail>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "workflows/{instanceId}")] HttpRequest request,
        string instanceId, [DurableClient] DurableTaskClient durable)
        => new OkObjectResult(await monitor.GetAsync(durable, instanceId, request.HttpContext.RequestAborted));

    [Function("TerminateWorkflow")]
    [RequireRoles(Roles.DistrictAdmin)]
    [OpenApiOperation("Workflows", "终止流程实例 (terminate a pending, running or suspended instance; reason required)", RequestBody = typeof(TerminateWorkflow))]
    [ProducesResponseType<WorkflowActionAccepted>(StatusCodes.Status202Accepted)]
    public async Task<IActionResult> Terminate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "workflows/{instanceId}/termination")] HttpRequest request,
        string instanceId, [DurableClient] DurableTaskClient durable)
        => Accepted(await monitor.TerminateAsync(durable, instanceId, await request.ReadJsonAsync<TerminateWorkflow>(),
            FunctionAuthorization.CallerOf(request), request.HttpContext.RequestAborted));

    [Function("RestartWorkflow")]
    [RequireRoles(Roles.DistrictAdmin)]
    [OpenApiOperation("Workflows", "重启流程实例 (a finished instance again, same instance id and input; reason required)", RequestBody = typeof(RestartWorkflow))]
    [ProducesResponseType<WorkflowActionAccepted>(StatusCodes.Status202Accepted)]
    public async Task<IActionResult> Restart(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "workflows/{instanceId}/restart")] HttpRequest request,
        string instanceId, [DurableClient] DurableTaskClient durable)
        => Accepted(await monitor.RestartAsync(durable, instanceId, await request.ReadJsonAsync<RestartWorkflow>(),
            FunctionAuthorization.CallerOf(request), request.HttpContext.RequestAborted));

    [Function("RaiseWorkflowEvent")]
    [RequireRoles(Roles.DistrictAdmin)]
    [OpenApiOperation("Workflows", "发送外部事件 (deliver an external event to a live instance; the payload reaches the orchestrator verbatim, shaped as it reads it; reason required)", RequestBody = typeof(RaiseWorkflowEvent))]
    [ProducesResponseType<WorkflowActionAccepted>(StatusCodes.Status202Accepted)]
    public async Task<IActionResult> RaiseEvent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "workflows/{instanceId}/events/{eventName}")] HttpRequest request,
        string instanceId, string eventName, [DurableClient] DurableTaskClient durable)
        => Accepted(await monitor.RaiseEventAsync(durable, instanceId, eventName, await request.ReadJsonAsync<RaiseWorkflowEvent>(),
            FunctionAuthorization.CallerOf(request), request.HttpContext.RequestAborted));

    static AcceptedResult Accepted(WorkflowActionAccepted accepted) => new(accepted.Location, accepted);
}
