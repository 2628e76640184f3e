using Nanhai.Domain.ServiceMatters;
using static Nanhai.UnitTests.ServiceMatters.SampleMatters;

namespace Nanhai.UnitTests.ServiceMatters;

public sealed class MatterAttributeTests
{
    [Theory]
    [InlineData(0, true, true)]
    [InlineData(1, false, true)]
    [InlineData(2, false, false)]
    [InlineData(3, false, false)]
    public void Visit_attributes_derive_from_the_number_of_visits(int visits, bool zeroVisit, bool atMostOne)
    {
        var definition = FoodBusinessLicence() with { VisitsRequired = visits };

        Assert.Equal(zeroVisit, definition.IsZeroVisit);
        Assert.Equal(atMostOne, definition.IsAtMostOneVisit);
        Assert.Equal(zeroVisit, definition.Has(MatterAttribute.ZeroVisit));
        Assert.Equal(atMostOne, definition.Has(MatterAttribute.AtMostOneVisit));
    }

    [Fact]
    public void Accept_with_missing_means_some_material_may_be_missing()
    {
        var definition = FoodBusinessLicence();
        Assert.True(definition.AllowsAcceptWithMissing);

        var none = definition with { Materials = [.. definition.Materials.Select(m => m with { MayBeMissingAtAcceptance = false })] };
        Assert.False(none.AllowsAcceptWithMissing);
        Assert.False(none.Has(MatterAttribute.AcceptWithMissing));
    }

    [Fact]
    public void Mail_delivery_means_provincial_mail_is_offered()
    {
        Assert.True(FoodBusinessLicence().OffersMail);
        Assert.False((FoodBusinessLicence() with { DeliveryOptions = [DeliveryOption.WindowPickUp] }).Has(MatterAttribute.MailDelivery));
    }

    [Fact]
    public void Certificate_free_means_some_material_is_replaceable_by_an_e_licence()
    {
        var definition = FoodBusinessLicence();
        Assert.True(definition.IsCertificateFree);

        var none = definition with { Materials = [.. definition.Materials.Select(m => m with { ReplaceableByLicence = null })] };
        Assert.False(none.Has(MatterAttribute.CertificateFree));
    }

    [Fact]
    public void A_matter_with_no_materials_has_neither_material_attribute()
    {
        var definition = FoodBusinessLicence() with { Materials = [] };
        Assert.False(definition.AllowsAcceptWithMissing);
        Assert.False(definition.IsCertificateFree);
    }

    [Theory]
    [InlineData("zero-visit", MatterAttribute.ZeroVisit, "不见面")]
    [InlineData("at-most-one-visit", MatterAttribute.AtMostOneVisit, "最多跑一次")]
    [InlineData("accept-with-missing", MatterAttribute.AcceptWithMissing, "容缺受理")]
    [InlineData("mail-delivery", MatterAttribute.MailDelivery, "省内包邮")]
    [InlineData("certificate-free", MatterAttribute.CertificateFree, "免证办")]
    public void Attributes_have_stable_codes_and_chinese_names(string code, MatterAttribute attribute, string chinese)
    {
        Assert.Equal(code, attribute.Code());
        Assert.Equal(chinese, attribute.ToChinese());
        Assert.True(MatterAttributes.TryParse(code.ToUpperInvariant(), out var parsed));
        Assert.Equal(attribute, parsed);
    }

    [Fact]
    public void An_unknown_attribute_code_does_not_parse()
    {
        Assert.False(MatterAttributes.TryParse("free", out _));
        Assert.False(MatterAttributes.TryParse(null, out _));
    }
}
