using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Nanhai.Functions.OpenApi;

/// <summary>Serves the OpenAPI document that the mini-program and the admin console build against.</summary>
public sealed class OpenApiFunction
{
    static readonly Lazy<string> Document = new(() => OpenApiDocumentBuilder.Build(HttpFunctionCatalog.All,
        typeof(OpenApiFunction).Assembly.GetName().Version?.ToString(3) ?? "0.0.0").ToJsonString());

    [Function("OpenApiDocument")]
    [AllowAnonymous]
    [OpenApiOperation("OpenApi", "本文档 (this OpenAPI document)")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request)
        => new ContentResult { Content = Document.Value, ContentType = "application/json; charset=utf-8", StatusCode = StatusCodes.Status200OK };
}
