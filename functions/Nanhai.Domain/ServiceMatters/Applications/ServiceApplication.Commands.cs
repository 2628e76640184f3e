using Nanhai.Domain.Calendar;
using Nanhai.Domain.ELicences;
using Nanhai.Domain.Identifiers;

namespace Nanhai.Domain.ServiceMatters.Applications;

public sealed partial class ServiceApplication
{
    /// <summary>
    /// 提交 — a new application <paramref name="id"/> for <paramref name="matter"/> (the version it pins), with one pending
    /// <see cref="ApplicationSubmitted"/> event. The applicant's identifier is checked against GB 11643 / GB 32100 on the
    /// China date of <see cref="CommandContext.At"/>; materials handed in must belong to the matter, as uploads or as
    /// e-licences of trust A or B.
    /// </summary>
    /// <exception cref="ServiceApplicationValidationException">Every problem with the input, by field.</exception>
    /// <exception cref="ArgumentException"><see cref="CommandContext.ExpectedVersion"/> is set to other than 0: a submission starts a new stream.</exception>
    public static ServiceApplication Submit(string id, ApplicationSubmission submission, MatterVersion matter, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(context);
        if (context.ExpectedVersion is > 0)
            throw new ArgumentException("A submission starts a new stream: its expected version is 0.", nameof(context));
        var pinned = PinnedMatter.From(matter);
        var violations = new List<ServiceApplicationViolation>();

        ApplicationInput.ApplicationId(id, violations);
        var (applicant, warnings) = CheckApplicant(submission.Applicant, context.Date, violations);
        if (submission.Answers.ValueKind != System.Text.Json.JsonValueKind.Object)
            violations.Add(new("answers", "请填写申请表 (the form answers must be a JSON object)"));
        var provided = submission.Materials ?? [];
        ApplicationInput.Provisions(provided, "materials", pinned, _ => null, violations);
        CheckDelivery(submission.Delivery, pinned, violations);
        if (submission.PreferredCentre is { } preferred && !pinned.Centres.Contains(preferred))
            violations.Add(new("preferredCentre", $"“{preferred}”不是本事项的受理地点 (not one of the matter's centres)"));

        if (violations.Count > 0)
            throw new ServiceApplicationValidationException(violations);

        var data = new ApplicationSubmitted(
            applicant!, pinned, submission.Answers.Clone(), Array.AsReadOnly(provided.ToArray()), submission.Delivery,
            submission.PreferredCentre, warnings);
        var application = new ServiceApplication(id, data);
        application.Record(context, data);
        return application;
    }

    /// <summary>
    /// 预审 — checks that every required material is provided, replaced by one of <paramref name="licences"/> (the
    /// applicant's, from the provincial library: held by the applicant, valid on the day, trust A or B), or may be missing
    /// (容缺). Records <see cref="PreCheckPassed"/> (→ <see cref="ApplicationStatus.PreChecked"/>) or
    /// <see cref="PreCheckFailed"/> with the materials that failed (→ <see cref="ApplicationStatus.RejectedAtPreCheck"/>).
    /// </summary>
    public void PreCheck(CommandContext context, IReadOnlyCollection<ELicence> licences)
    {
        ArgumentNullException.ThrowIfNull(licences);
        if (AlreadyApplied(context, d => d is PreCheckPassed or PreCheckFailed))
            return;
        RequireStatus(ApplicationStatus.Submitted, "预审", "pre-check");

        var byLicence = new List<ProvidedMaterial>();
        var mayBeMissing = new List<string>();
        var failing = new List<string>();
        foreach (var material in Matter.Materials.Where(m => m.Required && !materials.ContainsKey(m.Id)))
        {
            if (material.ReplaceableByLicence is { } type && UsableLicence(licences, type, context.Date) is { } licence)
                byLicence.Add(ProvidedMaterial.ByLicence(material.Id, licence));
            else
                (material.MayBeMissingAtAcceptance ? mayBeMissing : failing).Add(material.Id);
        }
        Record(context, failing.Count > 0 ? new PreCheckFailed(failing) : new PreCheckPassed(byLicence, mayBeMissing));
    }

    /// <summary>
    /// 分派 — sends the application to <paramref name="centre"/>, one of the matter's centres; null means the centre the
    /// applicant chose, which routing may not override.
    /// </summary>
    public void Route(CommandContext context, string? centre = null)
    {
        if (AlreadyApplied(context, d => d is ApplicationRouted))
            return;
        RequireStatus(ApplicationStatus.PreChecked, "分派受理地点", "route");

        var chosen = centre ?? PreferredCentre;
        string? problem = null;
        if (chosen is null)
            problem = "申请人未选择受理地点，须指定 (the applicant chose no centre; name one)";
        else if (!Matter.Centres.Contains(chosen))
            problem = $"“{chosen}”不是本事项的受理地点 (not one of the matter's centres)";
        else if (PreferredCentre is not null && chosen != PreferredCentre)
            problem = $"申请人已选择{CentreName(PreferredCentre)} (the applicant chose {PreferredCentre})";
        if (problem is not null)
            throw new ServiceApplicationValidationException([new("centre", problem)]);

        Record(context, new ApplicationRouted(chosen!));
    }

    /// <summary>受理 — starts the promised limit; refused while 容缺 materials are missing (accept with missing, or ask for them).</summary>
    public void Accept(CommandContext context)
    {
        if (AlreadyApplied(context, d => d is ApplicationAccepted))
            return;
        Require(DecisionAction.Accept);
        var (deadline, point) = PromisedLimit(context.Date);
        Record(context, new ApplicationAccepted(context.Date, deadline, point));
    }

    /// <summary>
    /// 容缺受理 — accepts although 容缺 materials are missing; they are owed within
    /// <paramref name="supplementWorkingDays"/> working days of acceptance, or handling is terminated.
    /// </summary>
    public void AcceptWithMissing(CommandContext context, int supplementWorkingDays = DefaultSupplementWorkingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(supplementWorkingDays, 1);
        if (AlreadyApplied(context, d => d is ApplicationAcceptedWithMissing))
            return;
        Require(DecisionAction.AcceptWithMissing);
        var (deadline, point) = PromisedLimit(context.Date);
        Record(context, new ApplicationAcceptedWithMissing(
            context.Date, deadline, point, [.. missing], Calendar.AddWorkingDays(context.Date, supplementWorkingDays)));
    }

    /// <summary>不予受理 — terminal; the reason is required.</summary>
    public void Reject(CommandContext context, string reason)
    {
        if (AlreadyApplied(context, d => d is ApplicationRejected))
            return;
        Require(DecisionAction.Reject);
        Record(context, new ApplicationRejected(RequireReason(reason, DecisionAction.Reject)));
    }

    /// <summary>
    /// 补正 — asks for <paramref name="materialIds"/> (materials of the matter) within <paramref name="supplementWorkingDays"/>
    /// working days; before acceptance or during review. During review the promised limit pauses until the supplement.
    /// </summary>
    public void RequestSupplement(
        CommandContext context, IReadOnlyList<string> materialIds, string reason, int supplementWorkingDays = DefaultSupplementWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(materialIds);
        ArgumentOutOfRangeException.ThrowIfLessThan(supplementWorkingDays, 1);
        if (AlreadyApplied(context, d => d is SupplementRequested))
            return;
        Require(DecisionAction.RequestSupplement);

        var violations = new List<ServiceApplicationViolation>();
        ApplicationInput.MaterialIdList(materialIds, "materialIds", violations);
        for (var i = 0; i < materialIds.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(materialIds[i]) && Matter.FindMaterial(materialIds[i]) is null)
                violations.Add(new($"materialIds[{i}]", $"事项没有材料“{materialIds[i]}” (the matter has no such material)"));
        }
        var kept = ApplicationInput.Reason(reason, "reason", "要求补正须说明理由", violations);
        if (violations.Count > 0)
            throw new ServiceApplicationValidationException(violations);

        int? left = IsClockRunning ? Calendar.WorkingDaysBetween(context.Date, Deadline!.Value) : null;
        Record(context, new SupplementRequested(
            [.. materialIds], kept!, Calendar.AddWorkingDays(context.Date, supplementWorkingDays), left));
    }

    /// <summary>
    /// 补交材料 — the applicant hands in owed materials (requested, or 容缺 ones), possibly some at a time. Once nothing
    /// requested is outstanding, handling resumes where it paused, with the promised limit moved by the paused working days.
    /// </summary>
    public void Supplement(CommandContext context, IReadOnlyList<ProvidedMaterial> provided)
    {
        ArgumentNullException.ThrowIfNull(provided);
        if (AlreadyApplied(context, d => d is MaterialsSupplemented))
            return;
        var owesNow = Status == ApplicationStatus.AwaitingSupplement
            || (Status is ApplicationStatus.AwaitingAcceptance or ApplicationStatus.UnderReview && missing.Count > 0);
        if (!owesNow)
            throw Refusal($"办件当前为“{Status.ToChinese()}”，没有需要补交的材料 (nothing is owed while {Status})");

        var violations = new List<ServiceApplicationViolation>();
        if (provided.Count == 0)
            violations.Add(new("materials", "请提交需要补交的材料 (hand in at least one owed material)"));
        var owed = OutstandingMaterials;
        ApplicationInput.Provisions(provided, "materials", Matter,
            id => owed.Contains(id) ? null : $"“{Matter.NamesOf([id])}”无需补交 (this material is not owed)", violations);
        if (violations.Count > 0)
            throw new ServiceApplicationValidationException(violations);

        var resumes = Status == ApplicationStatus.AwaitingSupplement
            && requested.All(id => provided.Any(p => p.MaterialId == id));
        DateOnly? deadline = null, point = null;
        if (resumes && pausedOn is { } paused)
        {
            // 补正期间不计入承诺时限: the working days after the pause day up to and including today are given back.
            var pausedDays = Math.Max(0, Calendar.WorkingDaysBetween(paused, context.Date));
            deadline = Calendar.AddWorkingDays(Deadline!.Value, pausedDays);
            point = EscalationPoint is { } p && p > paused ? Calendar.AddWorkingDays(p, pausedDays) : EscalationPoint;
        }
        Record(context, new MaterialsSupplemented([.. provided], resumes, deadline, point));
    }

    /// <summary>
    /// The supplement timer: a 补正 or 容缺 deadline has passed (its end, China time, is at or before
    /// <see cref="CommandContext.At"/>) with materials still owed. Closes the application before acceptance
    /// (<see cref="ApplicationStatus.ClosedNotSupplemented"/>), terminates it after (<see cref="ApplicationStatus.Terminated"/>).
    /// </summary>
    public void SupplementDeadlinePassed(CommandContext context)
    {
        if (AlreadyApplied(context, d => d is ApplicationClosedNotSupplemented or ApplicationTerminated))
            return;
        var lapsed = RunningSupplementDeadlines().Where(d => ChinaTime.EndOfDayUtc(d) <= context.At.UtcDateTime).Order().ToList();
        if (lapsed.Count == 0)
            throw Refusal($"办件当前为“{Status.ToChinese()}”，没有已届满的补正期限 (no supplement deadline has passed)");

        var owed = OutstandingMaterials;
        Record(context, AcceptedOn is null
            ? new ApplicationClosedNotSupplemented(lapsed[0], owed)
            : new ApplicationTerminated(lapsed[0], owed));
    }

    /// <summary>准予许可 — refused while 容缺 materials are still missing. Allowed on the day of acceptance (即办件).</summary>
    public void Approve(CommandContext context)
    {
        if (AlreadyApplied(context, d => d is ApplicationApproved))
            return;
        Require(DecisionAction.Approve);
        Record(context, new ApplicationApproved());
    }

    /// <summary>不予许可 — terminal; the reason is required. Concludes handling (the clock stops).</summary>
    public void Deny(CommandContext context, string reason)
    {
        if (AlreadyApplied(context, d => d is ApplicationDenied))
            return;
        Require(DecisionAction.Deny);
        var kept = RequireReason(reason, DecisionAction.Deny);
        Record(context, new ApplicationDenied(kept, WorkingDaysUsedBy(context.Date)));
    }

    /// <summary>
    /// 出证 — the result document (<paramref name="documentBlobName"/>) and its verification code; concludes handling.
    /// The application then awaits pick-up at the window or mail delivery, as the applicant chose.
    /// </summary>
    public void IssueResult(CommandContext context, string documentBlobName, string verificationCode)
    {
        if (AlreadyApplied(context, d => d is ResultIssued))
            return;
        RequireStatus(ApplicationStatus.Approved, "出具办理结果", "issue the result of");

        var violations = new List<ServiceApplicationViolation>();
        ApplicationInput.Text(documentBlobName, "documentBlobName", "结果文件", "the result document", violations);
        ApplicationInput.Text(verificationCode, "verificationCode", "核验码", "the verification code", violations);
        if (violations.Count > 0)
            throw new ServiceApplicationValidationException(violations);
        Record(context, new ResultIssued(documentBlobName, verificationCode, WorkingDaysUsedBy(context.Date)));
    }

    /// <summary>确认领取 — staff confirm the applicant collected the result; completes the application.</summary>
    public void ConfirmPickup(CommandContext context)
    {
        if (AlreadyApplied(context, d => d is PickupConfirmed))
            return;
        Require(DecisionAction.ConfirmPickup);
        Record(context, new PickupConfirmed());
    }

    /// <summary>寄出 — the mail sub-workflow's hook: the waybill it created (exactly once) for the result.</summary>
    public void RecordMailDispatched(CommandContext context, string waybillNumber)
    {
        if (AlreadyApplied(context, d => d is MailDispatched))
            return;
        RequireStatus(ApplicationStatus.AwaitingDelivery, "寄出办理结果", "dispatch the result of");
        if (WaybillNumber is not null)
            throw Refusal($"办理结果已寄出，运单号{WaybillNumber} (already dispatched with waybill {WaybillNumber})");
        var violations = new List<ServiceApplicationViolation>();
        ApplicationInput.Text(waybillNumber, "waybillNumber", "运单号", "the waybill number", violations);
        if (violations.Count > 0)
            throw new ServiceApplicationValidationException(violations);
        Record(context, new MailDispatched(waybillNumber));
    }

    /// <summary>妥投 — the mail sub-workflow's hook: the courier delivered the result; completes the application.</summary>
    public void ConfirmMailDelivered(CommandContext context)
    {
        if (AlreadyApplied(context, d => d is MailDelivered))
            return;
        RequireStatus(ApplicationStatus.AwaitingDelivery, "确认妥投", "confirm delivery of");
        if (WaybillNumber is null)
            throw Refusal("办理结果尚未寄出 (the result has not been dispatched)");
        Record(context, new MailDelivered());
    }

    /// <summary>撤回 — the applicant withdraws; possible in every state before approval, with an optional reason.</summary>
    public void Withdraw(CommandContext context, string? reason = null)
    {
        if (AlreadyApplied(context, d => d is ApplicationWithdrawn))
            return;
        if (!Status.AllowsWithdrawal())
            throw Refusal($"办件当前为“{Status.ToChinese()}”，不能撤回；准予许可后不能撤回 (an application cannot be withdrawn once approved or ended)");
        var kept = reason?.Trim();
        if (kept?.Length > StaffDecision.MaxReasonLength)
            throw new ServiceApplicationValidationException(
                [new("reason", $"理由不得超过{StaffDecision.MaxReasonLength}个字符 (at most {StaffDecision.MaxReasonLength} characters)")]);
        Record(context, new ApplicationWithdrawn(string.IsNullOrEmpty(kept) ? null : kept));
    }

    /// <summary>督办 at 80%: the escalation timer fired (at or after <see cref="EscalationDueUtc"/>).</summary>
    public void EscalationPointReached(CommandContext context)
    {
        if (AlreadyApplied(context, d => d is ApplicationEscalated { Level: EscalationLevel.Warning }))
            return;
        RequireClock("督办预警", "escalate");
        if (Escalation != EscalationLevel.None)
            throw Refusal("办件已督办 (already escalated)");
        if (EscalationPoint is not { } point)
            throw Refusal("时限过短，不单独预警，超期即督办 (the limit is too short for a warning; the breach escalates)");
        if (context.At.UtcDateTime < ChinaTime.EndOfDayUtc(point))
            throw Refusal($"督办时点为{ChineseDate(point)}，尚未届满 (the 80% point has not passed)");
        Record(context, new ApplicationEscalated(EscalationLevel.Warning, point, Deadline!.Value));
    }

    /// <summary>超期督办: the deadline timer fired (at or after <see cref="DeadlineDueUtc"/>).</summary>
    public void DeadlineBreached(CommandContext context)
    {
        if (AlreadyApplied(context, d => d is ApplicationEscalated { Level: EscalationLevel.Overdue }))
            return;
        RequireClock("超期督办", "record a breach of");
        var deadline = Deadline!.Value;
        if (Escalation == EscalationLevel.Overdue)
            throw Refusal("办件已超期督办 (the breach is already recorded)");
        if (context.At.UtcDateTime < ChinaTime.EndOfDayUtc(deadline))
            throw Refusal($"承诺期限为{ChineseDate(deadline)}，尚未届满 (the deadline has not passed)");
        Record(context, new ApplicationEscalated(EscalationLevel.Overdue, deadline, deadline));
    }

    /// <summary>Applies a staff decision from the decisions API by calling the command it names.</summary>
    public void Decide(CommandContext context, StaffDecision decision, int supplementWorkingDays = DefaultSupplementWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(decision);
        switch (decision.Action)
        {
            case DecisionAction.Accept: Accept(context); break;
            case DecisionAction.AcceptWithMissing: AcceptWithMissing(context, supplementWorkingDays); break;
            case DecisionAction.Reject: Reject(context, decision.Reason!); break;
            case DecisionAction.RequestSupplement: RequestSupplement(context, decision.MaterialIds, decision.Reason!, supplementWorkingDays); break;
            case DecisionAction.Approve: Approve(context); break;
            case DecisionAction.Deny: Deny(context, decision.Reason!); break;
            case DecisionAction.ConfirmPickup: ConfirmPickup(context); break;
            default: throw new ArgumentOutOfRangeException(nameof(decision), decision.Action, "Unknown decision action.");
        }
    }

    /// <summary>Why the current state refuses <paramref name="action"/>, or null when it allows it.</summary>
    public string? WhyNot(DecisionAction action)
    {
        var fits = action switch
        {
            DecisionAction.Accept or DecisionAction.AcceptWithMissing or DecisionAction.Reject => Status == ApplicationStatus.AwaitingAcceptance,
            DecisionAction.RequestSupplement => Status is ApplicationStatus.AwaitingAcceptance or ApplicationStatus.UnderReview,
            DecisionAction.Approve or DecisionAction.Deny => Status == ApplicationStatus.UnderReview,
            DecisionAction.ConfirmPickup => Status == ApplicationStatus.AwaitingPickup,
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown decision action."),
        };
        if (!fits)
            return $"办件当前为“{Status.ToChinese()}”，不能{action.ToChinese()} (cannot {action.Code()} an application that is {Status})";
        return action switch
        {
            DecisionAction.Accept when missing.Count > 0 =>
                $"尚缺容缺材料：{Matter.NamesOf(missing)}；请容缺受理或要求补正 (materials are missing: accept with missing or request them)",
            DecisionAction.AcceptWithMissing when missing.Count == 0 => "材料齐全，请直接受理 (nothing is missing: accept)",
            DecisionAction.Approve when missing.Count > 0 =>
                $"容缺材料尚未补齐：{Matter.NamesOf(missing)} (missing materials have not come yet)",
            _ => null,
        };
    }

    static (Applicant? Applicant, IReadOnlyList<string> Warnings) CheckApplicant(
        Applicant? applicant, DateOnly today, List<ServiceApplicationViolation> violations)
    {
        if (applicant is null)
        {
            violations.Add(new("applicant", "申请人信息必填 (the applicant is required)"));
            return (null, []);
        }
        var before = violations.Count;
        ApplicationInput.Text(applicant.SubjectId, "applicant.subjectId", "申请人账号", "the applicant's subject", violations);
        ApplicationInput.Text(applicant.Name, "applicant.name", "申请人名称", "the applicant's name", violations);
        ApplicationInput.Phone(applicant.Phone, "applicant.phone", violations);
        if (!Enum.IsDefined(applicant.Kind))
        {
            violations.Add(new("applicant.kind", "申请人类型应为个人或企业及其他组织 (person or organisation)"));
            return (null, []);
        }
        var result = ApplicantIdentifiers.Validate(applicant.Kind, applicant.Identifier, today);
        violations.AddRange(result.Errors.Select(e => new ServiceApplicationViolation("applicant.identifier", e.Text)));
        if (!result.IsAccepted || violations.Count > before)
            return (null, []);
        var normalised = applicant with { Identifier = result.Value.Value, Name = applicant.Name.Trim(), Phone = applicant.Phone.Trim() };
        return (normalised, [.. result.Warnings.Select(w => w.Text)]);
    }

    static void CheckDelivery(DeliveryChoice? delivery, PinnedMatter matter, List<ServiceApplicationViolation> violations)
    {
        if (delivery is null)
        {
            violations.Add(new("delivery", "请选择送达方式 (choose how to receive the result)"));
            return;
        }
        if (!matter.DeliveryOptions.Contains(delivery.Option))
        {
            violations.Add(new("delivery.option", $"本事项不提供{delivery.Option.ToChinese()} (the matter does not offer this delivery)"));
            return;
        }
        if (delivery.Option == DeliveryOption.WindowPickUp)
        {
            if (delivery.Address is not null)
                violations.Add(new("delivery.address", "窗口领取无需邮寄地址 (window pick-up takes no address)"));
            return;
        }
        if (delivery.Address is not { } address)
        {
            violations.Add(new("delivery.address", "省内包邮须填写邮寄地址 (mail needs an address)"));
            return;
        }
        ApplicationInput.Text(address.Recipient, "delivery.address.recipient", "收件人", "the recipient", violations);
        ApplicationInput.Phone(address.Phone, "delivery.address.phone", violations);
        ApplicationInput.Text(address.Province, "delivery.address.province", "省份", "the province", violations);
        ApplicationInput.Text(address.City, "delivery.address.city", "城市", "the city", violations);
        ApplicationInput.Text(address.District, "delivery.address.district", "区县", "the district", violations);
        ApplicationInput.Text(address.Detail, "delivery.address.detail", "详细地址", "the street address", violations);
    }

    ELicence? UsableLicence(IEnumerable<ELicence> licences, string type, DateOnly today) => licences
        .Where(l => l.Type == type && l.TrustLevel.ReplacesMaterialWithoutOriginal() && l.IsValidOn(today)
            && string.Equals(l.HolderId, Applicant.Identifier, StringComparison.OrdinalIgnoreCase))
        .OrderBy(l => l.TrustLevel)
        .FirstOrDefault();

    (DateOnly Deadline, DateOnly? EscalationPoint) PromisedLimit(DateOnly acceptedOn)
    {
        var days = Matter.PromisedWorkingDays;
        var deadline = Calendar.AddWorkingDays(acceptedOn, days);
        var point = Calendar.AddWorkingDaysFraction(acceptedOn, days, EscalationFraction);
        return (deadline, point < deadline ? point : null);
    }

    int WorkingDaysUsedBy(DateOnly date) => Matter.PromisedWorkingDays - Calendar.WorkingDaysBetween(date, Deadline!.Value);

    void Require(DecisionAction action)
    {
        if (WhyNot(action) is { } why)
            throw Refusal(why);
    }

    void RequireStatus(ApplicationStatus status, string chineseWhat, string englishWhat)
    {
        if (Status != status)
            throw Refusal($"办件当前为“{Status.ToChinese()}”，不能{chineseWhat} (cannot {englishWhat} an application that is {Status})");
    }

    void RequireClock(string chineseWhat, string englishWhat)
    {
        if (!IsClockRunning)
            throw Refusal($"办件当前为“{Status.ToChinese()}”，承诺时限未在计时，不能{chineseWhat} (cannot {englishWhat} the limit: its clock is not running)");
    }

    string RequireReason(string? reason, DecisionAction action)
    {
        var violations = new List<ServiceApplicationViolation>();
        var kept = ApplicationInput.Reason(reason, "reason", $"{action.ToChinese()}须说明理由", violations);
        return kept ?? throw new ServiceApplicationValidationException(violations);
    }

    ServiceApplicationStateException Refusal(string message) => new(Status, message);
}
