using System.Collections.Concurrent;
using System.Text.Json;
using Nanhai.Application.Common;
using Nanhai.Application.Security;
using Nanhai.Application.ServiceMatters.Catalog;
using Nanhai.Application.ServiceMatters.Materials;
using Nanhai.Domain.ServiceMatters;
using Nanhai.Domain.ServiceMatters.Applications;

namespace Nanhai.Application.ServiceMatters.Applications;

/// <summary>An uploaded material file on its way to a reader, with the name to save it under (材料名称 + extension).</summary>
public sealed record MaterialFileDownload(Stream Content, string ContentType, long SizeBytes, string FileName);

/// <summary>
/// Reading applications (办件详情) and their uploaded material files, for the applicant and the staff who may see them
/// (<see cref="ApplicationCommands.FindVisibleAsync"/>).
/// </summary>
public sealed class ApplicationReads(ApplicationCommands commands, MatterCatalog catalog, IMaterialStore materials, TimeProvider clock)
{
    // Published versions never change, so their form schemas are kept once read; there are as many as versions in the catalogue.
    static readonly ConcurrentDictionary<(string Code, int Number), JsonElement> formSchemas = new();

    public async Task<ApplicationView> GetAsync(string applicationId, Caller caller, CancellationToken cancellationToken) =>
        await ViewAsync(await commands.FindVisibleAsync(applicationId, caller, cancellationToken), cancellationToken);

    /// <summary>The application as the API shows it now, its answers labelled by the form of the matter version it pins.</summary>
    public async Task<ApplicationView> ViewAsync(ServiceApplication application, CancellationToken cancellationToken) =>
        ApplicationView.Of(application, clock.GetUtcNow(), await FormSchemaAsync(application.Matter.Version, cancellationToken));

    /// <summary>
    /// The uploaded file of material <paramref name="materialId"/>; "not found" when the caller may not read the application,
    /// the matter has no such material, or it was not provided as an upload (nothing yet, or an e-licence instead).
    /// </summary>
    public async Task<MaterialFileDownload> OpenMaterialFileAsync(string applicationId, string materialId, Caller caller, CancellationToken cancellationToken)
    {
        var application = await commands.FindVisibleAsync(applicationId, caller, cancellationToken);
        var material = application.Matter.FindMaterial(materialId);
        if (material is null || application.Materials.GetValueOrDefault(material.Id)?.BlobName is not { } blobName
            || await materials.OpenReadAsync(blobName, cancellationToken) is not { } file)
            throw new NotFoundException($"申请 {applicationId} 没有已上传的材料“{material?.Name ?? materialId}” (no uploaded file for this material)");
        var contentType = string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType;
        return new MaterialFileDownload(file.Content, contentType, file.SizeBytes, FileNameOf(material.Name, contentType));
    }

    /// <summary>The material's name, made safe as a file name, with the extension of its content type (营业执照.pdf).</summary>
    public static string FileNameOf(string materialName, string contentType)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['/', '\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var name = new string([.. materialName.Trim().Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c)]);
        var extension = contentType.Split(';')[0].Trim().ToLowerInvariant() switch
        {
            "application/pdf" => ".pdf",
            "image/jpeg" => ".jpg",
            "image/png" => ".png",
            "image/tiff" => ".tif",
            "application/msword" => ".doc",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => ".docx",
            "application/ofd" => ".ofd",
            _ => "",
        };
        return (name.Length == 0 ? "material" : name) + extension;
    }

    async Task<JsonElement?> FormSchemaAsync(MatterVersionRef version, CancellationToken cancellationToken)
    {
        if (formSchemas.TryGetValue((version.Code, version.Number), out var cached))
            return cached;
        try
        {
            var schema = (await catalog.GetVersionAsync(version.Code, version.Number, cancellationToken)).Definition.FormSchema.Clone();
            formSchemas.TryAdd((version.Code, version.Number), schema);
            return schema;
        }
        catch (NotFoundException)
        {
            // The catalogue no longer has the version (it never deletes one; a restored backup might): answers by name.
            return null;
        }
    }
}
