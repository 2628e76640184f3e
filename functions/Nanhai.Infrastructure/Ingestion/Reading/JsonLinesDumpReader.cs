using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Nanhai.Application.Ingestion.Reading;

namespace Nanhai.Infrastructure.Ingestion.Reading;

/// <summary>
/// A JSON lines dump: one JSON object per line, UTF-8. The first object's keys, in order, are the columns. Strings come
/// through as they are, numbers as their literal text, booleans as true/false, null as null. A line that is not one
/// flat object with known keys (invalid JSON, an array, a nested value, a key the first line lacks) is a record with a
/// <see cref="DumpRecord.Problem"/>, not a failure of the file. Blank lines are skipped.
/// </summary>
sealed class JsonLinesDumpReader : IDumpReader
{
    static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    readonly Stream _source;
    readonly DumpReadingOptions _limits;
    readonly int _maxLineBytes;
    byte[] _buffer;
    int _start, _scan, _end;
    long _offsetOfBuffer; // file offset of _buffer[0]
    bool _sourceDone;
    long _line;
    string[] _columns = [];
    Dictionary<string, int> _indexes = [];
    DumpRecord? _first;

    JsonLinesDumpReader(Stream source, TextStart start, DumpReadingOptions limits)
    {
        _source = source;
        _limits = limits;
        // UTF-8 needs at most 3 bytes per UTF-16 character: a longer line is surely over the character limit.
        _maxLineBytes = (int)Math.Min(Array.MaxLength - 1L, 3L * limits.MaxLineChars);
        _buffer = start.Buffer;
        _start = _scan = start.Start;
        _end = start.End;
        _sourceDone = start.AtEndOfStream;
        Encoding = start.Name;
    }

    public static JsonLinesDumpReader Open(Stream content, DumpReadingOptions limits)
    {
        var start = TextStart.Detect(content);
        if (start.Encoding is not UTF8Encoding)
            throw new DumpUnreadableException(DumpUnreadableReasons.Encoding,
                $"JSON 行文件必须是 UTF-8 编码，此文件是 {start.Name} (a JSON lines file must be UTF-8; this one is {start.Name})");
        var reader = new JsonLinesDumpReader(content, start, limits);
        reader.ReadHeader();
        return reader;
    }

    public DumpFormat Format => DumpFormat.JsonLines;

    public string? Encoding { get; }

    public IReadOnlyList<string> Columns => _columns;

    public IReadOnlyList<string> Notes => [];

    void ReadHeader()
    {
        ReadOnlySpan<byte> line;
        do
        {
            if (!NextLine(out line))
                throw DumpErrors.Empty();
        }
        while (IsBlank(line));

        var names = new List<string>();
        try
        {
            var json = new Utf8JsonReader(line);
            if (json.Read() && json.TokenType == JsonTokenType.StartObject)
                while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
                {
                    names.Add(json.GetString()!);
                    json.Read();
                    json.Skip();
                }
            if (json.TokenType != JsonTokenType.EndObject || json.Read())
                names.Clear();
        }
        catch (JsonException)
        {
            names.Clear();
        }
        if (names.Count == 0)
            throw new DumpUnreadableException(DumpUnreadableReasons.NoHeader,
                $"第{_line}行不是含有字段的 JSON 对象，无法确定列 (line {_line} is not a JSON object with keys, so the columns cannot be known)", line: _line);
        _columns = DumpHeader.Checked([.. names]);
        _indexes = _columns.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        _first = Parse(line);
    }

    public bool Read(out DumpRecord record)
    {
        if (_first is { } first)
        {
            (record, _first) = (first, null);
            return true;
        }
        while (NextLine(out var line))
            if (!IsBlank(line))
            {
                record = Parse(line);
                return true;
            }
        record = default;
        return false;
    }

    DumpRecord Parse(ReadOnlySpan<byte> line)
    {
        var values = new string?[_columns.Length];
        var problems = new List<string>();
        try
        {
            var json = new Utf8JsonReader(line);
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
                return new DumpRecord(_line, values, $"第{_line}行不是 JSON 对象 (line {_line} is not a JSON object)");
            var seen = new bool[values.Length];
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                var name = json.GetString()!;
                json.Read();
                if (!_indexes.TryGetValue(name, out var index))
                    problems.Add($"第{_line}行有第一行没有的字段 {name} (line {_line} has a key the first line lacks: {name})");
                else if (seen[index])
                    problems.Add($"第{_line}行的字段 {name} 重复 (line {_line} has the key {name} twice)");
                else
                {
                    seen[index] = true;
                    values[index] = json.TokenType switch
                    {
                        JsonTokenType.String => json.GetString(),
                        // Numbers keep their literal text: no rounding through double, no change of notation.
                        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(json.ValueSpan),
                        JsonTokenType.True => "true",
                        JsonTokenType.False => "false",
                        _ => null,
                    };
                    if (json.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        problems.Add($"第{_line}行字段 {name} 的值是嵌套的对象或数组 (line {_line}: the value of {name} is a nested object or array)");
                }
                json.Skip();
            }
            // Anything after the object (a second value, stray text) makes the reader throw.
            json.Read();
        }
        catch (JsonException e)
        {
            problems.Add($"第{_line}行不是有效的 JSON (line {_line} is not valid JSON: {e.Message})");
        }
        return new DumpRecord(_line, values, problems.Count == 0 ? null : string.Join("；", problems));
    }

    static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r"u8).IsEmpty;

    /// <summary>The next physical line without its '\n', checked to be valid UTF-8 and within the length limit.</summary>
    bool NextLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_scan, _end - _scan).IndexOf((byte)'\n');
            if (newline >= 0 || (_sourceDone && _start < _end))
            {
                var end = newline >= 0 ? _scan + newline : _end;
                line = _buffer.AsSpan(_start, end - _start);
                var lineOffset = _offsetOfBuffer + _start;
                _start = _scan = Math.Min(end + 1, _end);
                _line++;
                Check(line, lineOffset);
                return true;
            }
            if (_sourceDone)
            {
                line = default;
                return false;
            }
            _scan = _end;
            if (_end - _start > _maxLineBytes)
                throw DumpErrors.LineTooLong(_line + 1, _limits.MaxLineChars);
            Refill();
        }
    }

    /// <summary>Keeps the unfinished line, making room for more by moving it to the front or, when it fills the buffer, growing it.</summary>
    void Refill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _offsetOfBuffer += _start;
            (_scan, _end, _start) = (_scan - _start, _end - _start, 0);
        }
        if (_end == _buffer.Length)
            Array.Resize(ref _buffer, (int)Math.Min(2L * _buffer.Length, _maxLineBytes + 1L));
        var read = _source.Read(_buffer.AsSpan(_end));
        _sourceDone = read == 0;
        _end += read;
    }

    void Check(ReadOnlySpan<byte> line, long lineOffset)
    {
        if (!Utf8.IsValid(line))
            throw DumpErrors.InvalidBytes("UTF-8", lineOffset + TextStart.FirstInvalidByte(StrictUtf8, line, final: true)!.Value);
        if (line.Length > _limits.MaxLineChars && StrictUtf8.GetCharCount(line) > _limits.MaxLineChars)
            throw DumpErrors.LineTooLong(_line, _limits.MaxLineChars);
    }

    // The content stream belongs to the caller; nothing else is held.
    public void Dispose()
    {
    }
}
