using Nanhai.Domain.Catalog;
using Nanhai.Domain.Identifiers;

namespace Nanhai.Domain.Ingestion;

/// <summary>
/// Checks one dump record against the resource's data items (数据项校验) and parses each item's value into an
/// <see cref="ItemValue"/>. Built once per run; <see cref="TryValidate"/> runs for every row, so a clean row allocates
/// nothing beyond trimmed texts that differ from the file's, and a bad row stops at its first problem.
/// </summary>
/// <remarks>
/// Every value is trimmed (white space, the ideographic space included); an empty one is null, a problem only for a
/// required item. No value may contain a control character other than tab and line breaks, nor U+FEFF or U+FFFD (checked before the type,
/// so the reason names what is really wrong). Texts are limited to the item's length in characters (Unicode scalar
/// values) and may not look like a spreadsheet formula; the other types fix their own form, so their length is not
/// checked. Resident identity numbers and credit codes are checked by <see cref="ResidentIdentityNumber"/> and
/// <see cref="UnifiedSocialCreditCode"/>, with the same normalisation; a credit code accepted with a warning keeps its
/// row and comes back as a warning problem.
/// </remarks>
public sealed class RowValidator
{
    readonly DataItem[] items;
    readonly int[] columns;
    readonly string[] displayNames;
    readonly DateOnly today;

    /// <param name="items">The resource's data items, in snapshot order.</param>
    /// <param name="columnOf">For each item its column in the records (<see cref="HeaderMatch.ColumnOf"/>), -1 for an optional item the file lacks.</param>
    /// <param name="today">Today's date in China, the latest birth date an identity number may carry.</param>
    public RowValidator(IReadOnlyList<DataItem> items, IReadOnlyList<int> columnOf, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(columnOf);
        if (columnOf.Count != items.Count)
            throw new ArgumentException("The column map needs one entry per item.", nameof(columnOf));
        this.items = [.. items];
        columns = [.. columnOf];
        displayNames = new string[this.items.Length];
        for (var i = 0; i < this.items.Length; i++)
        {
            // A file without a required item is rejected by its header; validating its rows would only repeat that.
            if (columns[i] < 0 && this.items[i].Required)
                throw new ArgumentException($"Required item '{this.items[i].Name}' has no column; HeaderMatch rejects such a file.", nameof(columnOf));
            displayNames[i] = ReportText.Display(this.items[i]);
        }
        this.today = today;
    }

    /// <summary>
    /// Validates one record's values (aligned to the file's columns) and writes the items' parsed values to
    /// <paramref name="parsed"/> (one per item). False with the row's first <paramref name="problem"/> when it must be
    /// rejected; true when it may be kept, with <paramref name="problem"/> either none or a warning
    /// (<see cref="RowProblem.IsWarning"/>) to count.
    /// </summary>
    public bool TryValidate(ReadOnlySpan<string?> columnValues, Span<ItemValue> parsed, out RowProblem problem)
    {
        if (parsed.Length < items.Length)
            throw new ArgumentException("Room is needed for one value per item.", nameof(parsed));
        problem = default;
        for (var i = 0; i < items.Length; i++)
        {
            var column = columns[i];
            if (column < 0)
            {
                parsed[i] = ItemValue.Null;
                continue;
            }
            if (column >= columnValues.Length)
            {
                problem = new RowProblem(-1, RowProblemCodes.MalformedRecord,
                    $"记录只有{columnValues.Length}个字段，少于表头的列数 (the record has {columnValues.Length} fields, fewer than the header)", null);
                return false;
            }
            if (!TryParse(i, columnValues[column], out parsed[i], ref problem))
                return false;
        }
        return true;
    }

    /// <summary>Parses item <paramref name="i"/>'s value; on failure sets <paramref name="problem"/>, on a warning sets it only if no warning came earlier.</summary>
    bool TryParse(int i, string? raw, out ItemValue value, ref RowProblem problem)
    {
        var item = items[i];
        var text = raw.AsSpan().Trim();
        value = ItemValue.Null;
        if (text.IsEmpty)
        {
            if (!item.Required) return true;
            problem = Problem(i, RowProblemCodes.Required, raw,
                $"必填数据项{displayNames[i]}为空 (required item {item.Name} is empty)");
            return false;
        }

        var forbidden = ValueRules.IndexOfForbiddenCharacter(text);
        if (forbidden >= 0)
        {
            problem = CharacterProblem(i, raw!, text[forbidden], forbidden + 1);
            return false;
        }

        switch (item.Type)
        {
            case DataItemType.Text:
                if (item.Length is { } max && text.Length > max && ValueRules.CountCharacters(text) is var count && count > max)
                {
                    problem = Problem(i, RowProblemCodes.Length, raw,
                        $"{displayNames[i]}超过长度上限{max}个字符，实为{count}个字符 ({item.Name} has {count} characters, more than its length {max})");
                    return false;
                }
                if (ValueRules.LooksLikeFormula(text))
                {
                    problem = Problem(i, RowProblemCodes.Formula, raw,
                        $"{displayNames[i]}以“{text[0]}”开头，用电子表格打开时会被当作公式执行（CSV注入） ({item.Name} starts with '{text[0]}' and would run as a formula when opened in a spreadsheet (CSV injection))");
                    return false;
                }
                value = new ItemValue { Text = Keep(raw!, text) };
                return true;
            case DataItemType.Integer when ValueRules.TryParseInteger(text, out var integer):
                value = new ItemValue { Integer = integer };
                return true;
            case DataItemType.Decimal when ValueRules.TryParseDecimal(text, out var number):
                value = new ItemValue { Decimal = number };
                return true;
            case DataItemType.Date when ValueRules.TryParseDate(text, out var date):
                value = new ItemValue { Timestamp = date };
                return true;
            case DataItemType.DateTime when ValueRules.TryParseDateTime(text, out var utc):
                value = new ItemValue { Timestamp = utc };
                return true;
            case DataItemType.Boolean when ValueRules.TryParseBoolean(text, out var boolean):
                value = new ItemValue { Boolean = boolean };
                return true;
            case DataItemType.ResidentIdNumber:
                return TryIdentityNumber(i, raw!, text, out value, ref problem);
            case DataItemType.CreditCode:
                return TryCreditCode(i, raw!, text, out value, ref problem);
            default:
                problem = TypeProblem(i, raw!);
                return false;
        }
    }

    bool TryIdentityNumber(int i, string raw, ReadOnlySpan<char> text, out ItemValue value, ref RowProblem problem)
    {
        // The allocation-free check takes the usual, already normalised number; anything else (lower-case x, full-width
        // digits, or a bad number) goes through Validate, which normalises and says what is wrong.
        if (ResidentIdentityNumber.IsWellFormed(text, today))
        {
            value = new ItemValue { Text = Keep(raw, text) };
            return true;
        }
        var result = ResidentIdentityNumber.Validate(raw, today);
        value = result.IsAccepted ? new ItemValue { Text = result.Value.Value } : ItemValue.Null;
        if (!result.IsAccepted)
            problem = IdentifierProblem(i, raw, RowProblemCodes.Identifier, result.Errors);
        return result.IsAccepted;
    }

    bool TryCreditCode(int i, string raw, ReadOnlySpan<char> text, out ItemValue value, ref RowProblem problem)
    {
        if (UnifiedSocialCreditCode.IsValid(text))
        {
            value = new ItemValue { Text = Keep(raw, text) };
            return true;
        }
        var result = UnifiedSocialCreditCode.Validate(raw);
        value = result.IsAccepted ? new ItemValue { Text = result.Value.Value } : ItemValue.Null;
        if (!result.IsAccepted)
            problem = IdentifierProblem(i, raw, RowProblemCodes.Identifier, result.Errors);
        else if (result.Warnings.Count > 0 && problem.IsNone)
            problem = IdentifierProblem(i, raw, RowProblemCodes.IdentifierWarning, result.Warnings);
        return result.IsAccepted;
    }

    /// <summary>The file's string when trimming changed nothing (the usual case, no allocation), else the trimmed copy.</summary>
    static string Keep(string raw, ReadOnlySpan<char> trimmed) => trimmed.Length == raw.Length ? raw : trimmed.ToString();

    static RowProblem Problem(int i, string code, string? raw, string message) => new(i, code, message, raw);

    RowProblem CharacterProblem(int i, string raw, char c, int position)
    {
        var name = items[i].Name;
        return c switch
        {
            '\uFEFF' => Problem(i, RowProblemCodes.ByteOrderMark, raw,
                $"{displayNames[i]}第{position}个字符是字节顺序标记U+FEFF，多为多个文件拼接所致 ({name} contains a byte order mark U+FEFF at character {position}, usually left by concatenating files)"),
            '\uFFFD' => Problem(i, RowProblemCodes.ReplacementCharacter, raw,
                $"{displayNames[i]}第{position}个字符是替换字符U+FFFD，原数据不是有效文本，请检查文件编码 ({name} contains the replacement character U+FFFD at character {position}: the bytes were not valid text; check the file's encoding)"),
            _ => Problem(i, RowProblemCodes.ControlCharacter, raw,
                $"{displayNames[i]}第{position}个字符是控制字符U+{(int)c:X4}{(c == '\0' ? "（NUL）" : "")} ({name} contains control character U+{(int)c:X4}{(c == '\0' ? " (NUL)" : "")} at character {position})"),
        };
    }

    RowProblem TypeProblem(int i, string raw)
    {
        var item = items[i];
        var (chinese, english) = item.Type switch
        {
            DataItemType.Integer => ("整数", "a whole number"),
            DataItemType.Decimal => ("数值（小数点为“.”，不用千位分隔符）", "a decimal number ('.' as the decimal point, no thousands separators)"),
            DataItemType.Date => ("日期（yyyy-MM-dd、yyyy/MM/dd或yyyyMMdd）", "a date (yyyy-MM-dd, yyyy/MM/dd or yyyyMMdd)"),
            DataItemType.DateTime => ("日期时间（如2024-05-01 08:30:00，或带时区的ISO 8601）", "a date and time (e.g. 2024-05-01 08:30:00, or ISO 8601 with an offset)"),
            DataItemType.Boolean => ("布尔值（是/否、true/false、1/0、Y/N）", "a boolean (是/否, true/false, 1/0, Y/N)"),
            _ => (item.Type.ToString(), item.Type.ToString()),
        };
        return Problem(i, RowProblemCodes.Type, raw, $"{displayNames[i]}应为{chinese} ({item.Name} must be {english})");
    }

    RowProblem IdentifierProblem(int i, string raw, string code, IReadOnlyList<IdentifierMessage> messages)
    {
        var chinese = new List<string>(messages.Count);
        var english = new List<string>(messages.Count);
        foreach (var message in messages)
        {
            chinese.Add(message.Chinese);
            english.Add(message.English);
        }
        return new RowProblem(i, code, $"{displayNames[i]}：{string.Join("；", chinese)} ({items[i].Name}: {string.Join("; ", english)})", raw,
            isWarning: code == RowProblemCodes.IdentifierWarning);
    }
}
