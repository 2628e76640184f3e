using System.Security.Claims;
using Nanhai.Application.Security;
using Nanhai.Domain.ServiceMatters;
using Nanhai.Infrastructure.Security;

namespace Nanhai.Admin.Security;

/// <summary>
/// The signed-in civil servant as the console sees them: their platform role and its scope (a unit officer's source
/// unit, a centre staff member's centre), read from the same claims the platform's tokens carry.
/// </summary>
public sealed record StaffMember(string Subject, string Name, string Role, string? Unit, string? Centre)
{
    /// <summary>The roles that may use the console (applicants use the mini-program).</summary>
    public static IReadOnlyList<string> StaffRoles { get; } = [Roles.DistrictAdmin, Roles.DataAuthority, Roles.UnitOfficer, Roles.CentreStaff];

    public static StaffMember? Of(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        var role = StaffRoles.FirstOrDefault(user.IsInRole);
        if (role is null) return null;
        var subject = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub") ?? user.FindFirstValue("oid") ?? "";
        var name = user.FindFirstValue(ClaimNames.Name) ?? user.Identity.Name ?? subject;
        return new StaffMember(subject, name, role, user.FindFirstValue(ClaimNames.Unit), user.FindFirstValue(ClaimNames.Centre));
    }

    /// <summary>The role in Chinese, as the header shows it.</summary>
    public static string RoleLabel(string role) => role switch
    {
        Roles.DistrictAdmin => "区级管理员",
        Roles.DataAuthority => "政务数据主管部门",
        Roles.UnitOfficer => "数源单位数据专员",
        Roles.CentreStaff => "行政服务中心窗口人员",
        _ => role,
    };

    /// <summary>Whose work the user sees: their unit's code, or their centre's name; null for district-wide roles.</summary>
    public string? ScopeLabel => Centre is not null
        ? ServiceCentres.TryFind(Centre, out var centre) ? centre.Name : $"中心 {Centre}"
        : Unit is not null ? $"单位 {Unit}" : null;

    /// <summary>The claims a development sign-in puts in the console's cookie: those of the platform's tokens.</summary>
    public static ClaimsPrincipal Principal(DevelopmentUser user, string authenticationType)
    {
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, user.Id), new(ClaimNames.Name, user.Name), new(ClaimNames.Roles, user.Role)];
        if (user.Unit is not null) claims.Add(new(ClaimNames.Unit, user.Unit));
        if (user.Centre is not null) claims.Add(new(ClaimNames.Centre, user.Centre));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimNames.Name, ClaimNames.Roles));
    }
}
