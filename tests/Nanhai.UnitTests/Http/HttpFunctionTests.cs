using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Nanhai.Functions.Http;
using Nanhai.Functions.OpenApi;

namespace Nanhai.UnitTests.Http;

public sealed class HttpFunctionTests
{
    [Fact]
    public void Every_http_function_says_who_may_call_it()
    {
        Assert.NotEmpty(HttpFunctionCatalog.All);
        foreach (var function in HttpFunctionCatalog.All)
        {
            var anonymous = function.Method.GetCustomAttribute<AllowAnonymousAttribute>() is not null;
            var roles = function.Method.GetCustomAttribute<RequireRolesAttribute>();
            Assert.True(anonymous ^ roles is not null, $"{function.Name} needs exactly one of [AllowAnonymous] or [RequireRoles].");
            Assert.True(roles is null || roles.Roles.All(Nanhai.Application.Security.Roles.All.Contains), $"{function.Name} names an unknown role.");
        }
    }

    [Fact]
    public void The_openapi_document_describes_every_http_function()
    {
        var document = OpenApiDocumentBuilder.Build(HttpFunctionCatalog.All, "1.0.0");

        Assert.Equal("3.1.0", document["openapi"]!.GetValue<string>());
        var paths = document["paths"]!.AsObject();
        foreach (var function in HttpFunctionCatalog.All)
            foreach (var method in function.HttpMethods)
            {
                var operation = paths[function.OpenApiPath]?[method.ToLowerInvariant()]?.AsObject();
                Assert.NotNull(operation);
                Assert.Equal(function.Name, operation!["operationId"]!.GetValue<string>());
                Assert.NotNull(operation["responses"]!["500"]);
            }
    }

    [Fact]
    public void Protected_operations_declare_bearer_security_and_their_roles_and_path_parameters()
    {
        var document = OpenApiDocumentBuilder.Build(HttpFunctionCatalog.All, "1.0.0");
        var acknowledge = document["paths"]!["/api/diagnostics/workflow-probes/{probeId}/acknowledge"]!["post"]!;

        Assert.NotNull(acknowledge["security"]);
        Assert.Equal(["district-admin"], acknowledge["x-roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.NotNull(acknowledge["responses"]!["401"]);
        var parameter = acknowledge["parameters"]!.AsArray().Single()!;
        Assert.Equal("probeId", parameter["name"]!.GetValue<string>());
        Assert.Equal("path", parameter["in"]!.GetValue<string>());

        var health = document["paths"]!["/api/health"]!["get"]!.AsObject();
        Assert.False(health.ContainsKey("security"));
        Assert.NotNull(health["responses"]!["503"]);
    }

    [Fact]
    public void Openapi_paths_drop_route_constraints() =>
        Assert.Equal("a/{id}/b/{name}/{rest}", HttpFunctionCatalog.WithoutConstraints("a/{id:int}/b/{name:alpha:minlength(2)}/{rest?}"));

    [Theory]
    [InlineData("a/{id}/b/{name:alpha}/{rest?}", new[] { "id", "name", "rest" })]
    [InlineData("health", new string[0])]
    public void Route_parameters_are_read_from_the_template(string route, string[] expected) =>
        Assert.Equal(expected, HttpFunctionCatalog.RouteParameters(route));
}
