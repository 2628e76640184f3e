using Nanhai.Domain.Identifiers;
using static Nanhai.UnitTests.Identifiers.ReferenceChecksums;
using static Nanhai.UnitTests.Ingestion.Validation.ResidentTable;

namespace Nanhai.UnitTests.Ingestion.Validation;

/// <summary>The allocation-free checks ingestion relies on agree with the identifiers' full validation.</summary>
public sealed class IdentifierFastPathTests
{
    public static TheoryData<string> IdentityNumbers() =>
    [
        IdNumber,
        "11010519491231002X",
        WithIdentityCheck("44068219851231004"),
        IdNumber[..17] + "1",
        WithIdentityCheck("44060520261130111"),
        WithIdentityCheck("44060519900230111"),
        WithIdentityCheck("99060519900101111"),
        WithIdentityCheck("44060518991231111"),
        "4406051990010111",
        "44060519900101111A",
    ];

    [Theory]
    [MemberData(nameof(IdentityNumbers))]
    public void Identity_numbers_are_well_formed_exactly_when_validation_finds_them_valid(string number) =>
        Assert.Equal(ResidentIdentityNumber.Validate(number, Today).Status == IdentifierValidationStatus.Valid,
            ResidentIdentityNumber.IsWellFormed(number, Today));

    [Fact]
    public void Without_today_a_future_birth_date_is_still_well_formed()
    {
        var unborn = WithIdentityCheck("44060520301130111");
        Assert.False(ResidentIdentityNumber.IsWellFormed(unborn, Today));
        Assert.True(ResidentIdentityNumber.IsWellFormed(unborn));
    }

    [Fact]
    public void Input_needing_normalisation_is_left_to_full_validation() =>
        Assert.False(ResidentIdentityNumber.IsWellFormed(IdNumber.ToLowerInvariant(), Today));

    public static TheoryData<string> CreditCodes()
    {
        var valid = CreditCode("91", "440605", "MA4UJ8F0");
        return
        [
            valid,
            "91350100M000100Y43",
            valid[..17] + (valid[17] == '0' ? '1' : '0'),
            WithCreditCodeCheck(valid[..16] + (valid[16] == '0' ? '1' : '0')),
            WithCreditCodeCheck(IdNumber[..17]),
            "91440605MA4UJ8FOXX",
            "91440605MA4UJ8F0",
        ];
    }

    [Theory]
    [MemberData(nameof(CreditCodes))]
    public void Credit_codes_are_valid_exactly_when_validation_finds_them_valid_without_warnings(string code) =>
        Assert.Equal(UnifiedSocialCreditCode.Validate(code).Status == IdentifierValidationStatus.Valid, UnifiedSocialCreditCode.IsValid(code));
}
