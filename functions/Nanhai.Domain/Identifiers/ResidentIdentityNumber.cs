namespace Nanhai.Domain.Identifiers;

/// <summary>
/// Resident identity number (居民身份证号码), the citizen identification number of GB 11643-1999:
/// 6-digit address code (administrative division, GB/T 2260) + 8-digit birth date YYYYMMDD + 3-digit
/// sequence code (odd for men, even for women) + check character (ISO 7064 MOD 11-2).
/// Obtain one through <see cref="Validate"/>; the value is always normalised (upper-case X).
/// </summary>
public sealed class ResidentIdentityNumber : IApplicantIdentifier, IEquatable<ResidentIdentityNumber>
{
    /// <summary>Number of characters in a resident identity number.</summary>
    public const int Length = 18;

    /// <summary>Nanhai district's division code (南海区, since 2002); see domain/nanhai-reference.md.</summary>
    public const string NanhaiDistrictCode = "440605";

    /// <summary>Division code of Nanhai as a county-level city (南海市, 1992–2002); numbers issued then keep it for life.</summary>
    public const string NanhaiCountyLevelCityCode = "440682";

    /// <summary>Births before 1900 are rejected: no living applicant has one, so such a date is a typing error.</summary>
    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    // GB 11643-1999 §8.2: Wi = 2^(i−1) mod 11, i counted from the right (check character i = 1).
    static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const string CheckCharacters = "10X98765432";

    // Province-level codes of GB/T 2260 (11–65, 71 Taiwan, 81 Hong Kong, 82 Macao) plus 83, the address
    // code of residence permits for Taiwan residents (台湾居民居住证), which use this number format.
    static readonly HashSet<int> ProvinceCodes =
    [
        11, 12, 13, 14, 15,
        21, 22, 23,
        31, 32, 33, 34, 35, 36, 37,
        41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54,
        61, 62, 63, 64, 65,
        71, 81, 82, 83,
    ];

    ResidentIdentityNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    /// <inheritdoc/>
    public ApplicantKind Kind => ApplicantKind.Person;

    /// <summary>The normalised 18-character number.</summary>
    public string Value { get; }

    /// <summary>The 6-digit address code (行政区划代码) of the place of household registration at issue.</summary>
    public string DivisionCode => Value[..6];

    /// <summary>The first two digits of <see cref="DivisionCode"/>: the province-level unit, e.g. "44" for Guangdong.</summary>
    public string ProvinceCode => Value[..2];

    /// <summary>Date of birth (出生日期).</summary>
    public DateOnly BirthDate { get; }

    /// <summary>The 3-digit sequence code (顺序码) distinguishing people with the same division code and birth date.</summary>
    public string SequenceCode => Value[14..17];

    /// <summary>Sex from the parity of the sequence code.</summary>
    public Sex Sex => (Value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;

    /// <summary>The check character (校验码), a digit or X.</summary>
    public char CheckCharacter => Value[17];

    /// <summary>
    /// True when the number was issued in Nanhai: the division code is Nanhai district's (440605) or
    /// that of Nanhai county-level city (440682), which older numbers keep.
    /// </summary>
    public bool IsIssuedInNanhai => DivisionCode is NanhaiDistrictCode or NanhaiCountyLevelCityCode;

    /// <summary>
    /// The number with the birth date and sequence code hidden (e.g. 440605********123X), for lists
    /// and logs: an identity number is sensitive personal information under the Personal Information
    /// Protection Law (个人信息保护法).
    /// </summary>
    public string Masked => ApplicantIdentifiers.Mask(Value);

    /// <summary>
    /// Validates <paramref name="text"/> as a resident identity number. Lower-case x, full-width
    /// characters and surrounding spaces are normalised first. Checks length and characters, the
    /// province-level code, that the birth date exists and lies between 1900-01-01 and
    /// <paramref name="today"/>, and the check character; all failures are errors (the checksum
    /// catches every single wrong digit, and genuine numbers pass it).
    /// </summary>
    /// <param name="text">What the applicant typed.</param>
    /// <param name="today">Today's date in China Standard Time, from the caller's clock (the domain has none).</param>
    public static IdentifierValidationResult<ResidentIdentityNumber> Validate(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text))
            return IdentifierValidationResult<ResidentIdentityNumber>.Rejected([Messages.Required()]);

        var value = IdentifierText.Normalise(text);
        if (value.Length != Length)
        {
            // First-generation numbers (15 digits, two-digit year, no check character) lost validity on 2013-01-01.
            var error = value.Length == 15 && value.All(char.IsAsciiDigit) ? Messages.FirstGeneration() : Messages.Length(value.Length);
            return IdentifierValidationResult<ResidentIdentityNumber>.Rejected([error]);
        }
        if (!HasValidCharacters(value))
            return IdentifierValidationResult<ResidentIdentityNumber>.Rejected([Messages.Characters()]);

        var errors = Check(value, today, out var birthDate);
        return errors.Count > 0
            ? IdentifierValidationResult<ResidentIdentityNumber>.Rejected(errors)
            : IdentifierValidationResult<ResidentIdentityNumber>.Accepted(new ResidentIdentityNumber(value, birthDate), []);
    }

    /// <summary>
    /// True when <paramref name="normalised"/> (already normalised: ASCII digits, upper-case X, no spaces) passes every
    /// check of <see cref="Validate"/>, the birth date against <paramref name="today"/> only when given. Allocates
    /// nothing, for bulk validation (ingestion checks millions of numbers per dump); callers fall back to
    /// <see cref="Validate"/> for the reasons and for input that needs normalising. Without <paramref name="today"/> it
    /// also tells a unified social credit code that fails its checksum from an identity number given instead.
    /// </summary>
    public static bool IsWellFormed(ReadOnlySpan<char> normalised, DateOnly? today = null) =>
        normalised.Length == Length && HasValidCharacters(normalised)
        && ProvinceCodes.Contains(ProvinceOf(normalised))
        && TryReadBirthDate(normalised, out var birthDate) && !(birthDate > today) && birthDate >= EarliestBirthDate
        && normalised[17] == ComputeCheckCharacter(normalised);

    static bool HasValidCharacters(ReadOnlySpan<char> value) =>
        !value[..17].ContainsAnyExcept(IdentifierText.Digits) && (char.IsAsciiDigit(value[17]) || value[17] == 'X');

    static int ProvinceOf(ReadOnlySpan<char> value) => (value[0] - '0') * 10 + value[1] - '0';

    /// <summary>Reads characters 7–14 as yyyyMMdd; false when that date does not exist (as DateOnly.TryParseExact would).</summary>
    static bool TryReadBirthDate(ReadOnlySpan<char> value, out DateOnly birthDate)
    {
        var year = Digits(value.Slice(6, 4));
        var month = Digits(value.Slice(10, 2));
        var day = Digits(value.Slice(12, 2));
        var exists = year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
        birthDate = exists ? new DateOnly(year, month, day) : default;
        return exists;
    }

    static int Digits(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
            value = value * 10 + c - '0';
        return value;
    }

    /// <summary>Province code, birth date (real, from 1900 to <paramref name="today"/>) and check character of a number of the right length and characters.</summary>
    static List<IdentifierMessage> Check(string value, DateOnly today, out DateOnly birthDate)
    {
        var errors = new List<IdentifierMessage>();
        if (!ProvinceCodes.Contains(ProvinceOf(value)))
            errors.Add(Messages.Province(value[..2]));

        if (!TryReadBirthDate(value, out birthDate))
            errors.Add(Messages.BirthDateInvalid(value.Substring(6, 8)));
        else if (birthDate > today)
            errors.Add(Messages.BirthDateInFuture(birthDate));
        else if (birthDate < EarliestBirthDate)
            errors.Add(Messages.BirthDateTooEarly(birthDate));

        if (value[17] != ComputeCheckCharacter(value))
            errors.Add(Messages.CheckCharacter());
        return errors;
    }

    /// <summary>Validates and returns the number when accepted; see <see cref="Validate"/>.</summary>
    public static bool TryParse(string? text, DateOnly today, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ResidentIdentityNumber? number)
    {
        number = Validate(text, today).Value;
        return number is not null;
    }

    /// <summary>
    /// The check character for the first 17 digits of <paramref name="number"/> (GB 11643-1999 §8.2); also what generators
    /// of valid numbers (demo data, test corpora) use.
    /// </summary>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> number)
    {
        var first17 = number[..17];
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
            sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <inheritdoc/>
    public bool Equals(ResidentIdentityNumber? other) => other is not null && Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ResidentIdentityNumber);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The full normalised number. Use <see cref="Masked"/> where it need not be shown in full.</summary>
    public override string ToString() => Value;

    static class Messages
    {
        // Dates are formatted with the Gregorian calendar whatever the host's culture.
        static string Invariant(FormattableString text) => FormattableString.Invariant(text);

        public static IdentifierMessage Required() => new(IdentifierMessageCodes.IdentityNumberRequired,
            "请填写身份证号码", "identity number is required");

        public static IdentifierMessage FirstGeneration() => new(IdentifierMessageCodes.IdentityNumberFirstGeneration,
            "15位的第一代身份证号码已停止使用，请填写18位身份证号码", "15-digit first-generation numbers are no longer valid; give the 18-character number");

        public static IdentifierMessage Length(int length) => new(IdentifierMessageCodes.IdentityNumberLength,
            $"身份证号码应为18位，现为{length}位", $"must be 18 characters, got {length}");

        public static IdentifierMessage Characters() => new(IdentifierMessageCodes.IdentityNumberCharacters,
            "身份证号码前17位应为数字，最后一位应为数字或X", "the first 17 characters must be digits and the last a digit or X");

        public static IdentifierMessage Province(string code) => new(IdentifierMessageCodes.IdentityNumberProvince,
            $"身份证号码前两位“{code}”不是有效的省级行政区划代码", $"\"{code}\" is not a province-level division code");

        public static IdentifierMessage BirthDateInvalid(string text) => new(IdentifierMessageCodes.IdentityNumberBirthDateInvalid,
            $"身份证号码中的出生日期“{text}”不存在", $"birth date {text} is not a real date");

        public static IdentifierMessage BirthDateInFuture(DateOnly date) => new(IdentifierMessageCodes.IdentityNumberBirthDateInFuture,
            Invariant($"身份证号码中的出生日期{date:yyyy年M月d日}晚于今天"), Invariant($"birth date {date:yyyy-MM-dd} is in the future"));

        public static IdentifierMessage BirthDateTooEarly(DateOnly date) => new(IdentifierMessageCodes.IdentityNumberBirthDateTooEarly,
            Invariant($"身份证号码中的出生日期{date:yyyy年M月d日}早于1900年"), Invariant($"birth date {date:yyyy-MM-dd} is before 1900"));

        public static IdentifierMessage CheckCharacter() => new(IdentifierMessageCodes.IdentityNumberCheckCharacter,
            "身份证号码校验位不正确，请核对号码", "check character does not match");
    }
}
