using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nanhai.Application.Security;

namespace Nanhai.Functions.Http;

/// <summary>
/// Authenticates the caller of an HTTP function as its <see cref="RequireRolesAttribute"/> says, and keeps the
/// caller on the request for the function to read with <see cref="CallerOf"/>.
/// </summary>
public static class FunctionAuthorization
{
    static readonly object CallerKey = new();

    public static async Task AuthorizeAsync(MethodInfo function, HttpContext context)
    {
        if (function.GetCustomAttribute<AllowAnonymousAttribute>() is not null) return;
        var required = function.GetCustomAttribute<RequireRolesAttribute>()
            ?? throw new InvalidOperationException($"{function.DeclaringType?.Name}.{function.Name} must carry [RequireRoles] or [AllowAnonymous].");
        var authenticator = context.RequestServices.GetRequiredService<ICallerAuthenticator>();
        context.Items[CallerKey] = await authenticator.AuthenticateAsync(
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null, required.Roles, context.RequestAborted);
    }

    /// <summary>The authenticated caller of this request (only for functions with [RequireRoles]).</summary>
    public static Caller CallerOf(HttpRequest request) =>
        request.HttpContext.Items.TryGetValue(CallerKey, out var caller) && caller is Caller c
            ? c
            : throw new InvalidOperationException("The function has no [RequireRoles]: there is no authenticated caller.");
}
