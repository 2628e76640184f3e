using Nanhai.Domain.Ingestion;
using static Nanhai.UnitTests.Ingestion.Validation.ResidentTable;

namespace Nanhai.UnitTests.Ingestion.Validation;

public sealed class HeaderMatchTests
{
    static SchemaDrift Single(HeaderMatch match, SchemaDriftKind kind) => Assert.Single(match.Drift, d => d.Kind == kind);

    [Fact]
    public void Columns_match_items_by_label_in_any_order()
    {
        var match = HeaderMatch.Match(["联系电话", "住址", "出生日期", "性别", "姓名", "公民身份号码"], Items);

        Assert.Equal([5, 4, 3, 2, 1, 0], match.ColumnOf);
        Assert.Empty(match.Drift);
        Assert.False(match.RejectsFile);
    }

    [Fact]
    public void Columns_match_by_name_in_any_case_ignoring_a_byte_order_mark_quotes_and_spaces()
    {
        var match = HeaderMatch.Match(["\uFEFF\"ID_Number\"", " Name ", "'sex'", "“Birth_Date”", "\t住址 ", "PHONE"], Items);

        Assert.Equal([0, 1, 2, 3, 4, 5], match.ColumnOf);
        Assert.Empty(match.Drift);
    }

    [Fact]
    public void A_missing_required_item_rejects_the_file()
    {
        var match = HeaderMatch.Match(["姓名", "性别", "出生日期", "住址", "联系电话"], Items);

        var missing = Single(match, SchemaDriftKind.MissingRequiredItem);
        Assert.True(match.RejectsFile);
        Assert.True(missing.RejectsFile);
        Assert.Equal("id_number", missing.Item);
        Assert.Equal("缺少必填数据项“公民身份号码”(id_number) (required item id_number is missing)", missing.Message);
        Assert.Equal(-1, match.ColumnOf[0]);
        Assert.Equal(0, match.ColumnOf[1]);
    }

    [Fact]
    public void A_missing_optional_item_is_reported_but_the_file_is_kept()
    {
        var match = HeaderMatch.Match(["公民身份号码", "姓名", "性别", "出生日期", "联系电话"], Items);

        var missing = Single(match, SchemaDriftKind.MissingOptionalItem);
        Assert.Equal("address", missing.Item);
        Assert.False(match.RejectsFile);
        Assert.Equal([0, 1, 2, 3, -1, 4], match.ColumnOf);
    }

    [Fact]
    public void An_extra_column_is_reported_and_ignored()
    {
        var match = HeaderMatch.Match(["公民身份号码", "姓名", "性别", "出生日期", "住址", "联系电话", "备注"], Items);

        var extra = Single(match, SchemaDriftKind.ExtraColumn);
        Assert.Equal("备注", extra.Column);
        Assert.Equal(7, extra.ColumnNumber);
        Assert.False(extra.RejectsFile);
        Assert.False(match.RejectsFile);
        Assert.DoesNotContain(6, match.ColumnOf);
    }

    [Fact]
    public void An_unknown_column_where_a_missing_item_belongs_is_a_suspected_rename()
    {
        var match = HeaderMatch.Match(["sfzh", "姓名", "性别", "出生日期", "住址", "联系电话"], Items);

        var rename = Single(match, SchemaDriftKind.SuspectedRename);
        Assert.Equal("id_number", rename.Item);
        Assert.Equal("sfzh", rename.Column);
        Assert.Equal(1, rename.ColumnNumber);
        Assert.Contains("column 'sfzh' looks like item 'id_number' renamed", rename.Message);
        Assert.Contains("列“sfzh”（第1列）疑似该数据项改名", rename.Message);
        // Reported, never mapped: the required item is still missing.
        Assert.True(rename.RejectsFile);
        Assert.True(match.RejectsFile);
        Assert.Equal(-1, match.ColumnOf[0]);
        Assert.DoesNotContain(match.Drift, d => d.Kind is SchemaDriftKind.ExtraColumn or SchemaDriftKind.MissingRequiredItem);
    }

    [Fact]
    public void The_expected_position_follows_the_matched_neighbours_when_columns_are_shifted()
    {
        // An extra leading column shifts everything by one; the renamed phone column is still recognised by position.
        var match = HeaderMatch.Match(["序号", "公民身份号码", "姓名", "性别", "出生日期", "住址", "手机"], Items);

        var rename = Single(match, SchemaDriftKind.SuspectedRename);
        Assert.Equal(("phone", "手机"), (rename.Item, rename.Column));
        Assert.False(rename.RejectsFile);
        Assert.Equal("序号", Single(match, SchemaDriftKind.ExtraColumn).Column);
    }

    [Fact]
    public void A_similarly_named_column_elsewhere_is_a_suspected_rename()
    {
        var match = HeaderMatch.Match(["姓名", "性别", "出生日期", "住址", "联系电话", "IDNo"], Items);

        var rename = Single(match, SchemaDriftKind.SuspectedRename);
        Assert.Equal(("id_number", "IDNo", 6), (rename.Item, rename.Column, rename.ColumnNumber));
    }

    [Fact]
    public void A_similar_chinese_label_is_a_suspected_rename()
    {
        var match = HeaderMatch.Match(["姓名", "性别", "出生日期", "住址", "联系电话", "身份证号"], Items);

        Assert.Equal("身份证号", Single(match, SchemaDriftKind.SuspectedRename).Column);
    }

    [Fact]
    public void A_dissimilar_column_away_from_the_items_position_is_just_extra()
    {
        // 登记日期 shares only 日期 with 出生日期, and birth_date's position is taken by 住址.
        var match = HeaderMatch.Match(["公民身份号码", "姓名", "性别", "住址", "联系电话", "登记日期"], Items);

        Assert.Equal("birth_date", Single(match, SchemaDriftKind.MissingRequiredItem).Item);
        Assert.Equal("登记日期", Single(match, SchemaDriftKind.ExtraColumn).Column);
        Assert.DoesNotContain(match.Drift, d => d.Kind == SchemaDriftKind.SuspectedRename);
    }

    [Fact]
    public void Two_columns_for_one_item_reject_the_file_and_the_first_is_mapped()
    {
        var match = HeaderMatch.Match(["id_number", "姓名", "性别", "出生日期", "住址", "联系电话", "公民身份号码"], Items);

        var duplicate = Single(match, SchemaDriftKind.DuplicateColumn);
        Assert.True(match.RejectsFile);
        Assert.Equal(("id_number", "公民身份号码", 7), (duplicate.Item, duplicate.Column, duplicate.ColumnNumber));
        Assert.Contains("columns 1 and 7 both map to item id_number", duplicate.Message);
        Assert.Equal(0, match.ColumnOf[0]);
    }
}
