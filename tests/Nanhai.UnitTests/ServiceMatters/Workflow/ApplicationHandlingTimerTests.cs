using Microsoft.DurableTask.Client;
using Nanhai.Application.ServiceMatters.Applications;
using Nanhai.Domain.Calendar;
using Nanhai.Domain.ELicences;
using Nanhai.Domain.ServiceMatters.Applications;
using Nanhai.UnitTests.ServiceMatters.Applications;
using Xunit.Abstractions;
using static Nanhai.UnitTests.ServiceMatters.Applications.ApplicationFixtures;

namespace Nanhai.UnitTests.ServiceMatters.Workflow;

/// <summary>
/// The working-day timers on real durable timers. Limits end at the end of a China working day, so they are made short by
/// dating the staff decision weeks ago (Monday 2 March 2026): the 督办 point, the deadline or the supplement deadline has
/// then passed when the workflow starts waiting, and its timer fires at once.
/// </summary>
public sealed class ApplicationHandlingTimerTests(ITestOutputHelper output) : ApplicationWorkflowHarness(output)
{
    [Fact]
    public async Task Past_the_80_percent_point_and_the_deadline_the_workflow_escalates_twice_and_keeps_waiting_for_the_decision()
    {
        Licences.Hold(BusinessLicence(ELicenceTrustLevel.A));
        var id = await SubmitAsync(new Setup(Matter: FoodLicence(promisedWorkingDays: 5)), WeeksAgo);
        await WaitForWorkflowStatusAsync(id, ApplicationStatus.AwaitingAcceptance);

        // Accepted Monday 2 March with 5 working days promised: 督办 at the end of Friday 6 March, deadline Monday 9 March.
        await DecideAsync(id, DecisionAction.Accept, at: WeeksAgo.AddHours(1));
        await WaitForEventsAsync(id, types => types.Count(t => t == T.Escalated) == 2);

        var application = await LoadAsync(id);
        var escalations = application.Events.Where(e => e.Data is ApplicationEscalated).ToList();
        Assert.Equal(
            [new ApplicationEscalated(EscalationLevel.Warning, D(2026, 3, 6), D(2026, 3, 9)), new ApplicationEscalated(EscalationLevel.Overdue, D(2026, 3, 9), D(2026, 3, 9))],
            escalations.Select(e => e.Data));
        Assert.Equal([ChinaTime.EndOfDayUtc(D(2026, 3, 6)), ChinaTime.EndOfDayUtc(D(2026, 3, 9))], escalations.Select(e => e.At.UtcDateTime));
        Assert.All(escalations, e => Assert.Equal(CommandContext.SystemActor, e.Actor));
        Assert.Equal(EscalationLevel.Overdue, application.Escalation);
        Assert.Equal(nameof(EscalationLevel.Overdue), Index.Find(id)!.Escalation);

        // Escalation does not end handling: the workflow waits (no timer left) for the centre's decision.
        await Task.Delay(500);
        var waiting = await Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Running, waiting!.RuntimeStatus);
        Assert.Equal(nameof(ApplicationStatus.UnderReview), waiting.ReadCustomStatusAs<string>());
        Assert.Null(ApplicationSchedule.Of(await LoadAsync(id)).NextTimer);
        Assert.Equal(2, (await EventTypesAsync(id)).Count(t => t == T.Escalated));

        await DecideAsync(id, DecisionAction.Approve);
        await WaitForWorkflowStatusAsync(id, ApplicationStatus.AwaitingPickup);
        await DecideAsync(id, DecisionAction.ConfirmPickup);

        await WaitForCompletionAsync(id, ApplicationStatus.Completed);
        Assert.False((await LoadAsync(id)).ConcludedOnTime);
        await AssertTimelineAsync(id,
            T.Submitted, T.PreCheckPassed, T.Routed, T.Accepted, T.Escalated, T.Escalated, T.Approved, T.ResultIssued, T.PickupConfirmed);
    }

    [Fact]
    public async Task A_supplement_deadline_that_passes_before_acceptance_closes_the_application_and_ends_the_workflow()
    {
        Licences.Hold(BusinessLicence(ELicenceTrustLevel.A));
        var id = await SubmitAsync(new Setup(), WeeksAgo);
        await WaitForWorkflowStatusAsync(id, ApplicationStatus.AwaitingAcceptance);

        // 补正 asked on 2 March with the default 5 working days: due by the end of Monday 9 March.
        await DecideAsync(id, DecisionAction.RequestSupplement, "申请书未签名", ["application"], at: WeeksAgo.AddHours(1));

        await WaitForCompletionAsync(id, ApplicationStatus.ClosedNotSupplemented);
        var closed = await LoadAsync(id);
        var lapsed = Assert.IsType<ApplicationClosedNotSupplemented>(closed.Events[^1].Data);
        Assert.Equal(D(2026, 3, 9), lapsed.SupplementDeadline);
        Assert.Equal(["application"], lapsed.OutstandingMaterials);
        Assert.Equal(CommandContext.SystemActor, closed.Events[^1].Actor);
        await AssertTimelineAsync(id, T.Submitted, T.PreCheckPassed, T.Routed, T.SupplementRequested, T.ClosedNotSupplemented);
    }

    [Fact]
    public async Task Missing_materials_not_supplied_by_their_deadline_after_acceptance_with_missing_terminate_handling()
    {
        Licences.Hold(BusinessLicence(ELicenceTrustLevel.A));
        var id = await SubmitAsync(new Setup(Layout: false), WeeksAgo);
        await WaitForWorkflowStatusAsync(id, ApplicationStatus.AwaitingAcceptance);
        Assert.Equal(["layout"], (await LoadAsync(id)).MissingMaterials);

        // 容缺受理 on 2 March: the layout is owed by 9 March, before the 督办 point (12 March) of the 10-day limit.
        await DecideAsync(id, DecisionAction.AcceptWithMissing, at: WeeksAgo.AddHours(1));

        await WaitForCompletionAsync(id, ApplicationStatus.Terminated);
        var terminated = await LoadAsync(id);
        var lapsed = Assert.IsType<ApplicationTerminated>(terminated.Events[^1].Data);
        Assert.Equal(D(2026, 3, 9), lapsed.SupplementDeadline);
        Assert.Equal(["layout"], lapsed.OutstandingMaterials);
        Assert.Equal(CommandContext.SystemActor, terminated.Events[^1].Actor);
        await AssertTimelineAsync(id, T.Submitted, T.PreCheckPassed, T.Routed, T.AcceptedWithMissing, T.Terminated);
    }

    [Fact]
    public async Task A_change_that_brings_the_next_limit_forward_replaces_the_timer_the_workflow_waits_on()
    {
        Licences.Hold(BusinessLicence(ELicenceTrustLevel.A));
        var id = await SubmitAsync(new Setup());
        await WaitForWorkflowStatusAsync(id, ApplicationStatus.AwaitingAcceptance);
        await DecideAsync(id, DecisionAction.Accept);
        await WaitForWorkflowStatusAsync(id, ApplicationStatus.UnderReview);
        Assert.True(ApplicationSchedule.Of(await LoadAsync(id)).NextTimer!.DueUtc > DateTime.UtcNow.AddDays(1));

        // The workflow waits on the 督办 timer days ahead; a 补正 whose deadline has already passed must replace it.
        await DecideAsync(id, DecisionAction.RequestSupplement, "布局图不清晰", ["layout"], at: WeeksAgo);

        await WaitForCompletionAsync(id, ApplicationStatus.Terminated);
        await AssertTimelineAsync(id, T.Submitted, T.PreCheckPassed, T.Routed, T.Accepted, T.SupplementRequested, T.Terminated);
    }

    [Fact]
    public async Task A_supplement_during_review_cancels_the_supplement_timer_and_review_resumes_to_completion()
    {
        Licences.Hold(BusinessLicence(ELicenceTrustLevel.A));
        var id = await SubmitAsync(new Setup());
        await WaitForWorkflowStatusAsync(id, ApplicationStatus.AwaitingAcceptance);
        await DecideAsync(id, DecisionAction.Accept);
        await WaitForWorkflowStatusAsync(id, ApplicationStatus.UnderReview);

        await DecideAsync(id, DecisionAction.RequestSupplement, "布局图不清晰", ["layout"]);
        await WaitForWorkflowStatusAsync(id, ApplicationStatus.AwaitingSupplement);
        Assert.Equal(ApplicationTimerKind.SupplementDeadline, ApplicationSchedule.Of(await LoadAsync(id)).NextTimer?.Kind);

        await SupplementAsync(id, "layout");
        await WaitForWorkflowStatusAsync(id, ApplicationStatus.UnderReview);
        Assert.Equal(ApplicationTimerKind.EscalationPoint, ApplicationSchedule.Of(await LoadAsync(id)).NextTimer?.Kind);
        await DecideAsync(id, DecisionAction.Approve);
        await WaitForWorkflowStatusAsync(id, ApplicationStatus.AwaitingPickup);
        await DecideAsync(id, DecisionAction.ConfirmPickup);

        await WaitForCompletionAsync(id, ApplicationStatus.Completed);
        Assert.Equal(EscalationLevel.None, (await LoadAsync(id)).Escalation);
        await AssertTimelineAsync(id,
            T.Submitted, T.PreCheckPassed, T.Routed, T.Accepted, T.SupplementRequested, T.Supplemented, T.Approved, T.ResultIssued, T.PickupConfirmed);
    }
}
