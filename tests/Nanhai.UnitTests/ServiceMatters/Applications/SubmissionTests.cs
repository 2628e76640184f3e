using System.Text.Json;
using Nanhai.Domain.ELicences;
using Nanhai.Domain.Identifiers;
using Nanhai.Domain.ServiceMatters;
using Nanhai.Domain.ServiceMatters.Applications;
using static Nanhai.UnitTests.ServiceMatters.Applications.ApplicationFixtures;

namespace Nanhai.UnitTests.ServiceMatters.Applications;

public sealed class SubmissionTests
{
    [Fact]
    public void A_submission_pins_the_matter_version_and_records_one_pending_event()
    {
        var version = FoodLicence();

        var application = ServiceApplication.Submit(Id, Submission(new Setup()), version, ApplicantAt(Monday));

        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal(version.Ref, application.Matter.Version);
        Assert.Equal(10, application.Matter.PromisedWorkingDays);
        Assert.Equal(4, application.Matter.Materials.Count);
        Assert.Equal(Monday, application.SubmittedAt);
        Assert.Equal(1, application.Version);
        Assert.Equal(0, application.CommittedVersion);
        var e = Assert.Single(application.PendingEvents);
        Assert.Equal(ServiceApplicationEventTypes.Submitted, e.Type);
        Assert.Equal(ApplicantSubject, e.Actor);
        Assert.Matches($"^{Id}:1:[0-9a-f]{{8}}$", e.EventId);
        Assert.Equal(["application", "layout"], application.Materials.Keys.Order());
        Assert.Null(application.HandlingCentre);
        Assert.Equal("guicheng", application.PreferredCentre);
    }

    [Fact]
    public void The_identifier_is_normalised_and_a_credit_code_warning_is_kept_for_staff()
    {
        var person = Submission(new Setup()) with
        {
            Applicant = new Applicant(ApplicantSubject, ApplicantKind.Person, " 11010519491231002x ", " 陈小明 ", "13800138000"),
        };
        Assert.Equal(PersonId, ServiceApplication.Submit(Id, person, FoodLicence(), ApplicantAt(Monday)).Applicant.Identifier);

        // An early genuine code that fails its checksum is accepted with a warning (ARCHITECTURE §7).
        var early = Submission(new Setup()) with
        {
            Applicant = new Applicant(ApplicantSubject, ApplicantKind.Organisation, "91350100M000100Y44", "某公司", "13800138000"),
        };
        var application = ServiceApplication.Submit(Id, early, FoodLicence(), ApplicantAt(Monday));
        Assert.NotEmpty(application.IdentifierWarnings);
    }

    [Fact]
    public void Every_problem_of_a_submission_is_reported_by_field_and_nothing_is_created()
    {
        var bad = new ApplicationSubmission(
            new Applicant(ApplicantSubject, ApplicantKind.Person, "110105194912310021", "", "12345"),
            default,
            [
                ProvidedMaterial.Uploaded("unknown", "materials/x.pdf"),
                ProvidedMaterial.Uploaded("application", "materials/a.pdf"),
                ProvidedMaterial.Uploaded("application", "materials/b.pdf"),
                new ProvidedMaterial("layout"),
                new ProvidedMaterial("other", LicenceNumber: "L-1", LicenceTrustLevel: ELicenceTrustLevel.A),
                new ProvidedMaterial("business-licence", LicenceNumber: "BL-1", LicenceTrustLevel: ELicenceTrustLevel.C),
            ],
            new DeliveryChoice(DeliveryOption.ProvincialMail),
            PreferredCentre: "guangzhou");

        var e = Assert.Throws<ServiceApplicationValidationException>(
            () => ServiceApplication.Submit("bad id!", bad, FoodLicence(), ApplicantAt(Monday)));

        var errors = e.ToFieldErrors();
        Assert.Equal(
            [
                "answers", "applicant.identifier", "applicant.name", "applicant.phone", "delivery.address", "id",
                "materials[0].materialId", "materials[2].materialId", "materials[3]", "materials[4].licenceNumber",
                "materials[5].licenceTrustLevel", "preferredCentre",
            ],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(errors["applicant.identifier"], m => m.Contains("校验"));
        Assert.Contains(errors["materials[5].licenceTrustLevel"], m => m.Contains("C级"));
    }

    [Fact]
    public void An_applicant_without_a_name_is_refused_even_with_a_valid_identifier()
    {
        var submission = Submission(new Setup()) with
        {
            Applicant = new Applicant(ApplicantSubject, ApplicantKind.Organisation, CreditCode, null!, "0757-86281234"),
        };

        var e = Assert.Throws<ServiceApplicationValidationException>(
            () => ServiceApplication.Submit(Id, submission, FoodLicence(), ApplicantAt(Monday)));

        Assert.Equal("applicant.name", Assert.Single(e.Violations).Field);
    }

    [Fact]
    public void A_delivery_the_matter_does_not_offer_is_refused()
    {
        var submission = Submission(new Setup(Mail: true));

        var e = Assert.Throws<ServiceApplicationValidationException>(
            () => ServiceApplication.Submit(Id, submission, FoodLicence(mail: false), ApplicantAt(Monday)));

        Assert.Equal("delivery.option", Assert.Single(e.Violations).Field);
    }

    [Fact]
    public void A_mail_address_must_be_complete_and_window_pick_up_takes_none()
    {
        var incomplete = Submission(new Setup()) with { Delivery = DeliveryChoice.Mail(Address with { Recipient = " ", Detail = "" }) };
        var e = Assert.Throws<ServiceApplicationValidationException>(
            () => ServiceApplication.Submit(Id, incomplete, FoodLicence(), ApplicantAt(Monday)));
        Assert.Equal(["delivery.address.detail", "delivery.address.recipient"], e.Violations.Select(v => v.Field).Order());

        var pickUpWithAddress = Submission(new Setup()) with { Delivery = new DeliveryChoice(DeliveryOption.WindowPickUp, Address) };
        e = Assert.Throws<ServiceApplicationValidationException>(
            () => ServiceApplication.Submit(Id, pickUpWithAddress, FoodLicence(), ApplicantAt(Monday)));
        Assert.Equal("delivery.address", Assert.Single(e.Violations).Field);
    }

    [Fact]
    public void The_answers_are_kept_as_submitted_and_independent_of_the_callers_document()
    {
        using var document = JsonDocument.Parse("""{"applicantName":"陈小明","seats":40}""");
        var submission = Submission(new Setup()) with { Answers = document.RootElement };

        var application = ServiceApplication.Submit(Id, submission, FoodLicence(), ApplicantAt(Monday));
        document.Dispose();

        Assert.Equal(40, application.Answers.GetProperty("seats").GetInt32());
    }
}
