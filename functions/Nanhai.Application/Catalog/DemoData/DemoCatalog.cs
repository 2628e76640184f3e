using System.Text.Json;
using System.Text.Json.Serialization;
using Nanhai.Domain.Catalog;

namespace Nanhai.Application.Catalog.DemoData;

/// <summary>A resource of the demo catalog: its code, its source unit and the definition to register it with.</summary>
public sealed record DemoResource(string Code, string Unit, ResourceDefinition Definition);

/// <summary>
/// The demo data-resource catalog (<c>catalog.json</c>, embedded in this assembly): Nanhai source units and resources of
/// the kinds departments share (household registration, enterprises, social and medical insurance, real estate,
/// schooling, licences, utilities …) with GB/T 21063.3 metadata. Each resource is meant for
/// <see cref="Resource.Register"/>.
/// </summary>
/// <remarks>
/// Format: <c>{"source": "…", "units": [{"code", "name"}], "resources": [{"code", "unit", "description", "items", "policy"}]}</c>,
/// a description being a <see cref="ResourceDescription"/>, items <see cref="DataItem"/>s and the policy an
/// <see cref="IngestionPolicy"/>, camelCase with enum names as strings. Every property must be written (null where it
/// has no value) and unknown properties are errors, so a misspelt or forgotten attribute in hand-edited data fails
/// loudly instead of silently taking a default such as <see cref="SharingType.Unconditional"/>.
/// </remarks>
public sealed record DemoCatalog(string Source, IReadOnlyList<SourceUnit> Units, IReadOnlyList<DemoResource> Resources)
{
    public const string EmbeddedResourceName = "Nanhai.Application.Catalog.DemoData.catalog.json";

    static readonly JsonSerializerOptions strict = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The embedded demo catalog.</summary>
    /// <exception cref="InvalidDataException">The embedded file is malformed.</exception>
    public static DemoCatalog Read()
    {
        using var stream = typeof(DemoCatalog).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {EmbeddedResourceName} is missing from {typeof(DemoCatalog).Assembly.GetName().Name}.");
        return Read(stream);
    }

    /// <summary>Parses a catalog file in the embedded file's format.</summary>
    /// <exception cref="InvalidDataException">
    /// The JSON is malformed or has missing or unknown properties (the message names the resource), repeats a unit or
    /// resource code, or gives a resource a unit it does not list. Catalog rules are <see cref="Resource.Register"/>'s.
    /// </exception>
    public static DemoCatalog Read(Stream utf8Json)
    {
        var file = Deserialize<CatalogFile>(utf8Json, "the demo catalog");
        var units = file.Units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        if (units.Count < file.Units.Count)
            throw new InvalidDataException("The demo catalog repeats a source unit code.");

        var resources = new List<DemoResource>(file.Resources.Count);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < file.Resources.Count; i++)
        {
            var element = file.Resources[i];
            var name = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                ? $"resource {code.GetString()}"
                : $"resource #{i + 1}";
            var entry = Deserialize<ResourceEntry>(element, name);
            if (!codes.Add(entry.Code))
                throw new InvalidDataException($"The demo catalog repeats {name}.");
            if (!units.ContainsKey(entry.Unit))
                throw new InvalidDataException($"Demo catalog {name}: its unit {entry.Unit} is not among the catalog's units.");
            resources.Add(new(entry.Code, entry.Unit, new ResourceDefinition(entry.Description, entry.Items, entry.Policy)));
        }
        return new(file.Source, file.Units, resources);
    }

    static T Deserialize<T>(Stream utf8Json, string what) => Parse<T>(() => JsonSerializer.Deserialize<T>(utf8Json, strict), what);

    static T Deserialize<T>(JsonElement element, string what) => Parse<T>(() => element.Deserialize<T>(strict), what);

    static T Parse<T>(Func<T?> deserialize, string what)
    {
        try
        {
            return deserialize() ?? throw new InvalidDataException($"Demo catalog: {what} is null.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Demo catalog: {what} is malformed: {e.Message}", e);
        }
    }

    sealed record CatalogFile(string Source, IReadOnlyList<SourceUnit> Units, IReadOnlyList<JsonElement> Resources);

    sealed record ResourceEntry(string Code, string Unit, ResourceDescription Description, IReadOnlyList<DataItem> Items, IngestionPolicy Policy);
}
