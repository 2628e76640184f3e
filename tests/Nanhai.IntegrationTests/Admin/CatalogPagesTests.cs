using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Nanhai.IntegrationTests.Ingestion;

namespace Nanhai.IntegrationTests.Admin;

/// <summary>The catalog pages in chromium: totals from the platform, search and paging, a resource, runs and a quarantine report.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CatalogPagesTests(ConsoleFixture console)
{
    [Fact]
    public async Task The_catalog_shows_the_platforms_own_totals_and_a_resource_found_by_name_with_its_items()
    {
        var summary = await new DumpDrops(console.Platform.Services, console.Platform.Host).GetAsync("api/catalog/summary");
        var page = await console.OpenAsync();
        await page.SignInAsync("dev-district-admin");

        await page.GetByRole(AriaRole.Link, new() { Name = "数据资源目录" }).ClickAsync();
        var figures = await page.Locator(".figures").InnerTextAsync();
        Assert.Contains(summary.GetProperty("resources").GetInt64().ToString("N0"), figures);
        Assert.Contains(summary.GetProperty("units").GetInt64().ToString("N0"), figures);
        await page.AssertEveryControlLabelledAsync();

        await page.GetByLabel("名称或代码").FillAsync("户籍人口");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "10101-000001" }).ClickAsync();

        Assert.Contains("户籍人口基本信息", await page.Locator("h1").InnerTextAsync());
        var items = await page.Locator("table", new() { HasText = "共 9 个数据项" }).InnerTextAsync();
        Assert.Contains("公民身份号码", items);
        Assert.Contains("id_number", items);
        var about = await page.Locator(".meta-list").InnerTextAsync();
        Assert.Contains("佛山市公安局南海分局", about);
        Assert.Contains("无条件共享", about);
        Assert.Contains("id_number", about);
        await page.ScreenshotAsync("catalog-resource");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Resources_are_filtered_by_unit_and_sharing_type_and_listed_a_page_at_a_time()
    {
        var page = await console.OpenAsync();
        await page.SignInAsync("dev-data-authority", "/Catalog");

        var first = await ResourceCodesAsync(page);
        Assert.Equal(20, first.Count);
        await page.GetByRole(AriaRole.Link, new() { Name = "下一页" }).ClickAsync();
        var second = await ResourceCodesAsync(page);
        Assert.NotEmpty(second);
        Assert.Empty(first.Intersect(second));

        await page.GetByLabel("数源单位").SelectOptionAsync(new SelectOptionValue { Label = "佛山市公安局南海分局" });
        await page.GetByLabel("共享类型").SelectOptionAsync(new SelectOptionValue { Label = "有条件共享" });
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var rows = await page.Locator(".data-table tbody tr").AllInnerTextsAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Contains("佛山市公安局南海分局", row));
        Assert.All(rows, row => Assert.Contains("有条件共享", row));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_address_with_an_unknown_sharing_type_gets_the_platforms_message_beside_the_field()
    {
        var page = await console.OpenAsync();
        await page.SignInAsync("dev-data-authority", "/Catalog?sharingType=Everything");

        Assert.Equal(200, (await page.ReloadAsync())!.Status);
        Assert.NotEmpty((await page.Locator("select#SharingType + .field-error, #SharingType ~ .field-error").InnerTextAsync()).Trim());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_quarantined_dumps_report_is_read_by_its_unit_and_centre_staff_cannot_open_runs()
    {
        var drops = new DumpDrops(console.Platform.Services, console.Platform.Host);
        const string file = "header-wrong-console.csv";
        await drops.DropAsync("gaj", "10102-000001", file, Encoding.UTF8.GetBytes("编号,名字\n1,张三\n"));
        var run = await drops.FinishedRunAsync("10102-000001", file);
        Assert.Equal("Quarantined", run.GetProperty("status").GetString());

        var page = await console.OpenAsync();
        await page.SignInAsync("dev-unit-officer-gaj", "/Catalog/Runs?resource=10102-000001");
        await page.GetByRole(AriaRole.Link, new() { Name = file }).ClickAsync();

        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("已隔离", main);
        Assert.Contains("错误报告（文件已隔离）", main);
        Assert.Contains("表头与资源的数据项不符", main);
        Assert.Contains(run.GetProperty("quarantinePath").GetString()!, main);
        Assert.Equal("page", await page.Locator(".site-nav a", new() { HasText = "数据资源目录" }).GetAttributeAsync("aria-current"));
        await page.ScreenshotAsync("catalog-quarantine-report");
        await page.AssertEveryControlLabelledAsync();
        await page.Context.CloseAsync();

        var centre = await console.OpenAsync();
        await centre.SignInAsync("dev-centre-staff-guicheng", "/Catalog/Resource/10102-000001");
        Assert.Empty(await centre.GetByRole(AriaRole.Link, new() { Name = file }).AllAsync());
        var denied = await centre.GotoAsync("/Catalog/Runs");
        Assert.Equal(403, denied!.Status);
        Assert.Contains("无权访问", await centre.Locator("h1").InnerTextAsync());
        await centre.Context.CloseAsync();
    }

    static async Task<List<string>> ResourceCodesAsync(IPage page) =>
        [.. await page.Locator(".data-table tbody tr td:first-child a").AllInnerTextsAsync()];
}
