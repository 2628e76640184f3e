using System.Net;
using System.Text.Json;
using Nanhai.Functions.OpenApi;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Platform;

/// <summary>
/// Every HTTP-trigger route the Azure Functions host serves (functions.metadata, generated from the function
/// attributes by the Worker SDK at build time) is served by the running local host, and nothing more.
/// </summary>
public sealed class RouteParityTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task Every_function_route_is_served_by_the_local_host()
    {
        var routes = FunctionsMetadata.HttpRoutes();
        Assert.NotEmpty(routes);
        foreach (var (route, method) in routes)
        {
            // "1" satisfies every constraint the app uses (int, and none for strings).
            var path = "api/" + System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]+\}", "1");
            using var response = await platform.Host.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            // A route the host does not know is a bare 404/405; the function's own answers (401, 404 problem, 200) have a body.
            var body = await response.Content.ReadAsStringAsync();
            Assert.False(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed && body.Length == 0,
                $"{method} /{path}: the local host has no such route ({(int)response.StatusCode}).");
        }
    }

    [Fact]
    public async Task The_local_host_serves_no_api_route_that_the_functions_app_lacks()
    {
        var routes = FunctionsMetadata.HttpRoutes().Select(r => HttpFunctionCatalog.WithoutConstraints(r.Route)).ToHashSet();
        using var response = await platform.Host.Http.GetAsync("api/openapi.json");
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var served = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name["/api/".Length..]).ToList();
        Assert.Equal(routes.Order(), served.Order());
        using var unknown = await platform.Host.Http.GetAsync("api/no-such-function");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
