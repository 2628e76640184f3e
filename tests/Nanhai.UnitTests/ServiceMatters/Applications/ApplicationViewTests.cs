using System.Text.Json;
using Nanhai.Application.Security;
using Nanhai.Application.ServiceMatters.Applications;
using Nanhai.Domain.ELicences;
using Nanhai.Domain.Identifiers;
using Nanhai.Domain.ServiceMatters.Applications;
using static Nanhai.UnitTests.ServiceMatters.Applications.ApplicationFixtures;

namespace Nanhai.UnitTests.ServiceMatters.Applications;

/// <summary>
/// What the staff's application view adds (applicant masked, answers, delivery, licence numbers and file links) and who
/// may read an application at all.
/// </summary>
public sealed class ApplicationViewTests
{
    static readonly JsonElement FoodForm = JsonDocument.Parse("""
        {"type": "object", "properties": {
          "contactPhone": {"type": "string", "title": "联系电话"},
          "applicantName": {"type": "string", "title": "申请人姓名"}}}
        """).RootElement.Clone();

    [Theory]
    [InlineData("440605198503120024", "440605********0024")]
    [InlineData("44060519900101123X", "440605********123X")]
    [InlineData("91440605MA4W7Q2B3N", "914406********2B3N")]
    [InlineData("1234567890", "**********")]
    [InlineData("12345678901", "123456*8901")]
    [InlineData("", "")]
    public void Identifiers_are_masked_keeping_the_first_six_and_the_last_four(string identifier, string masked) =>
        Assert.Equal(masked, ApplicantIdentifiers.Mask(identifier));

    [Fact]
    public void The_resident_number_masks_the_same_way()
    {
        var number = ResidentIdentityNumber.Validate("440605198503120024", D(2026, 3, 2)).Value!;
        Assert.Equal(ApplicantIdentifiers.Mask(number.Value), number.Masked);
        Assert.Equal("440605********0024", number.Masked);
    }

    [Fact]
    public void The_view_shows_the_applicant_masked_the_answers_by_the_form_and_the_mail_address()
    {
        var application = AwaitingAcceptance(new Setup(Mail: true));

        var view = ApplicationView.Of(application, Monday.AddHours(2), FoodForm);

        Assert.Equal(new ApplicantView("佛山市南海区桂城味道餐饮有限公司", CreditCode[..6] + "********" + CreditCode[^4..]), view.Applicant);
        Assert.DoesNotContain(CreditCode, JsonSerializer.Serialize(view, JsonSerializerOptions.Web));
        Assert.Equal([new AnswerView("contactPhone", "联系电话", "13800138000"), new AnswerView("applicantName", "申请人姓名", "陈小明")], view.Answers);
        Assert.Equal(new DeliveryView("provincialMail", "省内包邮", Address), view.Delivery);
    }

    [Fact]
    public void Window_pick_up_has_no_address()
    {
        var view = ApplicationView.Of(AwaitingAcceptance(new Setup()), Monday, FoodForm);
        Assert.Equal(new DeliveryView("windowPickUp", "窗口领取", null), view.Delivery);
    }

    [Fact]
    public void Uploaded_materials_link_their_file_and_e_licences_give_their_number()
    {
        var view = ApplicationView.Of(AwaitingAcceptance(new Setup()), Monday, FoodForm);
        var materials = view.Materials.ToDictionary(m => m.MaterialId);

        Assert.Equal($"/api/applications/{Id}/materials/application/file", materials["application"].FileUrl);
        Assert.Null(materials["application"].LicenceNumber);
        Assert.Equal("upload", materials["application"].Provided);

        Assert.Equal("e-licence", materials["business-licence"].Provided);
        Assert.Equal(BusinessLicence(ELicenceTrustLevel.A).Number, materials["business-licence"].LicenceNumber);
        Assert.Equal("A", materials["business-licence"].LicenceTrustLevel);
        Assert.Null(materials["business-licence"].FileUrl);

        Assert.Equal("none", materials["other"].Provided);
        Assert.Null(materials["other"].FileUrl);
        Assert.Null(materials["other"].LicenceNumber);
    }

    [Fact]
    public void The_json_keeps_its_fields_and_adds_applicant_answers_and_delivery_at_the_end()
    {
        var view = ApplicationView.Of(AwaitingAcceptance(new Setup()), Monday, FoodForm);
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(view, JsonSerializerOptions.Web));

        Assert.Equal(
            ["id", "version", "status", "matterCode", "matterVersion", "matterName", "handlingCentre", "submittedAt", "acceptedOn",
             "deadline", "workingDaysLeft", "escalation", "nextStep", "materials", "outstandingMaterials", "supplementDeadline",
             "verificationCode", "allowedDecisions", "timeline", "applicant", "answers", "delivery"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["materialId", "name", "required", "provided", "licenceTrustLevel", "licenceNumber", "fileUrl"],
            json.RootElement.GetProperty("materials")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["name", "idNumberMasked"], json.RootElement.GetProperty("applicant").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["field", "label", "value"], json.RootElement.GetProperty("answers")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["code", "name", "address"], json.RootElement.GetProperty("delivery").EnumerateObject().Select(p => p.Name));
    }

    static Caller Caller(string role, string subject = "someone", string? centre = null) =>
        new(subject, new HashSet<string> { role }, null, centre, null);

    [Fact]
    public void Applicants_read_their_own_centre_staff_their_centre_s_and_district_administrators_any()
    {
        var routed = AwaitingAcceptance(new Setup()); // routed to guicheng, the applicant's choice
        Assert.Equal("guicheng", routed.HandlingCentre);

        Assert.True(ApplicationCommands.MayRead(routed, Caller(Roles.Applicant, ApplicantSubject)));
        Assert.False(ApplicationCommands.MayRead(routed, Caller(Roles.Applicant, "another-applicant")));
        Assert.True(ApplicationCommands.MayRead(routed, Caller(Roles.CentreStaff, Staff, "guicheng")));
        Assert.False(ApplicationCommands.MayRead(routed, Caller(Roles.CentreStaff, Staff, "dali")));
        Assert.False(ApplicationCommands.MayRead(routed, Caller(Roles.CentreStaff, Staff)));
        Assert.True(ApplicationCommands.MayRead(routed, Caller(Roles.DistrictAdmin)));
        Assert.False(ApplicationCommands.MayRead(routed, Caller(Roles.UnitOfficer, ApplicantSubject)));
        // A staff member's subject is no applicant's key: the centre decides.
        Assert.False(ApplicationCommands.MayRead(routed, Caller(Roles.CentreStaff, ApplicantSubject, "dali")));
    }

    [Fact]
    public void Before_routing_the_centre_the_applicant_chose_may_read_it()
    {
        var submitted = Submit(new Setup());
        Assert.Null(submitted.HandlingCentre);

        Assert.True(ApplicationCommands.MayRead(submitted, Caller(Roles.CentreStaff, Staff, "guicheng")));
        Assert.False(ApplicationCommands.MayRead(submitted, Caller(Roles.CentreStaff, Staff, "dali")));
    }
}
