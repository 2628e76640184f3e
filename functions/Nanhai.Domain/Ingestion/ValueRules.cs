using System.Buffers;
using System.Globalization;
using System.Text;
using Nanhai.Domain.Calendar;

namespace Nanhai.Domain.Ingestion;

/// <summary>
/// The per-value rules of <see cref="RowValidator"/>, on spans: no allocation, no regular expression, no exception, as
/// they run for every value of every row (tens of millions per gigabyte).
/// </summary>
static class ValueRules
{
    // Unicode category Cc except tab and line breaks (NUL, the other C0 controls, DEL, the C1 controls), U+FEFF and U+FFFD:
    // none belongs inside a value; each is a sign of a broken export, a concatenated file or a wrong encoding. Line
    // breaks do: a quoted CSV field or an Excel cell (Alt+Enter) may hold a multi-line address or remark.
    static readonly SearchValues<char> ForbiddenCharacters = SearchValues.Create(
        [.. Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n')), '\uFEFF', '\uFFFD']);

    /// <summary>Index of the first character no value may contain, or -1.</summary>
    public static int IndexOfForbiddenCharacter(ReadOnlySpan<char> text) => text.IndexOfAny(ForbiddenCharacters);

    public static bool IsForbidden(Rune rune) => rune.IsBmp && ForbiddenCharacters.Contains((char)rune.Value);

    /// <summary>
    /// True when a spreadsheet opening the value would take it for a formula (CSV injection; OWASP, "CSV Injection",
    /// https://owasp.org/www-community/attacks/CSV_Injection: cells beginning with =, +, -, @, tab or CR). Tab and CR cannot lead a value here (values are trimmed). '+' and '-' are let through when a digit or a space follows, or alone, so that phone numbers
    /// (+86 138…), negative figures and "-" as "none" stay valid: a formula needs an operand right after the sign.
    /// </summary>
    public static bool LooksLikeFormula(ReadOnlySpan<char> text) =>
        !text.IsEmpty && (text[0] is '=' or '@'
            || text[0] is '+' or '-' && text.Length > 1 && !char.IsAsciiDigit(text[1]) && text[1] != ' ');

    /// <summary>Characters (Unicode scalar values, so 𠈓 is one) in <paramref name="text"/>; a lone surrogate counts as one.</summary>
    public static int CountCharacters(ReadOnlySpan<char> text)
    {
        var count = text.Length;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                count--;
                i++;
            }
        }
        return count;
    }

    /// <summary>A whole number: optional sign, ASCII digits, no thousands separators (see <see cref="TryParseDecimal"/>).</summary>
    public static bool TryParseInteger(ReadOnlySpan<char> text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// A decimal number with '.' as the decimal point, an optional sign and exponent (spreadsheets export large and
    /// small numbers as 1.5E+07). Thousands separators are refused: in dumps from systems set up for other locales
    /// "1,234" may mean 1.234, and reading it as 1234 would change the figure silently; a clear rejection is safer.
    /// </summary>
    public static bool TryParseDecimal(ReadOnlySpan<char> text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value);

    /// <summary>A date as yyyy-MM-dd, yyyy/MM/dd or yyyyMMdd (time of day zero, kind unspecified: a date has no zone).</summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, out DateTime date)
    {
        date = default;
        int year, month, day;
        if (text.Length == 8)
        {
            if (!TryDigits(text[..4], out year) || !TryDigits(text.Slice(4, 2), out month) || !TryDigits(text.Slice(6, 2), out day))
                return false;
        }
        else if (text.Length == 10 && text[4] is '-' or '/' && text[7] == text[4])
        {
            if (!TryDigits(text[..4], out year) || !TryDigits(text.Slice(5, 2), out month) || !TryDigits(text.Slice(8, 2), out day))
                return false;
        }
        else
            return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        date = new DateTime(year, month, day);
        return true;
    }

    /// <summary>
    /// A date and time, returned in UTC: a 10-character date of <see cref="TryParseDate"/>, 'T' or a space, HH:mm:ss,
    /// optionally a fraction of up to 7 digits, then optionally an offset (Z, ±hh:mm or ±hhmm, ISO 8601). Without an
    /// offset the time is China Standard Time (<see cref="ChinaTime"/>), as departments' systems write it.
    /// </summary>
    public static bool TryParseDateTime(ReadOnlySpan<char> text, out DateTime utc)
    {
        utc = default;
        if (text.Length < 19 || text[10] is not ('T' or ' ') || text[13] != ':' || text[16] != ':'
            || !TryParseDate(text[..10], out var date)
            || !TryDigits(text.Slice(11, 2), out var hour) || hour > 23
            || !TryDigits(text.Slice(14, 2), out var minute) || minute > 59
            || !TryDigits(text.Slice(17, 2), out var second) || second > 59)
            return false;

        var ticks = date.Ticks + new TimeSpan(hour, minute, second).Ticks;
        var rest = text[19..];
        if (!rest.IsEmpty && rest[0] == '.')
        {
            var digits = 0;
            while (1 + digits < rest.Length && char.IsAsciiDigit(rest[1 + digits])) digits++;
            if (digits is 0 or > 7 || !TryDigits(rest.Slice(1, digits), out var fraction)) return false;
            ticks += fraction * Pow10(7 - digits);
            rest = rest[(1 + digits)..];
        }

        if (!TryParseOffset(rest, out var offset)) return false;
        ticks -= offset.Ticks;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks) return false;
        utc = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }

    /// <summary>The offset at the end of a date-time: none (China time), Z, ±hh:mm or ±hhmm.</summary>
    static bool TryParseOffset(ReadOnlySpan<char> text, out TimeSpan offset)
    {
        offset = ChinaTime.Offset;
        if (text.IsEmpty) return true;
        if (text is "Z" or "z")
        {
            offset = TimeSpan.Zero;
            return true;
        }
        if (text[0] is not ('+' or '-')) return false;
        var minutesAt = text.Length == 6 && text[3] == ':' ? 4 : text.Length == 5 ? 3 : -1;
        if (minutesAt < 0 || !TryDigits(text.Slice(1, 2), out var hours) || !TryDigits(text.Slice(minutesAt, 2), out var minutes)
            || hours > 14 || minutes > 59)
            return false;
        offset = new TimeSpan(hours, minutes, 0) * (text[0] == '-' ? -1 : 1);
        return true;
    }

    /// <summary>true/false (any case), 1/0, 是/否, Y/N (any case).</summary>
    public static bool TryParseBoolean(ReadOnlySpan<char> text, out bool value)
    {
        value = text is "1" or "是" || text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("y", StringComparison.OrdinalIgnoreCase);
        return value || text is "0" or "否" || text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("n", StringComparison.OrdinalIgnoreCase);
    }

    static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + c - '0';
        }
        return true;
    }

    static long Pow10(int exponent)
    {
        var result = 1L;
        for (var i = 0; i < exponent; i++) result *= 10;
        return result;
    }
}
