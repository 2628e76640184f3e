using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Nanhai.Application.ServiceMatters.Catalog;
using Nanhai.Functions.OpenApi;

namespace Nanhai.Functions.ServiceMatters;

/// <summary>
/// The service-matter catalogue for the mini-program (事项目录). Public information: anyone may browse it before signing in.
/// </summary>
public sealed class MatterFunctions(MatterCatalog catalog)
{
    [Function("SearchMatters")]
    [AllowAnonymous]
    [OpenApiOperation("ServiceMatters", "查询事项目录 (search the catalogue: q, level=district|town|community, centre, attribute=zero-visit|at-most-one-visit|accept-with-missing|mail-delivery|certificate-free, pageSize, continuation)")]
    [ProducesResponseType<MatterPageView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Search(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "matters")] HttpRequest request)
    {
        var query = request.Query;
        var page = await catalog.SearchAsync(query["q"], query["level"], query["centre"], query["attribute"], query["pageSize"],
            query["continuation"], request.HttpContext.RequestAborted);
        return new OkObjectResult(MatterPageView.Of(page));
    }

    [Function("GetMatter")]
    [AllowAnonymous]
    [OpenApiOperation("ServiceMatters", "事项详情（最新发布版本）(the latest published version, with materials and form schema)")]
    [ProducesResponseType<MatterDetailView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "matters/{code}")] HttpRequest request, string code)
        => new OkObjectResult(MatterDetailView.Of(await catalog.GetLatestAsync(code, request.HttpContext.RequestAborted)));

    [Function("GetMatterVersion")]
    [AllowAnonymous]
    [OpenApiOperation("ServiceMatters", "事项的某一发布版本 (one published version, as applications made on it pinned it)")]
    [ProducesResponseType<MatterDetailView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> GetVersion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "matters/{code}/versions/{version:int}")] HttpRequest request,
        string code, int version)
        => new OkObjectResult(MatterDetailView.Of(await catalog.GetVersionAsync(code, version, request.HttpContext.RequestAborted)));
}
