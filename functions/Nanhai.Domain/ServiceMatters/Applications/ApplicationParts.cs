using System.Text.Json;
using System.Text.Json.Serialization;
using Nanhai.Domain.ELicences;
using Nanhai.Domain.Identifiers;

namespace Nanhai.Domain.ServiceMatters.Applications;

/// <summary>
/// Who applies (申请人): <paramref name="SubjectId"/> is the subject of the applicant's token (who may see and withdraw the
/// application); <paramref name="Identifier"/> is the resident ID number (person) or unified social credit code
/// (organisation), normalised once validated.
/// </summary>
public sealed record Applicant(string SubjectId, ApplicantKind Kind, string Identifier, string Name, string Phone);

/// <summary>
/// The parts of the matter version an application was made on (事项版本快照) that its handling needs. Kept in the
/// application's first event, so the application is read and replayed without the catalogue, and a later version of the
/// matter can never change the rules an application runs under.
/// </summary>
public sealed record PinnedMatter(
    MatterVersionRef Version, string Name, string Department, HandlingLevel Level, MatterKind Kind,
    IReadOnlyList<string> Centres, int StatutoryWorkingDays, int PromisedWorkingDays,
    IReadOnlyList<Material> Materials, IReadOnlyList<DeliveryOption> DeliveryOptions)
{
    public static PinnedMatter From(MatterVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var d = version.Definition;
        return new(version.Ref, d.Name, d.Department, d.Level, d.Kind, d.Centres, d.StatutoryWorkingDays,
            d.PromisedWorkingDays, d.Materials, d.DeliveryOptions);
    }

    public Material? FindMaterial(string? id) => Materials.FirstOrDefault(m => m.Id == id);

    /// <summary>The materials' names for the applicant, in the matter's order, joined with 、.</summary>
    public string NamesOf(IEnumerable<string> materialIds)
    {
        var ids = materialIds.ToHashSet(StringComparer.Ordinal);
        return string.Join("、", Materials.Where(m => ids.Contains(m.Id)).Select(m => m.Name));
    }
}

/// <summary>
/// How a material is provided (材料提交): an upload (<paramref name="BlobName"/>, the blob the upload URL was scoped to),
/// or an e-licence from the provincial library standing in for it (免证办, <paramref name="LicenceNumber"/> with its
/// <paramref name="LicenceTrustLevel"/>). Exactly one of the two.
/// </summary>
public sealed record ProvidedMaterial(
    string MaterialId, string? BlobName = null, string? LicenceNumber = null, ELicenceTrustLevel? LicenceTrustLevel = null)
{
    public static ProvidedMaterial Uploaded(string materialId, string blobName) => new(materialId, BlobName: blobName);

    public static ProvidedMaterial ByLicence(string materialId, ELicence licence) =>
        new(materialId, LicenceNumber: licence.Number, LicenceTrustLevel: licence.TrustLevel);

    [JsonIgnore]
    public bool IsByLicence => LicenceNumber is not null;
}

/// <summary>
/// A postal address for 省内包邮. The in-province check and the waybill belong to the mail-delivery sub-workflow; here the
/// address only has to be complete.
/// </summary>
public sealed record MailAddress(string Recipient, string Phone, string Province, string City, string District, string Detail)
{
    public override string ToString() => $"{Province}{City}{District}{Detail}（{Recipient}）";
}

/// <summary>
/// How the applicant receives the result (送达方式): window pick-up (at the handling centre, where the result is issued)
/// or free in-province mail to <paramref name="Address"/>.
/// </summary>
public sealed record DeliveryChoice(DeliveryOption Option, MailAddress? Address = null)
{
    public static DeliveryChoice WindowPickUp { get; } = new(DeliveryOption.WindowPickUp);

    public static DeliveryChoice Mail(MailAddress address) => new(DeliveryOption.ProvincialMail, address);
}

/// <summary>
/// What the applicant sends when applying. <paramref name="Answers"/> are the form answers, validated against the
/// matter's form schema by the caller and opaque here; <paramref name="PreferredCentre"/> is the applicant's choice among
/// the matter's centres (多点办), or null to leave it to routing.
/// </summary>
public sealed record ApplicationSubmission(
    Applicant Applicant, JsonElement Answers, IReadOnlyList<ProvidedMaterial> Materials, DeliveryChoice Delivery,
    string? PreferredCentre = null);

/// <summary>
/// Who issues a command and when (the domain has no clock), and optionally the version of the application the caller
/// decided on (<see cref="ExpectedVersion"/>).
/// </summary>
/// <remarks>
/// With <see cref="ExpectedVersion"/> set, a command is applied only to that version: if the application has moved on and
/// the event right after <see cref="ExpectedVersion"/> is this very command (same kind, actor and time) the command is
/// recognised as already applied and records nothing — that is how a retried activity stays idempotent — and otherwise
/// a <see cref="ServiceApplicationConflictException"/> says that someone else acted first.
/// </remarks>
public sealed record CommandContext
{
    /// <summary>The actor of commands the platform issues itself (timers, pre-check, routing).</summary>
    public const string SystemActor = "system";

    public CommandContext(string actor, DateTimeOffset at, long? expectedVersion = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (expectedVersion is < 0)
            throw new ArgumentOutOfRangeException(nameof(expectedVersion), expectedVersion, "A version is never negative.");
        Actor = actor;
        At = at;
        ExpectedVersion = expectedVersion;
    }

    /// <summary>The subject of the applicant or staff member, or <see cref="SystemActor"/>.</summary>
    public string Actor { get; }
    public DateTimeOffset At { get; }
    public long? ExpectedVersion { get; }

    /// <summary>The China date of <see cref="At"/>: the date working-day limits count from.</summary>
    public DateOnly Date => Calendar.ChinaTime.DateOf(At);

    public static CommandContext System(DateTimeOffset at, long? expectedVersion = null) => new(SystemActor, at, expectedVersion);
}
