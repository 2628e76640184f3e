using System.Diagnostics.CodeAnalysis;

namespace Nanhai.Domain.ELicences;

/// <summary>
/// A type of electronic licence (电子证照类型) in the provincial e-licence library that can stand in for a material (免证办).
/// The set is closed: a material may only name one of <see cref="All"/>, by its stable English <see cref="Code"/>; the
/// Chinese <see cref="Name"/> is the licence's official title. Source: the typical e-licences in
/// <c>shared/domain/nanhai-reference.md</c>.
/// </summary>
public sealed record ELicenceType(string Code, string Name)
{
    /// <summary>居民身份证.</summary>
    public static readonly ELicenceType ResidentIdCard = new("resident-id-card", "居民身份证");
    /// <summary>居民户口簿.</summary>
    public static readonly ELicenceType HouseholdRegister = new("household-register", "居民户口簿");
    /// <summary>营业执照.</summary>
    public static readonly ELicenceType BusinessLicence = new("business-licence", "营业执照");
    /// <summary>不动产权证书.</summary>
    public static readonly ELicenceType RealEstateCertificate = new("real-estate-certificate", "不动产权证书");
    /// <summary>结婚证.</summary>
    public static readonly ELicenceType MarriageCertificate = new("marriage-certificate", "结婚证");
    /// <summary>出生医学证明.</summary>
    public static readonly ELicenceType BirthMedicalCertificate = new("birth-medical-certificate", "出生医学证明");
    /// <summary>社会保障卡.</summary>
    public static readonly ELicenceType SocialSecurityCard = new("social-security-card", "社会保障卡");
    /// <summary>机动车驾驶证.</summary>
    public static readonly ELicenceType DrivingLicence = new("driving-licence", "机动车驾驶证");
    /// <summary>机动车行驶证.</summary>
    public static readonly ELicenceType VehicleLicence = new("vehicle-licence", "机动车行驶证");
    /// <summary>残疾人证.</summary>
    public static readonly ELicenceType DisabilityCertificate = new("disability-certificate", "残疾人证");
    /// <summary>食品经营许可证.</summary>
    public static readonly ELicenceType FoodBusinessLicence = new("food-business-licence", "食品经营许可证");
    /// <summary>居住证.</summary>
    public static readonly ELicenceType ResidencePermit = new("residence-permit", "居住证");

    /// <summary>Every known type, in the reference's order.</summary>
    public static IReadOnlyList<ELicenceType> All { get; } = Array.AsReadOnly(
    [
        ResidentIdCard, HouseholdRegister, BusinessLicence, RealEstateCertificate, MarriageCertificate,
        BirthMedicalCertificate, SocialSecurityCard, DrivingLicence, VehicleLicence, DisabilityCertificate,
        FoodBusinessLicence, ResidencePermit,
    ]);

    static readonly Dictionary<string, ELicenceType> byCode = All.ToDictionary(t => t.Code, StringComparer.Ordinal);

    /// <summary>Finds a type by its code (exact, case-sensitive: codes are identifiers, not user text).</summary>
    public static bool TryFind(string? code, [NotNullWhen(true)] out ELicenceType? type)
    {
        type = null;
        return code is not null && byCode.TryGetValue(code, out type);
    }
}
