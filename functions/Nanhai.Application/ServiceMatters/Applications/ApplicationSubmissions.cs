using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Nanhai.Application.Common;
using Nanhai.Application.Security;
using Nanhai.Application.ServiceMatters.Catalog;
using Nanhai.Domain.Identifiers;
using Nanhai.Domain.ServiceMatters;
using Nanhai.Domain.ServiceMatters.Applications;

namespace Nanhai.Application.ServiceMatters.Applications;

/// <summary>An application as the mini-program sends it (申请).</summary>
public sealed record SubmitApplication(
    string? MatterCode, int? MatterVersion, ApplicantInput? Applicant, string? Centre, JsonElement Answers,
    DeliveryInput? Delivery, IReadOnlyList<MaterialInput>? Materials);

public sealed record ApplicantInput(string? Kind, string? Identifier, string? Name, string? Phone);

public sealed record DeliveryInput(string? Option, MailAddress? Address);

/// <summary>A material handed in: the upload made through a granted URL.</summary>
public sealed record MaterialInput(string? MaterialId, string? UploadId);

public sealed record SubmissionReceived(string ApplicationId, bool AlreadySubmitted);

/// <summary>
/// Submits applications exactly once per idempotency key: the application's id is derived from the applicant and the
/// key, so a repeated request finds the same application; the same key with a different request is refused.
/// </summary>
public sealed class ApplicationSubmissions(
    MatterCatalog catalog, MaterialUploads uploads, IIdempotencyRecords idempotency, ServiceApplicationStore applications, TimeProvider clock)
{
    public async Task<SubmissionReceived> SubmitAsync(DurableTaskClient durable, SubmitApplication request, string? idempotencyKey,
        Caller caller, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 100)
            throw new ValidationFailedException("Idempotency-Key", "请求头 Idempotency-Key 必填，且不超过 100 个字符 (the Idempotency-Key header is required, at most 100 characters)");
        var applicationId = IdOf(caller.Subject, idempotencyKey);
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, JsonSerializerOptions.Web)));

        var existing = await applications.FindAsync(applicationId, cancellationToken);
        // Validated before the key is claimed: a request refused for bad input leaves the key free to retry, corrected.
        ServiceApplication? application = null;
        if (existing is null)
        {
            var version = await PinnedVersionAsync(request, cancellationToken);
            application = ServiceApplication.Submit(applicationId, await BuildAsync(request, version, caller, cancellationToken),
                version, new CommandContext(caller.Subject, clock.GetUtcNow()));
        }
        if (await idempotency.ClaimAsync(applicationId, fingerprint, cancellationToken) != fingerprint)
            throw new ConflictException("该 Idempotency-Key 已用于另一份内容不同的申请 (this Idempotency-Key was used for a different request)");
        if (application is not null)
        {
            try
            {
                await applications.SaveAsync(application, cancellationToken);
            }
            catch (ConflictException)
            {
                // The same request, sent twice at once: the other copy stored it.
            }
        }
        await EnsureHandlingStartedAsync(durable, applicationId, cancellationToken);
        return new SubmissionReceived(applicationId, existing is not null);
    }

    /// <summary>Deterministic: the same applicant and key always name the same application.</summary>
    public static string IdOf(string subject, string idempotencyKey) =>
        "ap-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{subject}\n{idempotencyKey}")))[..24];

    static async Task EnsureHandlingStartedAsync(DurableTaskClient durable, string applicationId, CancellationToken cancellationToken)
    {
        // Also after a crash between storing the application and starting its workflow: the retry starts it.
        if (await durable.GetInstanceAsync(applicationId, cancellationToken) is null)
            await durable.ScheduleNewOrchestrationInstanceAsync(nameof(ApplicationHandlingOrchestrator), applicationId,
                new StartOrchestrationOptions(applicationId), cancellationToken);
    }

    async Task<MatterVersion> PinnedVersionAsync(SubmitApplication request, CancellationToken cancellationToken) =>
        request.MatterVersion is { } number
            ? await catalog.GetVersionAsync(request.MatterCode ?? "", number, cancellationToken)
            : await catalog.GetLatestAsync(request.MatterCode ?? "", cancellationToken);

    async Task<ApplicationSubmission> BuildAsync(SubmitApplication request, MatterVersion version, Caller caller, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, messages) in FormAnswers.Validate(version.Definition.FormSchema, request.Answers))
            errors[field] = messages;

        var applicant = request.Applicant ?? new ApplicantInput(null, null, null, null);
        ApplicantKind kind = default;
        if (applicant.Kind is not ("person" or "organisation"))
            errors["applicant.kind"] = ["申请人类型应为 person（个人）或 organisation（企业或其他组织） (kind must be person or organisation)"];
        else kind = applicant.Kind == "person" ? ApplicantKind.Person : ApplicantKind.Organisation;

        var delivery = DeliveryChoice.WindowPickUp;
        if (request.Delivery?.Option is "provincialMail")
        {
            if (request.Delivery.Address is { } address) delivery = DeliveryChoice.Mail(address);
            else errors["delivery.address"] = ["选择省内包邮须填写邮寄地址 (mail delivery needs an address)"];
        }
        else if (request.Delivery?.Option is not (null or "windowPickUp"))
            errors["delivery.option"] = ["送达方式应为 windowPickUp（窗口领取）或 provincialMail（省内包邮） (unknown delivery option)"];

        var provided = await uploads.ResolveAsync(caller, version.Definition.Materials, request.Materials, errors, cancellationToken);
        // Only e-licences (looked up in the pre-check) and 容缺 may make up for a required material: anything else is refused now.
        var missing = version.Definition.Materials
            .Where(m => m.Required && !m.MayBeMissingAtAcceptance && m.ReplaceableByLicence is null && provided.All(p => p.MaterialId != m.Id))
            .Select(m => m.Name).ToList();
        if (missing.Count > 0 && !errors.Keys.Any(k => k.StartsWith("materials", StringComparison.Ordinal)))
            errors["materials"] = [$"缺少必需材料：{string.Join("、", missing)} (required materials missing)"];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        return new ApplicationSubmission(
            new Applicant(caller.Subject, kind, applicant.Identifier ?? "", applicant.Name ?? "", applicant.Phone ?? ""),
            request.Answers, provided, delivery, string.IsNullOrWhiteSpace(request.Centre) ? null : request.Centre);
    }
}
