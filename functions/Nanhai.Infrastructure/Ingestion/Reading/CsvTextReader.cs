using System.Text;
using Nanhai.Application.Ingestion.Reading;

namespace Nanhai.Infrastructure.Ingestion.Reading;

/// <summary>
/// Decodes a CSV dump for Sep and guards it on the way: bytes invalid in the detected encoding (a file mixing encodings
/// or cut inside a character) fail with their byte offset, a physical line beyond <see cref="DumpReadingOptions.MaxLineChars"/>
/// fails as soon as it gets there, and a quote left open longer than a record may span fails as unbalanced. Sep itself
/// would grow its buffer to hold whatever a line or a quoted field holds. Works block by block (no per-character virtual
/// calls); quotes are counted the way Sep does, anywhere in a field, so the parity here is Sep's parity. Lines are
/// numbered by LF (so CR LF too); a lone CR ends a line for the length limit but is not counted.
/// </summary>
sealed class CsvTextReader : TextReader
{
    readonly Stream _source;
    readonly Decoder _decoder;
    readonly string _encodingName;
    readonly DumpReadingOptions _limits;
    readonly byte[] _bytes;
    readonly char[] _chars;
    int _byteStart, _byteEnd;
    long _offsetOfBytes; // file offset of _bytes[0]
    bool _sourceDone, _decoded;
    int _charStart, _charEnd;

    long _line = 1;
    long _lineChars;
    bool _inQuotes;
    long _quoteLine, _quoteLines, _quoteChars;

    public CsvTextReader(Stream source, TextStart start, DumpReadingOptions limits)
    {
        _source = source;
        _decoder = start.Encoding.GetDecoder();
        _encodingName = start.Name;
        _limits = limits;
        _bytes = start.Buffer;
        _byteStart = start.Start;
        _byteEnd = start.End;
        _sourceDone = start.AtEndOfStream;
        // A block of text never exceeds the line limit (both at least 64 Ki), which Inspect relies on.
        _chars = new char[Math.Min(_bytes.Length, limits.MaxLineChars)];
    }

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || (_charStart == _charEnd && !Fill()))
            return 0;
        var count = Math.Min(buffer.Length, _charEnd - _charStart);
        _chars.AsSpan(_charStart, count).CopyTo(buffer);
        _charStart += count;
        return count;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read() => _charStart == _charEnd && !Fill() ? -1 : _chars[_charStart++];

    public override int Peek() => _charStart == _charEnd && !Fill() ? -1 : _chars[_charStart];

    /// <summary>Decodes the next block into <see cref="_chars"/>; false at the end of the text.</summary>
    bool Fill()
    {
        while (!_decoded)
        {
            if (_byteStart == _byteEnd && !_sourceDone)
            {
                _offsetOfBytes += _byteEnd;
                _byteStart = 0;
                _byteEnd = _source.Read(_bytes);
                _sourceDone = _byteEnd == 0;
            }
            int used, produced;
            bool completed;
            try
            {
                _decoder.Convert(_bytes.AsSpan(_byteStart, _byteEnd - _byteStart), _chars, _sourceDone, out used, out produced, out completed);
            }
            catch (DecoderFallbackException e)
            {
                // Index is relative to this block, negative when the bad sequence began in the previous one.
                throw DumpErrors.InvalidBytes(_encodingName, _offsetOfBytes + _byteStart + e.Index);
            }
            _byteStart += used;
            _decoded = _sourceDone && _byteStart == _byteEnd && completed;
            Inspect(_chars.AsSpan(0, produced));
            if (_decoded && _inQuotes)
                throw UnbalancedQuote();
            if (produced > 0)
            {
                _charStart = 0;
                _charEnd = produced;
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Follows line ends and quote parity through a decoded block with a few vectorised passes, failing as soon as a
    /// limit is passed. A line within the block is shorter than the block, which is never longer than
    /// <see cref="DumpReadingOptions.MaxLineChars"/>, so only the lines crossing block edges need counting. A quote
    /// still open at the end of the block was opened by its last quote; its span is checked from there, block by block.
    /// </summary>
    void Inspect(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
            return;
        var firstEnd = text.IndexOfAny('\n', '\r');
        if (_lineChars + (firstEnd < 0 ? text.Length : firstEnd) > _limits.MaxLineChars)
            throw DumpErrors.LineTooLong(_line, _limits.MaxLineChars);
        _lineChars = firstEnd < 0 ? _lineChars + text.Length : text.Length - text.LastIndexOfAny('\n', '\r') - 1;

        var quotes = text.Count('"');
        var openAtEnd = _inQuotes ^ (quotes % 2 == 1);
        if (openAtEnd && quotes > 0)
        {
            var opener = text.LastIndexOf('"');
            (_quoteLine, _quoteLines, _quoteChars) = (_line + text[..opener].Count('\n'), text[opener..].Count('\n'), text.Length - opener);
        }
        else if (openAtEnd)
            (_quoteLines, _quoteChars) = (_quoteLines + text.Count('\n'), _quoteChars + text.Length);
        _inQuotes = openAtEnd;
        if (_inQuotes && (_quoteLines > _limits.MaxRecordLines || _quoteChars > _limits.MaxRecordChars))
            throw UnbalancedQuote();
        _line += text.Count('\n');
    }

    DumpUnreadableException UnbalancedQuote() =>
        new(DumpUnreadableReasons.Malformed,
            $"第 {_quoteLine} 行开始的引号没有闭合，其后的内容无法分成记录 (unbalanced quote starting at line {_quoteLine}: the rest of the file cannot be split into records)",
            line: _quoteLine);
}
