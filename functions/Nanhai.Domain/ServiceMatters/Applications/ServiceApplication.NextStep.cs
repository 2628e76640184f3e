namespace Nanhai.Domain.ServiceMatters.Applications;

public sealed partial class ServiceApplication
{
    /// <summary>
    /// What the applicant should do or expect next (下一步), in Simplified Chinese as the mini-program shows it, e.g.
    /// 请于2026年3月6日前补正以下材料：营业执照。补正原因：…
    /// </summary>
    public string NextStep => Status switch
    {
        ApplicationStatus.Submitted => "申请已提交，正在预审材料，请留意办理进度。",
        ApplicationStatus.PreChecked => "预审已通过，正在分派受理地点。",
        ApplicationStatus.RejectedAtPreCheck => $"预审未通过，缺少以下材料：{Matter.NamesOf(missing)}。请备齐材料后重新提交申请。",
        ApplicationStatus.AwaitingAcceptance => $"申请已分派至{CentreName(HandlingCentre)}，等待窗口受理。"
            + (missing.Count > 0 ? $"以下材料可容缺受理，也可先行补交：{Matter.NamesOf(missing)}。" : ""),
        ApplicationStatus.AwaitingSupplement => $"请于{ChineseDate(SupplementDeadline!.Value)}前补正以下材料：{Matter.NamesOf(OutstandingMaterials)}。"
            + Sentence($"补正原因：{SupplementReason}")
            + (IsClockPaused ? "补正期间不计入承诺办结时限。" : ""),
        ApplicationStatus.UnderReview => UnderReviewStep(),
        ApplicationStatus.Approved => "审批已通过，正在出具办理结果。",
        ApplicationStatus.AwaitingPickup =>
            $"办理结果已出具，请携带有效身份证件到{CentreName(HandlingCentre)}窗口领取（核验码：{VerificationCode}）。",
        ApplicationStatus.AwaitingDelivery => WaybillNumber is null
            ? $"办理结果已出具，将免费邮寄至{Delivery.Address}。"
            : $"办理结果已寄出，运单号：{WaybillNumber}，请注意查收。",
        ApplicationStatus.Completed => "已办结，无需其他操作。",
        ApplicationStatus.Rejected => Sentence($"不予受理：{ClosingReason}") + "如需办理，请按告知内容重新提交申请。",
        // 行政许可法 art. 38: a denial tells the applicant of the right to administrative review or litigation.
        ApplicationStatus.Denied => Sentence($"不予许可：{ClosingReason}") + "如对决定不服，可依法申请行政复议或者提起行政诉讼。",
        ApplicationStatus.ClosedNotSupplemented =>
            $"未在{ChineseDate(SupplementDeadline!.Value)}前补正材料，申请已终结。如需办理，请重新提交申请。",
        ApplicationStatus.Terminated =>
            $"所需材料未在{ChineseDate(SupplementDeadline!.Value)}前补齐，已终止办理。如需办理，请重新提交申请。",
        ApplicationStatus.Withdrawn => "申请已撤回，无需其他操作。",
        _ => Status.ToChinese(),
    };

    string UnderReviewStep()
    {
        var promise = Matter.Kind == MatterKind.OnTheSpot
            ? $"申请已受理，将于当日（{ChineseDate(Deadline!.Value)}）办结。"
            : $"申请已受理，正在审查，承诺于{ChineseDate(Deadline!.Value)}前办结。";
        return missing.Count == 0
            ? promise
            : promise + $"请于{ChineseDate(MissingMaterialsDeadline!.Value)}前补齐以下容缺材料：{Matter.NamesOf(missing)}，逾期未补齐将终止办理。";
    }

    /// <summary>A date as Chinese text, e.g. 2026年3月6日.</summary>
    public static string ChineseDate(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    static string CentreName(string? code) => ServiceCentres.TryFind(code, out var centre) ? centre.Name : code ?? "";

    // Staff write reasons with or without a closing full stop; the text needs exactly one.
    static string Sentence(string text) => text.EndsWith('。') || text.EndsWith('！') || text.EndsWith('？') ? text : text + "。";
}
