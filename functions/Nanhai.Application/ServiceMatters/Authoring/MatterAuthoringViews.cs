using System.Text.Json;
using Nanhai.Application.ServiceMatters.Catalog;
using Nanhai.Domain.ServiceMatters;

namespace Nanhai.Application.ServiceMatters.Authoring;

/// <summary>
/// A matter as the designer edits it. <see cref="Draft"/> and <see cref="LatestDefinition"/> are in the matter's own JSON
/// shape (<see cref="MatterJson"/>: enumerations as camelCase strings), the shape the designer sends back to save a draft;
/// a new draft after a publication starts from <see cref="LatestDefinition"/>. <see cref="ETag"/> goes into If-Match.
/// </summary>
public sealed record MatterAuthoringView(
    string Code, CodeName Status, DateTimeOffset? RetiredAt, string? RetirementReason, JsonElement? Draft,
    IReadOnlyList<PublishedVersionView> Versions, JsonElement? LatestDefinition, string ETag)
{
    public static MatterAuthoringView Of(StoredMatter stored)
    {
        var m = stored.Matter;
        return new MatterAuthoringView(m.Code, CodeName.Of(m.Status), m.RetiredAt, m.RetirementReason, Json(m.Draft),
            [.. m.Versions.Select(v => new PublishedVersionView(v.Number, v.PublishedAt, v.Definition.Name))],
            Json(m.LatestVersion?.Definition), stored.ETag);
    }

    static JsonElement? Json(MatterDefinition? definition) =>
        definition is null ? null : JsonSerializer.SerializeToElement(definition, MatterJson.Options);
}

public sealed record PublishedVersionView(int Number, DateTimeOffset PublishedAt, string Name);

/// <summary>The differences from version <see cref="From"/> to version <see cref="To"/>, or to the draft when <see cref="To"/> is null.</summary>
public sealed record MatterComparisonView(string Code, int From, int? To, IReadOnlyList<MatterDifferenceView> Differences)
{
    public static MatterComparisonView Of(MatterVersionComparison c) =>
        new(c.Code, c.From, c.To, [.. c.Differences.Select(d => new MatterDifferenceView(d.Field, d.Label, CodeName.Of(d.Change), d.Before, d.After))]);
}

/// <summary>One difference; <see cref="Change"/> is added, removed or changed (新增、删除、修改).</summary>
public sealed record MatterDifferenceView(string Field, string Label, CodeName Change, string? Before, string? After);
