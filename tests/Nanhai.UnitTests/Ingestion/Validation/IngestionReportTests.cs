using System.Text.Json;
using Nanhai.Domain.Catalog;
using Nanhai.Domain.Ingestion;
using static Nanhai.UnitTests.Identifiers.ReferenceChecksums;
using static Nanhai.UnitTests.Ingestion.Validation.ResidentTable;

namespace Nanhai.UnitTests.Ingestion.Validation;

public sealed class IngestionReportTests
{
    static readonly RowValidator Validator = ResidentTable.Validator();

    /// <summary>Validates <paramref name="row"/> and records it as line <paramref name="line"/>, as a run does.</summary>
    static void Read(IngestionReport report, long line, string?[] row)
    {
        if (Validator.TryValidate(row, new ItemValue[Items.Length], out var problem))
            report.RecordAccepted(line, problem);
        else
            report.RecordRejected(line, problem);
    }

    static IngestionReport ReportOf(int good, int bad)
    {
        var report = new IngestionReport(Items);
        for (var n = 0; n < good; n++) Read(report, n + 2, Row());
        for (var n = 0; n < bad; n++) Read(report, good + n + 2, RowWith("name", ""));
        return report;
    }

    [Fact]
    public void Rows_are_counted_and_the_summary_names_each_reason_with_its_item()
    {
        var report = new IngestionReport(Items);
        Read(report, 2, Row());
        Read(report, 3, RowWith("id_number", IdNumber[..17] + "1"));
        Read(report, 4, Row());
        Read(report, 5, RowWith("name", " "));
        Read(report, 6, Row());

        Assert.Equal((5L, 3L, 2L), (report.RowsRead, report.RowsAccepted, report.RowsRejected));
        Assert.Equal([3L, 5L], report.FirstBadLines);
        Assert.Equal("共读取5行，接受3行，拒绝2行：公民身份号码校验未通过 1 行，姓名为空 1 行", report.Summary);
    }

    [Fact]
    public void Tallies_are_by_reason_and_item_and_keep_only_the_first_examples()
    {
        var report = new IngestionReport(Items);
        for (var line = 2; line < 12; line++)
            Read(report, line, RowWith("address", $"=HYPERLINK(\"http://x/{line}\")"));
        Read(report, 12, RowWith("sex", "=1"));

        var snapshot = report.ToSnapshot();
        Assert.Equal(2, snapshot.Problems.Count);
        var address = snapshot.Problems[0];
        Assert.Equal((RowProblemCodes.Formula, "address", "住址", 10L), (address.Code, address.Item, address.Label, address.Count));
        Assert.Equal([2L, 3L, 4L, 5L, 6L], address.Examples.Select(e => e.Line));
        Assert.Equal("=HYPERLINK(\"http://x/2\")", address.Examples[0].Value);
        Assert.Equal(("sex", 1L), (snapshot.Problems[1].Item, snapshot.Problems[1].Count));
    }

    [Fact]
    public void Only_the_first_hundred_bad_lines_are_kept_but_all_are_counted()
    {
        var report = ReportOf(good: 0, bad: 150);

        Assert.Equal(150, report.RowsRejected);
        Assert.Equal(IngestionReport.BadLinesKept, report.FirstBadLines.Count);
        Assert.Equal(Enumerable.Range(2, 100).Select(n => (long)n), report.FirstBadLines);
    }

    [Fact]
    public void Values_of_personal_items_are_masked_in_examples()
    {
        var report = new IngestionReport(Items);
        var wrongId = IdNumber[..16] + "0X"; // a wrong sequence digit: the checksum no longer holds
        Read(report, 2, RowWith("id_number", wrongId));
        Read(report, 3, RowWith("name", "张三丰王五"));
        Read(report, 4, RowWith("phone", "=13812345678"));
        Read(report, 5, RowWith("address", "=南海大道1号"));

        var examples = report.ToSnapshot().Problems.ToDictionary(t => t.Item!, t => Assert.Single(t.Examples).Value);
        Assert.Equal("440605********110X", examples["id_number"]);
        Assert.Equal("张***五", examples["name"]);
        Assert.Equal("=13*****5678", examples["phone"]);
        Assert.Equal("=南海大道1号", examples["address"]);
    }

    [Fact]
    public void A_two_character_name_keeps_only_the_surname()
    {
        var report = new IngestionReport(Items);
        report.RecordRejected(2, new RowProblem(1, RowProblemCodes.Formula, "…", "张三"));

        Assert.Equal("张*", report.ToSnapshot().Problems[0].Examples[0].Value);
    }

    [Fact]
    public void Invisible_characters_are_shown_escaped_and_long_values_cut()
    {
        var report = new IngestionReport(Items);
        Read(report, 2, RowWith("address", "南海\0大道"));
        report.RecordRejected(3, new RowProblem(4, RowProblemCodes.Length, "…", new string('路', 500)));

        var examples = report.ToSnapshot().Problems.Select(t => t.Examples[0].Value).ToList();
        Assert.Contains("南海\\u0000大道", examples);
        Assert.Contains(new string('路', 200) + "…", examples);
    }

    [Fact]
    public void A_malformed_record_is_tallied_without_an_item()
    {
        var report = new IngestionReport(Items);
        report.RecordRejected(7, RowProblem.MalformedRecord("第7行有8个字段，表头有6列 (line 7 has 8 fields, the header 6)"));

        var tally = Assert.Single(report.ToSnapshot().Problems);
        Assert.Equal((RowProblemCodes.MalformedRecord, null, 1L), (tally.Code, tally.Item, tally.Count));
        Assert.Null(tally.Examples[0].Value);
        Assert.EndsWith("拒绝1行：记录格式错误 1 行", report.Summary);
    }

    [Fact]
    public void A_credit_code_warning_keeps_the_row_and_is_counted_apart()
    {
        DataItem[] items = [new("credit_code", "统一社会信用代码", DataItemType.CreditCode, 18, true, false)];
        var validator = new RowValidator(items, [0], Today);
        var valid = CreditCode("91", "440605", "MA4UJ8F0");
        var failing = valid[..17] + (valid[17] == '0' ? '1' : '0');
        var report = new IngestionReport(items);

        Assert.True(validator.TryValidate([failing], new ItemValue[1], out var warning));
        report.RecordAccepted(2, warning);

        Assert.Equal((1L, 0L, 1L), (report.RowsAccepted, report.RowsRejected, report.RowsWithWarnings));
        Assert.False(report.ThresholdExceeded(IngestionPolicy.RejectFile));
        var tally = Assert.Single(report.ToSnapshot().Warnings);
        Assert.Equal((RowProblemCodes.IdentifierWarning, 1L), (tally.Code, tally.Count));
        Assert.Equal("共读取1行，接受1行，拒绝0行；警告（已接受）：统一社会信用代码校验有警告 1 行", report.Summary);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void Under_reject_file_any_bad_row_exceeds_the_threshold(int bad, bool exceeded) =>
        Assert.Equal(exceeded, ReportOf(good: 1000, bad).ThresholdExceeded(IngestionPolicy.RejectFile));

    [Theory]
    [InlineData(0.05, 95, 5, false)]
    [InlineData(0.05, 94, 6, true)]
    [InlineData(0.29, 71, 29, false)] // 0.29 × 100 is 28.999… in binary floating point
    [InlineData(0.29, 70, 30, true)]
    [InlineData(0.0, 100, 0, false)]
    [InlineData(0.0, 99, 1, true)]
    public void Under_skip_bad_rows_the_share_of_bad_rows_may_reach_the_limit_but_not_pass_it(double share, int good, int bad, bool exceeded)
    {
        var report = ReportOf(good, bad);
        Assert.Equal(exceeded, report.ThresholdExceeded(new IngestionPolicy(BadRowPolicy.SkipBadRows, share)));
        Assert.Equal(exceeded, report.Rejects(new IngestionPolicy(BadRowPolicy.SkipBadRows, share)));
    }

    [Fact]
    public void A_file_is_hopeless_only_after_enough_rows()
    {
        var policy = IngestionPolicy.Default;
        Assert.False(ReportOf(good: 0, bad: 9_999).IsHopeless(policy));
        Assert.False(ReportOf(good: 9_998, bad: 1).IsHopeless(IngestionPolicy.RejectFile));

        Assert.True(ReportOf(good: 4_000, bad: 6_000).IsHopeless(policy));
        Assert.True(ReportOf(good: 9_999, bad: 1).IsHopeless(IngestionPolicy.RejectFile));
    }

    [Fact]
    public void Skipping_bad_rows_gives_up_early_only_when_most_rows_are_bad()
    {
        // 10% bad is over the 5% limit, but a long clean remainder could still bring the share down: read on.
        var report = ReportOf(good: 9_000, bad: 1_000);
        Assert.True(report.ThresholdExceeded(IngestionPolicy.Default));
        Assert.False(report.IsHopeless(IngestionPolicy.Default));
    }

    [Fact]
    public void A_header_that_rejects_the_file_or_a_file_failure_rejects_it_whatever_its_rows()
    {
        var drifting = ReportOf(good: 10, bad: 0);
        drifting.AddDrift(HeaderMatch.Match(["姓名", "性别", "出生日期"], Items).Drift);
        Assert.True(drifting.Rejects(IngestionPolicy.Default));
        Assert.Contains("表头与数据项有", drifting.Summary);

        var failed = ReportOf(good: 10, bad: 0);
        failed.Fail("encoding", "第12行不是有效的UTF-8或GB18030文本 (line 12 is not valid UTF-8 or GB18030)", line: 12, byteOffset: 4096);
        Assert.True(failed.Rejects(IngestionPolicy.Default));
        Assert.Equal(new FileFailure("encoding", "第12行不是有效的UTF-8或GB18030文本 (line 12 is not valid UTF-8 or GB18030)", 12, 4096), failed.Failure);
        Assert.EndsWith("；文件无法继续读取：第12行不是有效的UTF-8或GB18030文本 (line 12 is not valid UTF-8 or GB18030)", failed.Summary);

        Assert.False(ReportOf(good: 10, bad: 0).Rejects(IngestionPolicy.Default));
    }

    [Fact]
    public void The_snapshot_survives_a_json_round_trip()
    {
        var report = ReportOf(good: 3, bad: 2);
        report.AddDrift(HeaderMatch.Match([.. Header, "备注"], Items).Drift);
        report.AddNote("已忽略其他工作表 (other worksheets ignored)");
        var snapshot = report.ToSnapshot();

        var json = JsonSerializer.Serialize(snapshot);
        var back = JsonSerializer.Deserialize<IngestionReportSnapshot>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.Equal(5, back.RowsRead);
        Assert.Equal("name", back.Problems[0].Item);
        Assert.Equal(SchemaDriftKind.ExtraColumn, Assert.Single(back.Drift).Kind);
        Assert.Equal(report.Summary, back.Summary);
    }
}
