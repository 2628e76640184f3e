namespace Nanhai.Domain.Identifiers;

/// <summary>Stable codes of <see cref="IdentifierMessage"/>s, for mapping to API field errors and for tests.</summary>
public static class IdentifierMessageCodes
{
    /// <summary>Resident identity number: nothing given.</summary>
    public const string IdentityNumberRequired = "identity-number.required";
    /// <summary>Resident identity number: a 15-digit first-generation number.</summary>
    public const string IdentityNumberFirstGeneration = "identity-number.first-generation";
    /// <summary>Resident identity number: not 18 characters.</summary>
    public const string IdentityNumberLength = "identity-number.length";
    /// <summary>Resident identity number: characters other than 17 digits followed by a digit or X.</summary>
    public const string IdentityNumberCharacters = "identity-number.characters";
    /// <summary>Resident identity number: the division code does not start with a province-level code.</summary>
    public const string IdentityNumberProvince = "identity-number.province";
    /// <summary>Resident identity number: the birth date does not exist.</summary>
    public const string IdentityNumberBirthDateInvalid = "identity-number.birth-date-invalid";
    /// <summary>Resident identity number: the birth date is after today.</summary>
    public const string IdentityNumberBirthDateInFuture = "identity-number.birth-date-future";
    /// <summary>Resident identity number: the birth date is before 1900.</summary>
    public const string IdentityNumberBirthDateTooEarly = "identity-number.birth-date-too-early";
    /// <summary>Resident identity number: the check character does not match.</summary>
    public const string IdentityNumberCheckCharacter = "identity-number.check-character";

    /// <summary>Unified social credit code: nothing given.</summary>
    public const string CreditCodeRequired = "credit-code.required";
    /// <summary>Unified social credit code: not 18 characters.</summary>
    public const string CreditCodeLength = "credit-code.length";
    /// <summary>Unified social credit code: contains one of the unused letters I, O, Z, S, V.</summary>
    public const string CreditCodeForbiddenLetters = "credit-code.forbidden-letters";
    /// <summary>Unified social credit code: contains characters that are neither digits nor letters.</summary>
    public const string CreditCodeCharacters = "credit-code.characters";
    /// <summary>Unified social credit code: characters 3–8 (the division code) are not all digits.</summary>
    public const string CreditCodeDivision = "credit-code.division";
    /// <summary>Unified social credit code: a well-formed resident identity number that fails the credit-code checksum (an error).</summary>
    public const string CreditCodeIsIdentityNumber = "credit-code.identity-number";
    /// <summary>Unified social credit code: passes the credit-code checksum but is also a well-formed resident identity number (a warning).</summary>
    public const string CreditCodeResemblesIdentityNumber = "credit-code.resembles-identity-number";
    /// <summary>Unified social credit code: the check character does not match (a warning).</summary>
    public const string CreditCodeCheckCharacter = "credit-code.check-character";
    /// <summary>Unified social credit code: the embedded organisation code's check character does not match (a warning).</summary>
    public const string CreditCodeOrganisationCodeCheck = "credit-code.organisation-code-check";

    /// <summary>Common entry point: the identifier fits the other applicant kind.</summary>
    public const string ApplicantKindMismatch = "applicant.kind-mismatch";
}
