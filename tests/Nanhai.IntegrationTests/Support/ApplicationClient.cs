using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nanhai.IntegrationTests.Support;

/// <summary>The mini-program's and a centre's calls for one application, against a running local host.</summary>
public sealed class ApplicationClient(LocalHostProcess host)
{
    public const string Matter = "NH-WJJ-0001"; // 医疗机构执业登记: 20 working days, every material uploaded
    public static readonly string[] MaterialIds = ["application", "business-licence", "premises", "staff-licences", "rules", "floor-plan"];
    public const string Answers = """
        {"institutionName": "南海区桂城示例口腔诊所", "category": "诊所", "departments": ["口腔科", "内科"], "beds": 0,
         "principal": "黄医生", "contactPhone": "075786281234", "address": "佛山市南海区桂城街道海八路2号"}
        """;


    /// <summary>The same file content for every material: what <see cref="ApplicationBodyAsync"/> uploads unless told otherwise.</summary>
    public static byte[] DemoFile(string materialId) => "%PDF-1.7 demo material file"u8.ToArray();

    /// <summary>
    /// A submission body with every material in <paramref name="materialIds"/> uploaded as a PDF with the bytes
    /// <paramref name="content"/> gives for it (<see cref="DemoFile"/> by default).
    /// </summary>
    public async Task<JsonObject> ApplicationBodyAsync(string applicant, IEnumerable<string> materialIds, Func<string, byte[]>? content = null)
    {
        var materials = new JsonArray();
        foreach (var materialId in materialIds)
        {
            using var grant = await host.Http.SendAsync(host.Request(HttpMethod.Post, "api/material-uploads", "applicant", applicant,
                new { matterCode = Matter, materialId, contentType = "application/pdf", sizeBytes = 32 }));
            Assert.Equal(HttpStatusCode.Created, grant.StatusCode);
            var granted = await grant.Content.ReadFromJsonAsync<JsonElement>();
            var put = new HttpRequestMessage(HttpMethod.Put, granted.GetProperty("uploadUrl").GetString())
            {
                Content = new ByteArrayContent((content ?? DemoFile)(materialId)) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } },
            };
            put.Headers.Add("x-ms-blob-type", "BlockBlob");
            Assert.Equal(HttpStatusCode.Created, (await host.Http.SendAsync(put)).StatusCode);
            materials.Add(new JsonObject { ["materialId"] = materialId, ["uploadId"] = granted.GetProperty("uploadId").GetString() });
        }
        return new JsonObject
        {
            ["matterCode"] = Matter,
            ["applicant"] = new JsonObject { ["kind"] = "person", ["identifier"] = "440605198503120024", ["name"] = "陈美玲", ["phone"] = "13800138000" },
            ["centre"] = "guicheng",
            ["answers"] = JsonNode.Parse(Answers),
            ["delivery"] = new JsonObject { ["option"] = "windowPickUp" },
            ["materials"] = materials,
        };
    }

    public Task<HttpResponseMessage> SubmitAsync(string applicant, string key, JsonObject body)
    {
        var request = host.Request(HttpMethod.Post, "api/applications", "applicant", applicant, body);
        request.Headers.Add("Idempotency-Key", key);
        return host.Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> DecideAsync(string centre, string id, string action) =>
        host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"api/applications/{id}/decisions")
        {
            Headers = { Authorization = new("Bearer", LocalHostProcess.Token("centre-staff", $"staff-{centre}", centre: centre)) },
            Content = JsonContent.Create(new { action }),
        });

    public async Task<JsonElement> WaitForStatusAsync(string applicant, string id, string status, int timeoutSeconds = 60)
    {
        JsonElement view = default;
        await host.WaitUntilAsync(async () =>
        {
            using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, $"api/applications/{id}", "applicant", applicant));
            view = await response.Content.ReadFromJsonAsync<JsonElement>();
            return response.IsSuccessStatusCode && view.GetProperty("status").GetProperty("code").GetString() == status;
        }, TimeSpan.FromSeconds(timeoutSeconds), $"application {id} to be {status}");
        return view;
    }

    public async Task<JsonElement> QueueAsync(string centre, string staffCentre)
    {
        using var response = await host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"api/centres/{centre}/queue")
        {
            Headers = { Authorization = new("Bearer", LocalHostProcess.Token("centre-staff", $"staff-{staffCentre}", centre: staffCentre)) },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> StatisticsAsync()
    {
        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, "api/stats/services", "district-admin"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
