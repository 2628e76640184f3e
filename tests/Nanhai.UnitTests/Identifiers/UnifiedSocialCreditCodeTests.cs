using Nanhai.Domain.Identifiers;
using static Nanhai.UnitTests.Identifiers.ReferenceChecksums;

namespace Nanhai.UnitTests.Identifiers;

public sealed class UnifiedSocialCreditCodeTests
{
    // The example code of GB 32100-2015.
    const string StandardExample = "91350100M000100Y43";

    static UnifiedSocialCreditCode Valid(string text)
    {
        var result = UnifiedSocialCreditCode.Validate(text);
        Assert.True(result.IsAccepted, string.Join("; ", result.Errors));
        Assert.Equal(IdentifierValidationStatus.Valid, result.Status);
        Assert.Empty(result.Warnings);
        Assert.Empty(result.Errors);
        return result.Value;
    }

    static IReadOnlyList<string> ErrorCodes(string? text)
    {
        var result = UnifiedSocialCreditCode.Validate(text);
        Assert.Equal(IdentifierValidationStatus.Invalid, result.Status);
        Assert.Null(result.Value);
        Assert.Empty(result.Warnings);
        return result.Errors.Select(e => e.Code).ToList();
    }

    static string WithWrongCheck(string valid) =>
        valid[..17] + CreditCodeAlphabet[(CreditCodeAlphabet.IndexOf(valid[17]) + 1) % 31];

    static readonly string[] ValidCodeList =
    [
        StandardExample,
        CreditCode("91", "440605", "MA4UJ8F0"),
        CreditCode("92", "440605", "L12345AB"),
        CreditCode("12", "440605", "45560012"),
        CreditCode("52", "440600", "MJL00021"),
        CreditCode("Y1", "100000", "00000000"),
        CreditCode("N2", "440605", "WXY99999"),
    ];

    public static TheoryData<string> ValidCodes() => [.. ValidCodeList];

    [Fact]
    public void The_standards_example_is_valid_and_parsed()
    {
        Assert.Equal(StandardExample, WithCreditCodeCheck(StandardExample[..17]));
        var code = Valid(StandardExample);

        Assert.Equal(StandardExample, code.Value);
        Assert.Equal('9', code.RegistrationAuthorityCode);
        Assert.Equal('1', code.OrganisationTypeCode);
        Assert.Equal("350100", code.DivisionCode);
        Assert.Equal("M000100Y4", code.OrganisationCode);
        Assert.Equal('3', code.CheckCharacter);
        Assert.Equal(ApplicantKind.Organisation, code.Kind);
        Assert.False(code.IsRegisteredInNanhai);
    }

    [Theory]
    [MemberData(nameof(ValidCodes))]
    public void Codes_built_with_the_reference_rule_are_valid(string text)
    {
        var code = Valid(text);
        Assert.Equal(text, code.Value);
        Assert.Equal(text, code.ToString());
    }

    [Theory]
    [InlineData("440605", true)]
    [InlineData("440600", false)]
    [InlineData("440604", false)]
    [InlineData("440682", false)]
    public void Nanhai_registrations_are_recognised_by_the_division_code(string division, bool nanhai) =>
        Assert.Equal(nanhai, Valid(CreditCode("91", division, "MA4UJ8F0")).IsRegisteredInNanhai);

    [Fact]
    public void A_wrong_check_character_is_a_warning_not_an_error()
    {
        var wrong = WithWrongCheck(StandardExample);
        var result = UnifiedSocialCreditCode.Validate(wrong);

        Assert.Equal(IdentifierValidationStatus.ValidWithWarnings, result.Status);
        Assert.True(result.IsAccepted);
        Assert.Equal(wrong, result.Value.Value);
        Assert.Empty(result.Errors);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(IdentifierMessageCodes.CreditCodeCheckCharacter, warning.Code);
        Assert.StartsWith("统一社会信用代码校验位不正确", warning.Chinese);
        Assert.Contains("(check character does not match", warning.Text);
    }

    [Fact]
    public void A_wrong_embedded_organisation_code_check_is_a_warning_too()
    {
        // Organisation code check character off by one, outer check character recomputed so only the inner check fails.
        var inner = WithOrganisationCodeCheck("MA4UJ8F0");
        var wrongInner = inner[..8] + (inner[8] == '1' ? '2' : '1');
        var code = WithCreditCodeCheck("91440605" + wrongInner);

        var result = UnifiedSocialCreditCode.Validate(code);

        Assert.Equal(IdentifierValidationStatus.ValidWithWarnings, result.Status);
        Assert.Equal([IdentifierMessageCodes.CreditCodeOrganisationCodeCheck], result.Warnings.Select(w => w.Code));
    }

    [Fact]
    public void Both_checks_failing_give_two_warnings()
    {
        var result = UnifiedSocialCreditCode.Validate("91350100M000100Y5" + "0");
        Assert.Equal(IdentifierValidationStatus.ValidWithWarnings, result.Status);
        Assert.Equal(
            [IdentifierMessageCodes.CreditCodeCheckCharacter, IdentifierMessageCodes.CreditCodeOrganisationCodeCheck],
            result.Warnings.Select(w => w.Code));
    }

    [Fact]
    public void No_single_character_substitution_passes_as_fully_valid()
    {
        // Every weight 3^i mod 31 is non-zero and values are below 31, so any one changed character breaks the checksum:
        // the result is a warning at best (accepted per ARCHITECTURE §7), never a clean pass.
        foreach (var valid in ValidCodeList)
        {
            for (var position = 0; position < 18; position++)
            {
                foreach (var replacement in CreditCodeAlphabet)
                {
                    if (replacement == valid[position])
                        continue;
                    var mutant = valid[..position] + replacement + valid[(position + 1)..];
                    var result = UnifiedSocialCreditCode.Validate(mutant);
                    Assert.NotEqual(IdentifierValidationStatus.Valid, result.Status);
                    if (result.IsAccepted)
                        Assert.Contains(result.Warnings, w => w.Code == IdentifierMessageCodes.CreditCodeCheckCharacter);
                    else
                        Assert.Equal([IdentifierMessageCodes.CreditCodeDivision], result.Errors.Select(e => e.Code));
                }
            }
        }
    }

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('Z')]
    [InlineData('S')]
    [InlineData('V')]
    public void Each_unused_letter_makes_the_code_invalid(char letter)
    {
        foreach (var position in new[] { 0, 1, 8, 12, 16, 17 })
        {
            var text = StandardExample[..position] + letter + StandardExample[(position + 1)..];
            var error = Assert.Single(UnifiedSocialCreditCode.Validate(text).Errors);
            Assert.Equal(IdentifierMessageCodes.CreditCodeForbiddenLetters, error.Code);
            Assert.Contains(letter.ToString(), error.English);
        }
    }

    [Fact]
    public void Unused_letters_are_named_once_each()
    {
        var error = Assert.Single(UnifiedSocialCreditCode.Validate("91350100MOOO1OOY43").Errors);
        Assert.Equal(IdentifierMessageCodes.CreditCodeForbiddenLetters, error.Code);
        Assert.Contains("其中含有O（", error.Chinese);
    }

    [Fact]
    public void A_lower_case_unused_letter_is_still_an_unused_letter() =>
        Assert.Equal([IdentifierMessageCodes.CreditCodeForbiddenLetters], ErrorCodes("91350100m000100y4o"));

    [Theory]
    [InlineData("91350100m000100y43")]
    [InlineData("  91350100M000100Y43\t")]
    [InlineData("９１３５０１００Ｍ０００１００Ｙ４３")]
    [InlineData("９１３５０１００ｍ０００１００ｙ４３")]
    public void Lower_case_full_width_and_surrounding_spaces_are_normalised(string text) =>
        Assert.Equal(StandardExample, Valid(text).Value);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void A_missing_code_is_required(string? text) =>
        Assert.Equal([IdentifierMessageCodes.CreditCodeRequired], ErrorCodes(text));

    [Theory]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100Y430")]
    [InlineData("M000100Y4")]
    [InlineData("913501 00M000100Y43")]
    public void A_code_of_the_wrong_length_is_invalid(string text) =>
        Assert.Equal([IdentifierMessageCodes.CreditCodeLength], ErrorCodes(text));

    [Theory]
    [InlineData("91350100M000100Y4-")]
    [InlineData("91350100M000-00Y43")]
    [InlineData("91350100M000100Y4中")]
    [InlineData("91350100M000100Y4É")]
    public void Characters_outside_the_alphabet_are_invalid(string text) =>
        Assert.Equal([IdentifierMessageCodes.CreditCodeCharacters], ErrorCodes(text));

    [Theory]
    [InlineData("913501A0M000100Y43")]
    [InlineData("91M50100M000100Y43")]
    public void A_division_code_that_is_not_six_digits_is_invalid(string text) =>
        Assert.Equal([IdentifierMessageCodes.CreditCodeDivision], ErrorCodes(text));

    [Fact]
    public void Format_errors_are_reported_together() =>
        Assert.Equal(
            [IdentifierMessageCodes.CreditCodeForbiddenLetters, IdentifierMessageCodes.CreditCodeCharacters, IdentifierMessageCodes.CreditCodeDivision],
            ErrorCodes("91O501-0M000100Y43"));

    [Fact]
    public void TryParse_accepts_codes_with_warnings_but_not_invalid_ones()
    {
        Assert.True(UnifiedSocialCreditCode.TryParse(WithWrongCheck(StandardExample), out var accepted));
        Assert.NotNull(accepted);
        Assert.False(UnifiedSocialCreditCode.TryParse("91350100M0001O0Y43", out var none));
        Assert.Null(none);
    }

    [Fact]
    public void Codes_are_equal_by_normalised_value() =>
        Assert.Equal(Valid(StandardExample), Valid("91350100m000100y43"));
}
