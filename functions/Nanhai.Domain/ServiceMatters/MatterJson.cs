using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Nanhai.Domain.ServiceMatters;

/// <summary>
/// The JSON shape of matters everywhere (storage, API, seed data): camelCase names, enumerations as camelCase strings
/// (<c>"level": "district"</c>, <c>"kind": "onTheSpot"</c>), Chinese written as is, and nullability annotations enforced so
/// that a <c>null</c> where the model has none is a parse error rather than a crash later.
/// </summary>
public static class MatterJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
            // HTML-sensitive characters stay escaped; CJK text does not, so stored documents and diffs stay readable.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            RespectNullableAnnotations = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
