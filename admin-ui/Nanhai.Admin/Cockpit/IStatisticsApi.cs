using Nanhai.Application.ServiceMatters.Statistics;
using Refit;

namespace Nanhai.Admin.Cockpit;

/// <summary>The platform's own statistics (政务服务统计), as the cockpit charts them.</summary>
public interface IStatisticsApi
{
    [Get("/api/stats/services")]
    Task<ServiceStatisticsView> GetServicesAsync(CancellationToken cancellationToken = default);

    [Get("/api/stats/services/trend")]
    Task<ServiceTrendView> GetTrendAsync(int? months, CancellationToken cancellationToken = default);
}
