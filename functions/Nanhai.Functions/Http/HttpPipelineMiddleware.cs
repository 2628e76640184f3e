using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Nanhai.Functions.Http;

/// <summary>
/// The Functions worker's HTTP pipeline: authorise the caller as the function declares, and answer any failure
/// with problem details (<see cref="ProblemMapping"/>). The local host runs the same two steps around the same calls.
/// </summary>
public sealed class HttpPipelineMiddleware(ILogger<HttpPipelineMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var http = context.GetHttpContext();
        if (http is null)
        {
            await next(context);
            return;
        }
        try
        {
            await FunctionAuthorization.AuthorizeAsync(EntryPointOf(context.FunctionDefinition), http);
            await next(context);
        }
        catch (Exception e)
        {
            var result = ProblemMapping.From(e, http);
            if (result.StatusCode >= 500) logger.LogError(e, "Function {Function} failed", context.FunctionDefinition.Name);
            await result.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
        }
    }

    static MethodInfo EntryPointOf(FunctionDefinition function)
    {
        var split = function.EntryPoint.LastIndexOf('.');
        var type = typeof(HttpPipelineMiddleware).Assembly.GetType(function.EntryPoint[..split], throwOnError: true)!;
        return type.GetMethod(function.EntryPoint[(split + 1)..])!;
    }
}
