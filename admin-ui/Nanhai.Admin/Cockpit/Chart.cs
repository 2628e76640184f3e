using System.Text.Json;

namespace Nanhai.Admin.Cockpit;

/// <summary>
/// One chart of the cockpit: what the page's script draws with ECharts (bars, or a gauge for a rate) and what its data
/// table and accessible description say, from the same numbers.
/// </summary>
public sealed record Chart(string Id, string Title, string Kind, IReadOnlyList<string> Labels, IReadOnlyList<double> Values, string Unit)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Chart Bars(string id, string title, IEnumerable<(string Label, double Value)> data, string unit)
    {
        var points = data.ToList();
        return new(id, title, "bar", [.. points.Select(p => p.Label)], [.. points.Select(p => p.Value)], unit);
    }

    /// <summary>A rate (0–1) as a gauge in percent; null (nothing to rate yet) draws an empty gauge.</summary>
    public static Chart Gauge(string id, string title, double? rate) =>
        new(id, title, "gauge", [title], rate is { } value ? [Math.Round(value * 100, 1)] : [], "%");

    public string Config => JsonSerializer.Serialize(new { kind = Kind, title = Title, labels = Labels, values = Values, unit = Unit }, Json);

    /// <summary>What a screen reader says instead of the picture.</summary>
    public string Description => Values.Count == 0
        ? $"{Title}：暂无数据"
        : $"{Title}：" + string.Join("，", Labels.Zip(Values, (label, value) => Kind == "gauge" ? $"{value}{Unit}" : $"{label} {value}{Unit}"));
}
