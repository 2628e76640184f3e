using System.Net;
using System.Net.Http.Headers;
using Azure.Storage.Blobs;
using Nanhai.Domain.ServiceMatters;
using Nanhai.Infrastructure.ServiceMatters;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.ServiceMatters;

/// <summary>Upload URLs scoped to one blob, against Azurite, and the checks run on what arrived.</summary>
public sealed class MaterialUploadTests : IAsyncLifetime
{
    LocalServices services = null!;
    BlobMaterialStore store = null!;
    readonly HttpClient http = new();
    static readonly Material IdCardCopy = new() { Id = "id-card", Name = "身份证复印件", MaxSizeBytes = 1024 };

    public async Task InitializeAsync()
    {
        services = await LocalServices.StartAsync("materials");
        store = new BlobMaterialStore(new BlobServiceClient(services.StorageConnectionString), TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await services.DisposeAsync();
    }

    [Fact]
    public async Task A_file_put_through_its_upload_url_is_inspected_and_checked()
    {
        var url = await store.CreateUploadUrlAsync("app-1/id-card/1.pdf", DateTimeOffset.UtcNow.AddMinutes(10));
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(url, "%PDF-1.7 scanned id card"u8.ToArray(), "application/pdf")).StatusCode);

        var file = await store.InspectAsync("app-1/id-card/1.pdf", MaterialFiles.SignatureLength);

        Assert.NotNull(file);
        Assert.Equal(24, file.SizeBytes);
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Empty(MaterialFiles.Check(IdCardCopy, file.SizeBytes, file.ContentType, file.Head));
        Assert.Null(await store.InspectAsync("app-1/id-card/never-uploaded.pdf", MaterialFiles.SignatureLength));
    }

    [Fact]
    public async Task Files_that_break_the_materials_limits_are_reported()
    {
        var tooLarge = await store.CreateUploadUrlAsync("app-2/id-card/big.pdf", DateTimeOffset.UtcNow.AddMinutes(10));
        await PutAsync(tooLarge, [.. "%PDF-"u8, .. new byte[2048]], "application/pdf");
        var disguised = await store.CreateUploadUrlAsync("app-2/id-card/photo.pdf", DateTimeOffset.UtcNow.AddMinutes(10));
        await PutAsync(disguised, [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4], "application/pdf");

        var big = (await store.InspectAsync("app-2/id-card/big.pdf", MaterialFiles.SignatureLength))!;
        var fake = (await store.InspectAsync("app-2/id-card/photo.pdf", MaterialFiles.SignatureLength))!;

        Assert.Contains("超过上限", Assert.Single(MaterialFiles.Check(IdCardCopy, big.SizeBytes, big.ContentType, big.Head)));
        Assert.Contains("不符", Assert.Single(MaterialFiles.Check(IdCardCopy, fake.SizeBytes, fake.ContentType, fake.Head)));
    }

    [Fact]
    public async Task An_upload_url_writes_only_its_own_blob_once_and_only_until_it_expires()
    {
        var url = await store.CreateUploadUrlAsync("app-3/id-card/a.pdf", DateTimeOffset.UtcNow.AddMinutes(10));
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(url, "%PDF-a"u8.ToArray(), "application/pdf")).StatusCode);
        // Overwriting needs write permission, which the URL does not grant: refused, and the first upload stays.
        Assert.Contains((await PutAsync(url, "%PDF-b"u8.ToArray(), "application/pdf")).StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Conflict });
        Assert.Equal("%PDF-a"u8.ToArray(), (await store.InspectAsync("app-3/id-card/a.pdf", 16))!.Head);

        var other = new UriBuilder(url) { Path = url.AbsolutePath.Replace("a.pdf", "b.pdf") }.Uri;
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(other, "%PDF-c"u8.ToArray(), "application/pdf")).StatusCode);

        var expired = await store.CreateUploadUrlAsync("app-3/id-card/late.pdf", DateTimeOffset.UtcNow.AddSeconds(-1));
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(expired, "%PDF-d"u8.ToArray(), "application/pdf")).StatusCode);
    }

    Task<HttpResponseMessage> PutAsync(Uri url, byte[] content, string contentType)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = body };
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        return http.SendAsync(request);
    }
}
