using Nanhai.Domain.ServiceMatters.Applications;
using static Nanhai.UnitTests.ServiceMatters.Applications.ApplicationFixtures;

namespace Nanhai.UnitTests.ServiceMatters.Applications;

/// <summary>下一步: what the mini-program tells the applicant in each state.</summary>
public sealed class NextStepTests
{
    public static TheoryData<ApplicationStatus, bool, bool, string> Texts() => new()
    {
        { ApplicationStatus.Submitted, true, false, "申请已提交，正在预审材料，请留意办理进度。" },
        { ApplicationStatus.PreChecked, true, false, "预审已通过，正在分派受理地点。" },
        { ApplicationStatus.RejectedAtPreCheck, true, false, "预审未通过，缺少以下材料：营业执照。请备齐材料后重新提交申请。" },
        { ApplicationStatus.AwaitingAcceptance, true, false, "申请已分派至桂城街道行政服务中心，等待窗口受理。" },
        {
            ApplicationStatus.AwaitingAcceptance, false, false,
            "申请已分派至桂城街道行政服务中心，等待窗口受理。以下材料可容缺受理，也可先行补交：经营场所和设备布局图。"
        },
        { ApplicationStatus.AwaitingSupplement, true, false, "请于2026年3月9日前补正以下材料：食品经营许可申请书。补正原因：申请书未签名。" },
        { ApplicationStatus.UnderReview, true, false, "申请已受理，正在审查，承诺于2026年3月16日前办结。" },
        { ApplicationStatus.Approved, true, false, "审批已通过，正在出具办理结果。" },
        { ApplicationStatus.AwaitingPickup, true, false, "办理结果已出具，请携带有效身份证件到桂城街道行政服务中心窗口领取（核验码：NH7K3Q9P）。" },
        { ApplicationStatus.AwaitingDelivery, true, true, "办理结果已出具，将免费邮寄至广东省佛山市南海区桂城街道南海大道北123号（陈小明）。" },
        { ApplicationStatus.Completed, true, false, "已办结，无需其他操作。" },
        { ApplicationStatus.Rejected, true, false, "不予受理：经营场所不在本镇街辖区。如需办理，请按告知内容重新提交申请。" },
        {
            ApplicationStatus.Denied, true, false,
            "不予许可：经现场核查，经营场所不符合食品安全要求。如对决定不服，可依法申请行政复议或者提起行政诉讼。"
        },
        { ApplicationStatus.ClosedNotSupplemented, true, false, "未在2026年3月9日前补正材料，申请已终结。如需办理，请重新提交申请。" },
        { ApplicationStatus.Terminated, false, false, "所需材料未在2026年3月9日前补齐，已终止办理。如需办理，请重新提交申请。" },
        { ApplicationStatus.Withdrawn, true, false, "申请已撤回，无需其他操作。" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Each_state_tells_the_applicant_what_comes_next(ApplicationStatus status, bool layout, bool mail, string expected)
    {
        var application = InStatus(status, new Setup(Layout: layout, Mail: mail));

        Assert.Equal(expected, application.NextStep);
    }

    [Fact]
    public void Every_state_has_a_next_step()
    {
        var covered = Texts().Select(row => (ApplicationStatus)row[0]).ToHashSet();
        Assert.Equal(ApplicationStatuses.All.ToHashSet(), covered);
    }

    [Fact]
    public void A_review_pause_says_that_supplement_time_is_not_counted()
    {
        var application = UnderReview(new Setup());
        application.RequestSupplement(StaffAt(China(2026, 3, 4, 15)), ["layout"], "布局图比例不清晰！");

        Assert.Equal("请于2026年3月11日前补正以下材料：经营场所和设备布局图。补正原因：布局图比例不清晰！补正期间不计入承诺办结时限。",
            application.NextStep);
    }

    [Fact]
    public void A_dispatched_result_gives_the_waybill()
    {
        var application = InStatus(ApplicationStatus.AwaitingDelivery, new Setup(Mail: true));
        application.RecordMailDispatched(SystemAt(Monday.AddHours(5)), "SF1234567890");

        Assert.Equal("办理结果已寄出，运单号：SF1234567890，请注意查收。", application.NextStep);
    }

    [Fact]
    public void Dates_are_written_the_chinese_way() =>
        Assert.Equal("2026年3月6日", ServiceApplication.ChineseDate(D(2026, 3, 6)));
}
