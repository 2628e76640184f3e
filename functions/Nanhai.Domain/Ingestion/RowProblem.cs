namespace Nanhai.Domain.Ingestion;

/// <summary>Stable reason codes of <see cref="RowProblem"/>s: the keys of the error report's tallies and of API clients.</summary>
public static class RowProblemCodes
{
    /// <summary>A required item is empty.</summary>
    public const string Required = "required";
    /// <summary>A text is longer than the item's length, counted in characters (Unicode scalar values).</summary>
    public const string Length = "length";
    /// <summary>The value is not of the item's type (integer, decimal, date, date and time, boolean).</summary>
    public const string Type = "type";
    /// <summary>A resident identity number or credit code that the identifier rules reject.</summary>
    public const string Identifier = "identifier";
    /// <summary>A credit code accepted with a warning (chiefly a failed checksum, which some early genuine codes have); the row is kept.</summary>
    public const string IdentifierWarning = "identifier-warning";
    /// <summary>A text a spreadsheet would run as a formula (CSV injection).</summary>
    public const string Formula = "formula";
    /// <summary>A control character (Unicode category Cc other than tab, NUL included) inside a value.</summary>
    public const string ControlCharacter = "control-character";
    /// <summary>U+FEFF inside a value: a byte order mark left by files concatenated after encoding.</summary>
    public const string ByteOrderMark = "byte-order-mark";
    /// <summary>U+FFFD inside a value: bytes that were not valid in the file's encoding, replaced when decoded.</summary>
    public const string ReplacementCharacter = "replacement-character";
    /// <summary>The reader could not split the record into the header's fields (too few or too many, broken quoting).</summary>
    public const string MalformedRecord = "malformed-record";

    /// <summary>What the console's summary says after an item's label (or alone for a record), e.g. “公民身份号码” + “校验未通过”.</summary>
    public static string ShortChinese(string code) => code switch
    {
        Required => "为空",
        Length => "超长",
        Type => "格式错误",
        Identifier => "校验未通过",
        IdentifierWarning => "校验有警告",
        Formula => "疑似公式注入",
        ControlCharacter => "含控制字符",
        ByteOrderMark => "含字节顺序标记",
        ReplacementCharacter => "含乱码替换字符",
        MalformedRecord => "记录格式错误",
        _ => code,
    };
}

/// <summary>
/// Why a row was rejected (坏行原因), or, with <see cref="IsWarning"/>, what was noted about a row that was kept: the index of the
/// item in the resource's items (-1 for the record as a whole), a <see cref="RowProblemCodes">reason code</see>, a
/// message in Simplified Chinese with an English gloss, and the offending value as it was in the file. The default value
/// means no problem (<see cref="IsNone"/>). A struct, so a clean row costs nothing.
/// </summary>
public readonly struct RowProblem(int item, string code, string message, string? value, bool isWarning = false)
{
    // Fields, so that default(RowProblem) reads as empty strings rather than nulls.
    readonly string? code = code;
    readonly string? message = message;

    /// <summary>Index of the item in the resource's items; -1 when the problem is the record's (<see cref="RowProblemCodes.MalformedRecord"/>).</summary>
    public int Item { get; } = item;

    /// <summary>One of <see cref="RowProblemCodes"/>; empty when <see cref="IsNone"/>.</summary>
    public string Code => code ?? "";

    public string Message => message ?? "";

    /// <summary>The value as read from the file (untrimmed); null for a record-level problem.</summary>
    public string? Value { get; } = value;

    /// <summary>The row was kept; the problem is reported but does not count against the bad-row threshold.</summary>
    public bool IsWarning { get; } = isWarning;

    public bool IsNone => code is null;

    /// <summary>A record the reader could not split (<c>DumpRecord.Problem</c>), rejected without looking at its values.</summary>
    public static RowProblem MalformedRecord(string readerMessage) => new(-1, RowProblemCodes.MalformedRecord, readerMessage, null);

    public override string ToString() => IsNone ? "(none)" : $"{Code} [{Item}]: {Message}";
}
