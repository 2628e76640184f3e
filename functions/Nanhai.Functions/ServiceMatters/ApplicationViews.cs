using System.Text.Json;
using Nanhai.Application.ServiceMatters.Catalog;
using Nanhai.Domain.Calendar;
using Nanhai.Domain.ServiceMatters;
using Nanhai.Domain.ServiceMatters.Applications;

namespace Nanhai.Functions.ServiceMatters;

/// <summary>An application as its applicant and the handling staff see it: where it stands, by when, and what happened.</summary>
public sealed record ApplicationView(
    string Id, long Version, CodeName Status, string MatterCode, int MatterVersion, string MatterName, CodeName? HandlingCentre,
    DateTimeOffset SubmittedAt, DateOnly? AcceptedOn, DateOnly? Deadline, int? WorkingDaysLeft, string Escalation, string NextStep,
    IReadOnlyList<MaterialStateView> Materials, IReadOnlyList<string> OutstandingMaterials, DateOnly? SupplementDeadline,
    string? VerificationCode, IReadOnlyList<string> AllowedDecisions, IReadOnlyList<TimelineEntryView> Timeline)
{
    public static ApplicationView Of(ServiceApplication a, DateTimeOffset now) => new(
        a.Id, a.Version, new CodeName(JsonNamingPolicy.CamelCase.ConvertName(a.Status.ToString()), a.Status.ToChinese()),
        a.Matter.Version.Code, a.Matter.Version.Number, a.Matter.Name, a.HandlingCentre is { } centre ? CodeName.Centre(centre) : null,
        a.SubmittedAt, a.AcceptedOn, a.Deadline, a.WorkingDaysLeft(ChinaTime.DateOf(now)), a.Escalation.ToString(), a.NextStep,
        [.. a.Matter.Materials.Select(m => MaterialStateView.Of(m, a.Materials.GetValueOrDefault(m.Id)))],
        a.OutstandingMaterials, a.SupplementDeadline ?? a.MissingMaterialsDeadline, a.VerificationCode,
        [.. a.AllowedDecisions.Select(d => d.Code())],
        [.. a.Events.Select(e => new TimelineEntryView(e.Sequence, e.Type, e.At, e.Actor == CommandContext.SystemActor ? "system" : e.Actor == a.Applicant.SubjectId ? "applicant" : "staff"))]);
}

public sealed record MaterialStateView(string MaterialId, string Name, bool Required, string Provided, string? LicenceTrustLevel)
{
    public static MaterialStateView Of(Material material, ProvidedMaterial? provided) => new(
        material.Id, material.Name, material.Required,
        provided is null ? "none" : provided.LicenceNumber is not null ? "e-licence" : "upload",
        provided?.LicenceTrustLevel?.ToString());
}

/// <summary>One event of the timeline; who did it is a role, not a person, for the applicant's eyes.</summary>
public sealed record TimelineEntryView(long Sequence, string Type, DateTimeOffset At, string By);

public sealed record SubmissionReceivedView(string ApplicationId, string Location, bool AlreadySubmitted);
