using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Admin;

/// <summary>The centre work queue in chromium, with applications submitted through the platform's API as the mini-program does.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CentreWorkTests(ConsoleFixture console)
{
    ApplicationClient Applications => new(console.Platform.Host);

    async Task<string> SubmitAsync(string applicant)
    {
        var body = await Applications.ApplicationBodyAsync(applicant, ApplicationClient.MaterialIds);
        using var response = await Applications.SubmitAsync(applicant, Guid.NewGuid().ToString(), body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetString()!;
        await Applications.WaitForStatusAsync(applicant, id, "awaitingAcceptance");
        return id;
    }

    [Fact]
    public async Task A_centre_sees_its_own_waiting_applications_and_a_district_admin_chooses_the_centre()
    {
        var id = await SubmitAsync("applicant-queue-" + Guid.NewGuid().ToString("N")[..8]);

        var page = await console.OpenAsync();
        await page.SignInAsync("dev-centre-staff-guicheng");
        await page.GetByRole(AriaRole.Link, new() { Name = "中心工作台" }).ClickAsync();
        var row = page.Locator(".data-table tbody tr", new() { HasText = id });
        Assert.Contains("待受理", await row.InnerTextAsync());
        Assert.Contains("医疗机构执业登记", await row.InnerTextAsync());
        Assert.Empty(await page.GetByLabel("服务中心").AllAsync());
        await page.ScreenshotAsync("centre-queue");
        await page.AssertEveryControlLabelledAsync();
        await page.Context.CloseAsync();

        var other = await console.OpenAsync();
        await other.SignInAsync("dev-centre-staff-jiujiang", "/Centre");
        Assert.Empty(await other.Locator(".data-table tbody tr", new() { HasText = id }).AllAsync());
        // Another centre's queue is not theirs to choose: the address is ignored.
        await other.GotoAsync("/Centre?centre=guicheng");
        Assert.Empty(await other.Locator(".data-table tbody tr", new() { HasText = id }).AllAsync());
        await other.Context.CloseAsync();

        var admin = await console.OpenAsync();
        await admin.SignInAsync("dev-district-admin", "/Centre");
        await admin.GetByLabel("服务中心").SelectOptionAsync(new SelectOptionValue { Label = "桂城街道行政服务中心" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        Assert.Single(await admin.Locator(".data-table tbody tr", new() { HasText = id }).AllAsync());
        await admin.Context.CloseAsync();

        var officer = await console.OpenAsync();
        await officer.SignInAsync("dev-unit-officer-gaj");
        Assert.Equal(403, (await officer.GotoAsync("/Centre"))!.Status);
        await officer.Context.CloseAsync();
    }

    [Fact]
    public async Task Centre_staff_read_an_application_open_its_materials_accept_and_approve_it_and_the_applicant_sees_it_move()
    {
        var applicant = "applicant-decide-" + Guid.NewGuid().ToString("N")[..8];
        var id = await SubmitAsync(applicant);
        var page = await console.OpenAsync();
        await page.SignInAsync("dev-centre-staff-guicheng", "/Centre");
        await page.GetByRole(AriaRole.Link, new() { Name = id }).ClickAsync();

        var answers = await page.Locator("section", new() { HasText = "申请人与申请内容" }).InnerTextAsync();
        Assert.Contains("陈美玲", answers);
        Assert.Contains("440605********0024", answers);
        Assert.Contains("南海区桂城示例口腔诊所", answers);
        Assert.Contains("口腔科、内科", answers);
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator("a", new() { HasText = "打开文件：医疗机构执业登记申请书" }).ClickAsync());
        Assert.StartsWith("医疗机构执业登记申请书", download.SuggestedFilename);
        Assert.StartsWith("%PDF", await File.ReadAllTextAsync((await download.PathAsync())!));
        await page.AssertEveryControlLabelledAsync();

        // A refusal needs a reason: said beside the field, nothing decided.
        await page.GetByLabel("不予受理（须说明理由）").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交决定" }).ClickAsync();
        await page.Locator("form.action-form", new() { HasText = "须书面说明理由" }).WaitForAsync();
        Assert.Equal("awaitingAcceptance", await StatusAsync(applicant, id));

        await page.GetByLabel("受理", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交决定" }).ClickAsync();
        await page.Locator("[role=status]", new() { HasText = "已受理" }).WaitForAsync();
        await Applications.WaitForStatusAsync(applicant, id, "underReview");
        await page.ScreenshotAsync("centre-application-accepted");

        await page.GetByLabel("准予许可", new() { Exact = true }).CheckAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("[role=status]", new() { HasText = "已准予许可" }).WaitForAsync();
        var timeline = await page.Locator("ol.timeline").InnerTextAsync();
        Assert.Contains("提交申请", timeline);
        Assert.Contains("受理", timeline);
        Assert.Contains("准予许可", timeline);
        var approved = await Applications.WaitForStatusAsync(applicant, id, "approved");
        Assert.Contains("application.approved", approved.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        await page.Context.CloseAsync();
    }

    async Task<string?> StatusAsync(string applicant, string id)
    {
        using var response = await console.Platform.Host.Http.SendAsync(console.Platform.Host.Request(HttpMethod.Get, $"api/applications/{id}", "applicant", applicant));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetProperty("code").GetString();
    }
}
