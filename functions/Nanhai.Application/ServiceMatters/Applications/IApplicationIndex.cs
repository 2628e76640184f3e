using Nanhai.Domain.ServiceMatters.Applications;

namespace Nanhai.Application.ServiceMatters.Applications;

/// <summary>
/// The lists people look applications up by: an applicant's own applications (我的办件) and a centre's work queue
/// (中心待办). Kept up to date from each saved application; the event streams stay the truth.
/// </summary>
public interface IApplicationIndex
{
    Task UpdateAsync(ServiceApplication application, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApplicationSummary>> ListForApplicantAsync(string subject, int max, CancellationToken cancellationToken = default);

    /// <summary>The centre's open applications (not yet concluded), for its queue.</summary>
    Task<IReadOnlyList<ApplicationSummary>> ListOpenForCentreAsync(string centre, CancellationToken cancellationToken = default);
}

/// <summary>
/// One application in a list: enough to show it, order a queue by deadline, and count it in the district's figures
/// (level, working days used against the promise once concluded).
/// </summary>
public sealed record ApplicationSummary(
    string Id, string ApplicantSubject, string ApplicantName, string MatterCode, string MatterName, string Level, string Status,
    bool IsTerminal, string? Centre, DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt, DateOnly? Deadline, string Escalation,
    int PromisedWorkingDays, int? WorkingDaysUsed, bool? ConcludedOnTime)
{
    public static ApplicationSummary Of(ServiceApplication a) => new(
        a.Id, a.Applicant.SubjectId, a.Applicant.Name, a.Matter.Version.Code, a.Matter.Name, a.Matter.Level.ToString(), a.Status.ToString(),
        a.Status.IsTerminal(), a.HandlingCentre, a.SubmittedAt, a.UpdatedAt, a.Deadline, a.Escalation.ToString(),
        a.Matter.PromisedWorkingDays, a.WorkingDaysUsed, a.ConcludedOnTime);
}
