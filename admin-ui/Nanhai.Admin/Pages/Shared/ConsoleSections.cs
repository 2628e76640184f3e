using Nanhai.Admin.Security;

namespace Nanhai.Admin.Pages.Shared;

/// <summary>One section of the console's navigation: its name, its first page (null until it exists) and who may open it.</summary>
public sealed record ConsoleSection(string Name, string? Page, string Policy);

/// <summary>The console's sections, in the order civil servants meet them; the navigation shows those the user may open.</summary>
public static class ConsoleSections
{
    public static IReadOnlyList<ConsoleSection> All { get; } =
    [
        new("首页", "/Index", StaffPolicies.Staff),
        new("事项设计器", "/Matters/Index", StaffPolicies.DistrictAdmin),
        new("中心工作台", "/Centre/Index", StaffPolicies.CentreWork),
        new("数据共享", null, StaffPolicies.Staff),
        new("数据资源目录", "/Catalog/Index", StaffPolicies.Staff),
        new("流程监控", "/Workflows/Index", StaffPolicies.DistrictAdmin),
        new("数字驾驶舱", "/Cockpit/Index", StaffPolicies.Cockpit),
    ];

    /// <summary>Whether <paramref name="page"/> belongs to the section whose first page is <paramref name="target"/> (its folder's pages do).</summary>
    public static bool IsCurrent(string target, string? page)
    {
        var folder = target[..target.LastIndexOf('/')];
        return page == target || (folder.Length > 0 && page is not null && page.StartsWith(folder + "/", StringComparison.Ordinal));
    }
}
