using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace Nanhai.Admin.Platform;

/// <summary>
/// How a page answers when its call to the platform fails, in one place: what the platform says is missing is a 404, what
/// it refuses this user a 403, and no answer at all a 502, each shown by the error page in Chinese. Field errors of a
/// command (400 problem+json) are a page's own business and are not caught here.
/// </summary>
public sealed class PlatformErrorsPageFilter(ILogger<PlatformErrorsPageFilter> logger) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled) return;
        int? status = executed.Exception switch
        {
            ApiException { StatusCode: HttpStatusCode.NotFound } => StatusCodes.Status404NotFound,
            ApiException { StatusCode: HttpStatusCode.Forbidden } => StatusCodes.Status403Forbidden,
            ApiException or HttpRequestException or TimeoutRejectedException or BrokenCircuitException => StatusCodes.Status502BadGateway,
            _ => null,
        };
        if (status is not { } code) return;
        logger.LogWarning(executed.Exception, "A platform call of page {Page} failed; answering {Status}", context.ActionDescriptor.ViewEnginePath, code);
        executed.Result = new StatusCodeResult(code);
        executed.ExceptionHandled = true;
    }
}
