using System.Net;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Nanhai.Application.ServiceMatters.Materials;

namespace Nanhai.Infrastructure.ServiceMatters;

/// <summary>
/// <see cref="IMaterialStore"/> on the <c>materials</c> blob container. Upload URLs are SAS URLs with create permission
/// only (a blob cannot be overwritten through them): signed with the account key on one machine, and with a user
/// delegation key obtained by the managed identity in Azure, where the account has no keys to sign with.
/// </summary>
public sealed class BlobMaterialStore(BlobServiceClient blobs, TimeProvider clock) : IMaterialStore
{
    public const string ContainerName = "materials";

    readonly BlobContainerClient container = blobs.GetBlobContainerClient(ContainerName);
    volatile bool containerExists;

    public async Task<Uri> CreateUploadUrlAsync(string blobName, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        var blob = container.GetBlobClient(blobName);
        var sas = new BlobSasBuilder(BlobSasPermissions.Create, expiresAt)
        {
            BlobContainerName = ContainerName,
            BlobName = blobName,
            Resource = "b",
            StartsOn = clock.GetUtcNow().AddMinutes(-5), // tolerate clock skew between here and the storage service
        };
        if (blob.CanGenerateSasUri) return blob.GenerateSasUri(sas);

        var key = await blobs.GetUserDelegationKeyAsync(sas.StartsOn, expiresAt, cancellationToken);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key.Value, blobs.AccountName) }.ToUri();
    }

    public async Task<UploadedFile?> InspectAsync(string blobName, int headLength, CancellationToken cancellationToken = default)
    {
        var blob = container.GetBlobClient(blobName);
        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            var head = properties.ContentLength == 0
                ? []
                : (await blob.DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(0, headLength) }, cancellationToken)).Value.Content.ToArray();
            return new UploadedFile(properties.ContentLength, properties.ContentType, head);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<StoredFile?> OpenReadAsync(string blobName, CancellationToken cancellationToken = default)
    {
        try
        {
            var download = (await container.GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
            return new StoredFile(download.Content, download.Details.ContentType, download.Details.ContentLength);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (containerExists) return;
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        containerExists = true;
    }
}
