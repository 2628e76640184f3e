namespace Nanhai.Domain.ELicences;

/// <summary>
/// An electronic licence or certificate (电子证照) held by an applicant in the provincial e-licence library (省电子证照库):
/// an identity card, a business licence, a property certificate… <paramref name="Type"/> is an <see cref="ELicenceType"/>
/// code; a matter's material that is replaceable by a licence of that type need not be uploaded (免证办).
/// </summary>
public sealed record ELicence(
    string Number, string Type, string HolderId, string HolderName, string Issuer,
    DateOnly IssuedOn, DateOnly? ValidUntil, ELicenceTrustLevel TrustLevel)
{
    /// <summary>Whether the licence is in force on <paramref name="day"/> (no expiry means indefinitely).</summary>
    public bool IsValidOn(DateOnly day) => IssuedOn <= day && (ValidUntil is null || day <= ValidUntil);
}

/// <summary>
/// How far a licence can be trusted (电子证照可信等级), per 国办函〔2016〕108号: A is usable directly; B has been verified
/// once against the issuer; C was uploaded and must be checked against the original; D is self-declared.
/// </summary>
public enum ELicenceTrustLevel
{
    /// <summary>直接使用 — issued by the competent body into the library; usable directly.</summary>
    A,
    /// <summary>核验一次 — verified once; usable after that verification.</summary>
    B,
    /// <summary>比对原件 — uploaded; staff compare it with the original.</summary>
    C,
    /// <summary>申请人承诺 — self-declared by the applicant.</summary>
    D,
}

public static class ELicenceTrust
{
    /// <summary>
    /// Whether a licence replaces the material without staff checking the original: levels A and B. C and D still
    /// need the original at acceptance, so the material is not waived.
    /// </summary>
    public static bool ReplacesMaterialWithoutOriginal(this ELicenceTrustLevel level) => level is ELicenceTrustLevel.A or ELicenceTrustLevel.B;
}
