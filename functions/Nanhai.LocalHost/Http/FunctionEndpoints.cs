using System.ComponentModel;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Azure.Functions.Worker;
using Nanhai.Functions.Http;
using Nanhai.Functions.OpenApi;
using Nanhai.LocalHost.Triggers;

namespace Nanhai.LocalHost.Http;

/// <summary>
/// Serves every HTTP-trigger function on the same route and methods as the Functions host (/api/{route}), calling
/// the same function class, with the same authorisation and problem-details steps as the worker middleware.
/// </summary>
public static class FunctionEndpoints
{
    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder endpoints, IEnumerable<HttpFunction> functions)
    {
        foreach (var function in functions)
        {
            var routeParameters = HttpFunctionCatalog.RouteParameters(function.Route).ToHashSet(StringComparer.OrdinalIgnoreCase);
            FunctionInvoker.EnsureBindable(function.Method, p =>
                p.GetCustomAttribute<HttpTriggerAttribute>() is not null || routeParameters.Contains(p.Name!));
            endpoints.MapMethods(function.Path, function.HttpMethods, context => InvokeAsync(function, context))
                .WithName(function.Name)
                .WithMetadata(function);
        }
        return endpoints;
    }

    static async Task InvokeAsync(HttpFunction function, HttpContext context)
    {
        IActionResult result;
        try
        {
            await FunctionAuthorization.AuthorizeAsync(function.Method, context);
            var returned = await FunctionInvoker.InvokeAsync(function.Method, context.RequestServices, p => BindHttp(p, context), context.RequestAborted);
            result = returned as IActionResult ?? new EmptyResult();
        }
        catch (Exception e)
        {
            result = ProblemMapping.From(e, context);
            if (((ObjectResult)result).StatusCode >= 500)
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(function.Name).LogError(e, "Function {Function} failed", function.Name);
        }
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    }

    static object? BindHttp(ParameterInfo p, HttpContext context)
    {
        if (p.GetCustomAttribute<HttpTriggerAttribute>() is not null) return context.Request;
        if (context.Request.RouteValues.TryGetValue(p.Name!, out var value) && value is not null)
            return p.ParameterType == typeof(string) ? value.ToString() : TypeDescriptor.GetConverter(p.ParameterType).ConvertFromInvariantString(value.ToString()!);
        return p.HasDefaultValue ? p.DefaultValue : FunctionInvoker.Unbound;
    }
}
