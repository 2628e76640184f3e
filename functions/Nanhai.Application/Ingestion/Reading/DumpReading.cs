namespace Nanhai.Application.Ingestion.Reading;

/// <summary>The dump formats departments may drop, chosen by the file's extension.</summary>
public enum DumpFormat
{
    /// <summary><c>.csv</c> (also <c>.txt</c>): comma, semicolon, tab or pipe separated; UTF-8 (with or without BOM) or GB18030, detected.</summary>
    Csv,
    /// <summary><c>.jsonl</c> / <c>.ndjson</c>: one JSON object per line, UTF-8.</summary>
    JsonLines,
    /// <summary><c>.xlsx</c>: the first worksheet, first row the header.</summary>
    Xlsx,
}

/// <summary>
/// One record of a dump: its <see cref="Line"/> (the physical line where it starts for text formats, the worksheet row
/// for XLSX; both 1-based, counting the header), its values aligned to <see cref="IDumpReader.Columns"/>, and a
/// <see cref="Problem"/> when the record itself is malformed (e.g. a different number of fields than the header), in
/// which case <see cref="Values"/> holds what could be read.
/// </summary>
public readonly record struct DumpRecord(long Line, string?[] Values, string? Problem);

/// <summary>A dump opened for streaming: the header first, then records one at a time; memory stays flat whatever the size.</summary>
public interface IDumpReader : IDisposable
{
    DumpFormat Format { get; }

    /// <summary>The text encoding found ("UTF-8", "UTF-8 BOM", "GB18030", …); null for XLSX.</summary>
    string? Encoding { get; }

    /// <summary>The column names of the header, as written in the file.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>Things about the file worth telling the unit that do not stop ingestion (other worksheets ignored, …).</summary>
    IReadOnlyList<string> Notes { get; }

    /// <summary>
    /// Reads the next record; false at the end. Throws <see cref="DumpUnreadableException"/> when the rest of the file
    /// cannot be read (an invalid byte sequence, a line beyond the limit, a broken workbook).
    /// </summary>
    bool Read(out DumpRecord record);
}

/// <summary>Opens dumps: picks the reader by the file name's extension and checks what can be checked up front.</summary>
public interface IDumpReaders
{
    /// <summary>
    /// Opens <paramref name="content"/> (read sequentially, not necessarily seekable) and reads its header. Throws
    /// <see cref="DumpUnreadableException"/> for an unsupported extension, an empty file, an unreadable header, an
    /// XLSX that is not a workbook or would inflate beyond the limits (zip bomb).
    /// </summary>
    IDumpReader Open(Stream content, string fileName);
}

/// <summary>Stable reasons a dump cannot be read as a whole; each becomes the quarantine report's reason.</summary>
public static class DumpUnreadableReasons
{
    public const string UnsupportedFormat = "unsupported-format";
    public const string Empty = "empty";
    public const string NoHeader = "no-header";
    public const string DuplicateColumns = "duplicate-columns";
    public const string Encoding = "encoding";
    public const string LineTooLong = "line-too-long";
    public const string NotAWorkbook = "not-a-workbook";
    public const string ZipBomb = "zip-bomb";
    /// <summary>The file is larger than the format's limit (an XLSX is copied whole before it can be read).</summary>
    public const string TooLarge = "too-large";
    public const string Malformed = "malformed";
}

/// <summary>
/// The dump cannot be read as a whole. <see cref="Reason"/> is one of <see cref="DumpUnreadableReasons"/>;
/// <see cref="Message"/> says what is wrong in Simplified Chinese with an English gloss, <see cref="Line"/> or
/// <see cref="ByteOffset"/> where, when known.
/// </summary>
public sealed class DumpUnreadableException(string reason, string message, long? line = null, long? byteOffset = null, Exception? inner = null)
    : Exception(message, inner)
{
    public string Reason { get; } = reason;
    public long? Line { get; } = line;
    public long? ByteOffset { get; } = byteOffset;
}
