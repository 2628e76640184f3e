using System.Text.Json.Serialization;

namespace Nanhai.Domain.ServiceMatters;

/// <summary>
/// A published version of a matter (事项版本): number <paramref name="Number"/> (1, 2, …) of <paramref name="Code"/>, with
/// the definition as it was published. A version never changes; applications pin the version they were made on.
/// </summary>
public sealed record MatterVersion(string Code, int Number, DateTimeOffset PublishedAt, MatterDefinition Definition)
{
    /// <summary>What an application records to say which rules it was made under.</summary>
    [JsonIgnore]
    public MatterVersionRef Ref => new(Code, Number);
}

/// <summary>A reference to one published version of a matter, e.g. <c>NH-SCJ-0001@v2</c>.</summary>
public readonly record struct MatterVersionRef(string Code, int Number)
{
    public override string ToString() => $"{Code}@v{Number}";
}
