using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nanhai.Application.Ingestion.Reading;
using Nanhai.Infrastructure.Ingestion.Reading;
using Nanhai.IntegrationTests.Ingestion.Corpus;

namespace Nanhai.UnitTests.Ingestion.Reading;

public sealed class DumpReaderTests
{
    static readonly Encoding Gb18030 = GetGb18030();

    static Encoding GetGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936);
    }

    static (IDumpReader Reader, List<DumpRecord> Records) Read(byte[] content, string fileName, DumpReadingOptions? options = null)
    {
        var (reader, records, error) = MalformedDumpReadingTests.ReadAll(new MemoryStream(content), fileName, options);
        Assert.Null(error);
        return (reader!, records);
    }

    // Compared as sequences: the span overloads xunit prefers do not take nullable strings.
    static void AssertValues(IEnumerable<string?> expected, IEnumerable<string?> actual) => Assert.Equal(expected, actual);

    static DumpUnreadableException Refused(byte[] content, string fileName, DumpReadingOptions? options = null) =>
        Assert.IsType<DumpUnreadableException>(MalformedDumpReadingTests.ReadAll(new MemoryStream(content), fileName, options).Error);

    const string Text = "公民身份号码,姓名\r\n440605199001011236,李𠈓\r\n";

    public static TheoryData<string, byte[]> Encodings => new()
    {
        { "UTF-8", Encoding.UTF8.GetBytes(Text) },
        { "UTF-8 BOM", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Text)] },
        { "GB18030", Gb18030.GetBytes(Text) },
        { "UTF-16LE BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Text)] },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Text_encodings_are_detected_and_four_byte_characters_survive(string encoding, byte[] content)
    {
        var (reader, records) = Read(content, "人口.csv");

        Assert.Equal(encoding, reader.Encoding);
        Assert.Equal(["公民身份号码", "姓名"], reader.Columns);
        var record = Assert.Single(records);
        AssertValues(["440605199001011236", "李𠈓"], record.Values);
    }

    [Fact]
    public void A_file_switching_encoding_after_the_sample_fails_at_the_first_invalid_byte()
    {
        var utf8 = Encoding.UTF8.GetBytes("姓名,地址\r\n" + string.Concat(Enumerable.Repeat("陈志强,广东省佛山市南海区桂城街道\r\n", 3000)));
        var gb = Gb18030.GetBytes("黄丽华,九江镇\r\n");

        var error = Refused([.. utf8, .. gb], "mixed.csv");

        Assert.Equal(DumpUnreadableReasons.Encoding, error.Reason);
        Assert.Equal(utf8.Length, error.ByteOffset);
        Assert.Contains($"{utf8.Length}", error.Message);
    }

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public void The_separator_is_detected_from_the_header(char separator)
    {
        var text = string.Join(separator, CorpusResource.Labels) + "\n" + string.Join(separator, CorpusResource.ValidRow(0)) + "\n";

        var (reader, records) = Read(Encoding.UTF8.GetBytes(text), "人口.txt");

        Assert.Equal(CorpusResource.Labels, reader.Columns);
        Assert.Equal(CorpusResource.ValidRow(0), Assert.Single(records).Values);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void Records_carry_the_line_they_start_on_across_quoted_line_breaks(string newline)
    {
        var text = string.Join(newline, "姓名,地址", "陈志强,\"桂城街道" + newline + "南海大道\"\"北\"\"\"", "", "黄丽华,,", "\"李\"\"𠈓\",九江镇", ",") + newline;

        var (_, records) = Read(Encoding.UTF8.GetBytes(text), "人口.csv");

        Assert.Equal([2L, 5, 6], records.Select(r => r.Line));
        AssertValues(["陈志强", "桂城街道" + newline + "南海大道\"北\""], records[0].Values);
        // Empty fields are null; the blank line and the line of bare separators are no records.
        AssertValues(["黄丽华", null], records[1].Values);
        Assert.Equal("第5行有3个字段，表头有2个 (line 5 has 3 fields, the header has 2)", records[1].Problem);
        AssertValues(["李\"𠈓", "九江镇"], records[2].Values);
    }

    [Fact]
    public void An_unbalanced_quote_names_the_line_it_opens_on()
    {
        var error = Assert.IsType<DumpUnreadableException>(ReadCorpus("csv-unbalanced-quote").Error);

        Assert.Equal(10, error.Line);
        Assert.Contains("unbalanced quote starting at line 10", error.Message);
    }

    [Theory]
    [InlineData("csv-50mb-line", 2)]
    [InlineData("jsonl-50mb-line", 1)]
    public void A_50_MB_line_fails_fast_without_buffering_it(string name, long line)
    {
        var dump = MalformedDumps.Named(name);
        using var content = dump.Open();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.IsType<DumpUnreadableException>(MalformedDumpReadingTests.ReadAll(content, dump.FileName).Error);

        Assert.Equal(DumpUnreadableReasons.LineTooLong, error.Reason);
        Assert.Equal(line, error.Line);
        // The default limit is 1 Mi characters: the reader stops within a few MB of the 50 MB and allocates little.
        Assert.True(content.Position < 8 * 1024 * 1024, $"read {content.Position} bytes before failing");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore < 48 * 1024 * 1024);
    }

    [Fact]
    public void Json_lines_map_values_to_the_first_objects_keys()
    {
        var text = """
            {"id":"440605199001011236","amount":1.50,"big":12345678901234567890,"ok":true,"gone":false,"note":null,"name":"李\ud840\ude13\n"}

            {"name":"陈志强","id":"1","extra":1}
            {"id":2}
            """;

        var (reader, records) = Read(Encoding.UTF8.GetBytes(text), "人口.ndjson");

        Assert.Equal(["id", "amount", "big", "ok", "gone", "note", "name"], reader.Columns);
        AssertValues(["440605199001011236", "1.50", "12345678901234567890", "true", "false", null, "李𠈓\n"], records[0].Values);
        Assert.Null(records[0].Problem);
        Assert.Equal([1L, 3, 4], records.Select(r => r.Line));
        Assert.Equal("1", records[1].Values[0]);
        Assert.Equal("陈志强", records[1].Values[6]);
        Assert.Contains("extra", records[1].Problem);
        Assert.Equal("2", records[2].Values[0]);
        Assert.Null(records[2].Problem);
    }

    [Fact]
    public void Xlsx_cells_become_invariant_text()
    {
        var content = XlsxParts.Workbook(
        [
            new XlsxParts.Sheet("数据",
            [
                ["整数", "小数", "日期", "时间", "布尔", "长数字", "文本"],
                [42.0, 1.5, new DateTime(2024, 2, 29), new DateTime(2024, 2, 29, 8, 30, 5), true, 440605199001011000.0, "0757"],
                [-3.0, 0.1 + 0.2, null, null, false, 123456789012.0, null],
                [],
            ]),
        ]);

        var (reader, records) = Read(content, "数据.xlsx");

        Assert.Null(reader.Encoding);
        AssertValues(["42", "1.5", "2024-02-29", "2024-02-29 08:30:05", "true", "440605199001011000", "0757"], records[0].Values);
        AssertValues(["-3", "0.30000000000000004", null, null, "false", "123456789012", null], records[1].Values);
        Assert.Equal([2L, 3], records.Select(r => r.Line));
        var note = Assert.Single(reader.Notes);
        Assert.Contains("长数字", note);
        Assert.Contains("15", note);
    }

    [Fact]
    public void Xlsx_notes_name_the_sheets_ignored_and_the_merged_ranges()
    {
        var (reader, _) = ReadCorpus("xlsx-merged-cells-and-sheets");

        Assert.Equal(2, reader!.Notes.Count);
        Assert.Contains("“户籍人口”", reader.Notes[0]);
        Assert.Contains("“说明”、“Sheet3”", reader.Notes[0]);
        Assert.Contains("E3:E4", reader.Notes[1]);
    }

    [Fact]
    public void Xlsx_limits_come_from_the_options()
    {
        // 1.2 MB of incompressible text: within the default limits, beyond lowered ones.
        var random = new Random(1);
        var text = string.Concat(Enumerable.Range(0, 400_000).Select(_ => (char)random.Next(0x4E00, 0x9FA5)));
        var content = XlsxParts.Workbook([new XlsxParts.Sheet("数据", [["备注"], [text]])]);

        Assert.Equal(DumpUnreadableReasons.TooLarge, Refused(content, "a.xlsx", new DumpReadingOptions { MaxXlsxBytes = 1024 }).Reason);
        Assert.Equal(DumpUnreadableReasons.ZipBomb, Refused(content, "a.xlsx", new DumpReadingOptions { MaxXlsxUncompressedBytes = 1024 * 1024 }).Reason);
        Assert.Single(Read(content, "a.xlsx").Records);
    }

    [Fact]
    public void Options_are_validated_at_start_up()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ingestion:Reading:MaxLineChars"] = "2000000",
            ["Ingestion:Reading:MaxRecordChars"] = "1000000",
        }).Build();
        using var provider = new ServiceCollection().AddDumpReading(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DumpReadingOptions>>().Value);
        Assert.Contains("MaxRecordChars", error.Message);
        Assert.IsType<DumpReaders>(new ServiceCollection().AddDumpReading(new ConfigurationBuilder().Build()).BuildServiceProvider().GetRequiredService<IDumpReaders>());
    }

    static (IDumpReader? Reader, DumpUnreadableException? Error) ReadCorpus(string name)
    {
        var dump = MalformedDumps.Named(name);
        using var content = dump.Open();
        var (reader, _, error) = MalformedDumpReadingTests.ReadAll(content, dump.FileName);
        return (reader, error);
    }
}
