using Microsoft.DurableTask;
using Nanhai.Application.ELicences;
using Nanhai.Domain.ServiceMatters.Applications;

namespace Nanhai.Application.ServiceMatters.Applications;

/// <summary>预审 and 分派: fetches the applicant's e-licences for replaceable materials, pre-checks, and routes to the centre.</summary>
public sealed class PreCheckAndRouteActivity(ServiceApplicationStore applications, IELicenceLibrary licences)
    : TaskActivity<ApplicationStep, ApplicationSchedule>
{
    public override async Task<ApplicationSchedule> RunAsync(TaskActivityContext context, ApplicationStep step)
    {
        var application = await ApplicationSteps.LoadAsync(applications, step.ApplicationId);
        var at = new DateTimeOffset(step.AtUtc, TimeSpan.Zero);
        if (application.Status == ApplicationStatus.Submitted)
        {
            var types = application.Matter.Materials.Select(m => m.ReplaceableByLicence).OfType<string>().Distinct().ToList();
            var found = await licences.FindAsync(application.Applicant.Identifier, types);
            application.PreCheck(CommandContext.System(at), found);
        }
        if (application.Status == ApplicationStatus.PreChecked)
            application.Route(CommandContext.System(at), application.PreferredCentre ?? CentreFor(application));
        await applications.SaveAsync(application);
        return ApplicationSchedule.Of(application);
    }

    /// <summary>
    /// 多点办 without a choice: spread applications over the matter's centres by their id — the same centre on every retry.
    /// </summary>
    static string CentreFor(ServiceApplication application)
    {
        var centres = application.Matter.Centres;
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(application.Id));
        return centres[(int)(BitConverter.ToUInt32(hash, 0) % (uint)centres.Count)];
    }
}

/// <summary>出证: stores the result document with its verification code and records it.</summary>
public sealed class IssueResultActivity(ServiceApplicationStore applications, IResultDocuments documents)
    : TaskActivity<ApplicationStep, ApplicationSchedule>
{
    public override async Task<ApplicationSchedule> RunAsync(TaskActivityContext context, ApplicationStep step)
    {
        var application = await ApplicationSteps.LoadAsync(applications, step.ApplicationId);
        if (application.Status == ApplicationStatus.Approved)
        {
            // Deterministic per application, so a retried step writes the same document, not a second one.
            var document = await documents.IssueAsync(application);
            application.IssueResult(CommandContext.System(new DateTimeOffset(step.AtUtc, TimeSpan.Zero)), document.BlobName, document.VerificationCode);
            await applications.SaveAsync(application);
        }
        return ApplicationSchedule.Of(application);
    }
}

/// <summary>A working-day timer fired: the supplement deadline lapsed, the 督办 point or the deadline was reached.</summary>
public sealed class ApplyTimerActivity(ServiceApplicationStore applications) : TaskActivity<ApplicationTimerStep, ApplicationSchedule>
{
    public override async Task<ApplicationSchedule> RunAsync(TaskActivityContext context, ApplicationTimerStep step)
    {
        var application = await ApplicationSteps.LoadAsync(applications, step.ApplicationId);
        var current = ApplicationSchedule.Of(application).NextTimer;
        // Only if it is still due: a staff action may have moved or cleared it while the timer ran.
        if (current is not null && current.Kind == step.Kind && current.DueUtc <= step.DueUtc)
        {
            var at = CommandContext.System(new DateTimeOffset(step.DueUtc, TimeSpan.Zero));
            switch (step.Kind)
            {
                case ApplicationTimerKind.SupplementDeadline: application.SupplementDeadlinePassed(at); break;
                case ApplicationTimerKind.EscalationPoint: application.EscalationPointReached(at); break;
                case ApplicationTimerKind.Deadline: application.DeadlineBreached(at); break;
            }
            await applications.SaveAsync(application);
        }
        return ApplicationSchedule.Of(application);
    }
}

/// <summary>Reads where the application stands after someone changed it.</summary>
public sealed class GetScheduleActivity(ServiceApplicationStore applications) : TaskActivity<string, ApplicationSchedule>
{
    public override async Task<ApplicationSchedule> RunAsync(TaskActivityContext context, string applicationId) =>
        ApplicationSchedule.Of(await ApplicationSteps.LoadAsync(applications, applicationId));
}

static class ApplicationSteps
{
    public static async Task<ServiceApplication> LoadAsync(ServiceApplicationStore applications, string applicationId) =>
        await applications.FindAsync(applicationId)
        ?? throw new InvalidOperationException($"Application {applicationId} has no events: its workflow started without it.");
}
