using System.Text.Json;
using Nanhai.Domain.ELicences;
using Nanhai.Domain.ServiceMatters.Applications;
using static Nanhai.UnitTests.ServiceMatters.Applications.ApplicationFixtures;

namespace Nanhai.UnitTests.ServiceMatters.Applications;

/// <summary>Rebuilding from the event stream, its stored JSON form, and deterministic event ids for retried activities.</summary>
public sealed class ReplayAndIdempotencyTests
{
    static readonly DateOnly Today = D(2026, 3, 11);

    public static TheoryData<ApplicationStatus, bool, bool> States()
    {
        var data = new TheoryData<ApplicationStatus, bool, bool>();
        foreach (var status in ApplicationStatuses.All)
            data.Add(status, true, false);
        data.Add(ApplicationStatus.UnderReview, false, false);
        data.Add(ApplicationStatus.AwaitingDelivery, true, true);
        return data;
    }

    [Theory]
    [MemberData(nameof(States))]
    public void Replaying_the_events_gives_the_same_application(ApplicationStatus status, bool layout, bool mail)
    {
        var original = InStatus(status, new Setup(Layout: layout, Mail: mail));

        var replayed = ServiceApplication.Replay(original.Events);

        Assert.Equal(Observable(original, Today), Observable(replayed, Today));
        Assert.Empty(replayed.PendingEvents);
        Assert.Equal(replayed.Version, replayed.CommittedVersion);
    }

    [Theory]
    [MemberData(nameof(States))]
    public void Replaying_the_stored_json_gives_the_same_application(ApplicationStatus status, bool layout, bool mail)
    {
        var original = InStatus(status, new Setup(Layout: layout, Mail: mail));

        var stored = original.Events.Select(e => ServiceApplicationEventJson.Serialize(e).GetRawText()).ToList();
        var replayed = ServiceApplication.Replay(stored.Select(json => ServiceApplicationEventJson.Deserialize(JsonDocument.Parse(json).RootElement)));

        Assert.Equal(Observable(original, Today), Observable(replayed, Today));
    }

    [Fact]
    public void A_long_story_with_a_pause_escalations_and_mail_replays_to_the_same_state()
    {
        var application = UnderReview(new Setup(Layout: false, Mail: true));
        application.Supplement(ApplicantAt(China(2026, 3, 3, 9)), [ProvidedMaterial.Uploaded("layout", "materials/l.pdf")]);
        application.RequestSupplement(StaffAt(China(2026, 3, 4, 9)), ["application"], "申请书未盖章");
        application.Supplement(ApplicantAt(China(2026, 3, 6, 9)), [ProvidedMaterial.Uploaded("application", "materials/a2.pdf")]);
        application.EscalationPointReached(SystemAt(application.EscalationDueUtc!.Value));
        application.DeadlineBreached(SystemAt(application.DeadlineDueUtc!.Value));
        application.Approve(StaffAt(China(2026, 3, 20, 9)));
        application.IssueResult(SystemAt(China(2026, 3, 20, 10)), "results/r.pdf", "NH1234AB");
        application.RecordMailDispatched(SystemAt(China(2026, 3, 20, 11)), "SF1234567890");

        var json = application.Events.Select(ServiceApplicationEventJson.Serialize).ToList();
        var replayed = ServiceApplication.Replay(json.Select(ServiceApplicationEventJson.Deserialize));

        Assert.Equal(Observable(application, Today), Observable(replayed, Today));
        Assert.Equal(EscalationLevel.Overdue, replayed.Escalation);
        Assert.Equal(ApplicationStatus.AwaitingDelivery, replayed.Status);
    }

    [Fact]
    public void The_stored_json_is_readable_and_names_the_type()
    {
        var application = UnderReview(new Setup());

        var json = ServiceApplicationEventJson.Serialize(application.Events[^1]);

        Assert.Equal("application.accepted", json.GetProperty("type").GetString());
        Assert.Equal("2026-03-16", json.GetProperty("data").GetProperty("deadline").GetString());
        Assert.Equal(Staff, json.GetProperty("actor").GetString());
        Assert.Contains("食品经营许可", ServiceApplicationEventJson.Serialize(application.Events[0]).GetRawText());
    }

    [Fact]
    public void Replay_refuses_a_stream_this_class_could_not_have_written()
    {
        var events = InStatus(ApplicationStatus.UnderReview, new Setup()).Events;

        Assert.Throws<InvalidDataException>(() => ServiceApplication.Replay([]));
        Assert.Throws<InvalidDataException>(() => ServiceApplication.Replay(events.Skip(1)));
        Assert.Throws<InvalidDataException>(() => ServiceApplication.Replay([events[0], events[2]]));
        Assert.Throws<InvalidDataException>(() => ServiceApplication.Replay([events[0], events[1] with { ApplicationId = "other" }]));
        Assert.Throws<InvalidDataException>(() => ServiceApplication.Replay([events[0], events[0] with { Sequence = 2 }]));

        var unknown = JsonSerializer.SerializeToElement(new { eventId = "x:1:0", applicationId = "x", sequence = 1, type = "application.teleported", actor = "system", at = Monday, data = new { } });
        Assert.Throws<InvalidDataException>(() => ServiceApplicationEventJson.Deserialize(unknown));
    }

    [Fact]
    public void Event_ids_are_deterministic_and_carry_the_sequence()
    {
        var first = InStatus(ApplicationStatus.Completed, new Setup());
        var second = InStatus(ApplicationStatus.Completed, new Setup());

        Assert.Equal(first.Events.Select(e => e.EventId), second.Events.Select(e => e.EventId));
        Assert.Equal(first.Events.Count, first.Events.Select(e => e.EventId).Distinct().Count());
        Assert.All(first.Events, e => Assert.StartsWith($"{Id}:{e.Sequence}:", e.EventId));
        Assert.Equal(Enumerable.Range(1, first.Events.Count).Select(i => (long)i), first.Events.Select(e => e.Sequence));
    }

    [Fact]
    public void Two_different_commands_at_the_same_version_get_different_ids_so_the_loser_cannot_pass_as_a_retry()
    {
        var one = AwaitingAcceptance(new Setup());
        var other = AwaitingAcceptance(new Setup());
        var same = AwaitingAcceptance(new Setup());
        var at = Monday.AddHours(1);

        one.Accept(StaffAt(at));
        other.Reject(new CommandContext(OtherStaff, at), "不属于本中心受理范围");
        same.Accept(StaffAt(at));

        Assert.NotEqual(one.Events[^1].EventId, other.Events[^1].EventId);
        Assert.Equal(one.Events[^1].EventId, same.Events[^1].EventId);
        Assert.Equal(one.Events[^1].Sequence, other.Events[^1].Sequence);
    }

    [Fact]
    public void A_retried_command_with_its_expected_version_records_nothing_the_second_time()
    {
        var stored = AwaitingAcceptance(new Setup());
        stored.MarkCommitted();
        var decidedOn = stored.Version;
        var at = Monday.AddHours(1);

        // First attempt: applied and appended; then the activity fails before reporting and is retried.
        stored.Accept(StaffAt(at, decidedOn));
        var appended = stored.PendingEvents.ToList();
        var retry = ServiceApplication.Replay(stored.Events);

        retry.Accept(StaffAt(at, decidedOn));

        Assert.Empty(retry.PendingEvents);
        Assert.Single(appended);
        Assert.Equal(ApplicationStatus.UnderReview, retry.Status);
    }

    [Fact]
    public void A_command_decided_on_an_older_version_loses_to_the_one_that_won()
    {
        var application = AwaitingAcceptance(new Setup());
        var decidedOn = application.Version;
        application.Accept(StaffAt(Monday.AddHours(1), decidedOn));

        var e = Assert.Throws<ServiceApplicationConflictException>(
            () => application.Reject(new CommandContext(OtherStaff, Monday.AddHours(1), decidedOn), "不属于本中心受理范围"));
        Assert.Equal(decidedOn, e.ExpectedVersion);
        Assert.Equal(decidedOn + 1, e.ActualVersion);

        // The same action by another member of staff is a different command, not a retry.
        Assert.Throws<ServiceApplicationConflictException>(
            () => application.Accept(new CommandContext(OtherStaff, Monday.AddHours(1), decidedOn)));
        Assert.Throws<ServiceApplicationConflictException>(
            () => application.Approve(StaffAt(Monday.AddHours(2), application.Version + 1)));
    }

    [Fact]
    public void A_command_on_the_expected_version_applies_and_the_retry_of_a_timer_is_idempotent()
    {
        var application = UnderReview(new Setup());
        var at = SystemAt(application.EscalationDueUtc!.Value, application.Version);

        application.EscalationPointReached(at);
        application.EscalationPointReached(at);

        Assert.Single(application.Events, e => e.Data is ApplicationEscalated);
        // Without an expected version a repeated command is judged on the state alone.
        Assert.Throws<ServiceApplicationStateException>(() => application.EscalationPointReached(SystemAt(at.At)));
    }

    [Fact]
    public void Pending_events_are_the_ones_to_append_after_the_committed_version()
    {
        var application = AwaitingAcceptance(new Setup());
        Assert.Equal(3, application.PendingEvents.Count);
        Assert.Equal(0, application.CommittedVersion);

        application.MarkCommitted();
        application.Accept(StaffAt(Monday.AddHours(1)));

        Assert.Equal(3, application.CommittedVersion);
        Assert.Equal(4, application.Version);
        Assert.Equal(4, Assert.Single(application.PendingEvents).Sequence);
        Assert.Equal(4, application.Events.Count);
    }

    [Fact]
    public void The_pre_check_retried_with_its_expected_version_is_not_done_twice()
    {
        var application = Submit(new Setup());
        var at = SystemAt(Monday.AddMinutes(1), expectedVersion: 1);
        application.PreCheck(at, [BusinessLicence(ELicenceTrustLevel.A)]);

        application.PreCheck(at, [BusinessLicence(ELicenceTrustLevel.A)]);

        Assert.Equal(2, application.Version);
    }
}
