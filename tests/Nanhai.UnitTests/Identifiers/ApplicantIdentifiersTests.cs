using Nanhai.Domain.Identifiers;
using static Nanhai.UnitTests.Identifiers.ReferenceChecksums;

namespace Nanhai.UnitTests.Identifiers;

public sealed class ApplicantIdentifiersTests
{
    static readonly DateOnly Today = new(2026, 1, 15);
    const string IdentityNumber = "11010519491231002X";
    const string CreditCode = "91350100M000100Y43";

    [Fact]
    public void A_person_is_validated_by_resident_identity_number()
    {
        var result = ApplicantIdentifiers.Validate(ApplicantKind.Person, "11010519491231002x", Today);

        Assert.Equal(IdentifierValidationStatus.Valid, result.Status);
        var number = Assert.IsType<ResidentIdentityNumber>(result.Value);
        Assert.Equal(IdentityNumber, number.Value);
        Assert.Equal(ApplicantKind.Person, result.Value.Kind);
    }

    [Fact]
    public void An_organisation_is_validated_by_unified_social_credit_code()
    {
        var result = ApplicantIdentifiers.Validate(ApplicantKind.Organisation, CreditCode, Today);

        Assert.Equal(IdentifierValidationStatus.Valid, result.Status);
        Assert.Equal(CreditCode, Assert.IsType<UnifiedSocialCreditCode>(result.Value).Value);
        Assert.Equal(ApplicantKind.Organisation, result.Value.Kind);
    }

    [Fact]
    public void An_organisation_whose_code_fails_the_checksum_is_accepted_with_the_warning()
    {
        var result = ApplicantIdentifiers.Validate(ApplicantKind.Organisation, "91350100M000100Y44", Today);

        Assert.Equal(IdentifierValidationStatus.ValidWithWarnings, result.Status);
        Assert.True(result.IsAccepted);
        Assert.Equal([IdentifierMessageCodes.CreditCodeCheckCharacter], result.Warnings.Select(w => w.Code));
    }

    [Fact]
    public void A_person_giving_a_credit_code_is_told_to_check_the_applicant_kind()
    {
        var result = ApplicantIdentifiers.Validate(ApplicantKind.Person, CreditCode, Today);

        Assert.Equal(IdentifierValidationStatus.Invalid, result.Status);
        Assert.Equal([IdentifierMessageCodes.IdentityNumberCharacters, IdentifierMessageCodes.ApplicantKindMismatch], result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void An_organisation_giving_an_identity_number_is_rejected_and_told_to_check_the_applicant_kind()
    {
        // Digits and X all belong to the credit-code alphabet, so only the identity-number check tells them apart.
        var number = FirstIdentityNumber(passesCreditCodeCheck: false);

        var result = ApplicantIdentifiers.Validate(ApplicantKind.Organisation, number, Today);

        Assert.Equal(IdentifierValidationStatus.Invalid, result.Status);
        Assert.Equal([IdentifierMessageCodes.CreditCodeIsIdentityNumber, IdentifierMessageCodes.ApplicantKindMismatch], result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void An_identity_number_that_happens_to_pass_the_credit_code_check_is_accepted_for_an_organisation_only_with_a_warning()
    {
        var number = FirstIdentityNumber(passesCreditCodeCheck: true);

        var result = ApplicantIdentifiers.Validate(ApplicantKind.Organisation, number, Today);

        Assert.Equal(IdentifierValidationStatus.ValidWithWarnings, result.Status);
        Assert.Contains(result.Warnings, w => w.Code == IdentifierMessageCodes.CreditCodeResemblesIdentityNumber);
    }

    [Fact]
    public void A_person_giving_a_credit_code_that_fails_its_checksum_gets_no_kind_hint()
    {
        // Such a code is accepted only as an organisation's (with a warning); as a person's it is just invalid.
        var result = ApplicantIdentifiers.Validate(ApplicantKind.Person, "91350100M000100Y44", Today);
        Assert.Equal([IdentifierMessageCodes.IdentityNumberCharacters], result.Errors.Select(e => e.Code));
    }

    static string FirstIdentityNumber(bool passesCreditCodeCheck)
    {
        for (var sequence = 100; sequence < 1000; sequence++)
        {
            var number = WithIdentityCheck($"44060519900101{sequence}");
            if ((WithCreditCodeCheck(number[..17]) == number) == passesCreditCodeCheck)
                return number;
        }
        throw new InvalidOperationException("no such number");
    }

    [Fact]
    public void An_invalid_identifier_for_either_kind_gets_no_kind_hint()
    {
        var result = ApplicantIdentifiers.Validate(ApplicantKind.Person, "12345", Today);
        Assert.Equal([IdentifierMessageCodes.IdentityNumberLength], result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void An_unknown_applicant_kind_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ApplicantIdentifiers.Validate((ApplicantKind)7, IdentityNumber, Today));
}
