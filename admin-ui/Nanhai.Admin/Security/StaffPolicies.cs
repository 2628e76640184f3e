using Microsoft.AspNetCore.Authorization;
using Nanhai.Application.Security;

namespace Nanhai.Admin.Security;

/// <summary>
/// Which roles may open which part of the console. The platform checks every call again with the same roles and the
/// user's scope; these policies keep people from pages whose every call would be refused.
/// </summary>
public static class StaffPolicies
{
    /// <summary>Any civil servant: the home page and the catalog.</summary>
    public const string Staff = "staff";
    /// <summary>The centre work queue: centre staff (their centre) and district admins (any centre).</summary>
    public const string CentreWork = "centre-work";
    /// <summary>Ingestion runs and their reports: district admins, the data authority and unit officers (their unit's).</summary>
    public const string DataWork = "data-work";
    /// <summary>The cockpit: the district's figures, for district admins and the data authority.</summary>
    public const string Cockpit = "cockpit";
    /// <summary>The matter designer and the workflow monitor: district admins.</summary>
    public const string DistrictAdmin = "district-admin";

    public static AuthorizationBuilder AddStaffPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(Staff, policy => policy.RequireRole(StaffMember.StaffRoles))
        .AddPolicy(DataWork, policy => policy.RequireRole(Roles.DistrictAdmin, Roles.DataAuthority, Roles.UnitOfficer))
        .AddPolicy(Cockpit, policy => policy.RequireRole(Roles.DistrictAdmin, Roles.DataAuthority))
        .AddPolicy(CentreWork, policy => policy.RequireRole(Roles.CentreStaff, Roles.DistrictAdmin))
        .AddPolicy(DistrictAdmin, policy => policy.RequireRole(Roles.DistrictAdmin));
}
