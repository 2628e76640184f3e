using System.Diagnostics.CodeAnalysis;

namespace Nanhai.Domain.ServiceMatters;

/// <summary>Whether a centre is a town's administrative service centre or a community's service station.</summary>
public enum ServiceCentreKind
{
    /// <summary>镇街行政服务中心.</summary>
    TownCentre = 1,
    /// <summary>村（居）行政服务站 — one per village or residential community.</summary>
    CommunityStation = 2,
}

/// <summary>
/// A place where applications are received (服务中心). <paramref name="TownCode"/> is the town the centre belongs to (its
/// own code for a town centre). <paramref name="IsDemo"/> marks entries that stand in for the real directory.
/// </summary>
public sealed record ServiceCentre(string Code, string Name, ServiceCentreKind Kind, string TownCode, bool IsDemo);

/// <summary>
/// The centres that receive applications in Nanhai. There is no district centre: after the 2020 flattening reform the
/// district administrative service centre kept no reception windows and district matters are received at every town
/// centre (<c>shared/domain/nanhai-reference.md</c>).
/// </summary>
/// <remarks>
/// Codes are stable identifiers: a town's pinyin, and <c>{town}-{community}</c> for a station. The seven towns are
/// real; the community stations are a demo selection of the roughly 290 villages and communities (real place names,
/// but check them against the district's official directory before an applicant relies on them).
/// </remarks>
public static class ServiceCentres
{
    public static IReadOnlyList<ServiceCentre> Towns { get; } = Array.AsReadOnly(
    [
        Town("guicheng", "桂城街道行政服务中心"),
        Town("jiujiang", "九江镇行政服务中心"),
        Town("xiqiao", "西樵镇行政服务中心"),
        Town("danzao", "丹灶镇行政服务中心"),
        Town("shishan", "狮山镇行政服务中心"),
        Town("dali", "大沥镇行政服务中心"),
        Town("lishui", "里水镇行政服务中心"),
    ]);

    public static IReadOnlyList<ServiceCentre> CommunityStations { get; } = Array.AsReadOnly(
    [
        Station("guicheng", "xiadong", "桂城街道夏东社区行政服务站"),
        Station("guicheng", "denghu", "桂城街道灯湖社区行政服务站"),
        Station("jiujiang", "rulin", "九江镇儒林社区行政服务站"),
        Station("xiqiao", "baixi", "西樵镇百西村行政服务站"),
        Station("danzao", "sucun", "丹灶镇苏村行政服务站"),
        Station("shishan", "guanyao", "狮山镇官窑社区行政服务站"),
        Station("dali", "lidong", "大沥镇沥东社区行政服务站"),
        Station("lishui", "heshun", "里水镇和顺社区行政服务站"),
    ]);

    public static IReadOnlyList<ServiceCentre> All { get; } = Array.AsReadOnly([.. Towns, .. CommunityStations]);

    /// <summary>The codes of the seven town centres: exactly the centres of a district matter.</summary>
    public static IReadOnlyList<string> TownCodes { get; } = Array.AsReadOnly(Towns.Select(t => t.Code).ToArray());

    static readonly Dictionary<string, ServiceCentre> byCode = All.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public static bool TryFind(string? code, [NotNullWhen(true)] out ServiceCentre? centre)
    {
        centre = null;
        return code is not null && byCode.TryGetValue(code, out centre);
    }

    static ServiceCentre Town(string code, string name) => new(code, name, ServiceCentreKind.TownCentre, code, IsDemo: false);

    static ServiceCentre Station(string town, string community, string name) =>
        new($"{town}-{community}", name, ServiceCentreKind.CommunityStation, town, IsDemo: true);
}
