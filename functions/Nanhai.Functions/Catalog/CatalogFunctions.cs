using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Nanhai.Application.Catalog;
using Nanhai.Application.Ingestion.Runs;
using Nanhai.Application.Security;
using Nanhai.Domain.Catalog;
using Nanhai.Functions.Http;
using Nanhai.Functions.OpenApi;

namespace Nanhai.Functions.Catalog;

/// <summary>The data-resource catalog (政务数据资源目录) for civil servants: browse, read, totals, and edits.</summary>
public sealed class CatalogFunctions(ResourceCatalog catalog)
{
    [Function("ListSourceUnits")]
    [RequireRoles(Roles.DistrictAdmin, Roles.DataAuthority, Roles.UnitOfficer, Roles.CentreStaff)]
    [OpenApiOperation("Catalog", "数源单位 (the source units, by code)")]
    [ProducesResponseType<IReadOnlyList<SourceUnit>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Units(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalog/units")] HttpRequest request)
        => new OkObjectResult(await catalog.UnitsAsync(request.HttpContext.RequestAborted));

    [Function("SearchResources")]
    [RequireRoles(Roles.DistrictAdmin, Roles.DataAuthority, Roles.UnitOfficer, Roles.CentreStaff)]
    [OpenApiOperation("Catalog", "查询资源目录 (search resources: q = name or code prefix, unit, sharingType = Unconditional|Conditional|NotShared, pageSize, continuation)")]
    [ProducesResponseType<ResourcePageView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Search(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalog/resources")] HttpRequest request)
    {
        var query = request.Query;
        var page = await catalog.SearchAsync(query["q"], query["unit"], query["sharingType"], query["pageSize"],
            query["continuation"], request.HttpContext.RequestAborted);
        return new OkObjectResult(new ResourcePageView(page.Items, page.ContinuationToken));
    }

    [Function("GetResource")]
    [RequireRoles(Roles.DistrictAdmin, Roles.DataAuthority, Roles.UnitOfficer, Roles.CentreStaff)]
    [OpenApiOperation("Catalog", "资源详情 (a resource: metadata, data items, versions, statistics and recent ingestion runs; ETag for edits)")]
    [ProducesResponseType<ResourceDetailView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalog/resources/{code}")] HttpRequest request, string code)
        => Detail(request, await catalog.GetAsync(code, request.HttpContext.RequestAborted));

    [Function("CatalogSummary")]
    [RequireRoles(Roles.DistrictAdmin, Roles.DataAuthority, Roles.UnitOfficer, Roles.CentreStaff)]
    [OpenApiOperation("Catalog", "目录总量 (units, resources, data items, records and the record sharing rate)")]
    [ProducesResponseType<CatalogSummary>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Summary(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalog/summary")] HttpRequest request)
        => new OkObjectResult(await catalog.SummaryAsync(request.HttpContext.RequestAborted));

    [Function("CatalogGrowth")]
    [RequireRoles(Roles.DistrictAdmin, Roles.DataAuthority, Roles.UnitOfficer, Roles.CentreStaff)]
    [OpenApiOperation("Catalog", "目录增长 (resources in the catalog at the end of each of the last months=1–24, default 12)")]
    [ProducesResponseType<IReadOnlyList<CatalogMonth>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Growth(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalog/growth")] HttpRequest request)
        => new OkObjectResult(await catalog.GrowthAsync(request.Query["months"], request.HttpContext.RequestAborted));

    [Function("RegisterResource")]
    [RequireRoles(Roles.DistrictAdmin, Roles.DataAuthority, Roles.UnitOfficer)]
    [OpenApiOperation("Catalog", "登记资源 (register a resource; unit officers only for their own unit)", RequestBody = typeof(RegisterResource))]
    [ProducesResponseType<ResourceDetailView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Register(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "catalog/resources")] HttpRequest request)
    {
        var detail = await catalog.RegisterAsync(await request.ReadJsonAsync<RegisterResource>(), FunctionAuthorization.CallerOf(request),
            request.HttpContext.RequestAborted);
        request.HttpContext.Response.Headers.ETag = detail.ETag;
        return new CreatedResult($"/api/catalog/resources/{detail.Resource.Code}", ResourceDetailView.Of(detail));
    }

    [Function("ReviseResource")]
    [RequireRoles(Roles.DistrictAdmin, Roles.DataAuthority, Roles.UnitOfficer)]
    [OpenApiOperation("Catalog", "修改资源 (edit metadata, data items and bad-row policy; a change to the items makes a new version; If-Match with the ETag read)", RequestBody = typeof(ResourceDefinition))]
    [ProducesResponseType<ResourceDetailView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Revise(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "catalog/resources/{code}")] HttpRequest request, string code)
        => Detail(request, await catalog.ReviseAsync(code, await request.ReadJsonAsync<ResourceDefinition>(),
            request.Headers.IfMatch.FirstOrDefault(), FunctionAuthorization.CallerOf(request), request.HttpContext.RequestAborted));

    static OkObjectResult Detail(HttpRequest request, ResourceDetail detail)
    {
        request.HttpContext.Response.Headers.ETag = detail.ETag;
        return new OkObjectResult(ResourceDetailView.Of(detail));
    }
}
