using System.Buffers;
using System.Text;

namespace Nanhai.Domain.Identifiers;

/// <summary>Input clean-up shared by the identifiers.</summary>
static class IdentifierText
{
    /// <summary>
    /// ASCII digits, for allocation-free checks; ContainsAnyExceptInRange would allocate until the JIT optimises it
    /// (tier 0, debug builds).
    /// </summary>
    public static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    /// <summary>
    /// Trims white space (the ideographic space U+3000 included), turns full-width ASCII forms into
    /// ASCII and lower-case letters into upper case. Chinese input methods often type full-width
    /// digits (１２３) and applicants paste numbers with stray spaces; neither changes the identifier.
    /// </summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.AsSpan().Trim())
        {
            var ascii = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
            builder.Append(ascii is >= 'a' and <= 'z' ? (char)(ascii - ('a' - 'A')) : ascii);
        }
        return builder.ToString();
    }
}
