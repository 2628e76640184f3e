using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nanhai.Application.ServiceMatters.Applications;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.ServiceMatters;

/// <summary>
/// An application as the centre work queue reads it, on the local host against Azurite and the Cosmos stand-in: the
/// handling centre's staff and district administrators see the applicant (masked), the answers, delivery and materials,
/// and download the uploaded files; other centres and other applicants get "not found", other roles "forbidden".
/// </summary>
public sealed class ApplicationStaffAccessTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    LocalHostProcess Host => platform.Host;
    ApplicationClient Client => new(platform.Host);

    static readonly string[] Uploaded = [.. ApplicationClient.MaterialIds.Where(m => m != "rules")]; // 规章制度 may be missing (容缺)

    /// <summary>Different bytes for every material of every run, so a download shows it is this very upload.</summary>
    static Func<string, byte[]> FilesOf(string run) => materialId => Encoding.UTF8.GetBytes($"%PDF-1.7 {materialId} of {run}");

    static HttpRequestMessage AsStaff(string path, string centre) => new(HttpMethod.Get, path)
    {
        Headers = { Authorization = new("Bearer", LocalHostProcess.Token("centre-staff", $"staff-{centre}", centre: centre)) },
    };

    async Task<(string Id, string Applicant, string Run)> SubmittedAndRoutedAsync()
    {
        var applicant = $"citizen-{Guid.NewGuid():N}";
        var run = Guid.NewGuid().ToString("N");
        using var submitted = await Client.SubmitAsync(applicant, "key-staff", await Client.ApplicationBodyAsync(applicant, Uploaded, FilesOf(run)));
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetString()!;
        await Client.WaitForStatusAsync(applicant, id, "awaitingAcceptance");
        return (id, applicant, run);
    }

    [Fact]
    public async Task Staff_of_the_handling_centre_read_the_applicant_answers_delivery_and_materials_and_download_the_files()
    {
        var (id, _, run) = await SubmittedAndRoutedAsync();

        using var response = await Host.Http.SendAsync(AsStaff($"api/applications/{id}", "guicheng"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("guicheng", view.GetProperty("handlingCentre").GetProperty("code").GetString());
        Assert.Equal("陈美玲", view.GetProperty("applicant").GetProperty("name").GetString());
        Assert.Equal("440605********0024", view.GetProperty("applicant").GetProperty("idNumberMasked").GetString());
        Assert.DoesNotContain("440605198503120024", view.GetRawText());
        Assert.Equal(
            [
                ("institutionName", "医疗机构名称", "南海区桂城示例口腔诊所"),
                ("category", "医疗机构类别", "诊所"),
                ("departments", "诊疗科目", "口腔科、内科"),
                ("beds", "床位数", "0"),
                ("principal", "主要负责人", "黄医生"),
                ("contactPhone", "联系电话", "075786281234"),
                ("address", "执业地址", "佛山市南海区桂城街道海八路2号"),
            ],
            view.GetProperty("answers").EnumerateArray().Select(a =>
                (a.GetProperty("field").GetString(), a.GetProperty("label").GetString(), a.GetProperty("value").GetString())));
        var delivery = view.GetProperty("delivery");
        Assert.Equal(("windowPickUp", "窗口领取", JsonValueKind.Null),
            (delivery.GetProperty("code").GetString(), delivery.GetProperty("name").GetString(), delivery.GetProperty("address").ValueKind));

        var materials = view.GetProperty("materials").EnumerateArray().ToDictionary(m => m.GetProperty("materialId").GetString()!);
        Assert.Equal(ApplicationClient.MaterialIds.Order(), materials.Keys.Order());
        foreach (var materialId in Uploaded)
        {
            var material = materials[materialId];
            Assert.Equal("upload", material.GetProperty("provided").GetString());
            Assert.Equal(JsonValueKind.Null, material.GetProperty("licenceNumber").ValueKind);
            var fileUrl = material.GetProperty("fileUrl").GetString();
            Assert.Equal($"/api/applications/{id}/materials/{materialId}/file", fileUrl);

            using var file = await Host.Http.SendAsync(AsStaff(fileUrl!, "guicheng"));
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal(FilesOf(run)(materialId), await file.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(JsonValueKind.Null, materials["rules"].GetProperty("fileUrl").ValueKind);
        Assert.Equal("none", materials["rules"].GetProperty("provided").GetString());

        // The Chinese name goes in filename* (RFC 5987); the plain filename is only an ASCII fallback.
        using var named = await Host.Http.SendAsync(AsStaff($"api/applications/{id}/materials/application/file", "guicheng"));
        var disposition = named.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("医疗机构执业登记申请书.pdf", Uri.UnescapeDataString(disposition.FileNameStar!));
        Assert.Contains("filename*=UTF-8''" + Uri.EscapeDataString("医疗机构执业登记申请书.pdf"),
            named.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("nosniff", named.Headers.GetValues("X-Content-Type-Options").Single());

        // A material with no upload has no file to download.
        using var missing = await Host.Http.SendAsync(AsStaff($"api/applications/{id}/materials/rules/file", "guicheng"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        using var unknown = await Host.Http.SendAsync(AsStaff($"api/applications/{id}/materials/no-such-material/file", "guicheng"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        // A decision answers with the same full view, typed as the console reads it.
        using var accepted = await Host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"api/applications/{id}/decisions")
        {
            Headers = { Authorization = new("Bearer", LocalHostProcess.Token("centre-staff", "staff-guicheng", centre: "guicheng")) },
            Content = JsonContent.Create(new { action = "accept-with-missing" }),
        });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var typed = await accepted.Content.ReadFromJsonAsync<ApplicationView>(JsonSerializerOptions.Web);
        Assert.Equal("underReview", typed!.Status.Code);
        Assert.Equal(7, typed.Answers.Count);
        Assert.Equal("440605********0024", typed.Applicant.IdNumberMasked);
        Assert.Equal($"/api/applications/{id}/materials/floor-plan/file", typed.Materials.Single(m => m.MaterialId == "floor-plan").FileUrl);
    }

    [Fact]
    public async Task Staff_of_another_centre_get_not_found_for_the_application_and_its_files()
    {
        var (id, _, _) = await SubmittedAndRoutedAsync();

        using var view = await Host.Http.SendAsync(AsStaff($"api/applications/{id}", "dali"));
        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
        Assert.Equal("application/problem+json", view.Content.Headers.ContentType?.MediaType);
        using var file = await Host.Http.SendAsync(AsStaff($"api/applications/{id}/materials/application/file", "dali"));
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.Equal("application/problem+json", file.Content.Headers.ContentType?.MediaType);

        // The same answer as for an application that does not exist: ids reveal nothing.
        using var none = await Host.Http.SendAsync(AsStaff("api/applications/ap-000000000000000000000000", "dali"));
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task District_administrators_read_any_application_and_its_files()
    {
        var (id, _, run) = await SubmittedAndRoutedAsync();

        using var view = await Host.Http.SendAsync(Host.Request(HttpMethod.Get, $"api/applications/{id}", "district-admin", "admin-1"));
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        var body = await view.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(7, body.GetProperty("answers").GetArrayLength());
        Assert.Equal("陈美玲", body.GetProperty("applicant").GetProperty("name").GetString());

        using var file = await Host.Http.SendAsync(Host.Request(HttpMethod.Get, $"api/applications/{id}/materials/premises/file", "district-admin", "admin-1"));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(FilesOf(run)("premises"), await file.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_applicant_reads_only_their_own_and_other_roles_are_forbidden()
    {
        var (id, applicant, run) = await SubmittedAndRoutedAsync();

        using var own = await Host.Http.SendAsync(Host.Request(HttpMethod.Get, $"api/applications/{id}", "applicant", applicant));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("440605********0024", (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicant").GetProperty("idNumberMasked").GetString());
        using var ownFile = await Host.Http.SendAsync(Host.Request(HttpMethod.Get, $"api/applications/{id}/materials/application/file", "applicant", applicant));
        Assert.Equal(FilesOf(run)("application"), await ownFile.Content.ReadAsByteArrayAsync());

        using var stranger = await Host.Http.SendAsync(Host.Request(HttpMethod.Get, $"api/applications/{id}", "applicant", "someone-else"));
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        using var strangerFile = await Host.Http.SendAsync(Host.Request(HttpMethod.Get, $"api/applications/{id}/materials/application/file", "applicant", "someone-else"));
        Assert.Equal(HttpStatusCode.NotFound, strangerFile.StatusCode);

        foreach (var role in (string[])["unit-officer", "data-authority"])
        {
            using var view = await Host.Http.SendAsync(Host.Request(HttpMethod.Get, $"api/applications/{id}", role, applicant, unit: "nhwjj"));
            Assert.Equal(HttpStatusCode.Forbidden, view.StatusCode);
            using var file = await Host.Http.SendAsync(Host.Request(HttpMethod.Get, $"api/applications/{id}/materials/application/file", role, applicant, unit: "nhwjj"));
            Assert.Equal(HttpStatusCode.Forbidden, file.StatusCode);
        }
        using var anonymous = await Host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"api/applications/{id}/materials/application/file"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
