using System.Diagnostics;
using Microsoft.DurableTask.Client;
using Nanhai.Application.ServiceMatters.Applications;
using Nanhai.Domain.ELicences;
using Nanhai.Domain.ServiceMatters.Applications;
using Nanhai.UnitTests.ServiceMatters.Applications;
using Xunit.Abstractions;
using static Nanhai.UnitTests.ServiceMatters.Applications.ApplicationFixtures;

namespace Nanhai.UnitTests.ServiceMatters.Workflow;

/// <summary>The handling workflow's paths driven by people: pre-check, acceptance, decisions, withdrawal.</summary>
public sealed class ApplicationHandlingPathTests(ITestOutputHelper output) : ApplicationWorkflowHarness(output)
{
    [Fact]
    public async Task An_application_is_prechecked_with_an_A_level_licence_routed_and_after_approval_gets_its_result_and_completes_on_pickup()
    {
        Licences.Hold(BusinessLicence(ELicenceTrustLevel.A));
        var id = await SubmitAsync(new Setup());

        var routed = await WaitForWorkflowStatusAsync(id, ApplicationStatus.AwaitingAcceptance);
        Assert.Equal(OrchestrationRuntimeStatus.Running, routed.RuntimeStatus);
        var application = await LoadAsync(id);
        Assert.Equal(ApplicationStatus.AwaitingAcceptance, application.Status);
        Assert.Equal(Centre, application.HandlingCentre);
        Assert.Equal(new ProvidedMaterial("business-licence", LicenceNumber: "BL-A-0001", LicenceTrustLevel: ELicenceTrustLevel.A),
            application.Materials["business-licence"]);
        Assert.Empty(application.MissingMaterials);
        Assert.Equal(1, Licences.Calls);

        // A change notice with no change (e.g. a repeated request) makes the workflow look, and nothing else.
        await Client.RaiseEventAsync(id, ApplicationHandlingOrchestrator.ChangedEvent, "AwaitingAcceptance");
        await DecideAsync(id, DecisionAction.Accept);
        await WaitForWorkflowStatusAsync(id, ApplicationStatus.UnderReview);
        // The workflow now waits on the 督办 timer, days ahead; the approval must replace it.
        Assert.Equal(ApplicationTimerKind.EscalationPoint, ApplicationSchedule.Of(await LoadAsync(id)).NextTimer?.Kind);
        await DecideAsync(id, DecisionAction.Approve);

        var awaitingPickup = await WaitForWorkflowStatusAsync(id, ApplicationStatus.AwaitingPickup);
        Assert.Equal(OrchestrationRuntimeStatus.Running, awaitingPickup.RuntimeStatus);
        var issued = await LoadAsync(id);
        var document = Assert.Single(Documents.Documents).Value;
        Assert.Equal(document.BlobName, issued.ResultDocumentBlobName);
        Assert.Equal(document.VerificationCode, issued.VerificationCode);
        Assert.Equal(CommandContext.SystemActor, issued.Events[^1].Actor);
        Assert.Equal(1, Documents.Calls);

        await DecideAsync(id, DecisionAction.ConfirmPickup);
        await WaitForCompletionAsync(id, ApplicationStatus.Completed);

        var completed = await LoadAsync(id);
        Assert.Equal(EscalationLevel.None, completed.Escalation);
        Assert.True(completed.ConcludedOnTime);
        await AssertTimelineAsync(id,
            T.Submitted, T.PreCheckPassed, T.Routed, T.Accepted, T.Approved, T.ResultIssued, T.PickupConfirmed);
        Assert.Equal(1, Licences.Calls);
    }

    public static TheoryData<string> UnusableLicences => ["none", "C-level", "expired", "another holder's"];

    [Theory]
    [MemberData(nameof(UnusableLicences))]
    public async Task Without_a_usable_licence_a_required_material_that_may_not_be_missing_fails_the_precheck_and_ends_the_workflow(string licence)
    {
        switch (licence)
        {
            case "C-level": Licences.Hold(BusinessLicence(ELicenceTrustLevel.C)); break;
            case "expired": Licences.Hold(BusinessLicence(ELicenceTrustLevel.A, validUntil: D(2025, 12, 31))); break;
            case "another holder's": Licences.Hold(BusinessLicence(ELicenceTrustLevel.A, holder: ReferenceChecksumsCode())); break;
        }
        var id = await SubmitAsync(new Setup());

        await WaitForCompletionAsync(id, ApplicationStatus.RejectedAtPreCheck);

        var application = await LoadAsync(id);
        Assert.Equal(["business-licence"], application.MissingMaterials);
        Assert.Null(application.HandlingCentre);
        await AssertTimelineAsync(id, T.Submitted, T.PreCheckFailed);
    }

    [Fact]
    public async Task When_the_licence_library_is_unreachable_the_precheck_is_retried_and_passes_once_it_answers()
    {
        Licences.Hold(BusinessLicence(ELicenceTrustLevel.A)).FailNext(2);
        var started = Stopwatch.StartNew();
        var id = await SubmitAsync(new Setup());

        await WaitForWorkflowStatusAsync(id, ApplicationStatus.AwaitingAcceptance);

        Assert.Equal(3, Licences.Calls);
        // Two retries with the workflow's back-off (2 s, then 4 s), not a conclusion that the applicant has no licence.
        Assert.True(started.Elapsed >= TimeSpan.FromSeconds(5.5), $"passed after {started.Elapsed}");
        var application = await LoadAsync(id);
        Assert.True(application.Materials["business-licence"].IsByLicence);
        await AssertTimelineAsync(id, T.Submitted, T.PreCheckPassed, T.Routed);

        await DecideAsync(id, DecisionAction.Reject, "经营场所不在本镇街辖区");
        await WaitForCompletionAsync(id, ApplicationStatus.Rejected);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Withdrawal_before_approval_ends_the_workflow_as_withdrawn(bool accepted)
    {
        Licences.Hold(BusinessLicence(ELicenceTrustLevel.A));
        var id = await SubmitAsync(new Setup());
        await WaitForWorkflowStatusAsync(id, ApplicationStatus.AwaitingAcceptance);
        if (accepted)
        {
            await DecideAsync(id, DecisionAction.Accept);
            await WaitForWorkflowStatusAsync(id, ApplicationStatus.UnderReview);
        }

        await WithdrawAsync(id, "信息填写有误，重新申请");

        await WaitForCompletionAsync(id, ApplicationStatus.Withdrawn);
        Assert.Equal("信息填写有误，重新申请", (await LoadAsync(id)).ClosingReason);
        await AssertTimelineAsync(id,
            accepted ? [T.Submitted, T.PreCheckPassed, T.Routed, T.Accepted, T.Withdrawn] : [T.Submitted, T.PreCheckPassed, T.Routed, T.Withdrawn]);
        Assert.Equal(0, Documents.Calls);
    }

    [Fact]
    public async Task Rejection_at_acceptance_ends_the_workflow()
    {
        Licences.Hold(BusinessLicence(ELicenceTrustLevel.A));
        var id = await SubmitAsync(new Setup());
        await WaitForWorkflowStatusAsync(id, ApplicationStatus.AwaitingAcceptance);

        await DecideAsync(id, DecisionAction.Reject, "经营场所不在本镇街辖区");

        await WaitForCompletionAsync(id, ApplicationStatus.Rejected);
        Assert.Equal("经营场所不在本镇街辖区", (await LoadAsync(id)).ClosingReason);
        await AssertTimelineAsync(id, T.Submitted, T.PreCheckPassed, T.Routed, T.Rejected);
    }

    [Fact]
    public async Task Denial_after_review_ends_the_workflow_without_a_result_or_escalation()
    {
        Licences.Hold(BusinessLicence(ELicenceTrustLevel.A));
        var id = await SubmitAsync(new Setup());
        await WaitForWorkflowStatusAsync(id, ApplicationStatus.AwaitingAcceptance);
        await DecideAsync(id, DecisionAction.Accept);
        await WaitForWorkflowStatusAsync(id, ApplicationStatus.UnderReview);

        await DecideAsync(id, DecisionAction.Deny, "经现场核查，经营场所不符合食品安全要求");

        await WaitForCompletionAsync(id, ApplicationStatus.Denied);
        var denied = await LoadAsync(id);
        Assert.Equal(EscalationLevel.None, denied.Escalation);
        Assert.True(denied.ConcludedOnTime);
        await AssertTimelineAsync(id, T.Submitted, T.PreCheckPassed, T.Routed, T.Accepted, T.Denied);
        Assert.Equal(0, Documents.Calls);
    }

    /// <summary>A valid credit code of another Nanhai enterprise.</summary>
    static string ReferenceChecksumsCode() => Nanhai.UnitTests.Identifiers.ReferenceChecksums.CreditCode("91", "440605", "MA4X8R3C");
}
