using System.Text.Json;

namespace Nanhai.Domain.ServiceMatters;

/// <summary>A matter as written in a seed file: its code and the definition to publish as version 1.</summary>
public sealed record MatterSeed(string Code, MatterDefinition Definition);

/// <summary>
/// Reads seed files of matters (the demo catalogue) and publishes them.
/// </summary>
/// <remarks>
/// Format: <c>{"note": "…", "matters": [{"code": "NH-SCJ-0001", "definition": { … }}, …]}</c>, where a definition is a
/// <see cref="MatterDefinition"/> in <see cref="MatterJson"/>'s shape. Unknown properties are errors, so a misspelt
/// attribute in hand-edited seed data fails loudly instead of silently taking its default.
/// </remarks>
public static class MatterSeeds
{
    static readonly JsonSerializerOptions strict = new(MatterJson.Options)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Parses a seed file.</summary>
    /// <exception cref="InvalidDataException">The JSON is malformed, has unknown properties, or repeats a code.</exception>
    public static IReadOnlyList<MatterSeed> Read(Stream utf8Json)
    {
        SeedFile file;
        try
        {
            file = JsonSerializer.Deserialize<SeedFile>(utf8Json, strict)
                ?? throw new InvalidDataException("The matter seed file is empty (null).");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The matter seed file is malformed: {e.Message}", e);
        }

        var duplicate = file.Matters.GroupBy(m => m.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidDataException($"The matter seed file repeats code {duplicate.Key}.");
        return file.Matters;
    }

    /// <summary>Each seed as a new matter with its definition published as version 1 at <paramref name="publishedAt"/>.</summary>
    /// <exception cref="InvalidDataException">A seed breaks the publishing rules; the message names its code and every violation.</exception>
    public static IReadOnlyList<Matter> Publish(IEnumerable<MatterSeed> seeds, DateTimeOffset publishedAt) =>
        seeds.Select(seed =>
        {
            try
            {
                var matter = Matter.Create(seed.Code, seed.Definition);
                matter.Publish(publishedAt);
                return matter;
            }
            catch (MatterValidationException e)
            {
                throw new InvalidDataException($"Seed matter {seed.Code}: {e.Message}", e);
            }
        }).ToList();

    sealed record SeedFile(string? Note, IReadOnlyList<MatterSeed> Matters);
}
