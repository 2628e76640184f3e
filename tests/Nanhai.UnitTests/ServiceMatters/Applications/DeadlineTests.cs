using Nanhai.Domain.Calendar;
using Nanhai.Domain.ServiceMatters.Applications;
using static Nanhai.UnitTests.ServiceMatters.Applications.ApplicationFixtures;

namespace Nanhai.UnitTests.ServiceMatters.Applications;

/// <summary>
/// Promised limits, 督办 and supplement deadlines in working days on the 2026 State Council notice
/// (国办发明电〔2025〕7号: Spring Festival 15–23 Feb off, Sat 14 and Sat 28 Feb worked).
/// </summary>
public sealed class DeadlineTests
{
    [Fact]
    public void Acceptance_sets_the_promised_deadline_and_the_80_percent_point()
    {
        // Accepted Mon 2 Mar: 10 working days end Mon 16 Mar; ⌈0.8 × 10⌉ = 8 end Thu 12 Mar.
        var application = UnderReview(new Setup());

        Assert.Equal(D(2026, 3, 2), application.AcceptedOn);
        Assert.Equal(D(2026, 3, 16), application.Deadline);
        Assert.Equal(D(2026, 3, 12), application.EscalationPoint);
        Assert.Equal(ChinaTime.EndOfDayUtc(D(2026, 3, 12)), application.EscalationDueUtc);
        Assert.Equal(new DateTime(2026, 3, 16, 16, 0, 0, DateTimeKind.Utc), application.DeadlineDueUtc);
        Assert.True(application.IsClockRunning);
    }

    [Fact]
    public void Working_days_left_count_down_to_zero_on_the_deadline_and_go_negative_after()
    {
        var application = UnderReview(new Setup());

        Assert.Equal(10, application.WorkingDaysLeft(D(2026, 3, 2)));
        Assert.Equal(6, application.WorkingDaysLeft(D(2026, 3, 6)));
        Assert.Equal(6, application.WorkingDaysLeft(D(2026, 3, 8)));
        Assert.Equal(0, application.WorkingDaysLeft(D(2026, 3, 16)));
        Assert.Equal(-2, application.WorkingDaysLeft(D(2026, 3, 18)));
        Assert.Null(AwaitingAcceptance(new Setup()).WorkingDaysLeft(D(2026, 3, 2)));
    }

    [Fact]
    public void The_escalation_is_recorded_once_the_80_percent_point_has_passed_then_the_breach()
    {
        var application = UnderReview(new Setup());

        Assert.Throws<ServiceApplicationStateException>(() => application.EscalationPointReached(SystemAt(China(2026, 3, 12, 23, 59))));
        Assert.Throws<ServiceApplicationStateException>(() => application.DeadlineBreached(SystemAt(China(2026, 3, 16, 23, 59))));

        application.EscalationPointReached(SystemAt(China(2026, 3, 13, 0)));
        Assert.Equal(EscalationLevel.Warning, application.Escalation);
        Assert.Null(application.EscalationDueUtc);
        Assert.Equal(new ApplicationEscalated(EscalationLevel.Warning, D(2026, 3, 12), D(2026, 3, 16)), application.PendingEvents[^1].Data);
        Assert.Throws<ServiceApplicationStateException>(() => application.EscalationPointReached(SystemAt(China(2026, 3, 13, 1))));

        application.DeadlineBreached(SystemAt(China(2026, 3, 17, 0)));
        Assert.Equal(EscalationLevel.Overdue, application.Escalation);
        Assert.Null(application.DeadlineDueUtc);
        Assert.Throws<ServiceApplicationStateException>(() => application.DeadlineBreached(SystemAt(China(2026, 3, 17, 1))));
        Assert.Throws<ServiceApplicationStateException>(() => application.EscalationPointReached(SystemAt(China(2026, 3, 17, 1))));
    }

    [Fact]
    public void A_short_limit_has_no_separate_warning_and_the_breach_escalates()
    {
        // ⌈0.8 × 4⌉ = 4: the point is the deadline itself.
        var application = UnderReview(new Setup(Matter: FoodLicence(promisedWorkingDays: 4)));

        Assert.Equal(D(2026, 3, 6), application.Deadline);
        Assert.Null(application.EscalationPoint);
        Assert.Null(application.EscalationDueUtc);
        Assert.Throws<ServiceApplicationStateException>(() => application.EscalationPointReached(SystemAt(China(2026, 3, 20))));

        application.DeadlineBreached(SystemAt(China(2026, 3, 7, 0)));
        Assert.Equal(EscalationLevel.Overdue, application.Escalation);
    }

    [Fact]
    public void An_on_the_spot_matter_is_due_on_the_day_of_acceptance_and_may_be_approved_that_day()
    {
        var application = UnderReview(new Setup(Matter: OnTheSpot()));

        Assert.Equal(D(2026, 3, 2), application.Deadline);
        Assert.Null(application.EscalationPoint);
        Assert.Equal(0, application.WorkingDaysLeft(D(2026, 3, 2)));
        Assert.Equal("申请已受理，将于当日（2026年3月2日）办结。", application.NextStep);

        application.Approve(StaffAt(Monday.AddHours(1).AddMinutes(10)));
        application.IssueResult(SystemAt(Monday.AddHours(1).AddMinutes(20)), "results/spot.pdf", "NH0000AA");

        Assert.Equal(ApplicationStatus.AwaitingPickup, application.Status);
        Assert.Equal(0, application.WorkingDaysUsed);
        Assert.True(application.ConcludedOnTime);
    }

    [Fact]
    public void The_supplement_deadline_after_acceptance_with_missing_materials_skips_spring_festival_2026()
    {
        // Accepted Thu 12 Feb 2026: Fri 13, Sat 14 (调休), [15–23 Feb off], Tue 24, Wed 25, Thu 26 → 5 working days.
        var application = UnderReview(new Setup(Layout: false, Start: China(2026, 2, 12, 9)));

        Assert.Equal(D(2026, 2, 26), application.MissingMaterialsDeadline);
        // The promised 10 days continue: Fri 27, Sat 28 Feb (调休), Mon 2, Tue 3, Wed 4 Mar.
        Assert.Equal(D(2026, 3, 4), application.Deadline);
        Assert.Equal(ChinaTime.EndOfDayUtc(D(2026, 2, 26)), application.SupplementDueUtc);
        Assert.Equal("申请已受理，正在审查，承诺于2026年3月4日前办结。请于2026年2月26日前补齐以下容缺材料：经营场所和设备布局图，逾期未补齐将终止办理。",
            application.NextStep);

        Assert.Throws<ServiceApplicationStateException>(() => application.SupplementDeadlinePassed(SystemAt(China(2026, 2, 26, 23, 59))));
        application.SupplementDeadlinePassed(SystemAt(China(2026, 2, 27, 0)));

        Assert.Equal(ApplicationStatus.Terminated, application.Status);
        var terminated = Assert.IsType<ApplicationTerminated>(application.PendingEvents[^1].Data);
        Assert.Equal(D(2026, 2, 26), terminated.SupplementDeadline);
        Assert.Equal(["layout"], terminated.OutstandingMaterials);
        Assert.Null(application.WorkingDaysLeft(D(2026, 2, 27)));
    }

    [Fact]
    public void A_supplement_requested_during_review_pauses_the_clock_and_the_paused_days_are_not_counted()
    {
        var application = UnderReview(new Setup());

        // Wed 4 Mar: Tue 3 and Wed 4 are used, 8 of 10 left.
        application.RequestSupplement(StaffAt(China(2026, 3, 4, 15)), ["layout"], "布局图比例不清晰");
        Assert.True(application.IsClockPaused);
        Assert.False(application.IsClockRunning);
        Assert.Equal(8, application.WorkingDaysLeft(D(2026, 3, 4)));
        Assert.Equal(8, application.WorkingDaysLeft(D(2026, 3, 30)));
        Assert.Null(application.DeadlineDueUtc);
        Assert.Null(application.EscalationDueUtc);
        Assert.Equal(8, Assert.IsType<SupplementRequested>(application.PendingEvents[^1].Data).WorkingDaysLeftAtPause);
        Assert.Throws<ServiceApplicationStateException>(() => application.DeadlineBreached(SystemAt(China(2026, 3, 30))));

        // Tue 10 Mar: Thu 5, Fri 6, Mon 9 and Tue 10 were paused; the deadline moves from Mon 16 to Fri 20 Mar.
        application.Supplement(ApplicantAt(China(2026, 3, 10, 11)), [ProvidedMaterial.Uploaded("layout", "materials/layout-2.pdf")]);

        Assert.Equal(ApplicationStatus.UnderReview, application.Status);
        Assert.False(application.IsClockPaused);
        Assert.Equal(D(2026, 3, 20), application.Deadline);
        Assert.Equal(D(2026, 3, 18), application.EscalationPoint);
        Assert.Equal(8, application.WorkingDaysLeft(D(2026, 3, 10)));
        var resumed = Assert.IsType<MaterialsSupplemented>(application.PendingEvents[^1].Data);
        Assert.True(resumed.Resumed);
        Assert.Equal(D(2026, 3, 20), resumed.Deadline);

        // Concluded on Thu 19 Mar: 2 + 7 working days used (not the 13 calendar working days since acceptance).
        application.Approve(StaffAt(China(2026, 3, 19, 9)));
        application.IssueResult(SystemAt(China(2026, 3, 19, 10)), "results/r.pdf", "NH1234AB");
        Assert.Equal(9, application.WorkingDaysUsed);
        Assert.True(application.ConcludedOnTime);
        Assert.Equal(1, application.WorkingDaysLeft(D(2026, 4, 1)));
    }

    [Fact]
    public void A_supplement_on_the_day_of_the_request_gives_no_days_back()
    {
        var application = UnderReview(new Setup());
        application.RequestSupplement(StaffAt(China(2026, 3, 4, 9)), ["layout"], "布局图比例不清晰");

        application.Supplement(ApplicantAt(China(2026, 3, 4, 16)), [ProvidedMaterial.Uploaded("layout", "materials/layout-2.pdf")]);

        Assert.Equal(D(2026, 3, 16), application.Deadline);
    }

    [Fact]
    public void A_pause_after_the_80_percent_point_keeps_the_point_and_an_overdue_pause_stays_overdue()
    {
        var application = UnderReview(new Setup());
        application.DeadlineBreached(SystemAt(China(2026, 3, 17, 0)));

        // Wed 18 Mar, 2 working days overdue; paused over Thu 19 and Fri 20.
        application.RequestSupplement(StaffAt(China(2026, 3, 18, 10)), ["layout"], "布局图比例不清晰");
        Assert.Equal(-2, application.WorkingDaysLeft(D(2026, 3, 25)));
        application.Supplement(ApplicantAt(China(2026, 3, 20, 10)), [ProvidedMaterial.Uploaded("layout", "materials/layout-2.pdf")]);

        Assert.Equal(D(2026, 3, 18), application.Deadline);
        Assert.Equal(D(2026, 3, 12), application.EscalationPoint);
        Assert.Equal(-2, application.WorkingDaysLeft(D(2026, 3, 20)));
        Assert.Equal(EscalationLevel.Overdue, application.Escalation);
    }

    [Fact]
    public void Supplements_requested_during_review_that_never_come_terminate_handling()
    {
        var application = UnderReview(new Setup());
        application.RequestSupplement(StaffAt(China(2026, 3, 4, 15)), ["layout"], "布局图比例不清晰");

        application.SupplementDeadlinePassed(SystemAt(China(2026, 3, 12, 0)));

        Assert.Equal(ApplicationStatus.Terminated, application.Status);
        Assert.False(application.IsClockPaused);
        Assert.Null(application.WorkingDaysLeft(D(2026, 3, 12)));
    }

    [Fact]
    public void Handling_concluded_late_is_not_on_time_and_the_clock_stops()
    {
        var application = UnderReview(new Setup());

        application.Deny(StaffAt(China(2026, 3, 18, 10)), "经营场所不符合要求");

        Assert.Equal(12, application.WorkingDaysUsed);
        Assert.False(application.ConcludedOnTime);
        Assert.Equal(-2, application.WorkingDaysLeft(D(2026, 4, 30)));
        Assert.Null(application.DeadlineDueUtc);
    }
}
