using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Nanhai.Domain.Calendar;

namespace Nanhai.Domain.ServiceMatters.Applications;

/// <summary>
/// An application for a service matter (政务服务申请, 办件): the aggregate the handling workflow and the staff API drive.
/// It is event-sourced: every command that changes it records exactly one <see cref="ServiceApplicationEvent"/>, which the
/// caller appends to the application's stream; <see cref="Replay"/> rebuilds it from those events.
/// </summary>
/// <remarks>
/// <para>
/// Life cycle: <see cref="Submit"/> → <see cref="PreCheck"/> (预审) → <see cref="Route"/> to the handling centre →
/// <see cref="Accept"/> / <see cref="AcceptWithMissing"/> (受理, 容缺受理) / <see cref="Reject"/> (不予受理) /
/// <see cref="RequestSupplement"/> (补正, also during review) ⇄ <see cref="Supplement"/> → <see cref="Approve"/> or
/// <see cref="Deny"/> → <see cref="IssueResult"/> → <see cref="ConfirmPickup"/> at the window, or
/// <see cref="RecordMailDispatched"/> then <see cref="ConfirmMailDelivered"/> for mail (the mail sub-workflow's hooks).
/// <see cref="Withdraw"/> works in every state before approval. The timers' commands are
/// <see cref="SupplementDeadlinePassed"/>, <see cref="EscalationPointReached"/> and <see cref="DeadlineBreached"/>; their
/// instants are <see cref="SupplementDueUtc"/>, <see cref="EscalationDueUtc"/> and <see cref="DeadlineDueUtc"/>.
/// A command that does not fit the state throws <see cref="ServiceApplicationStateException"/> (409); bad input throws
/// <see cref="ServiceApplicationValidationException"/> (400); nothing is recorded either way.
/// </para>
/// <para>
/// Limits (承诺时限) are counted on <see cref="WorkingDayCalendar.China"/> from China dates (<see cref="ChinaTime"/>):
/// the promised deadline is <c>AddWorkingDays(acceptance date, promised days)</c> — the acceptance date itself for an
/// on-the-spot matter (即办件) — and the 督办 point <c>AddWorkingDaysFraction(acceptance date, promised days, 0.8)</c>;
/// when that point falls on the deadline (limits of up to four days) there is no separate warning and the breach is the
/// first escalation. The clock stops when handling concludes (办结: result issued or denied).
/// Supplement time is not counted (补正期间不计入承诺时限): a request for supplements during review pauses the clock
/// with the working days then left (the request day counts as used), and the supplement that resumes review moves the
/// deadline and the 督办 point back by the working days the pause covered (the resume day does not count, as the
/// acceptance day does not) — i.e. the days left at the pause are counted again from the resume date. Computed dates are
/// stored in the events, so an application keeps the deadline it was told even if the holiday data is corrected later.
/// Supplements owed before acceptance lapse into <see cref="ApplicationStatus.ClosedNotSupplemented"/>; after acceptance
/// (容缺 or 补正 during review) into <see cref="ApplicationStatus.Terminated"/>.
/// </para>
/// <para>
/// Idempotency: an event's id is <c>{application id}:{sequence}:{fingerprint of type, actor and time}</c>. Persist
/// <see cref="PendingEvents"/> with the event store's expected version <see cref="CommittedVersion"/>, then
/// <see cref="MarkCommitted"/>. A retried activity that replays the same command at the same version produces the same
/// ids, which the store drops as duplicates; a different command that lost a race produces other ids and fails the
/// expected-version check. For retries after a successful append, pass the version the caller decided on in
/// <see cref="CommandContext.ExpectedVersion"/> (the workflow keeps the version each activity returns; the staff API
/// takes it from the version the staff member saw): the command then records nothing if the event after that version
/// is already this command (same kind, actor and time), and throws <see cref="ServiceApplicationConflictException"/> if
/// it is something else. The <c>at</c> of a retried command must therefore be the same, e.g. the orchestrator's
/// <c>CurrentUtcDateTime</c>.
/// </para>
/// </remarks>
public sealed partial class ServiceApplication
{
    /// <summary>Working days the applicant gets to supplement materials when the caller does not say (5).</summary>
    public const int DefaultSupplementWorkingDays = 5;

    /// <summary>The share of the promised limit at which 督办 warns (80%).</summary>
    public const decimal EscalationFraction = 0.8m;

    static WorkingDayCalendar Calendar => WorkingDayCalendar.China;

    readonly List<ServiceApplicationEvent> events = [];
    readonly List<ServiceApplicationEvent> pending = [];
    readonly Dictionary<string, ProvidedMaterial> materials = new(StringComparer.Ordinal);
    readonly List<string> missing = [];
    readonly List<string> requested = [];
    ApplicationStatus? resumeTo;
    DateOnly? pausedOn;
    int? workingDaysLeftAtPause;

    ServiceApplication(string id, ApplicationSubmitted submitted)
    {
        Id = id;
        Applicant = submitted.Applicant;
        Matter = submitted.Matter;
        Answers = submitted.Answers;
        Delivery = submitted.Delivery;
        PreferredCentre = submitted.PreferredCentre;
        IdentifierWarnings = submitted.IdentifierWarnings;
        foreach (var provided in submitted.Materials)
            materials[provided.MaterialId] = provided;
    }

    public string Id { get; }
    public ApplicationStatus Status { get; private set; }
    public Applicant Applicant { get; }
    /// <summary>The matter version the application pins, with the rules it runs under.</summary>
    public PinnedMatter Matter { get; }
    /// <summary>The form answers, as submitted (validated against the pinned form schema by the caller).</summary>
    public JsonElement Answers { get; }
    public DeliveryChoice Delivery { get; }
    /// <summary>The centre the applicant chose, or null to leave it to routing.</summary>
    public string? PreferredCentre { get; }
    /// <summary>Warnings about the applicant's identifier (e.g. an early credit code failing its checksum) for staff.</summary>
    public IReadOnlyList<string> IdentifierWarnings { get; }

    /// <summary>The materials provided so far by material id: uploads and e-licences, the latest provision of each.</summary>
    public IReadOnlyDictionary<string, ProvidedMaterial> Materials => materials.AsReadOnly();
    /// <summary>
    /// Required materials not provided: the 容缺 materials the centre may accept without (owed by
    /// <see cref="MissingMaterialsDeadline"/> once accepted), or, after a failed pre-check, the materials that failed it.
    /// </summary>
    public IReadOnlyList<string> MissingMaterials => missing.AsReadOnly();
    /// <summary>Materials staff asked for (补正) that have not come yet.</summary>
    public IReadOnlyList<string> RequestedMaterials => requested.AsReadOnly();
    /// <summary>Everything the applicant owes: requested, then missing materials.</summary>
    public IReadOnlyList<string> OutstandingMaterials => [.. requested.Union(missing, StringComparer.Ordinal)];

    public string? HandlingCentre { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    /// <summary>The time of the latest event.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The China date of acceptance (受理日期), from which the promised limit counts.</summary>
    public DateOnly? AcceptedOn { get; private set; }
    /// <summary>The promised deadline (承诺办结期限): handling must conclude by the end of this date.</summary>
    public DateOnly? Deadline { get; private set; }
    /// <summary>The 督办 point (80% of the promised limit); null when it would fall on the deadline.</summary>
    public DateOnly? EscalationPoint { get; private set; }
    public EscalationLevel Escalation { get; private set; }
    /// <summary>Working days of the promised limit used when handling concluded (办结), supplement pauses excluded.</summary>
    public int? WorkingDaysUsed { get; private set; }

    /// <summary>The reason given for 补正 while awaiting supplements.</summary>
    public string? SupplementReason { get; private set; }
    /// <summary>The supplement deadline (补正期限) running, or the one that lapsed when the application was closed.</summary>
    public DateOnly? SupplementDeadline { get; private set; }
    /// <summary>The date by which 容缺 materials must come after 容缺受理.</summary>
    public DateOnly? MissingMaterialsDeadline { get; private set; }

    /// <summary>The reason given on rejection, denial or withdrawal.</summary>
    public string? ClosingReason { get; private set; }
    public string? ResultDocumentBlobName { get; private set; }
    /// <summary>The code printed on the result document with which anyone can verify it (核验码).</summary>
    public string? VerificationCode { get; private set; }
    public string? WaybillNumber { get; private set; }

    /// <summary>Every event, oldest first: the application's timeline, pending events included.</summary>
    public IReadOnlyList<ServiceApplicationEvent> Events => events.AsReadOnly();
    /// <summary>Events recorded since the application was loaded or last <see cref="MarkCommitted">committed</see>.</summary>
    public IReadOnlyList<ServiceApplicationEvent> PendingEvents => pending.AsReadOnly();
    /// <summary>The number of events, pending ones included: the stream's version once they are appended.</summary>
    public long Version => events.Count;
    /// <summary>The stream's version before the pending events: the expected version for appending them.</summary>
    public long CommittedVersion => events.Count - pending.Count;

    /// <summary>Whether the promised limit is running: accepted, not paused for supplements, not concluded.</summary>
    public bool IsClockRunning => AcceptedOn is not null && Status is ApplicationStatus.UnderReview or ApplicationStatus.Approved;
    /// <summary>Whether the promised limit is paused for supplements requested during review.</summary>
    public bool IsClockPaused => pausedOn is not null;
    /// <summary>Whether handling concluded within the promised limit; null until it concludes.</summary>
    public bool? ConcludedOnTime => WorkingDaysUsed is { } used ? used <= Matter.PromisedWorkingDays : null;

    /// <summary>When the 80% 督办 is due: the end of <see cref="EscalationPoint"/>, while the clock runs and nothing has been escalated.</summary>
    public DateTime? EscalationDueUtc =>
        IsClockRunning && Escalation == EscalationLevel.None && EscalationPoint is { } point ? ChinaTime.EndOfDayUtc(point) : null;
    /// <summary>When the promised deadline is breached: the end of <see cref="Deadline"/>, while the clock runs and no breach is recorded.</summary>
    public DateTime? DeadlineDueUtc =>
        IsClockRunning && Escalation != EscalationLevel.Overdue && Deadline is { } deadline ? ChinaTime.EndOfDayUtc(deadline) : null;
    /// <summary>When the earliest running supplement deadline (补正 or 容缺) lapses; null when nothing is owed against one.</summary>
    public DateTime? SupplementDueUtc => RunningSupplementDeadlines().Select(d => (DateTime?)ChinaTime.EndOfDayUtc(d)).Min();

    /// <summary>The staff actions the current state allows, for the console's buttons.</summary>
    public IReadOnlyList<DecisionAction> AllowedDecisions => [.. DecisionActions.All.Where(a => WhyNot(a) is null)];

    /// <summary>
    /// Working days left of the promised limit after <paramref name="date"/> (0 when due that day, negative when overdue);
    /// frozen while paused for supplements and once handling concluded; null before acceptance and when the application
    /// ended without a conclusion.
    /// </summary>
    public int? WorkingDaysLeft(DateOnly date)
    {
        if (workingDaysLeftAtPause is { } frozen)
            return frozen;
        if (WorkingDaysUsed is { } used)
            return Matter.PromisedWorkingDays - used;
        return IsClockRunning ? Calendar.WorkingDaysBetween(date, Deadline!.Value) : null;
    }

    /// <summary>Rebuilds an application from its stream, oldest event first.</summary>
    /// <exception cref="InvalidDataException">The events are not a stream this class could have written.</exception>
    public static ServiceApplication Replay(IEnumerable<ServiceApplicationEvent> stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ServiceApplication? application = null;
        foreach (var e in stream)
        {
            if (application is null)
            {
                if (e.Sequence != 1 || e.Data is not ApplicationSubmitted submitted)
                    throw new InvalidDataException($"Application {e.ApplicationId}'s stream does not start with its submission.");
                application = new ServiceApplication(e.ApplicationId, submitted);
            }
            else if (e.ApplicationId != application.Id || e.Sequence != application.Version + 1 || e.Data is ApplicationSubmitted)
            {
                throw new InvalidDataException(
                    $"Event {e.EventId} ({e.Type}, #{e.Sequence}) does not follow #{application.Version} of application {application.Id}.");
            }
            application.Apply(e);
            application.events.Add(e);
        }
        return application ?? throw new InvalidDataException("An application's stream has no events.");
    }

    /// <summary>Forgets the pending events once the caller has appended them.</summary>
    public void MarkCommitted() => pending.Clear();

    void Record(CommandContext context, IServiceApplicationEventData data)
    {
        var sequence = Version + 1;
        var e = new ServiceApplicationEvent(
            EventIdOf(sequence, ServiceApplicationEventTypes.Of(data), context), Id, sequence, context.Actor, context.At, data);
        Apply(e);
        events.Add(e);
        pending.Add(e);
    }

    // The fingerprint makes a different command at the same position get a different id, so that the store's duplicate
    // check cannot swallow the loser of a race as if it were a retry.
    string EventIdOf(long sequence, string type, CommandContext context)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{type}\n{context.Actor}\n{context.At.UtcTicks}"));
        return $"{Id}:{sequence}:{Convert.ToHexStringLower(hash.AsSpan(0, 4))}";
    }

    /// <summary>
    /// Whether this command was already recorded right after the caller's expected version (a retry); throws when
    /// something else was.
    /// </summary>
    bool AlreadyApplied(CommandContext context, Func<IServiceApplicationEventData, bool> isThisCommand)
    {
        if (context.ExpectedVersion is not { } expected || expected == Version)
            return false;
        if (expected < Version)
        {
            var next = events[(int)expected];
            if (isThisCommand(next.Data) && next.Actor == context.Actor && next.At == context.At)
                return true;
        }
        throw new ServiceApplicationConflictException(Id, expected, Version);
    }

    void Apply(ServiceApplicationEvent e)
    {
        switch (e.Data)
        {
            case ApplicationSubmitted:
                SubmittedAt = e.At;
                Status = ApplicationStatus.Submitted;
                break;
            case PreCheckPassed passed:
                foreach (var licence in passed.Licences)
                    materials[licence.MaterialId] = licence;
                missing.AddRange(passed.MissingMaterials);
                Status = ApplicationStatus.PreChecked;
                break;
            case PreCheckFailed failed:
                missing.AddRange(failed.MissingMaterials);
                Status = ApplicationStatus.RejectedAtPreCheck;
                break;
            case ApplicationRouted routed:
                HandlingCentre = routed.Centre;
                Status = ApplicationStatus.AwaitingAcceptance;
                break;
            case ApplicationAccepted accepted:
                (AcceptedOn, Deadline, EscalationPoint) = (accepted.AcceptedOn, accepted.Deadline, accepted.EscalationPoint);
                Status = ApplicationStatus.UnderReview;
                break;
            case ApplicationAcceptedWithMissing accepted:
                (AcceptedOn, Deadline, EscalationPoint) = (accepted.AcceptedOn, accepted.Deadline, accepted.EscalationPoint);
                MissingMaterialsDeadline = accepted.MissingMaterialsDeadline;
                Status = ApplicationStatus.UnderReview;
                break;
            case ApplicationRejected rejected:
                ClosingReason = rejected.Reason;
                Status = ApplicationStatus.Rejected;
                break;
            case SupplementRequested request:
                requested.Clear();
                requested.AddRange(request.MaterialIds);
                (SupplementReason, SupplementDeadline) = (request.Reason, request.SupplementDeadline);
                resumeTo = Status;
                if (request.WorkingDaysLeftAtPause is { } left)
                    (pausedOn, workingDaysLeftAtPause) = (ChinaTime.DateOf(e.At), left);
                Status = ApplicationStatus.AwaitingSupplement;
                break;
            case MaterialsSupplemented supplemented:
                ApplySupplement(supplemented);
                break;
            case ApplicationClosedNotSupplemented closed:
                SupplementDeadline = closed.SupplementDeadline;
                Status = ApplicationStatus.ClosedNotSupplemented;
                break;
            case ApplicationTerminated terminated:
                SupplementDeadline = terminated.SupplementDeadline;
                (pausedOn, workingDaysLeftAtPause) = (null, null);
                Status = ApplicationStatus.Terminated;
                break;
            case ApplicationApproved:
                Status = ApplicationStatus.Approved;
                break;
            case ApplicationDenied denied:
                (ClosingReason, WorkingDaysUsed) = (denied.Reason, denied.WorkingDaysUsed);
                Status = ApplicationStatus.Denied;
                break;
            case ResultIssued issued:
                (ResultDocumentBlobName, VerificationCode, WorkingDaysUsed) = (issued.DocumentBlobName, issued.VerificationCode, issued.WorkingDaysUsed);
                Status = Delivery.Option == DeliveryOption.WindowPickUp ? ApplicationStatus.AwaitingPickup : ApplicationStatus.AwaitingDelivery;
                break;
            case PickupConfirmed or MailDelivered:
                Status = ApplicationStatus.Completed;
                break;
            case MailDispatched dispatched:
                WaybillNumber = dispatched.WaybillNumber;
                break;
            case ApplicationWithdrawn withdrawn:
                ClosingReason = withdrawn.Reason;
                (pausedOn, workingDaysLeftAtPause) = (null, null);
                Status = ApplicationStatus.Withdrawn;
                break;
            case ApplicationEscalated escalated:
                Escalation = escalated.Level;
                break;
            default:
                throw new InvalidDataException($"Event {e.EventId} has data of unknown type {e.Data.GetType().Name}.");
        }
        UpdatedAt = e.At;
    }

    void ApplySupplement(MaterialsSupplemented supplemented)
    {
        foreach (var provided in supplemented.Materials)
        {
            materials[provided.MaterialId] = provided;
            requested.Remove(provided.MaterialId);
            missing.Remove(provided.MaterialId);
        }
        if (missing.Count == 0)
            MissingMaterialsDeadline = null;
        if (!supplemented.Resumed)
            return;

        Status = resumeTo ?? throw new InvalidDataException($"Application {Id} resumed without having paused.");
        (resumeTo, SupplementReason, SupplementDeadline, pausedOn, workingDaysLeftAtPause) = (null, null, null, null, null);
        if (supplemented.Deadline is { } deadline)
            (Deadline, EscalationPoint) = (deadline, supplemented.EscalationPoint);
    }

    IEnumerable<DateOnly> RunningSupplementDeadlines()
    {
        if (Status == ApplicationStatus.AwaitingSupplement && SupplementDeadline is { } supplement)
            yield return supplement;
        if (AcceptedOn is not null && missing.Count > 0 && MissingMaterialsDeadline is { } missingBy
            && Status is ApplicationStatus.UnderReview or ApplicationStatus.AwaitingSupplement)
            yield return missingBy;
    }
}
