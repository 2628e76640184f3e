using Nanhai.Domain.ELicences;
using Nanhai.Domain.ServiceMatters;

namespace Nanhai.UnitTests.ServiceMatters;

public sealed class ServiceMatterReferenceTests
{
    [Fact]
    public void The_seven_towns_have_centres_and_there_is_no_district_centre()
    {
        Assert.Equal(["guicheng", "jiujiang", "xiqiao", "danzao", "shishan", "dali", "lishui"], ServiceCentres.TownCodes);
        Assert.All(ServiceCentres.Towns, t => Assert.Equal(ServiceCentreKind.TownCentre, t.Kind));
        Assert.False(ServiceCentres.TryFind("district", out _));
    }

    [Fact]
    public void Community_stations_belong_to_a_town_are_coded_under_it_and_marked_as_demo()
    {
        Assert.All(ServiceCentres.CommunityStations, s =>
        {
            Assert.Contains(s.TownCode, ServiceCentres.TownCodes);
            Assert.StartsWith($"{s.TownCode}-", s.Code);
            Assert.True(s.IsDemo);
        });
        Assert.Equal(ServiceCentres.Towns.Count, ServiceCentres.CommunityStations.Select(s => s.TownCode).Distinct().Count());
        Assert.True(ServiceCentres.TryFind("guicheng-xiadong", out var station));
        Assert.Equal("桂城街道夏东社区行政服务站", station.Name);
    }

    [Fact]
    public void The_twelve_e_licence_types_have_unique_stable_codes()
    {
        Assert.Equal(12, ELicenceType.All.Count);
        Assert.Equal(12, ELicenceType.All.Select(t => t.Code).Distinct().Count());
        Assert.True(ELicenceType.TryFind("resident-id-card", out var id));
        Assert.Equal("居民身份证", id.Name);
        Assert.False(ELicenceType.TryFind("Resident-Id-Card", out _));
        Assert.False(ELicenceType.TryFind(null, out _));
    }

    [Fact]
    public void Enumerations_have_chinese_names()
    {
        Assert.Equal("区级", HandlingLevel.District.ToChinese());
        Assert.Equal("镇街", HandlingLevel.Town.ToChinese());
        Assert.Equal("村居", HandlingLevel.Community.ToChinese());
        Assert.Equal("即办件", MatterKind.OnTheSpot.ToChinese());
        Assert.Equal("承诺件", MatterKind.Promised.ToChinese());
        Assert.Equal("省内包邮", DeliveryOption.ProvincialMail.ToChinese());
        Assert.Equal("原件", MaterialForm.Original.ToChinese());
        Assert.Equal("已停用", MatterStatus.Retired.ToChinese());
    }
}
