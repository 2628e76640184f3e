using Nanhai.Domain.ELicences;
using Nanhai.Domain.ServiceMatters.Applications;
using static Nanhai.UnitTests.ServiceMatters.Applications.ApplicationFixtures;

namespace Nanhai.UnitTests.ServiceMatters.Applications;

/// <summary>
/// Every command in every state: where the state admits it, the transition it makes; everywhere else, a
/// <see cref="ServiceApplicationStateException"/> (409) and nothing recorded.
/// </summary>
public sealed class TransitionMatrixTests
{
    public enum Command
    {
        PreCheck, Route, Accept, AcceptWithMissing, Reject, RequestSupplement, Supplement, SupplementDeadlinePassed,
        Approve, Deny, IssueResult, ConfirmPickup, RecordMailDispatched, ConfirmMailDelivered, Withdraw,
        EscalationPointReached, DeadlineBreached,
    }

    // Late enough for every timer of an application started on Monday 2 March 2026 to have fired.
    static readonly DateTimeOffset Late = China(2026, 6, 1);

    static readonly ApplicationStatus[] BeforeApproval =
    [
        ApplicationStatus.Submitted, ApplicationStatus.PreChecked, ApplicationStatus.AwaitingAcceptance,
        ApplicationStatus.AwaitingSupplement, ApplicationStatus.UnderReview,
    ];

    /// <summary>The states in which each command can apply (further conditions are tested elsewhere).</summary>
    static readonly Dictionary<Command, ApplicationStatus[]> Admits = new()
    {
        [Command.PreCheck] = [ApplicationStatus.Submitted],
        [Command.Route] = [ApplicationStatus.PreChecked],
        [Command.Accept] = [ApplicationStatus.AwaitingAcceptance],
        [Command.AcceptWithMissing] = [ApplicationStatus.AwaitingAcceptance],
        [Command.Reject] = [ApplicationStatus.AwaitingAcceptance],
        [Command.RequestSupplement] = [ApplicationStatus.AwaitingAcceptance, ApplicationStatus.UnderReview],
        [Command.Supplement] = [ApplicationStatus.AwaitingAcceptance, ApplicationStatus.AwaitingSupplement, ApplicationStatus.UnderReview],
        [Command.SupplementDeadlinePassed] = [ApplicationStatus.AwaitingSupplement, ApplicationStatus.UnderReview],
        [Command.Approve] = [ApplicationStatus.UnderReview],
        [Command.Deny] = [ApplicationStatus.UnderReview],
        [Command.IssueResult] = [ApplicationStatus.Approved],
        [Command.ConfirmPickup] = [ApplicationStatus.AwaitingPickup],
        [Command.RecordMailDispatched] = [ApplicationStatus.AwaitingDelivery],
        [Command.ConfirmMailDelivered] = [ApplicationStatus.AwaitingDelivery],
        [Command.Withdraw] = BeforeApproval,
        [Command.EscalationPointReached] = [ApplicationStatus.UnderReview, ApplicationStatus.Approved],
        [Command.DeadlineBreached] = [ApplicationStatus.UnderReview, ApplicationStatus.Approved],
    };

    public static TheoryData<ApplicationStatus, Command, bool, bool, ApplicationStatus> Transitions() => new()
    {
        // from, command, layout (容缺 material) handed in, mailed, to
        { ApplicationStatus.Submitted, Command.PreCheck, true, false, ApplicationStatus.PreChecked },
        { ApplicationStatus.PreChecked, Command.Route, true, false, ApplicationStatus.AwaitingAcceptance },
        { ApplicationStatus.AwaitingAcceptance, Command.Accept, true, false, ApplicationStatus.UnderReview },
        { ApplicationStatus.AwaitingAcceptance, Command.AcceptWithMissing, false, false, ApplicationStatus.UnderReview },
        { ApplicationStatus.AwaitingAcceptance, Command.Reject, true, false, ApplicationStatus.Rejected },
        { ApplicationStatus.AwaitingAcceptance, Command.RequestSupplement, true, false, ApplicationStatus.AwaitingSupplement },
        { ApplicationStatus.AwaitingAcceptance, Command.Supplement, false, false, ApplicationStatus.AwaitingAcceptance },
        { ApplicationStatus.AwaitingSupplement, Command.Supplement, true, false, ApplicationStatus.AwaitingAcceptance },
        { ApplicationStatus.AwaitingSupplement, Command.SupplementDeadlinePassed, true, false, ApplicationStatus.ClosedNotSupplemented },
        { ApplicationStatus.UnderReview, Command.RequestSupplement, true, false, ApplicationStatus.AwaitingSupplement },
        { ApplicationStatus.UnderReview, Command.Supplement, false, false, ApplicationStatus.UnderReview },
        { ApplicationStatus.UnderReview, Command.SupplementDeadlinePassed, false, false, ApplicationStatus.Terminated },
        { ApplicationStatus.UnderReview, Command.Approve, true, false, ApplicationStatus.Approved },
        { ApplicationStatus.UnderReview, Command.Deny, true, false, ApplicationStatus.Denied },
        { ApplicationStatus.UnderReview, Command.EscalationPointReached, true, false, ApplicationStatus.UnderReview },
        { ApplicationStatus.UnderReview, Command.DeadlineBreached, true, false, ApplicationStatus.UnderReview },
        { ApplicationStatus.Approved, Command.IssueResult, true, false, ApplicationStatus.AwaitingPickup },
        { ApplicationStatus.Approved, Command.IssueResult, true, true, ApplicationStatus.AwaitingDelivery },
        { ApplicationStatus.Approved, Command.EscalationPointReached, true, false, ApplicationStatus.Approved },
        { ApplicationStatus.Approved, Command.DeadlineBreached, true, false, ApplicationStatus.Approved },
        { ApplicationStatus.AwaitingPickup, Command.ConfirmPickup, true, false, ApplicationStatus.Completed },
        { ApplicationStatus.AwaitingDelivery, Command.RecordMailDispatched, true, true, ApplicationStatus.AwaitingDelivery },
        { ApplicationStatus.Submitted, Command.Withdraw, true, false, ApplicationStatus.Withdrawn },
        { ApplicationStatus.PreChecked, Command.Withdraw, true, false, ApplicationStatus.Withdrawn },
        { ApplicationStatus.AwaitingAcceptance, Command.Withdraw, true, false, ApplicationStatus.Withdrawn },
        { ApplicationStatus.AwaitingSupplement, Command.Withdraw, true, false, ApplicationStatus.Withdrawn },
        { ApplicationStatus.UnderReview, Command.Withdraw, true, false, ApplicationStatus.Withdrawn },
    };

    public static TheoryData<ApplicationStatus, Command> Refusals()
    {
        var data = new TheoryData<ApplicationStatus, Command>();
        foreach (var status in ApplicationStatuses.All)
            foreach (var command in Enum.GetValues<Command>())
                if (!Admits[command].Contains(status))
                    data.Add(status, command);
        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void A_command_the_state_admits_records_one_event_and_moves_the_application(
        ApplicationStatus from, Command command, bool layout, bool mail, ApplicationStatus to)
    {
        var application = InStatus(from, new Setup(Layout: layout, Mail: mail));
        application.MarkCommitted();
        var version = application.Version;

        Run(application, command);

        Assert.Equal(to, application.Status);
        Assert.Equal(version + 1, application.Version);
        Assert.Single(application.PendingEvents);
        Assert.Equal(Late, application.PendingEvents[0].At);
    }

    [Fact]
    public void Mail_delivery_completes_the_application_once_the_result_was_dispatched()
    {
        var application = InStatus(ApplicationStatus.AwaitingDelivery, new Setup(Mail: true));
        application.RecordMailDispatched(SystemAt(Late), "SF1234567890");

        application.ConfirmMailDelivered(SystemAt(Late.AddDays(2)));

        Assert.Equal(ApplicationStatus.Completed, application.Status);
        Assert.Equal("SF1234567890", application.WaybillNumber);
    }

    [Fact]
    public void Every_state_and_command_is_covered_by_the_matrix()
    {
        var admitted = Transitions().Select(row => ((ApplicationStatus)row[0], (Command)row[1])).ToHashSet();
        // ConfirmMailDelivered is admitted by the state but needs a dispatch first: tested on its own above.
        admitted.Add((ApplicationStatus.AwaitingDelivery, Command.ConfirmMailDelivered));
        var expected = Admits.SelectMany(p => p.Value.Select(s => (s, p.Key))).ToHashSet();
        Assert.Equal(expected.Order(), admitted.Order());
        Assert.Equal(15 * 17, Refusals().Count() + expected.Count);
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_command_the_state_does_not_admit_is_a_conflict_and_records_nothing(ApplicationStatus status, Command command)
    {
        var application = InStatus(status, new Setup(Mail: command is Command.RecordMailDispatched or Command.ConfirmMailDelivered));
        var version = application.Version;
        var pending = application.PendingEvents.Count;

        var e = Assert.Throws<ServiceApplicationStateException>(() => Run(application, command));

        Assert.Equal(status, e.Status);
        Assert.Equal(status, application.Status);
        Assert.Equal(version, application.Version);
        Assert.Equal(pending, application.PendingEvents.Count);
        Assert.Contains(status.ToChinese(), e.Message);
    }

    static void Run(ServiceApplication application, Command command)
    {
        var staff = StaffAt(Late);
        var system = SystemAt(Late);
        switch (command)
        {
            case Command.PreCheck: application.PreCheck(system, [BusinessLicence(ELicenceTrustLevel.A)]); break;
            case Command.Route: application.Route(system); break;
            case Command.Accept: application.Accept(staff); break;
            case Command.AcceptWithMissing: application.AcceptWithMissing(staff); break;
            case Command.Reject: application.Reject(staff, "不属于本中心受理范围"); break;
            case Command.RequestSupplement: application.RequestSupplement(staff, ["application"], "申请书未签名"); break;
            case Command.Supplement:
                application.Supplement(ApplicantAt(Late),
                    [.. application.OutstandingMaterials.DefaultIfEmpty("layout").Select(id => ProvidedMaterial.Uploaded(id, $"materials/{id}-2.pdf"))]);
                break;
            case Command.SupplementDeadlinePassed: application.SupplementDeadlinePassed(system); break;
            case Command.Approve: application.Approve(staff); break;
            case Command.Deny: application.Deny(staff, "经营场所不符合要求"); break;
            case Command.IssueResult: application.IssueResult(system, "results/late.pdf", "NH7K3Q9P"); break;
            case Command.ConfirmPickup: application.ConfirmPickup(staff); break;
            case Command.RecordMailDispatched: application.RecordMailDispatched(system, "SF1234567890"); break;
            case Command.ConfirmMailDelivered: application.ConfirmMailDelivered(system); break;
            case Command.Withdraw: application.Withdraw(ApplicantAt(Late)); break;
            case Command.EscalationPointReached: application.EscalationPointReached(system); break;
            case Command.DeadlineBreached: application.DeadlineBreached(system); break;
            default: throw new ArgumentOutOfRangeException(nameof(command), command, null);
        }
    }
}
