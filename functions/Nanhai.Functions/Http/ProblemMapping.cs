using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Nanhai.Application.Common;
using Nanhai.Domain.Calendar;
using Nanhai.Domain.ServiceMatters;
using Nanhai.Domain.ServiceMatters.Applications;

namespace Nanhai.Functions.Http;

/// <summary>
/// Turns a use case's failure into RFC 9457 problem details. Both hosts send every error through here (the worker
/// middleware in Azure, the route dispatcher on one machine), so an error looks the same wherever it happens.
/// </summary>
public static class ProblemMapping
{
    public const string ContentType = "application/problem+json";

    public static ObjectResult From(Exception exception, HttpContext context) => exception switch
    {
        ValidationFailedException v => Validation(v.Errors, context),
        // The domain's own rule violations, so that use cases need not translate each one.
        MatterValidationException v => Validation(v.Violations.ToFieldErrors(), context),
        ServiceApplicationValidationException v => Validation(v.ToFieldErrors(), context),
        MatterStateException or ServiceApplicationStateException or ServiceApplicationConflictException =>
            Problem(StatusCodes.Status409Conflict, "状态冲突 (Conflict)", exception.Message, context),
        // A deadline that falls in a year whose holiday notice is not loaded yet: the platform must not guess it.
        CalendarYearNotCoveredException e => Problem(StatusCodes.Status503ServiceUnavailable, "节假日数据未覆盖 (Holiday calendar not loaded)",
            $"{e.Message} 请管理员加载该年度国务院节假日安排后重试 (load that year's State Council holiday notice, then retry).", context),
        NotFoundException e => Problem(StatusCodes.Status404NotFound, "未找到 (Not found)", e.Message, context),
        ConflictException e => Problem(StatusCodes.Status409Conflict, "状态冲突 (Conflict)", e.Message, context),
        PreconditionFailedException e => Problem(StatusCodes.Status412PreconditionFailed, "数据已被修改 (Precondition failed)", e.Message, context),
        PreconditionRequiredException e => Problem(StatusCodes.Status428PreconditionRequired, "缺少 If-Match (Precondition required)", e.Message, context),
        UnauthenticatedException e => Problem(StatusCodes.Status401Unauthorized, "未认证 (Unauthenticated)", e.Message, context),
        ForbiddenException e => Problem(StatusCodes.Status403Forbidden, "无权限 (Forbidden)", e.Message, context),
        BadHttpRequestException e => Problem(e.StatusCode, "请求无效 (Bad request)", e.Message, context),
        _ => Problem(StatusCodes.Status500InternalServerError, "服务器内部错误 (Internal error)",
            "The request failed unexpectedly; quote the trace id when reporting it.", context),
    };

    public static ObjectResult Validation(IReadOnlyDictionary<string, string[]> errors, HttpContext context)
    {
        var problem = new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "请求参数有误 (One or more fields are invalid)",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        };
        return Finish(problem, context);
    }

    static ObjectResult Problem(int status, string title, string detail, HttpContext context) =>
        Finish(new ProblemDetails { Status = status, Title = title, Detail = detail, Type = $"https://httpstatuses.io/{status}" }, context);

    static ObjectResult Finish(ProblemDetails problem, HttpContext context)
    {
        problem.Instance = context.Request.Path;
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.TraceIdentifier;
        return new ObjectResult(problem) { StatusCode = problem.Status, ContentTypes = { ContentType } };
    }
}
