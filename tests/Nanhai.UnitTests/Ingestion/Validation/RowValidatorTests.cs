using Nanhai.Domain.Catalog;
using Nanhai.Domain.Ingestion;
using static Nanhai.UnitTests.Identifiers.ReferenceChecksums;
using static Nanhai.UnitTests.Ingestion.Validation.ResidentTable;

namespace Nanhai.UnitTests.Ingestion.Validation;

public sealed class RowValidatorTests
{
    /// <summary>Validates one value of an item of <paramref name="type"/> (in a one-item resource).</summary>
    static (bool Ok, ItemValue Value, RowProblem Problem) One(DataItemType type, string? value, int? length = null, bool required = false)
    {
        var validator = new RowValidator([new DataItem("item", "数据项", type, length, required, false)], [0], Today);
        var parsed = new ItemValue[1];
        var ok = validator.TryValidate([value], parsed, out var problem);
        return (ok, parsed[0], problem);
    }

    static RowProblem Rejected(DataItemType type, string? value, int? length = null, bool required = false)
    {
        var (ok, _, problem) = One(type, value, length, required);
        Assert.False(ok, $"'{value}' should be rejected as {type}");
        Assert.False(problem.IsNone);
        Assert.False(problem.IsWarning);
        Assert.Equal(0, problem.Item);
        Assert.Equal(value, problem.Value);
        return problem;
    }

    static ItemValue Accepted(DataItemType type, string? value, int? length = null)
    {
        var (ok, parsed, problem) = One(type, value, length);
        Assert.True(ok, $"'{value}' should be accepted as {type}: {problem}");
        Assert.True(problem.IsNone, problem.ToString());
        return parsed;
    }

    static (bool Ok, ItemValue[] Values, RowProblem Problem) Resident(string?[] row)
    {
        var parsed = new ItemValue[Items.Length];
        var ok = Validator().TryValidate(row, parsed, out var problem);
        return (ok, parsed, problem);
    }

    [Fact]
    public void A_clean_resident_row_is_parsed_into_typed_values()
    {
        var row = Row();
        var (ok, values, problem) = Resident(row);

        Assert.True(ok, problem.ToString());
        Assert.True(problem.IsNone);
        Assert.Same(row[0], values[0].Text);
        Assert.Equal("张三", values[1].Text);
        Assert.Equal(new DateTime(1990, 1, 1), values[3].Timestamp);
        Assert.Equal("13812345678", values[5].Text);
    }

    [Fact]
    public void Values_are_trimmed_and_the_files_string_is_kept_when_nothing_was_trimmed()
    {
        const string clean = "南海大道1号";
        Assert.Same(clean, Accepted(DataItemType.Text, clean).Text);
        Assert.Equal("南海大道1号", Accepted(DataItemType.Text, " \u3000南海大道1号\t ").Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \u3000 ")]
    public void Empty_values_are_null_for_optional_items_and_a_problem_for_required_ones(string? value)
    {
        Assert.True(Accepted(DataItemType.Integer, value).IsNull);

        var problem = Rejected(DataItemType.Integer, value, required: true);
        Assert.Equal(RowProblemCodes.Required, problem.Code);
        Assert.Equal("必填数据项“数据项”(item)为空 (required item item is empty)", problem.Message);
    }

    [Fact]
    public void Text_length_counts_characters_so_a_supplementary_character_counts_once()
    {
        // 𠈓 (U+20213) is two UTF-16 code units; in a 4-character name it must count as one.
        Assert.Equal("𠈓𠈓𠈓𠈓", Accepted(DataItemType.Text, "𠈓𠈓𠈓𠈓", length: 4).Text);

        var problem = Rejected(DataItemType.Text, "𠈓𠈓𠈓𠈓𠈓", length: 4);
        Assert.Equal(RowProblemCodes.Length, problem.Code);
        Assert.Contains("实为5个字符", problem.Message);
        Assert.Contains("has 5 characters, more than its length 4", problem.Message);
    }

    [Theory]
    [InlineData("42", 42L)]
    [InlineData("-7", -7L)]
    [InlineData("+3", 3L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Integers_are_read_as_64_bit(string text, long expected) =>
        Assert.Equal(expected, Accepted(DataItemType.Integer, text).Integer);

    [Theory]
    [InlineData("1,234")]
    [InlineData("4.2")]
    [InlineData("9223372036854775808")]
    [InlineData("十二")]
    public void Other_integers_are_a_type_problem(string text)
    {
        var problem = Rejected(DataItemType.Integer, text);
        Assert.Equal(RowProblemCodes.Type, problem.Code);
        Assert.Contains("应为整数", problem.Message);
    }

    [Theory]
    [InlineData("1234.50", "1234.50")]
    [InlineData("-0.5", "-0.5")]
    [InlineData("1.5E+07", "15000000")]
    [InlineData("12", "12")]
    public void Decimals_use_the_invariant_point_and_may_have_an_exponent(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Accepted(DataItemType.Decimal, text).Decimal);

    [Theory]
    [InlineData("1,234.5")]
    [InlineData("1,5")]
    [InlineData("1.234,5")]
    public void Decimals_with_thousands_separators_or_a_decimal_comma_are_refused(string text) =>
        Assert.Equal(RowProblemCodes.Type, Rejected(DataItemType.Decimal, text).Code);

    [Theory]
    [InlineData("2024-02-29")]
    [InlineData("20240229")]
    [InlineData("2024/02/29")]
    public void Dates_are_read_in_three_forms(string text) =>
        Assert.Equal(new DateTime(2024, 2, 29), Accepted(DataItemType.Date, text).Timestamp);

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("2024-13-01")]
    [InlineData("2024-2-9")]
    [InlineData("2024-02/29")]
    [InlineData("29/02/2024")]
    [InlineData("2024-02-29 00:00:00")]
    [InlineData("0000-01-01")]
    public void Other_dates_are_a_type_problem(string text)
    {
        var problem = Rejected(DataItemType.Date, text);
        Assert.Equal(RowProblemCodes.Type, problem.Code);
        Assert.Contains("yyyy-MM-dd", problem.Message);
    }

    [Theory]
    [InlineData("2024-05-01 08:30:00")]
    [InlineData("2024-05-01T08:30:00")]
    [InlineData("2024/05/01 08:30:00")]
    [InlineData("2024-05-01T08:30:00+08:00")]
    [InlineData("2024-05-01T08:30:00+0800")]
    [InlineData("2024-05-01T00:30:00Z")]
    [InlineData("2024-05-01T02:30:00+02:00")]
    [InlineData("2024-04-30T19:30:00-05:00")]
    public void Date_times_without_an_offset_are_china_time_and_all_come_back_in_utc(string text)
    {
        var value = Accepted(DataItemType.DateTime, text).Timestamp;
        Assert.Equal(new DateTime(2024, 5, 1, 0, 30, 0, DateTimeKind.Utc), value);
        Assert.Equal(DateTimeKind.Utc, value.Kind);
    }

    [Fact]
    public void China_time_early_in_the_morning_is_the_previous_day_in_utc_and_fractions_are_kept()
    {
        Assert.Equal(new DateTime(2023, 12, 31, 23, 0, 0, DateTimeKind.Utc), Accepted(DataItemType.DateTime, "2024-01-01 07:00:00").Timestamp);
        Assert.Equal(new DateTime(2024, 5, 1, 0, 30, 0, DateTimeKind.Utc).AddTicks(1_250_000),
            Accepted(DataItemType.DateTime, "2024-05-01 08:30:00.125").Timestamp);
    }

    [Theory]
    [InlineData("2024-05-01")]
    [InlineData("2024-05-01 08:30")]
    [InlineData("2024-05-01 24:00:00")]
    [InlineData("2024-05-01 08:60:00")]
    [InlineData("2024-05-01 08:30:00+25:00")]
    [InlineData("2024-05-01 08:30:00 +08:00")]
    [InlineData("2024-05-01 08:30:00.")]
    [InlineData("2024-05-01 08:30:00.12345678")]
    [InlineData("0001-01-01 00:00:00")]
    [InlineData("May 1, 2024 8:30")]
    public void Other_date_times_are_a_type_problem(string text) =>
        Assert.Equal(RowProblemCodes.Type, Rejected(DataItemType.DateTime, text).Code);

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("是", true)]
    [InlineData("Y", true)]
    [InlineData("y", true)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("否", false)]
    [InlineData("N", false)]
    public void Booleans_are_read_in_the_usual_spellings(string text, bool expected) =>
        Assert.Equal(expected, Accepted(DataItemType.Boolean, text).Boolean);

    [Theory]
    [InlineData("yes")]
    [InlineData("2")]
    [InlineData("对")]
    public void Other_booleans_are_a_type_problem(string text) =>
        Assert.Equal(RowProblemCodes.Type, Rejected(DataItemType.Boolean, text).Code);

    [Fact]
    public void A_lower_case_x_check_character_is_normalised()
    {
        Assert.EndsWith("X", IdNumber);
        Assert.Equal(IdNumber, Accepted(DataItemType.ResidentIdNumber, IdNumber.ToLowerInvariant()).Text);
    }

    [Fact]
    public void A_wrong_check_character_rejects_the_identity_number_with_the_reason()
    {
        var wrong = IdNumber[..17] + "1";
        var problem = Rejected(DataItemType.ResidentIdNumber, wrong);

        Assert.Equal(RowProblemCodes.Identifier, problem.Code);
        Assert.Contains("身份证号码校验位不正确", problem.Message);
        Assert.Contains("check character does not match", problem.Message);
    }

    [Theory]
    [InlineData("44060520261130111")] // born the day after "today"
    [InlineData("44060519900230111")] // 30 February
    [InlineData("99060519900101111")] // no province 99
    public void Identity_numbers_failing_other_checks_are_rejected_too(string first17) =>
        Assert.Equal(RowProblemCodes.Identifier, Rejected(DataItemType.ResidentIdNumber, WithIdentityCheck(first17)).Code);

    [Fact]
    public void A_valid_credit_code_is_kept_as_it_is()
    {
        var code = CreditCode("91", "440605", "MA4UJ8F0");
        Assert.Same(code, Accepted(DataItemType.CreditCode, code).Text);
    }

    [Fact]
    public void A_credit_code_failing_its_checksum_keeps_its_row_with_a_warning()
    {
        var valid = CreditCode("91", "440605", "MA4UJ8F0");
        var failing = valid[..17] + CreditCodeAlphabet[(CreditCodeAlphabet.IndexOf(valid[17]) + 1) % 31];

        var (ok, value, problem) = One(DataItemType.CreditCode, failing);

        Assert.True(ok);
        Assert.Equal(failing, value.Text);
        Assert.True(problem.IsWarning);
        Assert.Equal(RowProblemCodes.IdentifierWarning, problem.Code);
        Assert.Contains("校验位不正确", problem.Message);
    }

    [Fact]
    public void A_credit_code_with_forbidden_letters_is_rejected() =>
        Assert.Equal(RowProblemCodes.Identifier, Rejected(DataItemType.CreditCode, "91440605MA4UJ8FOXX").Code);

    [Fact]
    public void A_later_error_in_the_row_wins_over_an_earlier_warning()
    {
        var valid = CreditCode("91", "440605", "MA4UJ8F0");
        var failing = valid[..17] + (valid[17] == '0' ? '1' : '0');
        var validator = new RowValidator(
            [new("credit_code", "统一社会信用代码", DataItemType.CreditCode, 18, true, false), new("capital", "注册资本", DataItemType.Decimal, null, true, false)],
            [0, 1], Today);

        Assert.False(validator.TryValidate([failing, "一百万"], new ItemValue[2], out var problem));
        Assert.Equal(RowProblemCodes.Type, problem.Code);
        Assert.Equal(1, problem.Item);
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0", '=')]
    [InlineData("=1+1", '=')]
    [InlineData("  =HYPERLINK(\"http://x\")", '=')]
    [InlineData("@SUM(A1:A9)", '@')]
    [InlineData("+A1", '+')]
    [InlineData("-A1+B1", '-')]
    [InlineData("--1", '-')]
    public void Text_a_spreadsheet_would_run_as_a_formula_is_rejected(string text, char sign)
    {
        var problem = Rejected(DataItemType.Text, text);
        Assert.Equal(RowProblemCodes.Formula, problem.Code);
        Assert.Contains($"以“{sign}”开头", problem.Message);
        Assert.Contains("CSV injection", problem.Message);
    }

    [Theory]
    [InlineData("-")]
    [InlineData("+86 13812345678")]
    [InlineData("+8613812345678")]
    [InlineData("-12.5")]
    [InlineData("- 见附件")]
    [InlineData("a=b")]
    [InlineData("联系邮箱 a@b.cn")]
    [InlineData("＝全角等号")]
    public void Text_that_only_looks_a_little_like_a_formula_is_accepted(string text) =>
        Assert.Equal(text, Accepted(DataItemType.Text, text).Text);

    [Fact]
    public void Typed_values_are_not_checked_for_formulas() =>
        Assert.Equal(-5, Accepted(DataItemType.Integer, "-5").Integer);

    [Theory]
    [InlineData("张\0三", "U+0000")]
    [InlineData("张三\u0007", "U+0007")]
    [InlineData("桂城\u001B[0m", "U+001B")]
    [InlineData("桂城\u007F", "U+007F")]
    [InlineData("桂城\u0085南海", "U+0085")]
    public void Control_characters_inside_a_value_are_rejected(string text, string codePoint)
    {
        var problem = Rejected(DataItemType.Text, text);
        Assert.Equal(RowProblemCodes.ControlCharacter, problem.Code);
        Assert.Contains(codePoint, problem.Message);
    }

    [Fact]
    public void A_nul_is_named_and_its_position_given()
    {
        var problem = Rejected(DataItemType.Text, "张\0三");
        Assert.Equal("“数据项”(item)第2个字符是控制字符U+0000（NUL） (item contains control character U+0000 (NUL) at character 2)", problem.Message);
    }

    [Theory]
    [InlineData("桂城街道\n南海大道北 1 号")]
    [InlineData("桂城街道\r\n南海大道北 1 号")]
    public void Line_breaks_inside_a_value_are_allowed_as_in_a_quoted_multi_line_field(string text) =>
        Assert.Equal(text, Accepted(DataItemType.Text, text).Text);

    [Fact]
    public void A_tab_inside_a_value_is_allowed() =>
        Assert.Equal("桂城\t南海大道", Accepted(DataItemType.Text, "桂城\t南海大道").Text);

    [Theory]
    [InlineData("\uFEFF张三")]
    [InlineData("张\uFEFF三")]
    public void A_byte_order_mark_inside_a_value_is_rejected(string text)
    {
        var problem = Rejected(DataItemType.Text, text);
        Assert.Equal(RowProblemCodes.ByteOrderMark, problem.Code);
        Assert.Contains("U+FEFF", problem.Message);
    }

    [Fact]
    public void A_replacement_character_is_rejected_as_a_sign_of_the_wrong_encoding()
    {
        var problem = Rejected(DataItemType.Text, "广东省\uFFFD\uFFFD市");
        Assert.Equal(RowProblemCodes.ReplacementCharacter, problem.Code);
        Assert.Contains("第4个字符", problem.Message);
        Assert.Contains("check the file's encoding", problem.Message);
    }

    [Theory]
    [InlineData(DataItemType.Integer, "1\u00002")]
    [InlineData(DataItemType.Date, "2024-01-0\uFFFD")]
    [InlineData(DataItemType.ResidentIdNumber, "\uFEFF44060519900101113X")]
    public void Character_problems_are_named_before_type_problems(DataItemType type, string text) =>
        Assert.NotEqual(RowProblemCodes.Type, Rejected(type, text).Code);

    [Fact]
    public void The_first_bad_item_of_a_row_is_reported_with_its_index_and_the_files_value()
    {
        var (ok, _, problem) = Resident(RowWith("birth_date", " 1990-02-30 "));

        Assert.False(ok);
        Assert.Equal(3, problem.Item);
        Assert.Equal(RowProblemCodes.Type, problem.Code);
        Assert.Equal(" 1990-02-30 ", problem.Value);
        Assert.StartsWith("“出生日期”(birth_date)应为日期", problem.Message);
    }

    [Fact]
    public void A_record_shorter_than_the_header_is_malformed()
    {
        var (ok, _, problem) = Resident(Row()[..4]);

        Assert.False(ok);
        Assert.Equal(RowProblemCodes.MalformedRecord, problem.Code);
        Assert.Equal(-1, problem.Item);
        Assert.Contains("4个字段", problem.Message);
    }

    [Fact]
    public void An_optional_item_the_file_lacks_is_null_and_values_follow_the_column_map()
    {
        // The file has phone and name swapped and no address: item order is kept in the parsed values.
        var header = HeaderMatch.Match(["联系电话", "公民身份号码", "姓名", "性别", "出生日期"], Items);
        var validator = new RowValidator(Items, header.ColumnOf, Today);
        var parsed = new ItemValue[Items.Length];

        Assert.True(validator.TryValidate(["13812345678", IdNumber, "李四", "女", "19900101"], parsed, out var problem), problem.ToString());

        Assert.Equal("李四", parsed[1].Text);
        Assert.True(parsed[4].IsNull);
        Assert.Equal("13812345678", parsed[5].Text);
    }

    [Fact]
    public void A_validator_is_not_built_for_a_file_lacking_a_required_item() =>
        Assert.Throws<ArgumentException>(() => new RowValidator(Items, [-1, 1, 2, 3, 4, 5], Today));

    [Fact]
    public void Clean_rows_allocate_nothing()
    {
        var validator = Validator();
        var row = Row();
        var parsed = new ItemValue[Items.Length];
        for (var warmUp = 0; warmUp < 100; warmUp++)
            validator.TryValidate(row, parsed, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var n = 0; n < 10_000; n++)
            Assert.True(validator.TryValidate(row, parsed, out _));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Not one allocation per row: a copied string or a boxed value would cost at least 240,000 bytes here.
        Assert.True(allocated < 10_000, $"{allocated} bytes allocated for 10,000 clean rows");
    }
}
