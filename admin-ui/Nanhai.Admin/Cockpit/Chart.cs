using System.Text.Json;

namespace Nanhai.Admin.Cockpit;

/// <summary>One named run of values of a chart, one per label.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>
/// One chart of the cockpit: what the page's script draws with ECharts (bars, lines, or a gauge for a rate) and what its
/// data table and accessible description say, from the same numbers.
/// </summary>
public sealed record Chart(string Id, string Title, string Kind, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series, string Unit)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Chart Bars(string id, string title, IEnumerable<(string Label, double Value)> data, string unit)
    {
        var points = data.ToList();
        return new(id, title, "bar", [.. points.Select(p => p.Label)], [new(title, [.. points.Select(p => p.Value)])], unit);
    }

    public static Chart Lines(string id, string title, IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series, string unit) =>
        new(id, title, "line", labels, series, unit);

    /// <summary>A rate (0–1) as a gauge in percent; null (nothing to rate yet) draws an empty gauge.</summary>
    public static Chart Gauge(string id, string title, double? rate) =>
        new(id, title, "gauge", [title], rate is { } value ? [new(title, [Math.Round(value * 100, 1)])] : [], "%");

    public bool IsEmpty => Series.Count == 0;

    public string Config => JsonSerializer.Serialize(new { kind = Kind, title = Title, labels = Labels, series = Series, unit = Unit }, Json);

    /// <summary>What a screen reader says instead of the picture.</summary>
    public string Description => IsEmpty
        ? $"{Title}：暂无数据"
        : Kind == "gauge"
            ? $"{Title}：{Series[0].Values[0]}{Unit}"
            : $"{Title}：" + string.Join("；", Series.Select(s =>
                (Series.Count > 1 ? s.Name + " " : "") + string.Join("，", Labels.Zip(s.Values, (label, value) => $"{label} {value}{Unit}"))));
}
