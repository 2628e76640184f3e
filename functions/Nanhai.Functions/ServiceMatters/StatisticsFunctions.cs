using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Nanhai.Application.Security;
using Nanhai.Application.ServiceMatters.Statistics;
using Nanhai.Functions.Http;
using Nanhai.Functions.OpenApi;

namespace Nanhai.Functions.ServiceMatters;

/// <summary>The service figures for the cockpit and the district's reports.</summary>
public sealed class StatisticsFunctions(ServiceStatistics statistics)
{
    [Function("ServiceStatistics")]
    [RequireRoles(Roles.DistrictAdmin, Roles.DataAuthority)]
    [OpenApiOperation("Statistics", "政务服务统计 (volume by level, town and community share, working days against the promise, on-time rate, matters by attribute)")]
    [ProducesResponseType<ServiceStatisticsView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stats/services")] HttpRequest request)
        => new OkObjectResult(await statistics.GetAsync(request.HttpContext.RequestAborted));

    [Function("ServiceTrend")]
    [RequireRoles(Roles.DistrictAdmin, Roles.DataAuthority)]
    [OpenApiOperation("Statistics", "办件量趋势 (applications by month and level and by town centre over the last months=1–24, default 12; open applications under escalation)")]
    [ProducesResponseType<ServiceTrendView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Trend([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stats/services/trend")] HttpRequest request)
        => new OkObjectResult(await statistics.TrendAsync(request.Query["months"], request.HttpContext.RequestAborted));
}
