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
}
