using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nanhai.Domain.ServiceMatters;

/// <summary>
/// Everything a designer edits about a matter (事项要素): the content of a draft and of each published version. The
/// matter's code is not here because it never changes; see <see cref="Matter"/>.
/// </summary>
/// <remarks>
/// Immutable, with defaults that let a designer save a half-finished draft; <see cref="MatterValidator"/> says what is
/// missing. Limits are in working days (工作日) on the Chinese calendar. The attributes the catalogue filters and counts
/// by (<see cref="IsZeroVisit"/> …) are derived here and left out of the JSON, never stored beside the data they come from.
/// </remarks>
public sealed record MatterDefinition
{
    /// <summary>A form with no fields: what a new draft starts with.</summary>
    public static JsonElement EmptyFormSchema { get; } =
        JsonDocument.Parse("""{"type":"object","properties":{},"required":[]}""").RootElement.Clone();

    /// <summary>事项名称.</summary>
    public string Name { get; init; } = "";
    /// <summary>实施主体 — the district body that owns the matter, by its full name.</summary>
    public string Department { get; init; } = "";
    /// <summary>办理层级.</summary>
    public HandlingLevel Level { get; init; }
    /// <summary>受理地点 — codes of <see cref="ServiceCentres"/>; every town centre for a district matter (多点办).</summary>
    public IReadOnlyList<string> Centres { get; init; } = [];
    /// <summary>办件类型.</summary>
    public MatterKind Kind { get; init; }
    /// <summary>法定办结时限 (working days).</summary>
    public int StatutoryWorkingDays { get; init; }
    /// <summary>承诺办结时限 (working days); 0 for an on-the-spot matter.</summary>
    public int PromisedWorkingDays { get; init; }
    /// <summary>到办事现场次数 — the most times an applicant has to come in person.</summary>
    public int VisitsRequired { get; init; }
    /// <summary>申请材料.</summary>
    public IReadOnlyList<Material> Materials { get; init; } = [];
    /// <summary>送达方式 offered to the applicant.</summary>
    public IReadOnlyList<DeliveryOption> DeliveryOptions { get; init; } = [];
    /// <summary>收费.</summary>
    public Fee Fee { get; init; } = Fee.Free;
    /// <summary>
    /// 申请表单 — a JSON Schema (an object schema) for the applicant's answers; the admin console's designer edits its
    /// properties, and submissions are validated against it with JsonSchema.Net.
    /// </summary>
    public JsonElement FormSchema { get; init; } = EmptyFormSchema;

    /// <summary>不见面 (zero-visit): the applicant never has to come in.</summary>
    [JsonIgnore]
    public bool IsZeroVisit => VisitsRequired == 0;
    /// <summary>最多跑一次 (at most one visit); zero-visit matters are included, since "at most once" holds for them too.</summary>
    [JsonIgnore]
    public bool IsAtMostOneVisit => VisitsRequired <= 1;
    /// <summary>容缺受理: some material may be missing at acceptance.</summary>
    [JsonIgnore]
    public bool AllowsAcceptWithMissing => Materials.Any(m => m.MayBeMissingAtAcceptance);
    /// <summary>省内包邮: the result can be mailed.</summary>
    [JsonIgnore]
    public bool OffersMail => DeliveryOptions.Contains(DeliveryOption.ProvincialMail);
    /// <summary>免证办: some material can be replaced by an e-licence.</summary>
    [JsonIgnore]
    public bool IsCertificateFree => Materials.Any(m => m.ReplaceableByLicence is not null);

    /// <summary>Whether the matter has <paramref name="attribute"/>; the catalogue's filter and statistics use this.</summary>
    public bool Has(MatterAttribute attribute) => attribute switch
    {
        MatterAttribute.ZeroVisit => IsZeroVisit,
        MatterAttribute.AtMostOneVisit => IsAtMostOneVisit,
        MatterAttribute.AcceptWithMissing => AllowsAcceptWithMissing,
        MatterAttribute.MailDelivery => OffersMail,
        MatterAttribute.CertificateFree => IsCertificateFree,
        _ => throw new ArgumentOutOfRangeException(nameof(attribute), attribute, "Unknown matter attribute."),
    };

    /// <summary>
    /// A copy that shares nothing mutable with the caller: lists copied into read-only arrays, the form schema cloned
    /// out of its document. Drafts and versions hold only frozen definitions, which is what makes a published version
    /// unchangeable even by whoever built it.
    /// </summary>
    internal MatterDefinition Frozen() => this with
    {
        Centres = Array.AsReadOnly(Centres.ToArray()),
        Materials = Array.AsReadOnly(Materials.Select(m => m.Frozen()).ToArray()),
        DeliveryOptions = Array.AsReadOnly(DeliveryOptions.ToArray()),
        FormSchema = FormSchema.ValueKind == JsonValueKind.Undefined ? FormSchema : FormSchema.Clone(),
    };
}

/// <summary>
/// The service attributes the district reports and the catalogue filters by (服务特性). Each is derived from a
/// <see cref="MatterDefinition"/>; see <see cref="MatterDefinition.Has"/>.
/// </summary>
public enum MatterAttribute
{
    /// <summary>不见面 — code <c>zero-visit</c>.</summary>
    ZeroVisit = 1,
    /// <summary>最多跑一次 — code <c>at-most-one-visit</c> (includes zero-visit matters).</summary>
    AtMostOneVisit = 2,
    /// <summary>容缺受理 — code <c>accept-with-missing</c>.</summary>
    AcceptWithMissing = 3,
    /// <summary>省内包邮 — code <c>mail-delivery</c>.</summary>
    MailDelivery = 4,
    /// <summary>免证办 — code <c>certificate-free</c>.</summary>
    CertificateFree = 5,
}

/// <summary>The attributes' stable codes (for query strings and statistics keys) and Chinese names.</summary>
public static class MatterAttributes
{
    public static IReadOnlyList<MatterAttribute> All { get; } = Array.AsReadOnly(Enum.GetValues<MatterAttribute>());

    public static string Code(this MatterAttribute attribute) => attribute switch
    {
        MatterAttribute.ZeroVisit => "zero-visit",
        MatterAttribute.AtMostOneVisit => "at-most-one-visit",
        MatterAttribute.AcceptWithMissing => "accept-with-missing",
        MatterAttribute.MailDelivery => "mail-delivery",
        MatterAttribute.CertificateFree => "certificate-free",
        _ => throw new ArgumentOutOfRangeException(nameof(attribute), attribute, "Unknown matter attribute."),
    };

    public static string ToChinese(this MatterAttribute attribute) => attribute switch
    {
        MatterAttribute.ZeroVisit => "不见面",
        MatterAttribute.AtMostOneVisit => "最多跑一次",
        MatterAttribute.AcceptWithMissing => "容缺受理",
        MatterAttribute.MailDelivery => "省内包邮",
        MatterAttribute.CertificateFree => "免证办",
        _ => throw new ArgumentOutOfRangeException(nameof(attribute), attribute, "Unknown matter attribute."),
    };

    /// <summary>Parses a code such as <c>zero-visit</c> (case-insensitive: it comes from query strings).</summary>
    public static bool TryParse(string? code, out MatterAttribute attribute)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), code, StringComparison.OrdinalIgnoreCase))
            {
                attribute = candidate;
                return true;
            }
        }
        attribute = default;
        return false;
    }
}
