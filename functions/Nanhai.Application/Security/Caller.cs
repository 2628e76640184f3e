namespace Nanhai.Application.Security;

/// <summary>The platform's roles, as they appear in the bearer token's <c>roles</c> claim.</summary>
public static class Roles
{
    /// <summary>A citizen or enterprise using the mini-program (申请人).</summary>
    public const string Applicant = "applicant";
    /// <summary>District administrator (区级管理员).</summary>
    public const string DistrictAdmin = "district-admin";
    /// <summary>The district data authority (区政务数据管理部门), which arbitrates data sharing.</summary>
    public const string DataAuthority = "data-authority";
    /// <summary>A department's data officer (数源单位数据专员); scoped to one source unit.</summary>
    public const string UnitOfficer = "unit-officer";
    /// <summary>Staff of a service centre (行政服务中心窗口人员); scoped to one centre.</summary>
    public const string CentreStaff = "centre-staff";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Applicant, DistrictAdmin, DataAuthority, UnitOfficer, CentreStaff,
    };
}

/// <summary>Who is calling, as established from a validated bearer token.</summary>
public sealed record Caller(string Subject, IReadOnlySet<string> Roles, string? Unit, string? Centre, string? Name)
{
    public bool IsInRole(string role) => Roles.Contains(role);
}

/// <summary>Establishes the caller from the request's Authorization header.</summary>
public interface ICallerAuthenticator
{
    /// <summary>
    /// Validates the bearer token and returns the caller. Throws <see cref="Common.UnauthenticatedException"/>
    /// for a missing or invalid token and <see cref="Common.ForbiddenException"/> when the caller has none of
    /// <paramref name="anyOfRoles"/> (when any are given).
    /// </summary>
    Task<Caller> AuthenticateAsync(string? authorizationHeader, IReadOnlyCollection<string> anyOfRoles, CancellationToken cancellationToken = default);
}
