using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Nanhai.Application.Security;
using Nanhai.Application.ServiceMatters.Authoring;
using Nanhai.Application.ServiceMatters.Catalog;
using Nanhai.Domain.ServiceMatters;
using Nanhai.Functions.Http;
using Nanhai.Functions.OpenApi;

namespace Nanhai.Functions.ServiceMatters;

/// <summary>
/// Matter authoring for the admin console's designer (事项设计器): district administrators only. Changes carry If-Match with
/// the ETag last read (428 without it, 412 when stale); definitions are in the matter's JSON shape (<see cref="MatterJson"/>).
/// </summary>
public sealed class MatterAuthoringFunctions(MatterAuthoring authoring)
{
    [Function("GetMatterAuthoring")]
    [RequireRoles(Roles.DistrictAdmin)]
    [OpenApiOperation("ServiceMatters", "事项设计视图 (the matter as the designer edits it: status, draft, published versions; ETag for changes)")]
    [ProducesResponseType<MatterAuthoringView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "matters/{code}/authoring")] HttpRequest request, string code)
        => Authoring(request, await authoring.GetAsync(code, request.HttpContext.RequestAborted));

    [Function("CreateMatter")]
    [RequireRoles(Roles.DistrictAdmin)]
    [OpenApiOperation("ServiceMatters", "新建事项及其首个草稿 (create a matter with its first draft: {code, definition}; enumerations as camelCase strings; 409 if the code exists)", RequestBody = typeof(CreateMatter))]
    [ProducesResponseType<MatterAuthoringView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "matters")] HttpRequest request)
    {
        var created = await authoring.CreateAsync(await request.ReadJsonAsync<CreateMatter>(MatterJson.Options), request.HttpContext.RequestAborted);
        request.HttpContext.Response.Headers.ETag = created.ETag;
        return new CreatedResult($"/api/matters/{created.Matter.Code}/authoring", MatterAuthoringView.Of(created));
    }

    [Function("SaveMatterDraft")]
    [RequireRoles(Roles.DistrictAdmin)]
    [OpenApiOperation("ServiceMatters", "保存草稿 (save the draft; it must satisfy the publishing rules; If-Match required)", RequestBody = typeof(MatterDefinition))]
    [ProducesResponseType<MatterAuthoringView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> SaveDraft(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "matters/{code}/draft")] HttpRequest request, string code)
        => Authoring(request, await authoring.SaveDraftAsync(code, await request.ReadJsonAsync<MatterDefinition>(MatterJson.Options),
            IfMatch(request), request.HttpContext.RequestAborted));

    [Function("DiscardMatterDraft")]
    [RequireRoles(Roles.DistrictAdmin)]
    [OpenApiOperation("ServiceMatters", "放弃草稿 (discard the draft, back to the latest version; If-Match required)")]
    [ProducesResponseType<MatterAuthoringView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> DiscardDraft(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "matters/{code}/draft")] HttpRequest request, string code)
        => Authoring(request, await authoring.DiscardDraftAsync(code, IfMatch(request), request.HttpContext.RequestAborted));

    [Function("PublishMatterVersion")]
    [RequireRoles(Roles.DistrictAdmin)]
    [OpenApiOperation("ServiceMatters", "发布草稿为新版本 (publish the draft as the next version; If-Match required; 409 when there is no draft or it cannot be published)")]
    [ProducesResponseType<MatterDetailView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Publish(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "matters/{code}/versions")] HttpRequest request, string code)
    {
        var published = await authoring.PublishAsync(code, IfMatch(request), request.HttpContext.RequestAborted);
        request.HttpContext.Response.Headers.ETag = published.Matter.ETag;
        return new CreatedResult($"/api/matters/{code}/versions/{published.Version.Number}", MatterDetailView.Of(published.Version));
    }

    [Function("CompareMatterVersions")]
    [RequireRoles(Roles.DistrictAdmin)]
    [OpenApiOperation("ServiceMatters", "版本比对 (differences from version from=N to version to=M, or to=draft)")]
    [ProducesResponseType<MatterComparisonView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Compare(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "matters/{code}/comparison")] HttpRequest request, string code)
        => new OkObjectResult(MatterComparisonView.Of(await authoring.CompareAsync(code, request.Query["from"], request.Query["to"],
            request.HttpContext.RequestAborted)));

    [Function("RetireMatter")]
    [RequireRoles(Roles.DistrictAdmin)]
    [OpenApiOperation("ServiceMatters", "停用事项 (retire the matter: {reason}; If-Match required)", RequestBody = typeof(RetireMatter))]
    [ProducesResponseType<MatterAuthoringView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Retire(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "matters/{code}/retirement")] HttpRequest request, string code)
        => Authoring(request, await authoring.RetireAsync(code, await request.ReadJsonAsync<RetireMatter>(), IfMatch(request),
            request.HttpContext.RequestAborted));

    [Function("ReinstateMatter")]
    [RequireRoles(Roles.DistrictAdmin)]
    [OpenApiOperation("ServiceMatters", "恢复已停用的事项 (reinstate a retired matter; If-Match required)")]
    [ProducesResponseType<MatterAuthoringView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Reinstate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "matters/{code}/retirement")] HttpRequest request, string code)
        => Authoring(request, await authoring.ReinstateAsync(code, IfMatch(request), request.HttpContext.RequestAborted));

    static string? IfMatch(HttpRequest request) => request.Headers.IfMatch.FirstOrDefault();

    static OkObjectResult Authoring(HttpRequest request, StoredMatter stored)
    {
        request.HttpContext.Response.Headers.ETag = stored.ETag;
        return new OkObjectResult(MatterAuthoringView.Of(stored));
    }
}
