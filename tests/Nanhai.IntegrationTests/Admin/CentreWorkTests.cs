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
}
