using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Nanhai.Application.Ingestion.Runs;
using Nanhai.Application.Security;
using Nanhai.Functions.Http;
using Nanhai.Functions.OpenApi;

namespace Nanhai.Functions.Ingestion;

/// <summary>Ingestion runs (入库批次): progress while a dump is ingested, its outcome and error report after.</summary>
public sealed class IngestionRunFunctions(IngestionRuns runs)
{
    [Function("ListIngestionRuns")]
    [RequireRoles(Roles.DistrictAdmin, Roles.DataAuthority, Roles.UnitOfficer)]
    [OpenApiOperation("Ingestion", "入库批次 (runs, latest first: resource, unit, pageSize, continuation; unit officers see their own unit's)")]
    [ProducesResponseType<IngestionRunPageView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ingestion/runs")] HttpRequest request)
    {
        var query = request.Query;
        var page = await runs.ListAsync(query["resource"], query["unit"], query["pageSize"], query["continuation"],
            FunctionAuthorization.CallerOf(request), request.HttpContext.RequestAborted);
        return new OkObjectResult(new IngestionRunPageView([.. page.Items.Select(IngestionRunView.Summary)], page.ContinuationToken));
    }

    [Function("GetIngestionRun")]
    [RequireRoles(Roles.DistrictAdmin, Roles.DataAuthority, Roles.UnitOfficer)]
    [OpenApiOperation("Ingestion", "入库批次详情 (one run with its progress and error report: row numbers, reasons, first examples)")]
    [ProducesResponseType<IngestionRunView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ingestion/runs/{id}")] HttpRequest request, string id)
        => new OkObjectResult(IngestionRunView.Full(await runs.GetAsync(id, FunctionAuthorization.CallerOf(request), request.HttpContext.RequestAborted)));
}
