using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Nanhai.Functions.Http;

namespace Nanhai.Functions.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document of the HTTP API, built from the functions' own attributes (route, methods,
/// [OpenApiOperation], [ProducesResponseType], [RequireRoles]); schemas come from System.Text.Json's schema exporter,
/// so they follow the same serializer settings as the responses.
/// </summary>
public static class OpenApiDocumentBuilder
{
    static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    public static JsonObject Build(IEnumerable<HttpFunction> functions, string version)
    {
        var paths = new JsonObject();
        foreach (var function in functions)
        {
            var item = paths[function.OpenApiPath] as JsonObject ?? new JsonObject();
            foreach (var method in function.HttpMethods) item[method.ToLowerInvariant()] = Operation(function);
            paths[function.OpenApiPath] = item;
        }
        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "南海区数字政府平台 API (Nanhai digital-government platform)",
                ["version"] = version,
                ["description"] = "Errors are RFC 9457 problem details (application/problem+json) with field-level messages for validation errors.",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" },
                },
                ["schemas"] = new JsonObject
                {
                    ["ProblemDetails"] = Schema(typeof(ProblemDetails)),
                    ["ValidationProblemDetails"] = Schema(typeof(HttpValidationProblemDetails)),
                },
            },
        };
    }

    static JsonObject Operation(HttpFunction function)
    {
        var description = function.Method.GetCustomAttribute<OpenApiOperationAttribute>();
        var operation = new JsonObject
        {
            ["operationId"] = function.Name,
            ["tags"] = new JsonArray(description?.Tag ?? function.Method.DeclaringType!.Namespace!.Split('.').Last()),
            ["summary"] = description?.Summary ?? function.Name,
        };
        var parameters = new JsonArray();
        foreach (var name in HttpFunctionCatalog.RouteParameters(function.Route))
            parameters.Add(new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        if (parameters.Count > 0) operation["parameters"] = parameters;
        if (description?.RequestBody is { } body)
            operation["requestBody"] = new JsonObject { ["required"] = true, ["content"] = Json(body) };

        var responses = new JsonObject();
        foreach (var produces in function.Method.GetCustomAttributes<ProducesResponseTypeAttribute>())
        {
            var response = new JsonObject { ["description"] = ReasonPhrases.GetReasonPhrase(produces.StatusCode) };
            if (produces.Type is { } type && type != typeof(void)) response["content"] = Json(type);
            responses[produces.StatusCode.ToString()] = response;
        }
        var requiresCaller = function.Method.GetCustomAttribute<AllowAnonymousAttribute>() is null;
        if (function.HttpMethods.Any(m => m is "POST" or "PUT" or "PATCH")) responses["400"] = Problem("ValidationProblemDetails", 400);
        if (requiresCaller)
        {
            responses["401"] = Problem("ProblemDetails", 401);
            responses["403"] = Problem("ProblemDetails", 403);
            var roles = function.Method.GetCustomAttribute<RequireRolesAttribute>()?.Roles ?? [];
            operation["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() });
            operation["x-roles"] = new JsonArray([.. roles.Select(r => JsonValue.Create(r))]);
        }
        if (parameters.Count > 0) responses["404"] = Problem("ProblemDetails", 404);
        responses["500"] = Problem("ProblemDetails", 500);
        operation["responses"] = responses;
        return operation;
    }

    static JsonObject Problem(string schema, int status) => new()
    {
        ["description"] = ReasonPhrases.GetReasonPhrase(status),
        ["content"] = new JsonObject
        {
            [ProblemMapping.ContentType] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = $"#/components/schemas/{schema}" } },
        },
    };

    static JsonObject Json(Type type) => new() { ["application/json"] = new JsonObject { ["schema"] = Schema(type) } };

    static JsonNode Schema(Type type) => Web.GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
}
