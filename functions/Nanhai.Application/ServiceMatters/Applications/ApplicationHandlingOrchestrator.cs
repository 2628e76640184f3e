using Microsoft.DurableTask;
using Nanhai.Domain.ServiceMatters.Applications;

namespace Nanhai.Application.ServiceMatters.Applications;

/// <summary>
/// The handling workflow of one application (办件流程), instance id = application id. Staff and applicant commands are
/// applied to the application directly by the API (so a command that does not fit gets its 409 at once, and of two
/// staff acting together exactly one wins); this workflow does what nobody clicks: the pre-check with e-licences and
/// routing, the result document once approved, and the working-day timers — supplement deadlines, the 80% 督办 point and
/// the breach — waking up whenever the API tells it the application changed.
/// </summary>
public sealed class ApplicationHandlingOrchestrator : TaskOrchestrator<string, ApplicationSchedule>
{
    public const string ChangedEvent = "application-changed";

    public override async Task<ApplicationSchedule> RunAsync(TaskOrchestrationContext context, string applicationId)
    {
        var schedule = await context.CallActivityAsync<ApplicationSchedule>(nameof(PreCheckAndRouteActivity),
            new ApplicationStep(applicationId, context.CurrentUtcDateTime), Retries);
        while (!schedule.IsTerminal)
        {
            context.SetCustomStatus(schedule.Status);
            if (schedule.Status == nameof(ApplicationStatus.Approved))
            {
                schedule = await context.CallActivityAsync<ApplicationSchedule>(nameof(IssueResultActivity),
                    new ApplicationStep(applicationId, context.CurrentUtcDateTime), Retries);
                continue;
            }

            using var cancelLoser = new CancellationTokenSource();
            var changed = context.WaitForExternalEvent<string>(ChangedEvent, cancelLoser.Token);
            var due = schedule.NextTimer;
            var timer = due is null ? null : context.CreateTimer(due.DueUtc, cancelLoser.Token);
            var winner = timer is null ? changed : await Task.WhenAny(changed, timer);
            if (winner == changed) await changed;
            cancelLoser.Cancel();

            schedule = winner == timer
                ? await context.CallActivityAsync<ApplicationSchedule>(nameof(ApplyTimerActivity),
                    new ApplicationTimerStep(applicationId, due!.Kind, due.DueUtc), Retries)
                : await context.CallActivityAsync<ApplicationSchedule>(nameof(GetScheduleActivity), applicationId, Retries);
        }
        context.SetCustomStatus(schedule.Status);
        return schedule;
    }

    // The e-licence library and storage can be briefly away; each step is idempotent, so retrying is safe.
    static readonly TaskOptions Retries = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(2), backoffCoefficient: 2));
}

public sealed record ApplicationStep(string ApplicationId, DateTime AtUtc);

public sealed record ApplicationTimerStep(string ApplicationId, ApplicationTimerKind Kind, DateTime DueUtc);

public enum ApplicationTimerKind { SupplementDeadline, EscalationPoint, Deadline }

public sealed record ApplicationTimer(ApplicationTimerKind Kind, DateTime DueUtc);

/// <summary>What the workflow needs to know after each step: the status and the next timer, if any.</summary>
public sealed record ApplicationSchedule(string Status, bool IsTerminal, ApplicationTimer? NextTimer)
{
    public static ApplicationSchedule Of(ServiceApplication application)
    {
        var timers = new List<ApplicationTimer>();
        if (application.SupplementDueUtc is { } supplement) timers.Add(new(ApplicationTimerKind.SupplementDeadline, supplement));
        if (application.EscalationDueUtc is { } escalation) timers.Add(new(ApplicationTimerKind.EscalationPoint, escalation));
        if (application.DeadlineDueUtc is { } deadline) timers.Add(new(ApplicationTimerKind.Deadline, deadline));
        return new(application.Status.ToString(), application.Status.IsTerminal(), timers.OrderBy(t => t.DueUtc).FirstOrDefault());
    }
}
