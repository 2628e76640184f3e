using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Admin;

/// <summary>The cockpit in chromium: charts drawn by the console's own ECharts, with the platform's real numbers.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CockpitTests(ConsoleFixture console)
{
    async Task<JsonElement> ApiAsync(string path)
    {
        using var response = await console.Platform.Host.Http.SendAsync(console.Platform.Host.Request(HttpMethod.Get, path, "district-admin"));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_cockpit_charts_the_platforms_own_figures()
    {
        // At least one application, so the volume chart has a bar to draw.
        var applicant = "applicant-cockpit-" + Guid.NewGuid().ToString("N")[..8];
        var client = new ApplicationClient(console.Platform.Host);
        using (var submitted = await client.SubmitAsync(applicant, Guid.NewGuid().ToString(), await client.ApplicationBodyAsync(applicant, ApplicationClient.MaterialIds)))
            submitted.EnsureSuccessStatusCode();
        var services = await ApiAsync("api/stats/services");
        var catalog = await ApiAsync("api/catalog/summary");
        var trend = await ApiAsync("api/stats/services/trend");

        var page = await console.OpenAsync();
        await page.SignInAsync("dev-data-authority");
        await page.GetByRole(AriaRole.Link, new() { Name = "数字驾驶舱" }).ClickAsync();

        var charts = page.Locator("[data-chart]");
        Assert.Equal(8, await charts.CountAsync());
        foreach (var chart in await charts.AllAsync())
            await chart.Locator("svg").WaitForAsync(); // drawn by ECharts, which the console serves itself

        var byLevel = page.Locator("#chart-by-level");
        var district = services.GetProperty("applicationsByLevel").GetProperty("district").GetInt64();
        Assert.True(district > 0);
        Assert.Contains($"区级 {district}件", await byLevel.GetAttributeAsync("aria-label"));
        Assert.Contains(district.ToString(), await byLevel.Locator("svg").TextContentAsync());
        // No records ingested yet in this run's platform means no rate: the gauge says so rather than showing 0%.
        var guicheng = trend.GetProperty("centres").EnumerateArray().Single(c => c.GetProperty("centre").GetString() == "guicheng").GetProperty("applications").GetInt64();
        Assert.True(guicheng > 0);
        Assert.Contains($"桂城街道 {guicheng}件", await page.Locator("#chart-by-centre").GetAttributeAsync("aria-label"));
        var thisMonth = trend.GetProperty("months").EnumerateArray().Last();
        Assert.Contains($"{thisMonth.GetProperty("month").GetString()} {thisMonth.GetProperty("byLevel").GetProperty("district").GetInt64()}件",
            await page.Locator("#chart-by-month").GetAttributeAsync("aria-label"));
        Assert.Contains("超期督办（在办）", await page.Locator(".figures").InnerTextAsync());
        Assert.Contains($"{thisMonth.GetProperty("month").GetString()} {catalog.GetProperty("resources").GetInt64()}个",
            await page.Locator("#chart-catalog-growth").GetAttributeAsync("aria-label"));
        var sharing = catalog.GetProperty("sharingRate") is { ValueKind: JsonValueKind.Number } rate ? $"{Math.Round(rate.GetDouble() * 100, 1)}%" : "暂无数据";
        Assert.Contains(sharing, await page.Locator("#chart-sharing-rate").GetAttributeAsync("aria-label"));
        Assert.Contains(services.GetProperty("applications").GetInt64().ToString("N0"), await page.Locator(".figures").InnerTextAsync());
        await page.ScreenshotAsync("cockpit");
        await page.AssertEveryControlLabelledAsync();
        await page.Context.CloseAsync();

        var centre = await console.OpenAsync();
        await centre.SignInAsync("dev-centre-staff-guicheng");
        Assert.Empty(await centre.Locator(".site-nav a", new() { HasText = "数字驾驶舱" }).AllAsync());
        Assert.Equal(403, (await centre.GotoAsync("/Cockpit"))!.Status);
        await centre.Context.CloseAsync();
    }
}
