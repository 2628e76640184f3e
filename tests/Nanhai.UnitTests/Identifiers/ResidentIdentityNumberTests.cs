using Nanhai.Domain.Identifiers;
using static Nanhai.UnitTests.Identifiers.ReferenceChecksums;

namespace Nanhai.UnitTests.Identifiers;

public sealed class ResidentIdentityNumberTests
{
    static readonly DateOnly Today = new(2026, 1, 15);

    // The worked example of GB 11643-1999: a woman born 31 December 1949, registered in Chaoyang district, Beijing.
    const string StandardExample = "11010519491231002X";

    static ResidentIdentityNumber Accepted(string text)
    {
        var result = ResidentIdentityNumber.Validate(text, Today);
        Assert.True(result.IsAccepted, string.Join("; ", result.Errors));
        Assert.Equal(IdentifierValidationStatus.Valid, result.Status);
        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        return result.Value;
    }

    static IReadOnlyList<string> ErrorCodes(string? text, DateOnly? today = null)
    {
        var result = ResidentIdentityNumber.Validate(text, today ?? Today);
        Assert.Equal(IdentifierValidationStatus.Invalid, result.Status);
        Assert.False(result.IsAccepted);
        Assert.Null(result.Value);
        Assert.NotEmpty(result.Errors);
        Assert.Empty(result.Warnings);
        return result.Errors.Select(e => e.Code).ToList();
    }

    static readonly string[] ValidNumberList =
    [
        StandardExample,
        WithIdentityCheck("44060519900101123"),
        WithIdentityCheck("44068219851231004"),
        WithIdentityCheck("44060420000229001"),
        WithIdentityCheck("65010219000101999"),
        WithIdentityCheck("83000019700615002"),
    ];

    public static TheoryData<string> ValidNumbers() => [.. ValidNumberList];

    [Fact]
    public void The_standards_example_is_valid_and_parsed()
    {
        Assert.True(IdentityChecksumHolds(StandardExample));
        var number = Accepted(StandardExample);

        Assert.Equal(StandardExample, number.Value);
        Assert.Equal("110105", number.DivisionCode);
        Assert.Equal("11", number.ProvinceCode);
        Assert.Equal(new DateOnly(1949, 12, 31), number.BirthDate);
        Assert.Equal("002", number.SequenceCode);
        Assert.Equal(Sex.Female, number.Sex);
        Assert.Equal('X', number.CheckCharacter);
        Assert.Equal(ApplicantKind.Person, number.Kind);
        Assert.False(number.IsIssuedInNanhai);
    }

    [Fact]
    public void The_standards_second_example_fails_only_the_1900_plausibility_rule()
    {
        // GB 11643-1999 also shows a man born 1 January 1880 in Chaoyang county, Shantou: checksum right, date too early for a living applicant.
        const string example1880 = "440524188001010014";
        Assert.True(IdentityChecksumHolds(example1880));
        Assert.Equal([IdentifierMessageCodes.IdentityNumberBirthDateTooEarly], ErrorCodes(example1880));
    }

    [Theory]
    [MemberData(nameof(ValidNumbers))]
    public void Numbers_built_with_the_reference_rule_are_valid(string text)
    {
        var number = Accepted(text);
        Assert.Equal(text, number.Value);
        Assert.Equal(text, number.ToString());
    }

    [Theory]
    [InlineData("44060519900101123", Sex.Male)]
    [InlineData("44060519900101124", Sex.Female)]
    [InlineData("44060519900101000", Sex.Female)]
    [InlineData("44060519900101999", Sex.Male)]
    public void Sex_follows_the_parity_of_the_sequence_code(string first17, Sex sex) =>
        Assert.Equal(sex, Accepted(WithIdentityCheck(first17)).Sex);

    [Theory]
    [InlineData("440605", true)]
    [InlineData("440682", true)]
    [InlineData("440604", false)]
    [InlineData("440606", false)]
    [InlineData("440600", false)]
    [InlineData("110105", false)]
    public void Nanhai_numbers_are_recognised_by_the_district_or_county_level_city_code(string division, bool nanhai)
    {
        var number = Accepted(WithIdentityCheck(division + "19880808321"));
        Assert.Equal(division, number.DivisionCode);
        Assert.Equal(nanhai, number.IsIssuedInNanhai);
    }

    [Fact]
    public void The_masked_form_hides_birth_date_and_sequence()
    {
        var number = Accepted(WithIdentityCheck("44060519900101123"));
        Assert.Equal("440605********" + number.Value[14..], number.Masked);
    }

    [Fact]
    public void Every_single_character_substitution_is_rejected()
    {
        foreach (var valid in ValidNumberList)
        {
            for (var position = 0; position < 18; position++)
            {
                foreach (var replacement in "0123456789X")
                {
                    if (replacement == valid[position])
                        continue;
                    var mutant = valid[..position] + replacement + valid[(position + 1)..];
                    var result = ResidentIdentityNumber.Validate(mutant, Today);
                    Assert.False(result.IsAccepted, $"{mutant} (from {valid}, position {position + 1}) was accepted");
                    if (replacement != 'X' || position == 17)
                        Assert.Contains(result.Errors, e => e.Code == IdentifierMessageCodes.IdentityNumberCheckCharacter);
                }
            }
        }
    }

    [Fact]
    public void Every_swap_of_adjacent_different_characters_is_rejected()
    {
        foreach (var valid in ValidNumberList)
        {
            for (var position = 0; position < 17; position++)
            {
                if (valid[position] == valid[position + 1])
                    continue;
                var chars = valid.ToCharArray();
                (chars[position], chars[position + 1]) = (chars[position + 1], chars[position]);
                Assert.False(ResidentIdentityNumber.Validate(new string(chars), Today).IsAccepted, new string(chars));
            }
        }
    }

    [Theory]
    [InlineData("11010519491231002x")]
    [InlineData(" 11010519491231002X ")]
    [InlineData("\u300011010519491231002x\u3000")]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ")]
    [InlineData("１１０１０５１９４９１２３１００２ｘ")]
    public void Lower_case_x_full_width_characters_and_surrounding_spaces_are_normalised(string text)
    {
        var number = Accepted(text);
        Assert.Equal(StandardExample, number.Value);
        Assert.Equal('X', number.CheckCharacter);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_number_is_required(string? text) =>
        Assert.Equal([IdentifierMessageCodes.IdentityNumberRequired], ErrorCodes(text));

    [Theory]
    [InlineData("11010519491231002")]
    [InlineData("11010519491231002X0")]
    [InlineData("1101051949123100")]
    [InlineData("1")]
    [InlineData("110105 19491231002X")]
    public void A_number_of_the_wrong_length_is_invalid(string text)
    {
        var result = ResidentIdentityNumber.Validate(text, Today);
        var error = Assert.Single(result.Errors);
        Assert.Equal(IdentifierMessageCodes.IdentityNumberLength, error.Code);
        Assert.Contains($"现为{text.Trim().Length}位", error.Chinese);
    }

    [Fact]
    public void A_fifteen_digit_first_generation_number_gets_its_own_message() =>
        Assert.Equal([IdentifierMessageCodes.IdentityNumberFirstGeneration], ErrorCodes("110105491231002"));

    [Theory]
    [InlineData("1101051949123100XX")]
    [InlineData("X1010519491231002X")]
    [InlineData("11010519491231002A")]
    [InlineData("110105-9491231002X")]
    [InlineData("11010519491231002?")]
    [InlineData("11010519491231002中")]
    [InlineData("١١٠١٠٥١٩٤٩١٢٣١٠٠٢X")]
    public void Characters_other_than_17_digits_and_a_digit_or_X_are_invalid(string text) =>
        Assert.Equal([IdentifierMessageCodes.IdentityNumberCharacters], ErrorCodes(text));

    [Theory]
    [InlineData("20250230")]
    [InlineData("20250229")]
    [InlineData("19000229")]
    [InlineData("19901301")]
    [InlineData("19900100")]
    [InlineData("19900431")]
    [InlineData("00000101")]
    public void An_impossible_birth_date_is_invalid(string birth) =>
        Assert.Equal([IdentifierMessageCodes.IdentityNumberBirthDateInvalid], ErrorCodes(WithIdentityCheck("440605" + birth + "123")));

    [Fact]
    public void The_29th_of_February_of_a_leap_year_is_a_real_date() =>
        Assert.Equal(new DateOnly(2000, 2, 29), Accepted(WithIdentityCheck("44060520000229123")).BirthDate);

    [Fact]
    public void A_birth_date_after_today_is_invalid_and_today_is_not()
    {
        Assert.Equal([IdentifierMessageCodes.IdentityNumberBirthDateInFuture], ErrorCodes(WithIdentityCheck("44060520260116123")));
        Assert.Equal(Today, Accepted(WithIdentityCheck("44060520260115123")).BirthDate);
    }

    [Fact]
    public void Today_comes_from_the_caller()
    {
        var number = WithIdentityCheck("44060520300601123");
        Assert.Equal([IdentifierMessageCodes.IdentityNumberBirthDateInFuture], ErrorCodes(number, new DateOnly(2030, 5, 31)));
        Assert.True(ResidentIdentityNumber.Validate(number, new DateOnly(2030, 6, 1)).IsAccepted);
    }

    [Fact]
    public void A_birth_date_before_1900_is_invalid()
    {
        Assert.Equal([IdentifierMessageCodes.IdentityNumberBirthDateTooEarly], ErrorCodes(WithIdentityCheck("44060518991231123")));
        Assert.Equal(new DateOnly(1900, 1, 1), Accepted(WithIdentityCheck("44060519000101123")).BirthDate);
    }

    static readonly string[] ProvinceCodeList =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82", "83",
    ];

    public static TheoryData<string> ProvinceCodes() => [.. ProvinceCodeList];

    [Theory]
    [MemberData(nameof(ProvinceCodes))]
    public void Every_province_level_code_is_accepted(string province) =>
        Assert.Equal(province, Accepted(WithIdentityCheck(province + "010119800101123")).ProvinceCode);

    [Fact]
    public void Every_other_two_digit_prefix_is_invalid()
    {
        var provinces = ProvinceCodeList.ToHashSet();
        for (var prefix = 0; prefix < 100; prefix++)
        {
            var code = prefix.ToString("00");
            if (provinces.Contains(code))
                continue;
            Assert.Equal([IdentifierMessageCodes.IdentityNumberProvince], ErrorCodes(WithIdentityCheck(code + "010119800101123")));
        }
    }

    [Fact]
    public void All_independent_errors_are_reported_together()
    {
        var valid = WithIdentityCheck("99060520250230123");
        var codes = ErrorCodes(valid[..17] + (valid[17] == '0' ? '1' : '0'));
        Assert.Equal(
            [IdentifierMessageCodes.IdentityNumberProvince, IdentifierMessageCodes.IdentityNumberBirthDateInvalid, IdentifierMessageCodes.IdentityNumberCheckCharacter],
            codes);
    }

    [Fact]
    public void A_wrong_check_character_reads_in_Chinese_with_an_English_gloss()
    {
        var valid = WithIdentityCheck("44060519900101123");
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');
        var error = Assert.Single(ResidentIdentityNumber.Validate(wrong, Today).Errors);

        Assert.Equal(IdentifierMessageCodes.IdentityNumberCheckCharacter, error.Code);
        Assert.Equal("身份证号码校验位不正确，请核对号码 (check character does not match)", error.Text);
        Assert.Equal(error.Text, error.ToString());
    }

    [Fact]
    public void Date_messages_use_the_Gregorian_calendar_whatever_the_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("th-TH");
            var error = Assert.Single(ResidentIdentityNumber.Validate(WithIdentityCheck("44060520260116123"), Today).Errors);
            Assert.Equal("身份证号码中的出生日期2026年1月16日晚于今天", error.Chinese);
            Assert.Equal("birth date 2026-01-16 is in the future", error.English);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void TryParse_returns_the_number_only_when_valid()
    {
        Assert.True(ResidentIdentityNumber.TryParse("11010519491231002x", Today, out var number));
        Assert.Equal(StandardExample, number.Value);
        Assert.False(ResidentIdentityNumber.TryParse("110105194912310021", Today, out var none));
        Assert.Null(none);
    }

    [Fact]
    public void Numbers_are_equal_by_normalised_value()
    {
        var upper = Accepted(StandardExample);
        var lower = Accepted("11010519491231002x");
        Assert.Equal(upper, lower);
        Assert.Equal(upper.GetHashCode(), lower.GetHashCode());
        Assert.NotEqual(upper, Accepted(WithIdentityCheck("44060519900101123")));
    }
}
