using System.Text.Json;
using Nanhai.Domain.Calendar;
using Nanhai.Domain.Identifiers;
using Nanhai.Domain.ServiceMatters;
using Nanhai.Domain.ServiceMatters.Applications;

namespace Nanhai.Application.ServiceMatters.Applications;

/// <summary>
/// An application as its applicant and the handling staff see it: where it stands, by when, and what happened; who
/// applied (identifier masked), what they answered on the form and how the result reaches them. (The representations of
/// the applications API live here, so the admin console reads the same types the API writes.)
/// </summary>
public sealed record ApplicationView(
    string Id, long Version, CodeName Status, string MatterCode, int MatterVersion, string MatterName, CodeName? HandlingCentre,
    DateTimeOffset SubmittedAt, DateOnly? AcceptedOn, DateOnly? Deadline, int? WorkingDaysLeft, string Escalation, string NextStep,
    IReadOnlyList<MaterialStateView> Materials, IReadOnlyList<string> OutstandingMaterials, DateOnly? SupplementDeadline,
    string? VerificationCode, IReadOnlyList<string> AllowedDecisions, IReadOnlyList<TimelineEntryView> Timeline,
    ApplicantView Applicant, IReadOnlyList<AnswerView> Answers, DeliveryView Delivery)
{
    /// <summary>
    /// The view at <paramref name="now"/>; <paramref name="formSchema"/> is the form schema of the matter version the
    /// application pins, which labels and orders the answers (null when it cannot be had: answers are then listed by name).
    /// </summary>
    public static ApplicationView Of(ServiceApplication a, DateTimeOffset now, JsonElement? formSchema) => new(
        a.Id, a.Version, new CodeName(JsonNamingPolicy.CamelCase.ConvertName(a.Status.ToString()), a.Status.ToChinese()),
        a.Matter.Version.Code, a.Matter.Version.Number, a.Matter.Name, a.HandlingCentre is { } centre ? CodeName.Centre(centre) : null,
        a.SubmittedAt, a.AcceptedOn, a.Deadline, a.WorkingDaysLeft(ChinaTime.DateOf(now)), a.Escalation.ToString(), a.NextStep,
        [.. a.Matter.Materials.Select(m => MaterialStateView.Of(a.Id, m, a.Materials.GetValueOrDefault(m.Id)))],
        a.OutstandingMaterials, a.SupplementDeadline ?? a.MissingMaterialsDeadline, a.VerificationCode,
        [.. a.AllowedDecisions.Select(d => d.Code())],
        [.. a.Events.Select(e => new TimelineEntryView(e.Sequence, e.Type, e.At, e.Actor == CommandContext.SystemActor ? "system" : e.Actor == a.Applicant.SubjectId ? "applicant" : "staff"))],
        ApplicantView.Of(a.Applicant), FormAnswers.Display(formSchema, a.Answers), DeliveryView.Of(a.Delivery));
}

/// <summary>
/// A material of the matter and how it stands: <see cref="LicenceNumber"/> is the e-licence that replaced it (免证办), and
/// <see cref="FileUrl"/> where staff download the uploaded file; each null otherwise.
/// </summary>
public sealed record MaterialStateView(
    string MaterialId, string Name, bool Required, string Provided, string? LicenceTrustLevel, string? LicenceNumber, string? FileUrl)
{
    public static MaterialStateView Of(string applicationId, Material material, ProvidedMaterial? provided) => new(
        material.Id, material.Name, material.Required,
        provided is null ? "none" : provided.LicenceNumber is not null ? "e-licence" : "upload",
        provided?.LicenceTrustLevel?.ToString(), provided?.LicenceNumber,
        provided?.BlobName is not null ? FileUrlOf(applicationId, material.Id) : null);

    /// <summary>Where an uploaded material file is downloaded (GET, same access as the application).</summary>
    public static string FileUrlOf(string applicationId, string materialId) =>
        $"/api/applications/{Uri.EscapeDataString(applicationId)}/materials/{Uri.EscapeDataString(materialId)}/file";
}

/// <summary>One event of the timeline; who did it is a role, not a person, for the applicant's eyes.</summary>
public sealed record TimelineEntryView(long Sequence, string Type, DateTimeOffset At, string By);

/// <summary>Who applied: the name, and the identity number (or credit code) with the middle hidden (440605********123X).</summary>
public sealed record ApplicantView(string Name, string IdNumberMasked)
{
    public static ApplicantView Of(Applicant applicant) => new(applicant.Name, ApplicantIdentifiers.Mask(applicant.Identifier));
}

/// <summary>How the result reaches the applicant (送达方式): windowPickUp 窗口领取, or provincialMail 省内包邮 to <see cref="Address"/>.</summary>
public sealed record DeliveryView(string Code, string Name, MailAddress? Address)
{
    public static DeliveryView Of(DeliveryChoice delivery)
    {
        var option = CodeName.Of(delivery.Option);
        return new(option.Code, option.Name, delivery.Option == DeliveryOption.ProvincialMail ? delivery.Address : null);
    }
}
