using Nanhai.Application.Common;
using Nanhai.Application.Security;
using Nanhai.Domain.Calendar;
using Nanhai.Domain.ServiceMatters;

namespace Nanhai.Application.ServiceMatters.Applications;

/// <summary>A centre's queue entry: the application and how many working days it has left (negative when overdue).</summary>
public sealed record QueueEntry(ApplicationSummary Application, int? WorkingDaysLeft);

/// <summary>An applicant's own applications (我的办件) and a centre's work queue (中心待办).</summary>
public sealed class ApplicationLists(IApplicationIndex index, TimeProvider clock)
{
    public const int MaxOwnApplications = 100;

    public Task<IReadOnlyList<ApplicationSummary>> MineAsync(Caller caller, CancellationToken cancellationToken) =>
        index.ListForApplicantAsync(caller.Subject, MaxOwnApplications, cancellationToken);

    /// <summary>
    /// The centre's open applications: those waiting to be accepted first (oldest submission first: nothing runs their clock
    /// yet, so they would otherwise never rise), then the rest by deadline, oldest first. Only its own staff and district
    /// administrators see a centre's queue.
    /// </summary>
    public async Task<IReadOnlyList<QueueEntry>> QueueAsync(string centre, Caller caller, CancellationToken cancellationToken)
    {
        if (!ServiceCentres.TryFind(centre, out _)) throw new NotFoundException($"没有编码为“{centre}”的服务中心 (no such centre)");
        if (caller.Centre != centre && !caller.IsInRole(Roles.DistrictAdmin))
            throw new ForbiddenException("只能查看本中心的待办 (staff see their own centre's queue only)");
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var open = await index.ListOpenForCentreAsync(centre, cancellationToken);
        return [.. open
            .OrderBy(a => a.Deadline is null ? 0 : 1).ThenBy(a => a.Deadline).ThenBy(a => a.SubmittedAt)
            .Select(a => new QueueEntry(a, a.Deadline is { } deadline ? WorkingDayCalendar.China.WorkingDaysBetween(today, deadline) : null))];
    }
}
