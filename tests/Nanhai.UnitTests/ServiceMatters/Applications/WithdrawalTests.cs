using Nanhai.Domain.ServiceMatters.Applications;
using static Nanhai.UnitTests.ServiceMatters.Applications.ApplicationFixtures;

namespace Nanhai.UnitTests.ServiceMatters.Applications;

/// <summary>撤回: possible in every state before approval (准予许可), never after.</summary>
public sealed class WithdrawalTests
{
    static readonly DateTimeOffset Later = Monday.AddHours(6);

    [Theory]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.PreChecked)]
    [InlineData(ApplicationStatus.AwaitingAcceptance)]
    [InlineData(ApplicationStatus.AwaitingSupplement)]
    [InlineData(ApplicationStatus.UnderReview)]
    public void An_application_can_be_withdrawn_before_approval(ApplicationStatus status)
    {
        var application = InStatus(status, new Setup());

        application.Withdraw(ApplicantAt(Later), "  不再需要  ");

        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
        Assert.Equal("不再需要", application.ClosingReason);
        Assert.True(application.Status.IsTerminal());
        Assert.Empty(application.AllowedDecisions);
        Assert.Null(application.WorkingDaysLeft(D(2026, 3, 3)));
        Assert.Null(application.SupplementDueUtc);
        Assert.Equal("申请已撤回，无需其他操作。", application.NextStep);
    }

    [Theory]
    [InlineData(ApplicationStatus.Approved)]
    [InlineData(ApplicationStatus.AwaitingPickup)]
    [InlineData(ApplicationStatus.AwaitingDelivery)]
    [InlineData(ApplicationStatus.Completed)]
    [InlineData(ApplicationStatus.Withdrawn)]
    [InlineData(ApplicationStatus.Denied)]
    public void An_application_cannot_be_withdrawn_once_approved_or_ended(ApplicationStatus status)
    {
        var application = InStatus(status, new Setup());

        var e = Assert.Throws<ServiceApplicationStateException>(() => application.Withdraw(ApplicantAt(Later)));

        Assert.Contains("准予许可后不能撤回", e.Message);
        Assert.Equal(status, application.Status);
    }

    [Fact]
    public void A_withdrawal_without_a_reason_records_none()
    {
        var application = Submit(new Setup());

        application.Withdraw(ApplicantAt(Later), " ");

        Assert.Null(Assert.IsType<ApplicationWithdrawn>(application.PendingEvents[^1].Data).Reason);
    }

    [Fact]
    public void Withdrawal_during_a_review_pause_ends_the_pause()
    {
        var application = UnderReview(new Setup());
        application.RequestSupplement(StaffAt(Monday.AddHours(3)), ["layout"], "布局图比例不清晰");

        application.Withdraw(ApplicantAt(Later));

        Assert.False(application.IsClockPaused);
        Assert.False(application.IsClockRunning);
    }
}
