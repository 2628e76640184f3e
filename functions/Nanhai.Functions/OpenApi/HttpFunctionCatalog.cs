using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;

namespace Nanhai.Functions.OpenApi;

/// <summary>
/// Every HTTP-triggered function of this app, read from its attributes — the same attributes the Functions host
/// reads. The OpenAPI document and the local host's routes are both built from this list.
/// </summary>
public static partial class HttpFunctionCatalog
{
    public const string RoutePrefix = "api";

    public static IReadOnlyList<HttpFunction> All { get; } = Discover(typeof(HttpFunctionCatalog).Assembly);

    public static IReadOnlyList<HttpFunction> Discover(Assembly assembly) =>
    [
        .. from type in assembly.GetTypes()
           from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
           let function = method.GetCustomAttribute<FunctionAttribute>()
           where function is not null
           let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)
           where trigger is not null
           orderby trigger.Route
           select new HttpFunction(function.Name, method, trigger.Route ?? function.Name,
               (trigger.Methods ?? ["get", "post"]).Select(m => m.ToUpperInvariant()).ToArray())
    ];

    /// <summary>The names of a route template's parameters: <c>a/{id:guid}/{name?}</c> → id, name.</summary>
    public static IReadOnlyList<string> RouteParameters(string route) =>
        [.. RouteParameter().Matches(route).Select(m => m.Groups["name"].Value)];

    /// <summary>The template as OpenAPI writes paths, without constraints or optional marks: <c>a/{id:guid}</c> → <c>a/{id}</c>.</summary>
    public static string WithoutConstraints(string route) => RouteParameter().Replace(route, m => $"{{{m.Groups["name"].Value}}}");

    [GeneratedRegex(@"\{\*?(?<name>[A-Za-z_][A-Za-z0-9_]*)[^}]*\}")]
    private static partial Regex RouteParameter();
}

/// <summary>One HTTP function: its name, the method that implements it, its route (without /api) and HTTP methods.</summary>
public sealed record HttpFunction(string Name, MethodInfo Method, string Route, IReadOnlyList<string> HttpMethods)
{
    public string Path => $"/{HttpFunctionCatalog.RoutePrefix}/{Route}";

    /// <summary>The path as the OpenAPI document names it.</summary>
    public string OpenApiPath => HttpFunctionCatalog.WithoutConstraints(Path);
}
