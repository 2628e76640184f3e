using System.Text;
using Nanhai.Application.Ingestion.Reading;

namespace Nanhai.IntegrationTests.Ingestion.Corpus;

/// <summary>What a malformed dump must come to: refused as a whole, or read with the bad rows listed.</summary>
public abstract record ExpectedOutcome
{
    /// <summary>The reader refuses the file; <paramref name="reason"/> is one of <see cref="DumpUnreadableReasons"/>, the quarantine report's reason.</summary>
    public static ExpectedOutcome Unreadable(string reason) => new UnreadableDump(reason);

    /// <summary>The file reads into <paramref name="records"/> records (header and blank lines not counted), among them these bad rows.</summary>
    public static ExpectedOutcome Readable(int records, params ExpectedBadRow[] badRows) => new ReadableDump(records, badRows);
}

public sealed record UnreadableDump(string Reason) : ExpectedOutcome;

/// <summary>
/// Read, with <see cref="BadRows"/> exactly the rows ingestion must leave out and list. Zero records (a header only) is
/// readable: whether an empty dump may replace a snapshot is ingestion's decision, not the reader's.
/// </summary>
public sealed record ReadableDump(int Records, IReadOnlyList<ExpectedBadRow> BadRows) : ExpectedOutcome;

/// <summary>
/// A bad row at <see cref="Line"/> (the record's first physical line; the worksheet row for XLSX). With no
/// <see cref="Rule"/> the reader itself flags it (<see cref="DumpRecord.Problem"/>); with one, the reader passes the
/// value on and the domain's validation must reject it by that rule: the value of <see cref="Column"/> contains
/// <see cref="Offending"/> (null: the value is missing).
/// </summary>
public sealed record ExpectedBadRow(long Line, string? Rule = null, string? Column = null, string? Offending = null)
{
    public static ExpectedBadRow RowProblem(long line) => new(line);

    public static ExpectedBadRow BadValue(long line, string rule, string column, string? offending) => new(line, rule, column, offending);
}

/// <summary>The value rules of the domain's validation the corpus relies on.</summary>
public static class BadValueRules
{
    /// <summary>A text value starting with =, +, -, @ (formula injection when opened in a spreadsheet).</summary>
    public const string Formula = "formula";
    /// <summary>A C0 control character (NUL, …) in a value; a line break inside a quoted value is data, not this.</summary>
    public const string ControlCharacter = "control-character";
    /// <summary>A byte order mark (U+FEFF) inside a value.</summary>
    public const string Bom = "bom";
    /// <summary>A resident ID number failing GB 11643 (wrong check character or form).</summary>
    public const string ResidentId = "resident-id";
    /// <summary>A required item without a value.</summary>
    public const string Required = "required";
}

/// <summary>One malformed dump: its file name (the extension picks the reader) and a factory for its bytes.</summary>
public sealed record MalformedDump(string Name, string FileName, Func<Stream> Open, ExpectedOutcome Expected)
{
    public override string ToString() => Name;
}

/// <summary>
/// The malformed dumps every layer of ingestion is tested against (the reader tests and the end-to-end tests): each
/// ends in a clear quarantine report or an accepted run with its bad rows listed, never a crash or a stuck run. All
/// target <see cref="CorpusResource"/> and are generated in code; the two 50 MB ones stream without being held.
/// </summary>
public static class MalformedDumps
{
    static readonly Encoding Utf8 = new UTF8Encoding(false);
    static readonly Encoding Gb18030 = GetGb18030();

    static Encoding GetGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936);
    }

    const int FiftyMegabytes = 50 * 1024 * 1024;

    public static IReadOnlyList<MalformedDump> All { get; } = Build();

    public static MalformedDump Named(string name) => All.Single(d => d.Name == name);

    static string Header => string.Join(',', CorpusResource.Labels);

    static string Row(int index) => string.Join(',', CorpusResource.ValidRow(index));

    static string Row(int index, int column, string value)
    {
        var row = CorpusResource.ValidRow(index);
        row[column] = value;
        return string.Join(',', row);
    }

    static string Lines(params IEnumerable<string>[] lines) => string.Concat(lines.SelectMany(l => l).Select(l => l + "\r\n"));

    static IEnumerable<string> Rows(int from, int count) => Enumerable.Range(from, count).Select(Row);

    static MalformedDump Bytes(string name, string file, byte[] content, ExpectedOutcome expected) =>
        new(name, file, () => new MemoryStream(content, writable: false), expected);

    static MalformedDump Text(string name, string file, string text, ExpectedOutcome expected, Encoding? encoding = null) =>
        Bytes(name, file, (encoding ?? Utf8).GetBytes(text), expected);

    static byte[] Cut(byte[] bytes, int dropped) => bytes[..^dropped];

    static ExpectedOutcome Unreadable(string reason) => ExpectedOutcome.Unreadable(reason);

    static ExpectedBadRow RowProblem(long line) => ExpectedBadRow.RowProblem(line);

    static ExpectedBadRow BadValue(long line, string rule, int column, string? offending) =>
        ExpectedBadRow.BadValue(line, rule, CorpusResource.Labels[column], offending);

    static List<MalformedDump> Build()
    {
        const int id = 0, name = 1, birth = 3, address = 4, phone = 5;
        var gbRows = Lines([Header], Rows(0, 5));
        var validXlsxRows = new List<object?[]> { CorpusResource.Labels }.Concat(Enumerable.Range(0, 3).Select(i => (object?[])CorpusResource.ValidRow(i))).ToList();
        var validXlsx = XlsxParts.Workbook([new XlsxParts.Sheet("户籍人口", validXlsxRows)]);

        return
        [
            // ---- file-level problems of text dumps
            Bytes("csv-empty", "empty.csv", [], Unreadable(DumpUnreadableReasons.Empty)),
            Bytes("csv-bom-only", "bom-only.csv", [0xEF, 0xBB, 0xBF], Unreadable(DumpUnreadableReasons.Empty)),
            Text("csv-blank-lines-only", "blank.csv", "\r\n\r\n\r\n", Unreadable(DumpUnreadableReasons.NoHeader)),
            Text("csv-header-only", "header-only.csv", Lines([Header]), ExpectedOutcome.Readable(0)),
            Text("csv-duplicate-headers", "duplicate-headers.csv",
                Lines([Header + ",姓名"], [Row(0) + ",陈志强"]), Unreadable(DumpUnreadableReasons.DuplicateColumns)),
            Text("csv-utf16-without-bom", "utf16.csv", Lines([Header], Rows(0, 20)), Unreadable(DumpUnreadableReasons.Encoding), Encoding.Unicode),
            Bytes("csv-xlsx-renamed", "renamed.csv", validXlsx, Unreadable(DumpUnreadableReasons.Encoding)),
            // GB18030 cut inside the two-byte 号 that ends the last address, then inside the four-byte 𠈓.
            Bytes("csv-gb18030-cut-in-character", "cut-gb18030.csv", Cut(Gb18030.GetBytes(Lines([Header], Rows(0, 4)) + string.Join(',', CorpusResource.ValidRow(4)[..5])), 1), Unreadable(DumpUnreadableReasons.Encoding)),
            Bytes("csv-gb18030-cut-in-four-byte-character", "cut-4byte.csv",
                Cut(Gb18030.GetBytes(Lines([Header], Rows(0, 3)) + CorpusResource.ValidRow(3)[0] + ",李𠈓"), 2), Unreadable(DumpUnreadableReasons.Encoding)),
            // 2,000 UTF-8 rows (beyond the 64 KB sample the encoding is detected from), then rows appended in GB18030.
            Bytes("csv-mixed-utf8-then-gb18030", "mixed-encoding.csv",
                [.. Utf8.GetBytes(Lines([Header], Rows(0, 2000))), .. Gb18030.GetBytes(Lines(Rows(2000, 10)))], Unreadable(DumpUnreadableReasons.Encoding)),
            new("csv-50mb-line", "long-line.csv", () => new RepeatingStream(Utf8.GetBytes(Lines([Header])), (byte)'x', FiftyMegabytes),
                Unreadable(DumpUnreadableReasons.LineTooLong)),
            // An address opening a quote that never closes: it would swallow the next 2,990 rows into one value.
            Text("csv-unbalanced-quote", "unbalanced-quote.csv",
                Lines([Header], Rows(0, 8), [Row(8, address, "\"广东省佛山市南海区桂城街道")], Rows(9, 2990)), Unreadable(DumpUnreadableReasons.Malformed)),
            Text("csv-unbalanced-quote-at-end", "unbalanced-quote-end.csv",
                Lines([Header], Rows(0, 3), [Row(3, name, "\"陈志强")]), Unreadable(DumpUnreadableReasons.Malformed)),

            // ---- text dumps read with bad rows
            Bytes("csv-truncated", "truncated.csv",
                Utf8.GetBytes(Lines([Header], Rows(0, 5)) + string.Join(',', CorpusResource.ValidRow(5)[..2])), ExpectedOutcome.Readable(6, RowProblem(7))),
            Text("csv-mixed-delimiters", "mixed-delimiters.csv",
                Lines([Header, Row(0), string.Join(';', CorpusResource.ValidRow(1)), Row(2), string.Join(';', CorpusResource.ValidRow(3))]),
                ExpectedOutcome.Readable(4, RowProblem(3), RowProblem(5))),
            Text("csv-extra-and-missing-fields", "ragged.csv",
                Lines([Header, Row(0), Row(1) + ",多余,的值", string.Join(',', CorpusResource.ValidRow(2)[..4]), Row(3)]),
                ExpectedOutcome.Readable(4, RowProblem(3), RowProblem(4))),
            // A line break inside a quoted address (Alt+Enter in Excel) is data: the record spans lines 3–4; the row after
            // it, short of a field, is line 6, which shows that line numbers survive quoted line breaks.
            Text("csv-quoted-newlines", "quoted-newlines.csv",
                Lines([Header, Row(0), Row(1, address, "\"广东省佛山市南海区\r\n桂城街道南海大道北 \"\"一号\"\"\""), Row(2),
                    string.Join(',', CorpusResource.ValidRow(3)[..5]), Row(4)]),
                ExpectedOutcome.Readable(5, RowProblem(6))),
            Text("csv-formula-injection", "formula.csv",
                Lines([Header, Row(0), Row(1, name, "=cmd|' /C calc'!A0"), Row(2, address, "@SUM(1+1)*cmd|' /C calc'!A0"),
                    Row(3, phone, "+86-757-cmd|' /C notepad'!A0"), Row(4)]),
                ExpectedOutcome.Readable(5, BadValue(3, BadValueRules.Formula, name, "=cmd|"), BadValue(4, BadValueRules.Formula, address, "@SUM("),
                    BadValue(5, BadValueRules.Formula, phone, "+86-757-cmd|"))),
            // Two UTF-8 exports with BOMs joined: the second BOM and header land in the middle, as line 5.
            Bytes("csv-bom-in-middle", "concatenated.csv",
                [0xEF, 0xBB, 0xBF, .. Utf8.GetBytes(Lines([Header], Rows(0, 3))), 0xEF, 0xBB, 0xBF, .. Utf8.GetBytes(Lines([Header], Rows(3, 3)))],
                ExpectedOutcome.Readable(7, BadValue(5, BadValueRules.Bom, id, "\uFEFF"))),
            Text("csv-nul-bytes", "nul.csv", Lines([Header], Rows(0, 3), [Row(3, name, "黄\0\0丽华")], Rows(4, 2)),
                ExpectedOutcome.Readable(6, BadValue(5, BadValueRules.ControlCharacter, name, "\0"))),
            Text("csv-gb18030-tab-bad-id", "gb18030.txt",
                string.Concat(new[] { CorpusResource.Labels, CorpusResource.ValidRow(1), BadIdRow(), CorpusResource.ValidRow(3) }
                    .Select(r => string.Join('\t', r) + "\r\n")),
                ExpectedOutcome.Readable(3, BadValue(3, BadValueRules.ResidentId, id, BadIdRow()[0])), Gb18030),

            // ---- JSON lines
            Text("jsonl-invalid-line", "invalid-line.jsonl",
                Lines([Json(0), Json(1), Json(2)[..^12], Json(3)]), ExpectedOutcome.Readable(4, RowProblem(3))),
            Text("jsonl-nested-values", "nested.jsonl",
                Lines([Json(0), Json(1).Replace($"\"户籍地址\":\"{CorpusResource.ValidRow(1)[address]}\"", "\"户籍地址\":{\"镇街\":\"桂城街道\"}"),
                    Json(2).Replace($"\"联系电话\":\"{CorpusResource.ValidRow(2)[phone]}\"", "\"联系电话\":[\"13800000000\",\"0757-86280000\"]"), Json(3)]),
                ExpectedOutcome.Readable(4, RowProblem(2), RowProblem(3))),
            // Line 3 is blank (skipped), line 2 an array, line 4 has a key the first line lacks.
            Text("jsonl-not-an-object-and-unknown-key", "odd-lines.jsonl",
                Lines([Json(0), "[\"440605199001011234\",\"陈志强\"]", "", Json(3)[..^1] + ",\"email\":\"a@example.cn\"}", Json(4)]),
                ExpectedOutcome.Readable(4, RowProblem(2), RowProblem(4))),
            Text("jsonl-first-line-not-an-object", "no-header.jsonl", Lines(["\"户籍人口\"", Json(0)]), Unreadable(DumpUnreadableReasons.NoHeader)),
            Text("jsonl-gb18030", "gb18030.jsonl", Lines([Json(0), Json(1)]), Unreadable(DumpUnreadableReasons.Encoding), Gb18030),
            new("jsonl-50mb-line", "long-line.jsonl", () => new RepeatingStream(Utf8.GetBytes(Json(0)[..^1] + ",\"备注\":\""), (byte)'x', FiftyMegabytes),
                Unreadable(DumpUnreadableReasons.LineTooLong)),

            // ---- XLSX
            Bytes("xlsx-zip-bomb", "bomb.xlsx", XlsxParts.Workbook([new XlsxParts.Sheet("户籍人口", validXlsxRows)], stream =>
            {
                // 64 MiB of one repeated row inflates from about 100 KB: a ratio no real worksheet has.
                var row = Encoding.UTF8.GetBytes("<row><c t=\"inlineStr\"><is><t>0</t></is></c></row>");
                var block = new byte[row.Length * 4096];
                for (var i = 0; i < 4096; i++)
                    row.CopyTo(block, i * row.Length);
                for (long written = 0; written < 64L * 1024 * 1024; written += block.Length)
                    stream.Write(block);
            }), Unreadable(DumpUnreadableReasons.ZipBomb)),
            Bytes("xlsx-part-lies-about-its-size", "lying.xlsx", LyingWorkbook(), Unreadable(DumpUnreadableReasons.ZipBomb)),
            Bytes("xlsx-truncated", "truncated.xlsx", validXlsx[..(validXlsx.Length / 2)], Unreadable(DumpUnreadableReasons.NotAWorkbook)),
            Text("xlsx-csv-renamed", "renamed.xlsx", gbRows, Unreadable(DumpUnreadableReasons.NotAWorkbook)),
            Bytes("xlsx-zip-without-workbook", "document.xlsx",
                XlsxParts.Zip([("word/document.xml", XlsxParts.Text("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"))]),
                Unreadable(DumpUnreadableReasons.NotAWorkbook)),
            Bytes("xlsx-empty-sheet", "empty-sheet.xlsx", XlsxParts.Workbook([new XlsxParts.Sheet("Sheet1", [])]), Unreadable(DumpUnreadableReasons.NoHeader)),
            // Row 3's address is merged down over row 4, which is left without one; a second and third sheet are ignored.
            Bytes("xlsx-merged-cells-and-sheets", "merged.xlsx", XlsxParts.Workbook(
                [
                    new XlsxParts.Sheet("户籍人口", [CorpusResource.Labels, CorpusResource.ValidRow(0), CorpusResource.ValidRow(1),
                        [.. CorpusResource.ValidRow(2)[..4], null, CorpusResource.ValidRow(2)[5]], CorpusResource.ValidRow(3)], "E3:E4"),
                    new XlsxParts.Sheet("说明", [["本表由南海区公安分局导出"]]),
                    new XlsxParts.Sheet("Sheet3", []),
                ]), ExpectedOutcome.Readable(4, BadValue(4, BadValueRules.Required, address, null))),
            // An 18-digit ID typed as a number keeps 15 significant digits; a name typed as a formula-like text.
            Bytes("xlsx-id-as-number-and-formula-text", "numbers.xlsx", XlsxParts.Workbook(
                [
                    new XlsxParts.Sheet("户籍人口",
                    [
                        CorpusResource.Labels,
                        CorpusResource.ValidRow(0),
                        [double.Parse(ExcelDigits(1)), .. CorpusResource.ValidRow(1)[1..3], DateTime.Parse(CorpusResource.ValidRow(1)[birth]), .. CorpusResource.ValidRow(1)[4..]],
                        [.. CorpusResource.ValidRow(2)[..1], "=HYPERLINK(\"http://evil.example\",\"点击\")", .. CorpusResource.ValidRow(2)[2..]],
                    ]),
                ]), ExpectedOutcome.Readable(3, BadValue(3, BadValueRules.ResidentId, id, ExcelDigits(1)), BadValue(4, BadValueRules.Formula, name, "=HYPERLINK("))),

            // ---- formats not taken
            Bytes("legacy-xls", "户籍人口.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], Unreadable(DumpUnreadableReasons.UnsupportedFormat)),
            Text("no-extension", "户籍人口", gbRows, Unreadable(DumpUnreadableReasons.UnsupportedFormat)),
        ];
    }

    /// <summary>Row 2's values with an ID number whose check character is wrong.</summary>
    static string[] BadIdRow()
    {
        var row = CorpusResource.ValidRow(2);
        row[0] = row[0][..17] + (row[0][17] == '1' ? '2' : '1');
        return row;
    }

    /// <summary>Row <paramref name="index"/>'s ID number as Excel keeps it when typed as a number: 15 digits, then zeros.</summary>
    public static string ExcelDigits(int index) => CorpusResource.ValidRow(index)[0][..15] + "000";

    static string Json(int index) =>
        "{" + string.Join(',', CorpusResource.Labels.Zip(CorpusResource.ValidRow(index), (label, value) => $"\"{label}\":\"{value}\"")) + "}";

    /// <summary>
    /// A workbook whose worksheet declares 1,000 bytes in the zip directory but inflates to 16 MiB: a bomb that a check
    /// of the declared sizes alone would let through.
    /// </summary>
    static byte[] LyingWorkbook()
    {
        var bytes = XlsxParts.Workbook([new XlsxParts.Sheet("户籍人口", [CorpusResource.Labels])], stream =>
        {
            stream.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"u8);
            var filler = new byte[1024 * 1024];
            filler.AsSpan().Fill((byte)' ');
            for (var i = 0; i < 16; i++)
                stream.Write(filler);
            stream.Write("</sheetData></worksheet>"u8);
        });
        var sheet = Encoding.ASCII.GetBytes("xl/worksheets/sheet1.xml");
        // Local file header: signature, uncompressed size at 22, name length at 26, name at 30.
        // Central directory header: signature, uncompressed size at 24, name length at 28, name at 46.
        for (var at = 0; at + 46 < bytes.Length; at++)
        {
            var signature = BitConverter.ToUInt32(bytes, at);
            if (signature == 0x04034b50 && bytes.AsSpan(at + 30).StartsWith(sheet))
                BitConverter.TryWriteBytes(bytes.AsSpan(at + 22), 1000u);
            else if (signature == 0x02014b50 && bytes.AsSpan(at + 46).StartsWith(sheet))
                BitConverter.TryWriteBytes(bytes.AsSpan(at + 24), 1000u);
        }
        return bytes;
    }

    /// <summary>A prefix then <see cref="_count"/> copies of one byte, produced as read: a huge dump without holding it.</summary>
    sealed class RepeatingStream(byte[] prefix, byte fill, long count) : Stream
    {
        readonly long _count = count;
        long _position;

        public override int Read(byte[] buffer, int offset, int length) => Read(buffer.AsSpan(offset, length));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, prefix.Length + _count - _position);
            var fromPrefix = (int)Math.Clamp(prefix.Length - _position, 0, n);
            prefix.AsSpan((int)Math.Min(_position, prefix.Length), fromPrefix).CopyTo(buffer);
            buffer[fromPrefix..n].Fill(fill);
            _position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
