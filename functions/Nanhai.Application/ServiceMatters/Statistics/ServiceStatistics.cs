using Nanhai.Application.Common;
using Nanhai.Domain.Calendar;
using Nanhai.Domain.ServiceMatters;
using Nanhai.Domain.ServiceMatters.Applications;

namespace Nanhai.Application.ServiceMatters.Statistics;

/// <summary>The raw counts the figures are computed from: applications by level, concluded ones, and matters by attribute.</summary>
public interface IServiceFigures
{
    Task<IReadOnlyDictionary<HandlingLevel, long>> ApplicationsByLevelAsync(CancellationToken cancellationToken = default);

    /// <summary>Applications whose handling concluded (result issued or denied): how many, working days used and promised, on time.</summary>
    Task<ConcludedFigures> ConcludedAsync(CancellationToken cancellationToken = default);

    /// <summary>Applications submitted in [<paramref name="from"/>, <paramref name="to"/>), of one level and/or centre when given.</summary>
    Task<long> SubmittedAsync(DateTimeOffset from, DateTimeOffset to, HandlingLevel? level, string? centre, CancellationToken cancellationToken = default);

    /// <summary>Open applications at <paramref name="level"/> of escalation (督办).</summary>
    Task<long> OpenEscalatedAsync(EscalationLevel level, CancellationToken cancellationToken = default);

    /// <summary>Published, active matters in total and with each attribute.</summary>
    Task<(long Total, IReadOnlyDictionary<MatterAttribute, long> ByAttribute)> MattersAsync(CancellationToken cancellationToken = default);
}

public sealed record ConcludedFigures(long Count, long WorkingDaysUsed, long WorkingDaysPromised, long OnTime);

/// <summary>The service figures the district reports (政务服务统计).</summary>
public sealed record ServiceStatisticsView(
    long Applications, IReadOnlyDictionary<string, long> ApplicationsByLevel, double? TownAndCommunityShare,
    long Concluded, double? AverageWorkingDaysUsed, double? AverageWorkingDaysPromised, double? OnTimeRate,
    long PublishedMatters, IReadOnlyDictionary<string, long> MattersByAttribute);

/// <summary>Applications submitted in one month (China time, <c>yyyy-MM</c>), by level.</summary>
public sealed record MonthVolume(string Month, IReadOnlyDictionary<string, long> ByLevel);

/// <summary>Applications a town centre received over the trend's months.</summary>
public sealed record CentreVolume(string Centre, string Name, long Applications);

/// <summary>
/// The volume over time the district reports: by month and level, by town centre over the same months, and the open
/// applications now under escalation (预警督办 and 超期督办).
/// </summary>
public sealed record ServiceTrendView(IReadOnlyList<MonthVolume> Months, IReadOnlyList<CentreVolume> Centres, long Warnings, long Overdue);

/// <summary>
/// Computes the figures from what is stored — the application lists (one entry per application, updated on every change)
/// and the catalogue's listings — never from hard-coded numbers.
/// </summary>
public sealed class ServiceStatistics(IServiceFigures figures, TimeProvider clock)
{

    public async Task<ServiceStatisticsView> GetAsync(CancellationToken cancellationToken)
    {
        var byLevel = await figures.ApplicationsByLevelAsync(cancellationToken);
        var concluded = await figures.ConcludedAsync(cancellationToken);
        var (matters, byAttribute) = await figures.MattersAsync(cancellationToken);
        var total = byLevel.Values.Sum();
        long Level(HandlingLevel level) => byLevel.GetValueOrDefault(level);
        double? Ratio(long part, long whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
        double? Average(long sum, long count) => count == 0 ? null : Math.Round((double)sum / count, 2);
        return new ServiceStatisticsView(
            total,
            Enum.GetValues<HandlingLevel>().ToDictionary(l => l.ToString().ToLowerInvariant(), Level),
            Ratio(Level(HandlingLevel.Town) + Level(HandlingLevel.Community), total),
            concluded.Count, Average(concluded.WorkingDaysUsed, concluded.Count), Average(concluded.WorkingDaysPromised, concluded.Count),
            Ratio(concluded.OnTime, concluded.Count),
            matters, MatterAttributes.All.ToDictionary(a => a.Code(), a => byAttribute.GetValueOrDefault(a)));
    }

    /// <summary>The last <paramref name="months"/> months up to the current one (see <see cref="ReportMonths"/>).</summary>
    public async Task<ServiceTrendView> TrendAsync(string? months, CancellationToken cancellationToken)
    {
        var span = ReportMonths.Parse(months, clock.GetUtcNow());
        var volumes = new List<MonthVolume>();
        foreach (var month in span)
        {
            var byLevel = new Dictionary<string, long>();
            foreach (var level in Enum.GetValues<HandlingLevel>())
                byLevel[level.ToString().ToLowerInvariant()] =
                    await figures.SubmittedAsync(ChinaTime.StartOf(month), ReportMonths.EndOf(month), level, null, cancellationToken);
            volumes.Add(new MonthVolume(month.ToString("yyyy-MM"), byLevel));
        }
        var (start, end) = (ChinaTime.StartOf(span[0]), ReportMonths.EndOf(span[^1]));
        var centres = new List<CentreVolume>();
        foreach (var centre in ServiceCentres.Towns)
            centres.Add(new CentreVolume(centre.Code, centre.Name, await figures.SubmittedAsync(start, end, null, centre.Code, cancellationToken)));
        return new ServiceTrendView(volumes, centres,
            await figures.OpenEscalatedAsync(EscalationLevel.Warning, cancellationToken), await figures.OpenEscalatedAsync(EscalationLevel.Overdue, cancellationToken));
    }
}
