using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Nanhai.Application.ServiceMatters.Applications;
using Nanhai.Domain.ServiceMatters.Applications;

namespace Nanhai.Infrastructure.ServiceMatters;

/// <summary>
/// Result documents in the <c>results</c> container, one per application, written only if absent: a retried issuing step
/// finds the document and code it wrote the first time.
/// </summary>
public sealed class BlobResultDocuments(BlobServiceClient blobs) : IResultDocuments
{
    public const string ContainerName = "results";
    const string CodeKey = "verificationcode";

    public async Task<ResultDocument> IssueAsync(ServiceApplication application, CancellationToken cancellationToken = default)
    {
        var container = blobs.GetBlobContainerClient(ContainerName);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var blob = container.GetBlobClient($"{application.Id}/result.html");
        // Unguessable, and short enough to type: 12 characters from an alphabet without look-alikes.
        var code = string.Concat(RandomNumberGenerator.GetItems<char>("23456789ABCDEFGHJKLMNPQRSTUVWXYZ", 12));
        try
        {
            await blob.UploadAsync(BinaryData.FromString(Render(application, code)), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = "text/html; charset=utf-8" },
                Metadata = new Dictionary<string, string> { [CodeKey] = code },
            }, cancellationToken);
            return new ResultDocument(blob.Name, code);
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            var existing = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
            return new ResultDocument(blob.Name, existing.Value.Metadata[CodeKey]);
        }
    }

    static string Render(ServiceApplication a, string code) => new StringBuilder()
        .Append("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>办理结果通知书</title><body>")
        .Append($"<h1>{WebUtility.HtmlEncode(a.Matter.Name)} · 办理结果通知书</h1>")
        .Append($"<p>申请编号：{a.Id}</p><p>申请人：{WebUtility.HtmlEncode(a.Applicant.Name)}</p>")
        .Append($"<p>办理结果：准予办理</p><p>受理地点：{WebUtility.HtmlEncode(a.HandlingCentre ?? "")}</p>")
        .Append($"<p>核验码：{code}</p><p>实施主体：{WebUtility.HtmlEncode(a.Matter.Department)}</p></body></html>")
        .ToString();
}
