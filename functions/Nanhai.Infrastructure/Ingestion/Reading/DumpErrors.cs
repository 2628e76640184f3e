using Nanhai.Application.Ingestion.Reading;

namespace Nanhai.Infrastructure.Ingestion.Reading;

/// <summary>The file-level errors and record problems more than one format reports, worded once.</summary>
static class DumpErrors
{
    public static DumpUnreadableException Empty() => new(DumpUnreadableReasons.Empty, "文件为空 (the file is empty)");

    public static DumpUnreadableException LineTooLong(long line, int maxChars) =>
        new(DumpUnreadableReasons.LineTooLong,
            $"第 {line} 行超过 {maxChars} 个字符，或缺少换行符 (line {line} is longer than {maxChars} characters, or its line breaks are missing)",
            line: line);

    /// <summary>Bytes not valid in the file's encoding: a file mixing encodings, or one cut in the middle of a character.</summary>
    public static DumpUnreadableException InvalidBytes(string encoding, long byteOffset) =>
        new(DumpUnreadableReasons.Encoding,
            $"第 {byteOffset} 字节处不是有效的 {encoding} 编码：文件可能混用了编码或被截断 (invalid {encoding} bytes at byte offset {byteOffset}: mixed encodings or a truncated file)",
            byteOffset: byteOffset);

    /// <summary>The problem of a record with a different number of fields than the header.</summary>
    public static string FieldCountProblem(long line, int fields, int columns) =>
        $"第{line}行有{fields}个字段，表头有{columns}个 (line {line} has {fields} fields, the header has {columns})";
}
