using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Nanhai.Application.Catalog.DemoData;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Ingestion;

/// <summary>What a department does (drop a dump into the dumps container) and how a data officer follows it (the runs API).</summary>
public sealed class DumpDrops(LocalServices services, LocalHostProcess host)
{
    static DumpDrops() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding(54936);

    public BlobContainerClient Dumps { get; } = new(services.StorageConnectionString, "dumps");

    public async Task DropAsync(string unit, string resource, string file, Stream content)
    {
        await Dumps.CreateIfNotExistsAsync();
        await Dumps.GetBlobClient($"{unit}/{resource}/{file}").UploadAsync(content, overwrite: true);
    }

    public Task DropAsync(string unit, string resource, string file, byte[] content) => DropAsync(unit, resource, file, new MemoryStream(content));

    /// <summary>Waits until the run of <paramref name="file"/> has finished and returns it whole (with its report).</summary>
    public async Task<JsonElement> FinishedRunAsync(string resource, string file, TimeSpan? timeout = null)
    {
        JsonElement? found = null;
        await host.WaitUntilAsync(async () =>
        {
            found = (await RunsAsync(resource)).Where(r => r.GetProperty("file").GetString() == file
                && r.GetProperty("status").GetString() is "Succeeded" or "Quarantined" or "Unchanged").Select(r => (JsonElement?)r).FirstOrDefault();
            return found is not null;
        }, timeout ?? TimeSpan.FromSeconds(60), $"the run of {resource}/{file} to finish");
        return await GetAsync($"api/ingestion/runs/{found!.Value.GetProperty("id").GetString()}");
    }

    public async Task<IReadOnlyList<JsonElement>> RunsAsync(string resource) =>
        [.. (await GetAsync($"api/ingestion/runs?resource={resource}&pageSize=100")).GetProperty("items").EnumerateArray()];

    public async Task<JsonElement> GetAsync(string path, string role = "data-authority", string? unit = null)
    {
        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, path, role, unit: unit));
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
