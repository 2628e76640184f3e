using System.Text.Json;
using Nanhai.Application.ServiceMatters.Authoring;
using Nanhai.Domain.ServiceMatters;
using Refit;

namespace Nanhai.Admin.Matters;

public static class MatterAuthoringViewExtensions
{
    /// <summary>What the designer edits: the draft, or the latest version when there is none (saving it starts a new draft).</summary>
    public static MatterDefinition Editing(this MatterAuthoringView matter) =>
        Definition(matter.Draft ?? matter.LatestDefinition)
        ?? throw new InvalidOperationException($"Matter {matter.Code} has neither a draft nor a version.");

    public static MatterDefinition? Definition(JsonElement? json) => json?.Deserialize<MatterDefinition>(MatterJson.Options);

    public static int? LatestVersion(this MatterAuthoringView matter) => matter.Versions.Count == 0 ? null : matter.Versions[^1].Number;

    /// <summary>The platform's own words for a refusal (409: retired, nothing to publish…), for a banner.</summary>
    public static string Detail(this ApiException refusal) =>
        (refusal as ValidationApiException)?.Content?.Detail ?? refusal.ReasonPhrase ?? refusal.StatusCode.ToString();
}
