using Nanhai.Application.Security;

namespace Nanhai.Admin.Security;

/// <summary>A seeded user of the development sign-in: one per role, and a second of the scoped roles to see scopes apart.</summary>
public sealed record DevelopmentUser(string Id, string Name, string Role, string? Unit, string? Centre, string Post);

/// <summary>The development sign-in's users. Units and centres are those of the demo data (公安局 gaj, 桂城 and 九江 centres).</summary>
public static class DevelopmentUsers
{
    public static IReadOnlyList<DevelopmentUser> All { get; } =
    [
        new("dev-district-admin", "王敏", Roles.DistrictAdmin, null, null, "区政务服务数据管理局 系统管理员"),
        new("dev-data-authority", "李强", Roles.DataAuthority, null, null, "区政务服务数据管理局 数据资源科"),
        new("dev-unit-officer-gaj", "陈静", Roles.UnitOfficer, "gaj", null, "佛山市公安局南海分局 数据专员"),
        new("dev-unit-officer-rsj", "周涛", Roles.UnitOfficer, "rsj", null, "南海区人力资源和社会保障局 数据专员"),
        new("dev-centre-staff-guicheng", "黄丽", Roles.CentreStaff, null, "guicheng", "桂城街道行政服务中心 窗口人员"),
        new("dev-centre-staff-jiujiang", "梁伟", Roles.CentreStaff, null, "jiujiang", "九江镇行政服务中心 窗口人员"),
    ];

    public static DevelopmentUser? Find(string? id) => All.FirstOrDefault(u => u.Id == id);
}
