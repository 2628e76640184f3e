using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace Nanhai.Domain.Identifiers;

/// <summary>
/// Unified social credit code (统一社会信用代码) of a legal person or other organisation, GB 32100-2015:
/// registration authority code (1) + organisation type code (1) + division code of the registering
/// authority (6 digits, GB/T 2260) + organisation code (9, GB 11714 body with its own check character)
/// + check character (1). Characters come from 0-9 and the capital letters except I, O, Z, S and V.
/// Obtain one through <see cref="Validate"/>.
/// </summary>
/// <remarks>
/// A checksum mismatch is a warning, not an error: some codes issued early on fail the check yet are
/// real and still in use (ARCHITECTURE §7), so the API accepts them and shows the warning.
/// </remarks>
public sealed class UnifiedSocialCreditCode : IApplicantIdentifier, IEquatable<UnifiedSocialCreditCode>
{
    /// <summary>Number of characters in a unified social credit code.</summary>
    public const int Length = 18;

    /// <summary>The 31 characters of GB 32100-2015 in value order (0–30); I, O, Z, S and V are left out, being easily mistaken for 1, 0, 2, 5 and U.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Nanhai district's division code (南海区); see domain/nanhai-reference.md.</summary>
    public const string NanhaiDistrictCode = "440605";

    const string ForbiddenLetters = "IOZSV";

    static readonly SearchValues<char> AlphabetCharacters = SearchValues.Create(Alphabet);

    // GB 32100-2015 §5: weight of position i (from 0) is 3^i mod 31.
    static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    // GB 11714-1997: weights of the organisation code body; check = 11 − sum mod 11, 10 → X, 11 → 0.
    static readonly int[] OrganisationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    UnifiedSocialCreditCode(string value) => Value = value;

    /// <inheritdoc/>
    public ApplicantKind Kind => ApplicantKind.Organisation;

    /// <summary>The normalised 18-character code.</summary>
    public string Value { get; }

    /// <summary>Registration authority code (登记管理部门代码), e.g. 9 for market regulation (formerly industry and commerce), 5 for civil affairs, 1 for institutional staffing.</summary>
    public char RegistrationAuthorityCode => Value[0];

    /// <summary>Organisation type code (机构类别代码) within the registration authority, e.g. 91 enterprise, 92 individual business.</summary>
    public char OrganisationTypeCode => Value[1];

    /// <summary>Division code of the registering authority (登记管理机关行政区划码).</summary>
    public string DivisionCode => Value.Substring(2, 6);

    /// <summary>The embedded organisation code (主体标识码, GB 11714), 9 characters including its own check character.</summary>
    public string OrganisationCode => Value.Substring(8, 9);

    /// <summary>The check character (校验码).</summary>
    public char CheckCharacter => Value[17];

    /// <summary>True when the registering authority is Nanhai district's (division code 440605).</summary>
    public bool IsRegisteredInNanhai => DivisionCode == NanhaiDistrictCode;

    /// <summary>
    /// Validates <paramref name="text"/> as a unified social credit code. Lower-case letters,
    /// full-width characters and surrounding spaces are normalised first. Wrong length, characters
    /// outside the alphabet (I, O, Z, S, V named specifically) and a non-numeric division code are
    /// errors; a mismatched check character, or a mismatched check character of the embedded
    /// organisation code, is a warning. A well-formed resident identity number (居民身份证号码) given
    /// instead is an error when it fails the credit-code checksum and a warning when it passes.
    /// </summary>
    public static IdentifierValidationResult<UnifiedSocialCreditCode> Validate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return IdentifierValidationResult<UnifiedSocialCreditCode>.Rejected([Messages.Required()]);

        var value = IdentifierText.Normalise(text);
        if (value.Length != Length)
            return IdentifierValidationResult<UnifiedSocialCreditCode>.Rejected([Messages.Length(value.Length)]);

        var errors = new List<IdentifierMessage>();
        var forbidden = value.Where(c => ForbiddenLetters.Contains(c)).Distinct().ToArray();
        if (forbidden.Length > 0)
            errors.Add(Messages.ForbiddenLetters(forbidden));
        if (value.Any(c => !Alphabet.Contains(c) && !ForbiddenLetters.Contains(c)))
            errors.Add(Messages.Characters());
        if (value.AsSpan(2, 6).ContainsAnyExcept(IdentifierText.Digits))
            errors.Add(Messages.Division());
        if (errors.Count > 0)
            return IdentifierValidationResult<UnifiedSocialCreditCode>.Rejected(errors);

        // A resident identity number is 18 characters of this alphabet with digits in 3–8, so it passes the
        // format checks; since a checksum mismatch only warns, tell the two apart here. A code that fails
        // its checksum but is a well-formed identity number is taken for one; one that passes both is
        // accepted with a warning (about 1 identity number in 31 passes the credit-code checksum).
        var looksLikeIdentityNumber = ResidentIdentityNumber.IsWellFormed(value);
        var checksumMatches = value[17] == ComputeCheckCharacter(value.AsSpan(0, 17));
        if (!checksumMatches && looksLikeIdentityNumber)
            return IdentifierValidationResult<UnifiedSocialCreditCode>.Rejected([Messages.IsIdentityNumber()]);

        var warnings = new List<IdentifierMessage>();
        if (!checksumMatches)
            warnings.Add(Messages.CheckCharacter());
        if (looksLikeIdentityNumber)
            warnings.Add(Messages.ResemblesIdentityNumber());
        if (value[16] != ComputeOrganisationCodeCheckCharacter(value.AsSpan(8, 8)))
            warnings.Add(Messages.OrganisationCodeCheck());
        return IdentifierValidationResult<UnifiedSocialCreditCode>.Accepted(new UnifiedSocialCreditCode(value), warnings);
    }

    /// <summary>
    /// True when <paramref name="normalised"/> (already normalised: upper case, no spaces) is a code <see cref="Validate"/>
    /// accepts without warnings. Allocates nothing, for bulk validation (ingestion checks millions of codes per dump);
    /// callers fall back to <see cref="Validate"/> for the reasons, the warnings and input that needs normalising.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<char> normalised) =>
        normalised.Length == Length && !normalised.ContainsAnyExcept(AlphabetCharacters)
        && !normalised.Slice(2, 6).ContainsAnyExcept(IdentifierText.Digits)
        && normalised[17] == ComputeCheckCharacter(normalised[..17])
        && normalised[16] == ComputeOrganisationCodeCheckCharacter(normalised.Slice(8, 8))
        && !ResidentIdentityNumber.IsWellFormed(normalised);

    /// <summary>Validates and returns the code when accepted (with or without warnings); see <see cref="Validate"/>.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out UnifiedSocialCreditCode? code)
    {
        code = Validate(text).Value;
        return code is not null;
    }

    /// <summary>The check character for the first 17 characters (GB 32100-2015 §5).</summary>
    static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
            sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>The GB 11714 check character for the 8-character organisation code body (digits 0–9, letters A–Z as 10–35).</summary>
    static char ComputeOrganisationCodeCheckCharacter(ReadOnlySpan<char> body)
    {
        var sum = 0;
        for (var i = 0; i < OrganisationCodeWeights.Length; i++)
            sum += (char.IsAsciiDigit(body[i]) ? body[i] - '0' : body[i] - 'A' + 10) * OrganisationCodeWeights[i];
        return (11 - sum % 11) switch
        {
            10 => 'X',
            11 => '0',
            var check => (char)('0' + check),
        };
    }

    /// <inheritdoc/>
    public bool Equals(UnifiedSocialCreditCode? other) => other is not null && Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as UnifiedSocialCreditCode);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The normalised code.</summary>
    public override string ToString() => Value;

    static class Messages
    {
        public static IdentifierMessage Required() => new(IdentifierMessageCodes.CreditCodeRequired,
            "请填写统一社会信用代码", "unified social credit code is required");

        public static IdentifierMessage Length(int length) => new(IdentifierMessageCodes.CreditCodeLength,
            $"统一社会信用代码应为18位，现为{length}位", $"must be 18 characters, got {length}");

        public static IdentifierMessage ForbiddenLetters(char[] letters) => new(IdentifierMessageCodes.CreditCodeForbiddenLetters,
            $"统一社会信用代码不使用字母I、O、Z、S、V，但其中含有{string.Join("、", letters)}（请检查是否应为数字1、0、2、5或字母U）",
            $"the letters I, O, Z, S and V are not used, found {string.Join(", ", letters)} (did you mean 1, 0, 2, 5 or U?)");

        public static IdentifierMessage Characters() => new(IdentifierMessageCodes.CreditCodeCharacters,
            "统一社会信用代码只能由数字和大写英文字母组成", "only digits and capital letters are allowed");

        public static IdentifierMessage Division() => new(IdentifierMessageCodes.CreditCodeDivision,
            "统一社会信用代码第3至8位（登记管理机关行政区划码）应为数字", "characters 3 to 8, the division code, must be digits");

        public static IdentifierMessage CheckCharacter() => new(IdentifierMessageCodes.CreditCodeCheckCharacter,
            "统一社会信用代码校验位不正确，部分早期赋予的代码存在此情况，已予接受，请核对代码",
            "check character does not match; accepted because some early codes fail the check, please verify the code");

        public static IdentifierMessage IsIdentityNumber() => new(IdentifierMessageCodes.CreditCodeIsIdentityNumber,
            "填写的是居民身份证号码，不是统一社会信用代码", "this is a resident identity number, not a unified social credit code");

        public static IdentifierMessage ResemblesIdentityNumber() => new(IdentifierMessageCodes.CreditCodeResemblesIdentityNumber,
            "该代码同时符合居民身份证号码的编码规则，请确认填写的是统一社会信用代码",
            "the code is also a well-formed resident identity number; make sure it is the unified social credit code");

        public static IdentifierMessage OrganisationCodeCheck() => new(IdentifierMessageCodes.CreditCodeOrganisationCodeCheck,
            "统一社会信用代码中组织机构代码（第9至17位）的校验位不正确，请核对代码",
            "the check character of the embedded organisation code (characters 9 to 17) does not match; please verify the code");
    }
}
