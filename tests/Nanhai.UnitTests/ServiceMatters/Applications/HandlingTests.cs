using Nanhai.Domain.ELicences;
using Nanhai.Domain.ServiceMatters.Applications;
using static Nanhai.UnitTests.ServiceMatters.Applications.ApplicationFixtures;

namespace Nanhai.UnitTests.ServiceMatters.Applications;

/// <summary>The conditions on transitions beyond the state, and the input each command checks.</summary>
public sealed class HandlingTests
{
    static readonly DateTimeOffset Afternoon = Monday.AddHours(5);

    [Fact]
    public void Routing_goes_to_the_applicants_centre_and_may_not_override_it()
    {
        var application = InStatus(ApplicationStatus.PreChecked, new Setup());

        var e = Assert.Throws<ServiceApplicationValidationException>(() => application.Route(SystemAt(Afternoon), "dali"));
        Assert.Equal("centre", Assert.Single(e.Violations).Field);

        application.Route(SystemAt(Afternoon));
        Assert.Equal("guicheng", application.HandlingCentre);
    }

    [Fact]
    public void Without_the_applicants_choice_routing_names_one_of_the_matters_centres()
    {
        var submission = Submission(new Setup()) with { PreferredCentre = null };
        var application = ServiceApplication.Submit(Id, submission, FoodLicence(), ApplicantAt(Monday));
        application.PreCheck(SystemAt(Afternoon), [BusinessLicence(ELicenceTrustLevel.A)]);

        Assert.Throws<ServiceApplicationValidationException>(() => application.Route(SystemAt(Afternoon)));
        Assert.Throws<ServiceApplicationValidationException>(() => application.Route(SystemAt(Afternoon), "guicheng-xiadong"));
        application.Route(SystemAt(Afternoon), "shishan");

        Assert.Equal("shishan", application.HandlingCentre);
        Assert.Equal(ApplicationStatus.AwaitingAcceptance, application.Status);
    }

    [Fact]
    public void Plain_acceptance_is_refused_while_a_material_is_missing()
    {
        var application = AwaitingAcceptance(new Setup(Layout: false));

        var e = Assert.Throws<ServiceApplicationStateException>(() => application.Accept(StaffAt(Afternoon)));

        Assert.Contains("经营场所和设备布局图", e.Message);
        Assert.Equal([DecisionAction.AcceptWithMissing, DecisionAction.Reject, DecisionAction.RequestSupplement], application.AllowedDecisions);
    }

    [Fact]
    public void Acceptance_with_missing_materials_is_refused_when_nothing_is_missing()
    {
        var application = AwaitingAcceptance(new Setup());

        Assert.Throws<ServiceApplicationStateException>(() => application.AcceptWithMissing(StaffAt(Afternoon)));
        Assert.Equal([DecisionAction.Accept, DecisionAction.Reject, DecisionAction.RequestSupplement], application.AllowedDecisions);
    }

    [Fact]
    public void Approval_waits_for_the_missing_materials_and_their_supplement_clears_the_deadline()
    {
        var application = UnderReview(new Setup(Layout: false));
        Assert.Equal(D(2026, 3, 9), application.MissingMaterialsDeadline);

        Assert.Throws<ServiceApplicationStateException>(() => application.Approve(StaffAt(Afternoon)));
        Assert.Equal([DecisionAction.RequestSupplement, DecisionAction.Deny], application.AllowedDecisions);

        application.Supplement(ApplicantAt(Afternoon), [ProvidedMaterial.Uploaded("layout", "materials/layout.pdf")]);
        Assert.Empty(application.MissingMaterials);
        Assert.Null(application.MissingMaterialsDeadline);
        Assert.Null(application.SupplementDueUtc);
        Assert.Equal(ApplicationStatus.UnderReview, application.Status);

        application.Approve(StaffAt(Afternoon.AddMinutes(5)));
        Assert.Equal(ApplicationStatus.Approved, application.Status);
    }

    [Fact]
    public void Refusals_and_denials_need_a_reason()
    {
        var awaiting = AwaitingAcceptance(new Setup());
        var e = Assert.Throws<ServiceApplicationValidationException>(() => awaiting.Reject(StaffAt(Afternoon), "  "));
        Assert.Equal("reason", Assert.Single(e.Violations).Field);

        var underReview = UnderReview(new Setup());
        Assert.Throws<ServiceApplicationValidationException>(() => underReview.Deny(StaffAt(Afternoon), ""));
        Assert.Throws<ServiceApplicationValidationException>(() => underReview.Deny(StaffAt(Afternoon), new string('理', 501)));

        underReview.Deny(StaffAt(Afternoon), "  经营场所不符合要求  ");
        Assert.Equal("经营场所不符合要求", underReview.ClosingReason);
    }

    [Fact]
    public void A_request_for_supplements_names_known_materials_once_and_gives_a_reason()
    {
        var application = AwaitingAcceptance(new Setup());
        var version = application.Version;

        var e = Assert.Throws<ServiceApplicationValidationException>(
            () => application.RequestSupplement(StaffAt(Afternoon), ["application", "application", "licence-x"], ""));

        Assert.Equal(["materialIds[1]", "materialIds[2]", "reason"], e.Violations.Select(v => v.Field).Order());
        Assert.Throws<ServiceApplicationValidationException>(() => application.RequestSupplement(StaffAt(Afternoon), [], "缺材料"));
        Assert.Equal(version, application.Version);
    }

    [Fact]
    public void Supplements_may_come_in_parts_and_only_owed_materials_are_taken()
    {
        var application = AwaitingAcceptance(new Setup());
        application.RequestSupplement(StaffAt(Afternoon), ["application", "layout"], "申请书未签名，布局图不清晰");

        var e = Assert.Throws<ServiceApplicationValidationException>(
            () => application.Supplement(ApplicantAt(Afternoon.AddHours(1)), [ProvidedMaterial.Uploaded("other", "materials/o.pdf")]));
        Assert.Equal("materials[0].materialId", Assert.Single(e.Violations).Field);

        application.Supplement(ApplicantAt(Afternoon.AddHours(1)), [ProvidedMaterial.Uploaded("application", "materials/a2.pdf")]);
        Assert.Equal(ApplicationStatus.AwaitingSupplement, application.Status);
        Assert.Equal(["layout"], application.RequestedMaterials);
        Assert.False(Assert.IsType<MaterialsSupplemented>(application.PendingEvents[^1].Data).Resumed);

        application.Supplement(ApplicantAt(Afternoon.AddHours(2)), [ProvidedMaterial.Uploaded("layout", "materials/l2.pdf")]);
        Assert.Equal(ApplicationStatus.AwaitingAcceptance, application.Status);
        Assert.Empty(application.OutstandingMaterials);
        Assert.Null(application.SupplementDeadline);
        Assert.Equal("materials/l2.pdf", application.Materials["layout"].BlobName);
    }

    [Fact]
    public void A_result_needs_its_document_and_verification_code()
    {
        var application = InStatus(ApplicationStatus.Approved, new Setup());

        var e = Assert.Throws<ServiceApplicationValidationException>(() => application.IssueResult(SystemAt(Afternoon), "", " "));

        Assert.Equal(["documentBlobName", "verificationCode"], e.Violations.Select(v => v.Field).Order());
    }

    [Fact]
    public void Mail_is_dispatched_once_and_delivered_only_after_dispatch()
    {
        var application = InStatus(ApplicationStatus.AwaitingDelivery, new Setup(Mail: true));

        Assert.Throws<ServiceApplicationStateException>(() => application.ConfirmMailDelivered(SystemAt(Afternoon)));
        application.RecordMailDispatched(SystemAt(Afternoon), "SF1234567890");
        Assert.Throws<ServiceApplicationStateException>(() => application.RecordMailDispatched(SystemAt(Afternoon.AddHours(1)), "SF999"));
        Assert.Equal("SF1234567890", application.WaybillNumber);
        Assert.Empty(application.AllowedDecisions);
    }

    [Fact]
    public void Staff_decisions_from_the_api_reach_their_commands()
    {
        var application = AwaitingAcceptance(new Setup());

        application.Decide(StaffAt(Afternoon), StaffDecision.Create("request-supplement", "申请书未签名", ["application"]));
        Assert.Equal(ApplicationStatus.AwaitingSupplement, application.Status);
        Assert.Equal("申请书未签名", application.SupplementReason);

        application.Supplement(ApplicantAt(Afternoon.AddHours(1)), [ProvidedMaterial.Uploaded("application", "materials/a2.pdf")]);
        application.Decide(StaffAt(Afternoon.AddHours(2)), StaffDecision.Create("accept"));
        application.Decide(StaffAt(Afternoon.AddHours(3)), StaffDecision.Create("APPROVE"));
        Assert.Equal(ApplicationStatus.Approved, application.Status);

        var e = Assert.Throws<ServiceApplicationStateException>(
            () => application.Decide(StaffAt(Afternoon.AddHours(4)), StaffDecision.Create("confirm-pickup")));
        Assert.Contains("确认领取", e.Message);
    }

    [Fact]
    public void A_supplement_deadline_that_has_not_passed_closes_nothing()
    {
        var application = InStatus(ApplicationStatus.AwaitingSupplement, new Setup());
        Assert.Equal(D(2026, 3, 9), application.SupplementDeadline);

        Assert.Throws<ServiceApplicationStateException>(() => application.SupplementDeadlinePassed(SystemAt(China(2026, 3, 9, 23, 59))));
        application.SupplementDeadlinePassed(SystemAt(China(2026, 3, 10, 0)));

        Assert.Equal(ApplicationStatus.ClosedNotSupplemented, application.Status);
        var closed = Assert.IsType<ApplicationClosedNotSupplemented>(application.PendingEvents[^1].Data);
        Assert.Equal(D(2026, 3, 9), closed.SupplementDeadline);
        Assert.Equal(["application"], closed.OutstandingMaterials);
    }
}
