using System.Text;
using Nanhai.Application.Ingestion.Reading;

namespace Nanhai.Infrastructure.Ingestion.Reading;

/// <summary>
/// The first block of a text dump and the encoding found from it. <see cref="Buffer"/> holds bytes
/// [<see cref="Start"/>, <see cref="End"/>) of the file after the byte order mark; the readers carry on from there, so a
/// non-seekable stream is read once.
/// </summary>
sealed record TextStart(Encoding Encoding, string Name, byte[] Buffer, int Start, int End, bool AtEndOfStream)
{
    /// <summary>How much is sampled to tell UTF-8 from GB18030: enough for a header and hundreds of rows.</summary>
    public const int SampleBytes = 64 * 1024;

    static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Registered once here because every caller of Detect may need GB18030 (code page 54936), which .NET only has
    // through the code pages provider.
    static readonly Encoding Gb18030 = GetGb18030();

    static Encoding GetGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <summary>
    /// Reads up to <see cref="SampleBytes"/> and decides the encoding: a byte order mark (UTF-8, UTF-16 LE/BE) wins;
    /// otherwise a sample that is valid UTF-8 (a character cut at the sample's end allowed) is UTF-8, else one valid as
    /// GB18030 is GB18030. Every encoding returned throws on invalid bytes, so a later change of encoding is caught.
    /// </summary>
    public static TextStart Detect(Stream content)
    {
        var buffer = new byte[SampleBytes];
        var length = content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var atEnd = length < buffer.Length;
        var sample = buffer.AsSpan(0, length);

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return new TextStart(Utf8, "UTF-8 BOM", buffer, 3, length, atEnd);
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return new TextStart(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16LE BOM", buffer, 2, length, atEnd);
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return new TextStart(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16BE BOM", buffer, 2, length, atEnd);

        // Text in UTF-8 or GB18030 has NUL bytes only by accident; UTF-16 without a BOM or a binary file has them in bulk.
        if (sample.Count((byte)0) * 10 > length)
            throw new DumpUnreadableException(DumpUnreadableReasons.Encoding,
                "文件含有大量 NUL 字节，可能是二进制文件或没有 BOM 的 UTF-16 文本；请导出为 UTF-8 或 GB18030 (the file is full of NUL bytes: a binary file or UTF-16 without a byte order mark; export it as UTF-8 or GB18030)",
                byteOffset: sample.IndexOf((byte)0));
        if (FirstInvalidByte(Utf8, sample, atEnd) is null)
            return new TextStart(Utf8, "UTF-8", buffer, 0, length, atEnd);
        if (FirstInvalidByte(Gb18030, sample, atEnd) is { } offset)
            throw DumpErrors.InvalidBytes("UTF-8 / GB18030", offset);
        return new TextStart(Gb18030, "GB18030", buffer, 0, length, atEnd);
    }

    /// <summary>The offset of the first byte <paramref name="encoding"/> cannot decode, null when all can (a sequence cut at the end counts as invalid only when <paramref name="final"/>).</summary>
    public static long? FirstInvalidByte(Encoding encoding, ReadOnlySpan<byte> bytes, bool final)
    {
        try
        {
            encoding.GetDecoder().GetCharCount(bytes, flush: final);
            return null;
        }
        catch (DecoderFallbackException e)
        {
            return e.Index;
        }
    }
}
