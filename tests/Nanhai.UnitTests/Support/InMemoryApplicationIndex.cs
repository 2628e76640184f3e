using System.Collections.Concurrent;
using Nanhai.Application.ServiceMatters.Applications;
using Nanhai.Domain.ServiceMatters.Applications;

namespace Nanhai.UnitTests.Support;

/// <summary>
/// The application lists in memory (我的办件, 中心待办), for workflow tests on the in-process durable host. Keeps the
/// summary of the highest version seen, so an update that arrives late cannot put an older state back.
/// </summary>
public sealed class InMemoryApplicationIndex : IApplicationIndex
{
    readonly ConcurrentDictionary<string, (long Version, ApplicationSummary Summary)> rows = new();

    /// <summary>The current summary of <paramref name="applicationId"/>, or null when it was never indexed.</summary>
    public ApplicationSummary? Find(string applicationId) => rows.TryGetValue(applicationId, out var row) ? row.Summary : null;

    public Task UpdateAsync(ServiceApplication application, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        var row = (application.Version, ApplicationSummary.Of(application));
        rows.AddOrUpdate(application.Id, row, (_, old) => old.Version > row.Version ? old : row);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ApplicationSummary>> ListForApplicantAsync(string subject, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ApplicationSummary>>([.. rows.Values.Select(r => r.Summary)
            .Where(s => s.ApplicantSubject == subject).OrderByDescending(s => s.SubmittedAt).Take(max)]);

    public Task<IReadOnlyList<ApplicationSummary>> ListOpenForCentreAsync(string centre, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ApplicationSummary>>([.. rows.Values.Select(r => r.Summary)
            .Where(s => s.Centre == centre && !s.IsTerminal).OrderBy(s => s.Deadline ?? DateOnly.MaxValue).ThenBy(s => s.SubmittedAt)]);
}
