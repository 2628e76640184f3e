using System.Security.Cryptography;
using System.Text;
using Nanhai.Application.Common;
using Nanhai.Application.Security;
using Nanhai.Application.ServiceMatters.Catalog;
using Nanhai.Application.ServiceMatters.Materials;
using Nanhai.Domain.ServiceMatters;
using Nanhai.Domain.ServiceMatters.Applications;

namespace Nanhai.Application.ServiceMatters.Applications;

/// <summary>Ask for an upload URL for one material of a matter, before applying (上传申请材料).</summary>
public sealed record RequestMaterialUpload(string? MatterCode, string? MaterialId, string? ContentType, long? SizeBytes);

public sealed record MaterialUploadGranted(string UploadId, Uri UploadUrl, DateTimeOffset ExpiresAt, IReadOnlyDictionary<string, string> RequiredHeaders);

/// <summary>
/// Hands applicants short-lived upload URLs, each for one blob under the applicant's own prefix, so an upload can only
/// ever be claimed by the applicant who asked for it. What arrives is checked when the application refers to it.
/// </summary>
public sealed class MaterialUploads(MatterCatalog catalog, IMaterialStore store, TimeProvider clock)
{
    /// <summary>How long an upload URL is valid: long enough for a slow mobile upload, short enough to be useless if leaked.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public async Task<MaterialUploadGranted> GrantAsync(RequestMaterialUpload request, Caller caller, CancellationToken cancellationToken)
    {
        var version = await catalog.GetLatestAsync(request.MatterCode ?? "", cancellationToken);
        var material = version.Definition.Materials.FirstOrDefault(m => m.Id == request.MaterialId)
            ?? throw new ValidationFailedException("materialId", $"事项 {version.Code} 没有材料“{request.MaterialId}” (the matter has no such material)");
        var errors = new Dictionary<string, string[]>();
        if (request.ContentType is null || !material.AllowedContentTypes.Contains(request.ContentType, StringComparer.OrdinalIgnoreCase))
            errors["contentType"] = [$"“{material.Name}”只接受 {string.Join("、", material.AllowedContentTypes)} (content type not allowed)"];
        if (request.SizeBytes is not > 0 || request.SizeBytes > material.MaxSizeBytes)
            errors["sizeBytes"] = [$"文件大小应在 1 字节至 {material.MaxSizeBytes / 1024 / 1024} MB 之间 (size out of range)"];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var uploadId = Guid.NewGuid().ToString("N");
        var expiresAt = clock.GetUtcNow() + Lifetime;
        var url = await store.CreateUploadUrlAsync(BlobNameOf(caller.Subject, uploadId, material.Id), expiresAt, cancellationToken);
        return new MaterialUploadGranted(uploadId, url, expiresAt,
            new Dictionary<string, string> { ["x-ms-blob-type"] = "BlockBlob", ["Content-Type"] = request.ContentType! });
    }

    /// <summary>
    /// The uploads an application refers to, each checked against its material (there, within the limits, really of its
    /// type); problems go into <paramref name="errors"/> under <c>materials[i]</c>.
    /// </summary>
    public async Task<IReadOnlyList<ProvidedMaterial>> ResolveAsync(Caller caller, IReadOnlyList<Material> matterMaterials,
        IReadOnlyList<MaterialInput>? inputs, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var provided = new List<ProvidedMaterial>();
        foreach (var (input, index) in (inputs ?? []).Select((m, i) => (m, i)))
        {
            var field = $"materials[{index}]";
            var material = matterMaterials.FirstOrDefault(m => m.Id == input.MaterialId);
            if (material is null || string.IsNullOrWhiteSpace(input.UploadId))
            {
                errors[field] = [$"材料“{input.MaterialId}”不属于本事项，或缺少 uploadId (unknown material or missing uploadId)"];
                continue;
            }
            var blobName = BlobNameOf(caller.Subject, input.UploadId, material.Id);
            var file = await store.InspectAsync(blobName, MaterialFiles.SignatureLength, cancellationToken);
            if (file is null)
            {
                errors[field] = [$"“{material.Name}”尚未上传，或上传链接已过期，请重新上传 (nothing was uploaded, or the upload URL expired)"];
                continue;
            }
            var problems = MaterialFiles.Check(material, file.SizeBytes, file.ContentType, file.Head);
            if (problems.Count > 0) errors[field] = [.. problems];
            else provided.Add(ProvidedMaterial.Uploaded(material.Id, blobName));
        }
        return provided;
    }

    /// <summary>Where an applicant's upload lives: under a hash of the applicant, so blob names reveal no identity.</summary>
    public static string BlobNameOf(string subject, string uploadId, string materialId) =>
        $"uploads/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subject)))[..32]}/{uploadId}/{materialId}";
}
