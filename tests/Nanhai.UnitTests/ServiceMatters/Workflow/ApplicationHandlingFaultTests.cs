using Nanhai.Domain.ELicences;
using Nanhai.Domain.ServiceMatters.Applications;
using Nanhai.UnitTests.ServiceMatters.Applications;
using Xunit.Abstractions;
using static Nanhai.UnitTests.ServiceMatters.Applications.ApplicationFixtures;

namespace Nanhai.UnitTests.ServiceMatters.Workflow;

/// <summary>The workflow where the applicant left a choice to routing, and where a port fails after the event is stored.</summary>
public sealed class ApplicationHandlingFaultTests(ITestOutputHelper output) : ApplicationWorkflowHarness(output)
{
    [Fact]
    public async Task Without_the_applicants_choice_of_centre_the_workflow_routes_to_one_of_the_matters_centres()
    {
        Licences.Hold(BusinessLicence(ELicenceTrustLevel.A));
        var matter = FoodLicence();
        var id = await SubmitAsync(new Setup(Matter: matter), preferredCentre: null);

        await WaitForWorkflowStatusAsync(id, ApplicationStatus.AwaitingAcceptance, TimeSpan.FromSeconds(50));

        Assert.Contains((await LoadAsync(id)).HandlingCentre, matter.Definition.Centres);
        await AssertTimelineAsync(id, T.Submitted, T.PreCheckPassed, T.Routed);
    }

    [Fact]
    public async Task A_result_issued_whose_integration_event_failed_to_publish_is_published_by_the_next_relay_run()
    {
        Licences.Hold(BusinessLicence(ELicenceTrustLevel.A));
        var id = await SubmitAsync(new Setup());
        await WaitForWorkflowStatusAsync(id, ApplicationStatus.AwaitingAcceptance);
        await DecideAsync(id, DecisionAction.Accept);
        await WaitForWorkflowStatusAsync(id, ApplicationStatus.UnderReview);
        Publisher.FailOnce($".{T.ResultIssued}.v1");

        await DecideAsync(id, DecisionAction.Approve);

        await WaitForWorkflowStatusAsync(id, ApplicationStatus.AwaitingPickup);
        await AssertTimelineAsync(id, T.Submitted, T.PreCheckPassed, T.Routed, T.Accepted, T.Approved, T.ResultIssued);
    }

    [Fact]
    public async Task A_staff_decision_whose_integration_event_fails_to_publish_still_reaches_the_workflow()
    {
        Licences.Hold(BusinessLicence(ELicenceTrustLevel.A));
        var id = await SubmitAsync(new Setup());
        await WaitForWorkflowStatusAsync(id, ApplicationStatus.AwaitingAcceptance);
        await DecideAsync(id, DecisionAction.Accept);
        await WaitForWorkflowStatusAsync(id, ApplicationStatus.UnderReview);
        Publisher.FailOnce($".{T.Approved}.v1");

        // Publishing is no longer part of the decision: it succeeds, the workflow hears of it, and the relay retries the event.
        await DecideAsync(id, DecisionAction.Approve);
        await Assert.ThrowsAsync<ServiceApplicationStateException>(() => DecideAsync(id, DecisionAction.Approve));

        await WaitForWorkflowStatusAsync(id, ApplicationStatus.AwaitingPickup);
        await AssertTimelineAsync(id, T.Submitted, T.PreCheckPassed, T.Routed, T.Accepted, T.Approved, T.ResultIssued);
    }
}
