using System.Globalization;
using System.Text;
using Nanhai.Domain.Catalog;

namespace Nanhai.Domain.Ingestion;

/// <summary>How items and values appear in ingestion messages and reports.</summary>
static class ReportText
{
    /// <summary>An item as messages name it: “公民身份号码”(id_number).</summary>
    public static string Display(DataItem item) => $"“{item.Label}”({item.Name})";

    /// <summary>
    /// A value as a report may show it: masked when <paramref name="personal"/>, then with control characters, U+FEFF
    /// and U+FFFD written as \uXXXX (so the reason is visible, and a NUL cannot cut the report short), at most
    /// <paramref name="maxCharacters"/> characters.
    /// </summary>
    public static string Shown(string value, bool personal, int maxCharacters)
    {
        var runes = new List<Rune>(value.Length);
        foreach (var rune in value.EnumerateRunes())
            runes.Add(rune);
        var (keepStart, keepEnd) = personal ? MaskKept(runes.Count) : (runes.Count, 0);
        var builder = new StringBuilder(Math.Min(value.Length, maxCharacters) + 8);
        for (var k = 0; k < runes.Count; k++)
        {
            if (k == maxCharacters)
            {
                builder.Append('…');
                break;
            }
            if (k >= keepStart && k < runes.Count - keepEnd)
                builder.Append('*');
            else if (ValueRules.IsForbidden(runes[k]))
                builder.Append(CultureInfo.InvariantCulture, $"\\u{runes[k].Value:X4}");
            else
                builder.Append(runes[k].ToString());
        }
        return builder.ToString();
    }

    /// <summary>
    /// How many characters of a personal value stay visible at the start and the end, by its length: identity numbers and
    /// codes (15 or more) keep the division code and the last four (440605********123X), phone numbers (11–14) the
    /// carrier prefix and the last four (138****5678), names the surname (张*, 张**), other short values their first and
    /// last character; everything between is masked.
    /// </summary>
    static (int Start, int End) MaskKept(int length) => length switch
    {
        >= 15 => (6, 4),
        >= 11 => (3, 4),
        >= 4 => (1, 1),
        >= 2 => (1, 0),
        _ => (0, 0),
    };
}
