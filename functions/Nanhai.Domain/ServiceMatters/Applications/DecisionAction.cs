namespace Nanhai.Domain.ServiceMatters.Applications;

/// <summary>
/// What centre staff decide on an application (办件处理动作), as the decisions API names them; see
/// <see cref="DecisionActions"/> for the codes and <see cref="StaffDecision"/> for a checked decision.
/// </summary>
public enum DecisionAction
{
    /// <summary>受理 — code <c>accept</c>.</summary>
    Accept = 1,
    /// <summary>容缺受理 — code <c>accept-with-missing</c>.</summary>
    AcceptWithMissing = 2,
    /// <summary>不予受理 — code <c>reject</c>; a reason is required.</summary>
    Reject = 3,
    /// <summary>要求补正 — code <c>request-supplement</c>; a reason and the materials are required.</summary>
    RequestSupplement = 4,
    /// <summary>准予许可 — code <c>approve</c>.</summary>
    Approve = 5,
    /// <summary>不予许可 — code <c>deny</c>; a reason is required.</summary>
    Deny = 6,
    /// <summary>确认领取 — code <c>confirm-pickup</c>.</summary>
    ConfirmPickup = 7,
}

/// <summary>The actions' API codes, Chinese names and what each needs.</summary>
public static class DecisionActions
{
    public static IReadOnlyList<DecisionAction> All { get; } = Array.AsReadOnly(Enum.GetValues<DecisionAction>());

    public static string Code(this DecisionAction action) => action switch
    {
        DecisionAction.Accept => "accept",
        DecisionAction.AcceptWithMissing => "accept-with-missing",
        DecisionAction.Reject => "reject",
        DecisionAction.RequestSupplement => "request-supplement",
        DecisionAction.Approve => "approve",
        DecisionAction.Deny => "deny",
        DecisionAction.ConfirmPickup => "confirm-pickup",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown decision action."),
    };

    public static string ToChinese(this DecisionAction action) => action switch
    {
        DecisionAction.Accept => "受理",
        DecisionAction.AcceptWithMissing => "容缺受理",
        DecisionAction.Reject => "不予受理",
        DecisionAction.RequestSupplement => "要求补正",
        DecisionAction.Approve => "准予许可",
        DecisionAction.Deny => "不予许可",
        DecisionAction.ConfirmPickup => "确认领取",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown decision action."),
    };

    /// <summary>
    /// Refusals are reasoned in writing (行政许可法 arts. 32 and 38), and a request for supplements says at once what is
    /// wrong (一次性告知, art. 32).
    /// </summary>
    public static bool RequiresReason(this DecisionAction action) =>
        action is DecisionAction.Reject or DecisionAction.Deny or DecisionAction.RequestSupplement;

    /// <summary>Only a request for supplements names materials.</summary>
    public static bool RequiresMaterials(this DecisionAction action) => action == DecisionAction.RequestSupplement;

    /// <summary>Parses an API code such as <c>accept-with-missing</c> (case-insensitive, surrounding spaces ignored).</summary>
    public static bool TryParse(string? code, out DecisionAction action)
    {
        var trimmed = code?.Trim();
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                action = candidate;
                return true;
            }
        }
        action = default;
        return false;
    }
}

/// <summary>
/// A staff decision whose input has been checked (action known, reason and materials where needed); apply it with
/// <see cref="ServiceApplication.Decide"/>, which checks it against the application's state.
/// </summary>
public sealed record StaffDecision
{
    /// <summary>The longest reason kept; a reason is a sentence or two on the applicant's notice, not a report.</summary>
    public const int MaxReasonLength = 500;

    StaffDecision(DecisionAction action, string? reason, IReadOnlyList<string> materialIds)
    {
        Action = action;
        Reason = reason;
        MaterialIds = materialIds;
    }

    public DecisionAction Action { get; }
    /// <summary>The trimmed reason, or null for an action that takes none.</summary>
    public string? Reason { get; }
    /// <summary>The materials asked for (request-supplement only; empty otherwise).</summary>
    public IReadOnlyList<string> MaterialIds { get; }

    /// <summary>Checks a decision as posted: <paramref name="action"/> is an API code.</summary>
    /// <exception cref="ServiceApplicationValidationException">Unknown action, missing reason or materials (fields <c>action</c>, <c>reason</c>, <c>materialIds</c>).</exception>
    public static StaffDecision Create(string? action, string? reason = null, IReadOnlyList<string>? materialIds = null)
    {
        if (!DecisionActions.TryParse(action, out var parsed))
        {
            var codes = string.Join(", ", DecisionActions.All.Select(a => a.Code()));
            throw new ServiceApplicationValidationException(
                [new("action", $"未知的处理动作“{action}”，应为 {codes} 之一 (unknown action; expected one of {codes})")]);
        }
        return Create(parsed, reason, materialIds);
    }

    /// <inheritdoc cref="Create(string?, string?, IReadOnlyList{string}?)"/>
    public static StaffDecision Create(DecisionAction action, string? reason = null, IReadOnlyList<string>? materialIds = null)
    {
        if (!Enum.IsDefined(action))
            throw new ServiceApplicationValidationException([new("action", "未知的处理动作 (unknown action)")]);

        var violations = new List<ServiceApplicationViolation>();
        string? keptReason = null;
        if (action.RequiresReason())
            keptReason = ApplicationInput.Reason(reason, "reason", $"{action.ToChinese()}须说明理由", violations);

        var ids = materialIds ?? [];
        if (action.RequiresMaterials())
            ApplicationInput.MaterialIdList(ids, "materialIds", violations);
        else if (ids.Count > 0)
            violations.Add(new("materialIds", "只有要求补正时才列出材料 (materials are only listed when requesting supplements)"));

        if (violations.Count > 0)
            throw new ServiceApplicationValidationException(violations);
        return new StaffDecision(action, keptReason, Array.AsReadOnly(ids.ToArray()));
    }
}
