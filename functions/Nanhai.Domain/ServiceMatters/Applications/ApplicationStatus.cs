namespace Nanhai.Domain.ServiceMatters.Applications;

/// <summary>
/// Where an application stands (办件状态). Values start at 1 so that an unset status in stored data is caught rather
/// than read as "submitted".
/// </summary>
public enum ApplicationStatus
{
    /// <summary>已提交 — waiting for the pre-check.</summary>
    Submitted = 1,
    /// <summary>预审通过 — every required material is provided, replaced by an e-licence or may be missing (容缺); waiting to be routed.</summary>
    PreChecked = 2,
    /// <summary>预审未通过 — a required material that may not be missing is missing. Terminal.</summary>
    RejectedAtPreCheck = 3,
    /// <summary>待受理 — routed to the handling centre; staff accept, accept with missing materials, reject or ask for supplements.</summary>
    AwaitingAcceptance = 4,
    /// <summary>待补正 — staff asked for materials (补正); the applicant supplements them before the supplement deadline.</summary>
    AwaitingSupplement = 5,
    /// <summary>审查中 — accepted (受理); the promised limit runs.</summary>
    UnderReview = 6,
    /// <summary>准予许可 — approved; the result document is being issued.</summary>
    Approved = 7,
    /// <summary>待领取 — the result waits at the handling centre's window.</summary>
    AwaitingPickup = 8,
    /// <summary>待寄递 — the result is being mailed (省内包邮).</summary>
    AwaitingDelivery = 9,
    /// <summary>已办结 — the applicant has the result. Terminal.</summary>
    Completed = 10,
    /// <summary>不予受理 — refused at acceptance, with a reason. Terminal.</summary>
    Rejected = 11,
    /// <summary>不予许可 — denied after review, with a reason. Terminal.</summary>
    Denied = 12,
    /// <summary>逾期未补正 — the supplement deadline passed before acceptance. Terminal.</summary>
    ClosedNotSupplemented = 13,
    /// <summary>终止办理 — after acceptance, materials owed (容缺 or 补正) were not supplied in time. Terminal.</summary>
    Terminated = 14,
    /// <summary>已撤回 — withdrawn by the applicant before approval. Terminal.</summary>
    Withdrawn = 15,
}

/// <summary>Chinese names and classification of <see cref="ApplicationStatus"/>.</summary>
public static class ApplicationStatuses
{
    public static IReadOnlyList<ApplicationStatus> All { get; } = Array.AsReadOnly(Enum.GetValues<ApplicationStatus>());

    /// <summary>Whether nothing can happen to the application any more.</summary>
    public static bool IsTerminal(this ApplicationStatus status) => status is ApplicationStatus.RejectedAtPreCheck
        or ApplicationStatus.Completed or ApplicationStatus.Rejected or ApplicationStatus.Denied
        or ApplicationStatus.ClosedNotSupplemented or ApplicationStatus.Terminated or ApplicationStatus.Withdrawn;

    /// <summary>Whether the applicant may still withdraw: every non-terminal state before approval.</summary>
    public static bool AllowsWithdrawal(this ApplicationStatus status) => status is ApplicationStatus.Submitted
        or ApplicationStatus.PreChecked or ApplicationStatus.AwaitingAcceptance or ApplicationStatus.AwaitingSupplement
        or ApplicationStatus.UnderReview;

    public static string ToChinese(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Submitted => "已提交",
        ApplicationStatus.PreChecked => "预审通过",
        ApplicationStatus.RejectedAtPreCheck => "预审未通过",
        ApplicationStatus.AwaitingAcceptance => "待受理",
        ApplicationStatus.AwaitingSupplement => "待补正",
        ApplicationStatus.UnderReview => "审查中",
        ApplicationStatus.Approved => "准予许可",
        ApplicationStatus.AwaitingPickup => "待领取",
        ApplicationStatus.AwaitingDelivery => "待寄递",
        ApplicationStatus.Completed => "已办结",
        ApplicationStatus.Rejected => "不予受理",
        ApplicationStatus.Denied => "不予许可",
        ApplicationStatus.ClosedNotSupplemented => "逾期未补正",
        ApplicationStatus.Terminated => "终止办理",
        ApplicationStatus.Withdrawn => "已撤回",
        _ => status.ToString(),
    };
}

/// <summary>How far the promised limit has been escalated (督办), for the centre queue's highlight.</summary>
public enum EscalationLevel
{
    /// <summary>Not escalated.</summary>
    None = 0,
    /// <summary>预警督办 — 80% of the promised working days are used.</summary>
    Warning = 1,
    /// <summary>超期督办 — the promised deadline has passed.</summary>
    Overdue = 2,
}
