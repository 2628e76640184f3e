using System.Text.Json;

namespace Nanhai.Domain.ServiceMatters.Applications;

/// <summary>The data of one change to a <see cref="ServiceApplication"/>; each record has a type name in <see cref="ServiceApplicationEventTypes"/>.</summary>
public interface IServiceApplicationEventData;

/// <summary>
/// One change to an application, as appended to its event stream (办件时间线): the <paramref name="Sequence"/>-th event
/// (1-based, so the application's version after it), by <paramref name="Actor"/> at <paramref name="At"/>.
/// <paramref name="EventId"/> is deterministic; see <see cref="ServiceApplication"/> on idempotency.
/// </summary>
public sealed record ServiceApplicationEvent(
    string EventId, string ApplicationId, long Sequence, string Actor, DateTimeOffset At, IServiceApplicationEventData Data)
{
    /// <summary>The type name, e.g. <c>application.accepted</c>.</summary>
    public string Type => ServiceApplicationEventTypes.Of(Data);
}

/// <summary>提交 — the application as submitted, with the matter version it pins.</summary>
public sealed record ApplicationSubmitted(
    Applicant Applicant, PinnedMatter Matter, JsonElement Answers, IReadOnlyList<ProvidedMaterial> Materials,
    DeliveryChoice Delivery, string? PreferredCentre, IReadOnlyList<string> IdentifierWarnings) : IServiceApplicationEventData;

/// <summary>
/// 预审通过 — <paramref name="Licences"/> are materials the pre-check found replaced by e-licences (trust A or B);
/// <paramref name="MissingMaterials"/> are 容缺 materials not provided, which the centre may accept without.
/// </summary>
public sealed record PreCheckPassed(IReadOnlyList<ProvidedMaterial> Licences, IReadOnlyList<string> MissingMaterials)
    : IServiceApplicationEventData;

/// <summary>预审未通过 — required materials that are neither provided, replaced by an e-licence, nor 容缺.</summary>
public sealed record PreCheckFailed(IReadOnlyList<string> MissingMaterials) : IServiceApplicationEventData;

/// <summary>分派 — the handling centre.</summary>
public sealed record ApplicationRouted(string Centre) : IServiceApplicationEventData;

/// <summary>受理 — the promised limit starts: <paramref name="Deadline"/> and the 督办 point, as computed at acceptance.</summary>
public sealed record ApplicationAccepted(DateOnly AcceptedOn, DateOnly Deadline, DateOnly? EscalationPoint) : IServiceApplicationEventData;

/// <summary>容缺受理 — accepted without <paramref name="MissingMaterials"/>, which are owed by <paramref name="MissingMaterialsDeadline"/>.</summary>
public sealed record ApplicationAcceptedWithMissing(
    DateOnly AcceptedOn, DateOnly Deadline, DateOnly? EscalationPoint, IReadOnlyList<string> MissingMaterials,
    DateOnly MissingMaterialsDeadline) : IServiceApplicationEventData;

/// <summary>不予受理.</summary>
public sealed record ApplicationRejected(string Reason) : IServiceApplicationEventData;

/// <summary>
/// 补正 — the applicant owes <paramref name="MaterialIds"/> by <paramref name="SupplementDeadline"/>. When requested during
/// review the promised limit pauses with <paramref name="WorkingDaysLeftAtPause"/> left; null before acceptance.
/// </summary>
public sealed record SupplementRequested(
    IReadOnlyList<string> MaterialIds, string Reason, DateOnly SupplementDeadline, int? WorkingDaysLeftAtPause)
    : IServiceApplicationEventData;

/// <summary>
/// 补交材料 — <paramref name="Resumed"/> when nothing requested is outstanding any more and handling resumes; if it resumes
/// review, <paramref name="Deadline"/> and <paramref name="EscalationPoint"/> are moved by the paused working days.
/// </summary>
public sealed record MaterialsSupplemented(
    IReadOnlyList<ProvidedMaterial> Materials, bool Resumed, DateOnly? Deadline, DateOnly? EscalationPoint)
    : IServiceApplicationEventData;

/// <summary>逾期未补正 — closed before acceptance because <paramref name="OutstandingMaterials"/> did not come by the deadline.</summary>
public sealed record ApplicationClosedNotSupplemented(DateOnly SupplementDeadline, IReadOnlyList<string> OutstandingMaterials)
    : IServiceApplicationEventData;

/// <summary>终止办理 — ended after acceptance because <paramref name="OutstandingMaterials"/> did not come by the deadline.</summary>
public sealed record ApplicationTerminated(DateOnly SupplementDeadline, IReadOnlyList<string> OutstandingMaterials)
    : IServiceApplicationEventData;

/// <summary>准予许可.</summary>
public sealed record ApplicationApproved : IServiceApplicationEventData;

/// <summary>不予许可 — concludes handling after <paramref name="WorkingDaysUsed"/> of the promised limit.</summary>
public sealed record ApplicationDenied(string Reason, int WorkingDaysUsed) : IServiceApplicationEventData;

/// <summary>出证 — the result document and its verification code; concludes handling after <paramref name="WorkingDaysUsed"/>.</summary>
public sealed record ResultIssued(string DocumentBlobName, string VerificationCode, int WorkingDaysUsed) : IServiceApplicationEventData;

/// <summary>窗口领取确认.</summary>
public sealed record PickupConfirmed : IServiceApplicationEventData;

/// <summary>寄出 — the mail-delivery sub-workflow created the waybill.</summary>
public sealed record MailDispatched(string WaybillNumber) : IServiceApplicationEventData;

/// <summary>妥投 — the courier delivered the result.</summary>
public sealed record MailDelivered : IServiceApplicationEventData;

/// <summary>撤回.</summary>
public sealed record ApplicationWithdrawn(string? Reason) : IServiceApplicationEventData;

/// <summary>
/// 督办 — <see cref="EscalationLevel.Warning"/> when the 80% point <paramref name="Point"/> has passed,
/// <see cref="EscalationLevel.Overdue"/> when the <paramref name="Deadline"/> has (then <paramref name="Point"/> is the deadline).
/// </summary>
public sealed record ApplicationEscalated(EscalationLevel Level, DateOnly Point, DateOnly Deadline) : IServiceApplicationEventData;

/// <summary>The stable type names of the events, as stored and published.</summary>
public static class ServiceApplicationEventTypes
{
    public const string Submitted = "application.submitted";
    public const string PreCheckPassed = "application.pre-check-passed";
    public const string PreCheckFailed = "application.pre-check-failed";
    public const string Routed = "application.routed";
    public const string Accepted = "application.accepted";
    public const string AcceptedWithMissing = "application.accepted-with-missing";
    public const string Rejected = "application.rejected";
    public const string SupplementRequested = "application.supplement-requested";
    public const string Supplemented = "application.supplemented";
    public const string ClosedNotSupplemented = "application.closed-not-supplemented";
    public const string Terminated = "application.terminated";
    public const string Approved = "application.approved";
    public const string Denied = "application.denied";
    public const string ResultIssued = "application.result-issued";
    public const string PickupConfirmed = "application.pickup-confirmed";
    public const string MailDispatched = "application.mail-dispatched";
    public const string MailDelivered = "application.mail-delivered";
    public const string Withdrawn = "application.withdrawn";
    public const string Escalated = "application.escalated";

    /// <summary>What happened, in Chinese, as a timeline says it; an unknown type comes back as it is.</summary>
    public static string ToChinese(string type) => type switch
    {
        Submitted => "提交申请",
        PreCheckPassed => "预审通过",
        PreCheckFailed => "预审未通过",
        Routed => "分派至办理中心",
        Accepted => "受理",
        AcceptedWithMissing => "容缺受理",
        Rejected => "不予受理",
        SupplementRequested => "要求补正",
        Supplemented => "补交材料",
        ClosedNotSupplemented => "逾期未补正，办结",
        Terminated => "终止办理",
        Approved => "准予许可",
        Denied => "不予许可",
        ResultIssued => "出具办理结果",
        PickupConfirmed => "确认领取",
        MailDispatched => "邮寄寄出",
        MailDelivered => "邮件签收",
        Withdrawn => "撤回申请",
        Escalated => "督办",
        _ => type,
    };

    static readonly Dictionary<Type, string> names = new()
    {
        [typeof(ApplicationSubmitted)] = Submitted,
        [typeof(Applications.PreCheckPassed)] = PreCheckPassed,
        [typeof(Applications.PreCheckFailed)] = PreCheckFailed,
        [typeof(ApplicationRouted)] = Routed,
        [typeof(ApplicationAccepted)] = Accepted,
        [typeof(ApplicationAcceptedWithMissing)] = AcceptedWithMissing,
        [typeof(ApplicationRejected)] = Rejected,
        [typeof(Applications.SupplementRequested)] = SupplementRequested,
        [typeof(MaterialsSupplemented)] = Supplemented,
        [typeof(ApplicationClosedNotSupplemented)] = ClosedNotSupplemented,
        [typeof(ApplicationTerminated)] = Terminated,
        [typeof(ApplicationApproved)] = Approved,
        [typeof(ApplicationDenied)] = Denied,
        [typeof(Applications.ResultIssued)] = ResultIssued,
        [typeof(Applications.PickupConfirmed)] = PickupConfirmed,
        [typeof(Applications.MailDispatched)] = MailDispatched,
        [typeof(Applications.MailDelivered)] = MailDelivered,
        [typeof(ApplicationWithdrawn)] = Withdrawn,
        [typeof(ApplicationEscalated)] = Escalated,
    };

    static readonly Dictionary<string, Type> types = names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string Of(IServiceApplicationEventData data) =>
        names.TryGetValue(data.GetType(), out var name)
            ? name
            : throw new ArgumentException($"{data.GetType().Name} is not a service-application event.", nameof(data));

    /// <summary>The data record for <paramref name="type"/>, or null for a name this version does not know.</summary>
    public static Type? DataTypeOf(string type) => types.GetValueOrDefault(type);
}

/// <summary>
/// The stored JSON form of <see cref="ServiceApplicationEvent"/>s: the whole envelope (id, sequence, actor, time, type and
/// data) in one object, in <see cref="MatterJson"/>'s conventions, so the event store needs no knowledge of the records.
/// </summary>
public static class ServiceApplicationEventJson
{
    sealed record Document(string EventId, string ApplicationId, long Sequence, string Type, string Actor, DateTimeOffset At, JsonElement Data);

    public static JsonElement Serialize(ServiceApplicationEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var data = JsonSerializer.SerializeToElement(e.Data, e.Data.GetType(), MatterJson.Options);
        return JsonSerializer.SerializeToElement(
            new Document(e.EventId, e.ApplicationId, e.Sequence, e.Type, e.Actor, e.At, data), MatterJson.Options);
    }

    /// <exception cref="InvalidDataException">The JSON is not an event this version knows.</exception>
    public static ServiceApplicationEvent Deserialize(JsonElement json)
    {
        try
        {
            var document = json.Deserialize<Document>(MatterJson.Options)
                ?? throw new InvalidDataException("A stored application event is null.");
            var type = ServiceApplicationEventTypes.DataTypeOf(document.Type)
                ?? throw new InvalidDataException($"Unknown application event type '{document.Type}'.");
            var data = (IServiceApplicationEventData?)document.Data.Deserialize(type, MatterJson.Options)
                ?? throw new InvalidDataException($"Application event {document.EventId} has no data.");
            return new ServiceApplicationEvent(document.EventId, document.ApplicationId, document.Sequence, document.Actor, document.At, data);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"A stored application event is malformed: {e.Message}", e);
        }
    }
}
