namespace Nanhai.Domain.Identifiers;

/// <summary>Validates the identifier an applicant gives, by the kind of applicant.</summary>
public static class ApplicantIdentifiers
{
    /// <summary>
    /// Validates <paramref name="text"/> as a resident identity number (居民身份证号码, GB 11643-1999)
    /// for a person, or as a unified social credit code (统一社会信用代码, GB 32100-2015) for an
    /// enterprise or other organisation. When it fails but fits the other kind exactly, an extra error
    /// says so: applicants in the mini-program easily pick the wrong kind.
    /// </summary>
    /// <param name="kind">Who applies.</param>
    /// <param name="text">What the applicant typed.</param>
    /// <param name="today">Today's date in China Standard Time, for the birth-date check.</param>
    public static IdentifierValidationResult<IApplicantIdentifier> Validate(ApplicantKind kind, string? text, DateOnly today)
    {
        var result = kind switch
        {
            ApplicantKind.Person => ResidentIdentityNumber.Validate(text, today).Generalise(),
            ApplicantKind.Organisation => UnifiedSocialCreditCode.Validate(text).Generalise(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown applicant kind."),
        };
        if (result.IsAccepted)
            return result;

        var fitsOther = kind == ApplicantKind.Person
            ? UnifiedSocialCreditCode.Validate(text).Status == IdentifierValidationStatus.Valid
            : ResidentIdentityNumber.Validate(text, today).Status == IdentifierValidationStatus.Valid;
        return fitsOther
            ? IdentifierValidationResult<IApplicantIdentifier>.Rejected([.. result.Errors, KindMismatch(kind)])
            : result;
    }

    /// <summary>Characters left visible at the start of a masked identifier: the division code of an identity number.</summary>
    public const int MaskKeepStart = 6;

    /// <summary>Characters left visible at the end of a masked identifier.</summary>
    public const int MaskKeepEnd = 4;

    /// <summary>
    /// An applicant identifier with the middle hidden, for staff screens, lists and logs: the first six and the last four
    /// characters stay (440605********123X; the same for a credit code), since an identity number is sensitive personal information
    /// under the Personal Information Protection Law (个人信息保护法). Anything too short to keep both ends is hidden whole.
    /// </summary>
    public static string Mask(string? identifier)
    {
        if (string.IsNullOrEmpty(identifier))
            return "";
        return identifier.Length <= MaskKeepStart + MaskKeepEnd
            ? new string('*', identifier.Length)
            : string.Concat(identifier.AsSpan(0, MaskKeepStart), new string('*', identifier.Length - MaskKeepStart - MaskKeepEnd),
                identifier.AsSpan(identifier.Length - MaskKeepEnd));
    }

    static IdentifierMessage KindMismatch(ApplicantKind kind) => kind == ApplicantKind.Person
        ? new(IdentifierMessageCodes.ApplicantKindMismatch,
            "填写的像是统一社会信用代码；如由企业或其他组织申请，请将申请人类型选为企业或其他组织",
            "this looks like a unified social credit code; if an enterprise or other organisation is applying, choose that applicant kind")
        : new(IdentifierMessageCodes.ApplicantKindMismatch,
            "填写的像是居民身份证号码；如由个人申请，请将申请人类型选为个人",
            "this looks like a resident identity number; if a person is applying, choose person as the applicant kind");
}
