using Microsoft.DurableTask.Client;
using Nanhai.Application.Common;
using Nanhai.Application.Security;
using Nanhai.Domain.ServiceMatters.Applications;

namespace Nanhai.Application.ServiceMatters.Applications;

/// <summary>A staff decision as posted (办件决定): accept, accept-with-missing, reject, request-supplement, approve, deny, confirm-pickup.</summary>
public sealed record DecideApplication(string? Action, string? Reason, IReadOnlyList<string>? MaterialIds, long? Version);

public sealed record WithdrawApplication(string? Reason);

/// <summary>补交材料: uploads for materials the centre asked for or accepted the application without.</summary>
public sealed record SupplementApplication(IReadOnlyList<MaterialInput>? Materials);

/// <summary>
/// Commands on an application by people: applied to the application at once (a command that does not fit its state is a
/// 409 now, and of two staff acting on the same version exactly one wins), then the workflow is told it changed.
/// </summary>
public sealed class ApplicationCommands(ServiceApplicationStore applications, MaterialUploads uploads, TimeProvider clock)
{
    public async Task<ServiceApplication> DecideAsync(DurableTaskClient durable, string applicationId, DecideApplication request, Caller caller,
        CancellationToken cancellationToken)
    {
        var application = await FindAsync(applicationId, cancellationToken);
        if (caller.Centre is null || caller.Centre != application.HandlingCentre)
            throw new ForbiddenException($"只有受理中心（{application.HandlingCentre ?? "未分派"}）的工作人员可以处理此件 (only staff of the handling centre may act)");
        var decision = StaffDecision.Create(request.Action, request.Reason, request.MaterialIds);
        application.Decide(new CommandContext(caller.Subject, clock.GetUtcNow(), request.Version), decision);
        await SaveAndNotifyAsync(durable, application, cancellationToken);
        return application;
    }

    public async Task<ServiceApplication> WithdrawAsync(DurableTaskClient durable, string applicationId, WithdrawApplication request, Caller caller,
        CancellationToken cancellationToken)
    {
        var application = await FindOwnAsync(applicationId, caller, cancellationToken);
        application.Withdraw(new CommandContext(caller.Subject, clock.GetUtcNow()), request.Reason);
        await SaveAndNotifyAsync(durable, application, cancellationToken);
        return application;
    }

    public async Task<ServiceApplication> SupplementAsync(DurableTaskClient durable, string applicationId, SupplementApplication request, Caller caller,
        CancellationToken cancellationToken)
    {
        var application = await FindOwnAsync(applicationId, caller, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var provided = await uploads.ResolveAsync(caller, application.Matter.Materials, request.Materials, errors, cancellationToken);
        if (provided.Count == 0 && errors.Count == 0) errors["materials"] = ["请至少补交一份材料 (supplement at least one material)"];
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        application.Supplement(new CommandContext(caller.Subject, clock.GetUtcNow()), provided);
        await SaveAndNotifyAsync(durable, application, cancellationToken);
        return application;
    }

    /// <summary>The applicant's own application; another applicant's is "not found", so ids reveal nothing.</summary>
    public async Task<ServiceApplication> FindOwnAsync(string applicationId, Caller caller, CancellationToken cancellationToken)
    {
        var application = await FindAsync(applicationId, cancellationToken);
        return application.Applicant.SubjectId == caller.Subject ? application : throw NotFound(applicationId);
    }

    /// <summary>
    /// The application if the caller may read it, else "not found" (as for an id that does not exist): applicants their
    /// own; centre staff those of their centre — the handling centre once routed, the centre the applicant chose before
    /// that; district administrators any.
    /// </summary>
    public async Task<ServiceApplication> FindVisibleAsync(string applicationId, Caller caller, CancellationToken cancellationToken)
    {
        var application = await FindAsync(applicationId, cancellationToken);
        return MayRead(application, caller) ? application : throw NotFound(applicationId);
    }

    /// <summary>Whether <paramref name="caller"/> may read <paramref name="application"/> (see <see cref="FindVisibleAsync"/>).</summary>
    public static bool MayRead(ServiceApplication application, Caller caller) =>
        caller.IsInRole(Roles.DistrictAdmin)
        || (caller.IsInRole(Roles.CentreStaff) && caller.Centre is { } centre && centre == (application.HandlingCentre ?? application.PreferredCentre))
        || (caller.IsInRole(Roles.Applicant) && application.Applicant.SubjectId == caller.Subject);

    async Task<ServiceApplication> FindAsync(string applicationId, CancellationToken cancellationToken) =>
        await applications.FindAsync(applicationId, cancellationToken) ?? throw NotFound(applicationId);

    async Task SaveAndNotifyAsync(DurableTaskClient durable, ServiceApplication application, CancellationToken cancellationToken)
    {
        try
        {
            await applications.SaveAsync(application, cancellationToken);
        }
        finally
        {
            // Once appended (nothing pending), the workflow must hear of it even if what follows the append failed:
            // otherwise an approval would wait for its result for ever.
            if (application.PendingEvents.Count == 0)
                await durable.RaiseEventAsync(application.Id, ApplicationHandlingOrchestrator.ChangedEvent, application.Status.ToString(), CancellationToken.None);
        }
    }

    static NotFoundException NotFound(string applicationId) => new($"没有编号为 {applicationId} 的申请 (no application {applicationId})");
}
