using Nanhai.Domain.ELicences;
using Nanhai.Domain.ServiceMatters.Applications;
using static Nanhai.UnitTests.ServiceMatters.Applications.ApplicationFixtures;

namespace Nanhai.UnitTests.ServiceMatters.Applications;

/// <summary>预审 with e-licences (免证办): trust levels per 国办函〔2016〕108号.</summary>
public sealed class PreCheckTests
{
    static readonly CommandContext At = SystemAt(Monday.AddMinutes(1));

    [Theory]
    [InlineData(ELicenceTrustLevel.A)]
    [InlineData(ELicenceTrustLevel.B)]
    public void A_licence_of_trust_A_or_B_replaces_the_material(ELicenceTrustLevel level)
    {
        var application = Submit(new Setup());

        application.PreCheck(At, [BusinessLicence(level)]);

        Assert.Equal(ApplicationStatus.PreChecked, application.Status);
        var provided = application.Materials["business-licence"];
        Assert.True(provided.IsByLicence);
        Assert.Equal($"BL-{level}-0001", provided.LicenceNumber);
        Assert.Equal(level, provided.LicenceTrustLevel);
        Assert.Empty(application.MissingMaterials);
    }

    [Theory]
    [InlineData(ELicenceTrustLevel.C)]
    [InlineData(ELicenceTrustLevel.D)]
    public void A_licence_of_trust_C_or_D_does_not_replace_the_material_and_the_pre_check_fails(ELicenceTrustLevel level)
    {
        var application = Submit(new Setup());

        application.PreCheck(At, [BusinessLicence(level)]);

        Assert.Equal(ApplicationStatus.RejectedAtPreCheck, application.Status);
        Assert.Equal(["business-licence"], application.MissingMaterials);
        Assert.False(application.Materials.ContainsKey("business-licence"));
        var failed = Assert.IsType<PreCheckFailed>(application.PendingEvents[^1].Data);
        Assert.Equal(["business-licence"], failed.MissingMaterials);
    }

    [Fact]
    public void The_most_trusted_usable_licence_is_chosen()
    {
        var application = Submit(new Setup());

        application.PreCheck(At, [BusinessLicence(ELicenceTrustLevel.C), BusinessLicence(ELicenceTrustLevel.B), BusinessLicence(ELicenceTrustLevel.A)]);

        Assert.Equal(ELicenceTrustLevel.A, application.Materials["business-licence"].LicenceTrustLevel);
    }

    [Fact]
    public void Licences_of_someone_else_expired_or_of_another_type_are_ignored()
    {
        var application = Submit(new Setup());
        var licences = new[]
        {
            BusinessLicence(ELicenceTrustLevel.A, holder: "91440605MA00000000"),
            BusinessLicence(ELicenceTrustLevel.A, validUntil: D(2026, 3, 1)),
            BusinessLicence(ELicenceTrustLevel.A) with { Type = ELicenceType.FoodBusinessLicence.Code },
        };

        application.PreCheck(At, licences);

        Assert.Equal(ApplicationStatus.RejectedAtPreCheck, application.Status);
    }

    [Fact]
    public void A_missing_material_that_may_be_missing_at_acceptance_passes_as_missing()
    {
        var application = Submit(new Setup(Layout: false));

        application.PreCheck(At, [BusinessLicence(ELicenceTrustLevel.A)]);

        Assert.Equal(ApplicationStatus.PreChecked, application.Status);
        Assert.Equal(["layout"], application.MissingMaterials);
        var passed = Assert.IsType<PreCheckPassed>(application.PendingEvents[^1].Data);
        Assert.Equal(["layout"], passed.MissingMaterials);
        Assert.Equal("business-licence", Assert.Single(passed.Licences).MaterialId);
    }

    [Fact]
    public void A_failed_pre_check_lists_only_the_materials_that_may_not_be_missing_and_optional_ones_never()
    {
        var submission = Submission(new Setup(Layout: false)) with { Materials = [] };
        var application = ServiceApplication.Submit(Id, submission, FoodLicence(), ApplicantAt(Monday));

        application.PreCheck(At, []);

        Assert.Equal(["application", "business-licence"], application.MissingMaterials);
        Assert.Equal("预审未通过，缺少以下材料：食品经营许可申请书、营业执照。请备齐材料后重新提交申请。", application.NextStep);
    }

    [Fact]
    public void A_licence_handed_in_at_submission_counts_without_the_library()
    {
        var submission = Submission(new Setup()) with
        {
            Materials =
            [
                ProvidedMaterial.Uploaded("application", "materials/a.pdf"),
                ProvidedMaterial.Uploaded("layout", "materials/l.pdf"),
                ProvidedMaterial.ByLicence("business-licence", BusinessLicence(ELicenceTrustLevel.B)),
            ],
        };
        var application = ServiceApplication.Submit(Id, submission, FoodLicence(), ApplicantAt(Monday));

        application.PreCheck(At, []);

        Assert.Equal(ApplicationStatus.PreChecked, application.Status);
        Assert.Empty(Assert.IsType<PreCheckPassed>(application.PendingEvents[^1].Data).Licences);
    }
}
