using Nanhai.Domain.ServiceMatters;

namespace Nanhai.Application.ServiceMatters.Statistics;

/// <summary>The raw counts the figures are computed from: applications by level, concluded ones, and matters by attribute.</summary>
public interface IServiceFigures
{
    Task<IReadOnlyDictionary<HandlingLevel, long>> ApplicationsByLevelAsync(CancellationToken cancellationToken = default);

    /// <summary>Applications whose handling concluded (result issued or denied): how many, working days used and promised, on time.</summary>
    Task<ConcludedFigures> ConcludedAsync(CancellationToken cancellationToken = default);

    /// <summary>Published, active matters in total and with each attribute.</summary>
    Task<(long Total, IReadOnlyDictionary<MatterAttribute, long> ByAttribute)> MattersAsync(CancellationToken cancellationToken = default);
}

public sealed record ConcludedFigures(long Count, long WorkingDaysUsed, long WorkingDaysPromised, long OnTime);

/// <summary>The service figures the district reports (政务服务统计).</summary>
public sealed record ServiceStatisticsView(
    long Applications, IReadOnlyDictionary<string, long> ApplicationsByLevel, double? TownAndCommunityShare,
    long Concluded, double? AverageWorkingDaysUsed, double? AverageWorkingDaysPromised, double? OnTimeRate,
    long PublishedMatters, IReadOnlyDictionary<string, long> MattersByAttribute);

/// <summary>
/// Computes the figures from what is stored — the application lists (one entry per application, updated on every change)
/// and the catalogue's listings — never from hard-coded numbers.
/// </summary>
public sealed class ServiceStatistics(IServiceFigures figures)
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
}
