using Microsoft.AspNetCore.Mvc.RazorPages;
using Nanhai.Admin.Catalog;
using Nanhai.Admin.Cockpit;
using Nanhai.Application.Catalog;
using Nanhai.Application.ServiceMatters.Statistics;
using Nanhai.Domain.ServiceMatters;

namespace Nanhai.Admin.Pages.Cockpit;

/// <summary>数字驾驶舱: the figures Nanhai reports, charted from the platform's own statistics, never from fixed numbers.</summary>
public sealed class IndexModel(IStatisticsApi statistics, ICatalogApi catalog) : PageModel
{
    public ServiceStatisticsView Services { get; private set; } = null!;

    public CatalogSummary Catalog { get; private set; } = null!;

    public ServiceTrendView Trend { get; private set; } = null!;

    public IReadOnlyList<Chart> Charts { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var services = statistics.GetServicesAsync(HttpContext.RequestAborted);
        var summary = catalog.GetSummaryAsync(HttpContext.RequestAborted);
        var trend = statistics.GetTrendAsync(12, HttpContext.RequestAborted);
        var growth = catalog.GetGrowthAsync(12, HttpContext.RequestAborted);
        Services = await services;
        Catalog = await summary;
        Trend = await trend;
        var catalogGrowth = await growth;
        var levels = Enum.GetValues<HandlingLevel>();
        Charts =
        [
            Chart.Bars("by-level", "办件量（按办理层级）",
                Services.ApplicationsByLevel.Select(l => (LevelName(l.Key), (double)l.Value)), "件"),
            Chart.Lines("by-month", "近12个月办件量（按办理层级）", [.. Trend.Months.Select(m => m.Month)],
                [.. levels.Select(l => new ChartSeries(l.ToChinese(), [.. Trend.Months.Select(m => (double)m.ByLevel.GetValueOrDefault(l.ToString().ToLowerInvariant()))]))], "件"),
            Chart.Bars("by-centre", "近12个月各镇街中心受理量", Trend.Centres.Select(c => (c.Name.Replace("行政服务中心", ""), (double)c.Applications)), "件"),
            Chart.Gauge("on-time", "按时办结率", Services.OnTimeRate),
            Chart.Gauge("town-share", "镇街和村居办件占比", Services.TownAndCommunityShare),
            Chart.Bars("by-attribute", "事项（按服务属性）",
                MatterAttributes.All.Select(a => (a.ToChinese(), (double)Services.MattersByAttribute.GetValueOrDefault(a.Code()))), "项"),
            Chart.Gauge("sharing-rate", "数据共享率（按数据量）", Catalog.SharingRate),
            Chart.Lines("catalog-growth", "数据资源目录增长（月末资源数）", [.. catalogGrowth.Select(m => m.Month)],
                [new("资源数", [.. catalogGrowth.Select(m => (double)m.Resources)])], "个"),
        ];
    }

    static string LevelName(string level) => Enum.TryParse<HandlingLevel>(level, ignoreCase: true, out var parsed) ? parsed.ToChinese() : level;
}
