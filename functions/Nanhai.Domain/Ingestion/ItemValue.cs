using Nanhai.Domain.Catalog;

namespace Nanhai.Domain.Ingestion;

/// <summary>
/// One data item's value in an accepted row, parsed once by the row validator into the field its
/// <see cref="DataItemType"/> uses, so the snapshot writer never parses again. A struct, so a row costs no allocation
/// beyond its text values.
/// </summary>
public readonly record struct ItemValue
{
    /// <summary>No value (an empty optional item).</summary>
    public bool IsNull { get; init; }

    /// <summary>Text, <see cref="DataItemType.ResidentIdNumber"/> and <see cref="DataItemType.CreditCode"/> values (normalised: trimmed, upper-case check characters).</summary>
    public string? Text { get; init; }

    /// <summary><see cref="DataItemType.Integer"/> values.</summary>
    public long Integer { get; init; }

    /// <summary><see cref="DataItemType.Decimal"/> values.</summary>
    public decimal Decimal { get; init; }

    /// <summary><see cref="DataItemType.Date"/> values (time of day zero) and <see cref="DataItemType.DateTime"/> values (UTC).</summary>
    public DateTime Timestamp { get; init; }

    /// <summary><see cref="DataItemType.Boolean"/> values.</summary>
    public bool Boolean { get; init; }

    public static ItemValue Null { get; } = new() { IsNull = true };
}
