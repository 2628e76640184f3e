using Microsoft.Playwright;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Admin;

/// <summary>Signing in to the console as each role, in chromium: what each sees, signing out, the keyboard, labels.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SignInTests(ConsoleFixture console)
{
    static readonly string[] Everything = ["首页", "事项设计器", "中心工作台", "数据共享", "数据资源目录", "流程监控", "数字驾驶舱"];
    static readonly string[] DataAuthority = ["首页", "数据共享", "数据资源目录", "数字驾驶舱"];
    static readonly string[] UnitWork = ["首页", "数据共享", "数据资源目录"];
    static readonly string[] CentreWork = ["首页", "中心工作台", "数据共享", "数据资源目录"];

    public static TheoryData<string, string, string, string[]> Users => new()
    {
        { "dev-district-admin", "王敏", "区级管理员", Everything },
        { "dev-data-authority", "李强", "政务数据主管部门", DataAuthority },
        { "dev-unit-officer-gaj", "陈静", "数源单位数据专员 · 单位 gaj", UnitWork },
        { "dev-centre-staff-guicheng", "黄丽", "行政服务中心窗口人员 · 桂城街道行政服务中心", CentreWork },
    };

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Each_role_signs_in_and_sees_its_name_its_scope_and_only_its_sections(string user, string name, string role, string[] sections)
    {
        var page = await console.OpenAsync();

        await page.SignInAsync(user);

        var header = await page.Locator(".site-user").InnerTextAsync();
        Assert.Contains(name, header);
        Assert.Contains(role, header);
        Assert.Equal(sections, await SectionsAsync(page));
        Assert.Contains("平台运行正常", await page.Locator("main").InnerTextAsync());
        await page.ScreenshotAsync($"sign-in-{user}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_visitor_is_sent_to_sign_in_and_back_to_the_page_asked_for_and_signing_out_ends_the_session()
    {
        var page = await console.OpenAsync();

        await page.GotoAsync("/Index");
        Assert.Contains("/Account/SignIn?ReturnUrl=%2FIndex", page.Url);
        Assert.Empty(await SectionsAsync(page));
        await page.Locator("#user-dev-district-admin").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.Locator(".site-user").WaitForAsync();
        Assert.Equal("/Index", new Uri(page.Url).AbsolutePath);

        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.Locator("#user-dev-district-admin").WaitForAsync();
        Assert.Contains("/Account/SignIn", page.Url);
        await page.GotoAsync("/");
        Assert.Contains("/Account/SignIn", page.Url);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Signing_in_works_by_keyboard_alone()
    {
        var page = await console.OpenAsync();
        await page.GotoAsync("/Account/SignIn");

        // Tab to the first user, arrow to the second (a radio group moves and selects with the arrows), Enter submits.
        for (var i = 0; i < 10 && await page.EvaluateAsync<string?>("() => document.activeElement?.type") != "radio"; i++)
            await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");

        await page.Locator(".site-user").WaitForAsync();
        Assert.Contains("李强", await page.Locator(".site-user").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_form_control_of_the_sign_in_and_home_pages_has_a_label()
    {
        var page = await console.OpenAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.AssertEveryControlLabelledAsync();

        await page.SignInAsync("dev-district-admin");
        await page.AssertEveryControlLabelledAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Signing_in_without_choosing_a_user_says_so_beside_the_choice()
    {
        var page = await console.OpenAsync();
        await page.GotoAsync("/Account/SignIn");

        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();

        Assert.Equal("请选择登录身份", (await page.Locator("fieldset .field-error").InnerTextAsync()).Trim());
        Assert.Empty(await page.Locator(".site-user").AllAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_home_page_says_so_when_the_platform_cannot_be_reached()
    {
        var nothingListens = ManagedProcess.FreePort();
        await using var cutOff = await AdminConsoleProcess.StartAsync(nothingListens);
        var page = await console.Browser.OpenAsync(cutOff.BaseAddress);

        await page.SignInAsync("dev-district-admin");

        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("无法连接平台 API", main);
        Assert.Contains($"127.0.0.1:{nothingListens}", main);
        await page.Context.CloseAsync();
    }

    // The section names without the "即将上线" tag of sections still to come.
    static Task<string[]> SectionsAsync(IPage page) =>
        page.Locator(".site-nav .nav-item").EvaluateAllAsync<string[]>("items => items.map(i => i.firstChild.textContent.trim())");
}
