namespace Nanhai.Functions.Http;

/// <summary>
/// The roles that may call an HTTP function (any one of them). Both hosts read this before the function runs
/// (<see cref="FunctionAuthorization"/>); the OpenAPI document reads it too. An HTTP function without it
/// needs [AllowAnonymous] — a test checks that every HTTP function says which.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequireRolesAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}
