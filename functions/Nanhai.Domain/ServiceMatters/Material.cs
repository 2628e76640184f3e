using Nanhai.Domain.ELicences;
using System.Text.Json.Serialization;

namespace Nanhai.Domain.ServiceMatters;

/// <summary>The form in which a material is handed in (材料形式).</summary>
public enum MaterialForm
{
    /// <summary>原件 — the original, shown at the window.</summary>
    Original = 1,
    /// <summary>复印件 — a copy (scanned when applying online).</summary>
    Copy = 2,
    /// <summary>电子件 — a born-digital document, e.g. a form signed with 粤信签.</summary>
    Electronic = 3,
}

/// <summary>
/// A material an applicant hands in for a matter (申请材料).
/// </summary>
/// <remarks>
/// <see cref="Id"/> identifies the material across versions of the matter (comparisons and uploads refer to it), so
/// renaming a material keeps its id. <see cref="MayBeMissingAtAcceptance"/> is 容缺: the centre may accept the
/// application without it and set a supplement deadline. <see cref="ReplaceableByLicence"/> is the code of an
/// <see cref="ELicenceType"/> whose licence, fetched from the provincial library, replaces the upload (免证办); it is a
/// code rather than the type itself so that a draft naming an unknown type can be reported field by field.
/// </remarks>
public sealed record Material
{
    /// <summary>10 MB: a scanned multi-page document at 300 dpi fits; larger uploads are usually photos of the wrong thing.</summary>
    public const long DefaultMaxSizeBytes = 10 * 1024 * 1024;

    /// <summary>The largest per-material limit a designer may set (50 MB).</summary>
    public const long LargestMaxSizeBytes = 50 * 1024 * 1024;

    /// <summary>PDF and the two image formats every phone camera and scanner produces.</summary>
    public static IReadOnlyList<string> DefaultContentTypes { get; } = Array.AsReadOnly(["application/pdf", "image/jpeg", "image/png"]);

    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public bool Required { get; init; } = true;
    public bool MayBeMissingAtAcceptance { get; init; }
    public string? ReplaceableByLicence { get; init; }
    public MaterialForm Form { get; init; } = MaterialForm.Copy;
    public long MaxSizeBytes { get; init; } = DefaultMaxSizeBytes;
    public IReadOnlyList<string> AllowedContentTypes { get; init; } = DefaultContentTypes;

    /// <summary>A copy whose lists cannot be changed through a reference the caller kept.</summary>
    internal Material Frozen() => this with { AllowedContentTypes = Array.AsReadOnly(AllowedContentTypes.ToArray()) };
}

/// <summary>
/// The fee for a matter (收费标准), in yuan with at most two decimals; zero means free. A non-zero fee must name its
/// legal basis (收费依据), as the price authorities require for every administrative fee.
/// </summary>
public sealed record Fee(decimal AmountYuan, string? LegalBasis = null)
{
    public static Fee Free { get; } = new(0m);

    [JsonIgnore]
    public bool IsFree => AmountYuan == 0m;
}
