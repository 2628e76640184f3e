using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Nanhai.Application.ServiceMatters.DemoData;
using Nanhai.Domain.ServiceMatters;

namespace Nanhai.IntegrationTests.Admin;

/// <summary>
/// The matter designer (事项设计器) in chromium against the local host: designing, publishing and comparing matters, the
/// platform's field messages, concurrent edits, roles, labels and the keyboard. Each test uses its own codes (owner DSGN).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class MatterDesignerTests(ConsoleFixture console)
{
    const string Admin = "district-admin";

    [Fact]
    public async Task A_matter_designed_with_two_materials_and_three_fields_is_published_to_the_catalogue()
    {
        const string code = "NH-DSGN-0001";
        var page = await console.OpenAsync();
        await page.SignInAsync("dev-district-admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "事项设计器" }).ClickAsync();
        await page.AssertEveryControlLabelledAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "新建事项" }).ClickAsync();

        await page.GetByLabel("事项编码").FillAsync(code);
        await FillElementsAsync(page, "门前三包责任书签订");
        await page.Locator("#Matter_Materials_0__Name").FillAsync("营业执照复印件");

        // By keyboard: Enter on "添加材料" adds a row and puts the focus in its name, ready for typing.
        await PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "添加材料" }), "Enter");
        Assert.Equal("Matter_Materials_1__Name", await FocusedIdAsync(page));
        await page.Keyboard.TypeAsync("经营场所照片");

        await DefineFieldAsync(page, 0, "联系电话", "contactPhone", "单行文本");
        await page.Locator("#Matter_Fields_0__MaxLength").FillAsync("20");
        await page.Locator("#Matter_Fields_0__Pattern").FillAsync(@"^1[3-9]\d{9}$");
        await PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "添加字段" }), "Enter");
        Assert.Equal("Matter_Fields_1__Label", await FocusedIdAsync(page));
        await DefineFieldAsync(page, 1, "门店类型", "shopType", "下拉单选");
        await page.Locator("#Matter_Fields_1__Options").FillAsync("餐饮\n零售\n服务");
        await PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "添加字段" }), "Enter");
        await DefineFieldAsync(page, 2, "开业日期", "openedOn", "日期");
        await page.Locator("#Matter_Fields_2__Required").UncheckAsync();

        // The preview follows the builder without saving: each field as the applicant will see it.
        var preview = page.Locator("#form-preview");
        var opened = preview.GetByLabel("开业日期", new() { Exact = true });
        await opened.WaitForAsync();
        Assert.Equal("date", await opened.GetAttributeAsync("type"));
        Assert.Equal("20", await preview.GetByLabel("联系电话（必填）").GetAttributeAsync("maxlength"));
        Assert.Equal(["请选择", "餐饮", "零售", "服务"], await preview.GetByLabel("门店类型（必填）").Locator("option").AllInnerTextsAsync());
        await page.AssertEveryControlLabelledAsync();
        await page.ScreenshotAsync("matter-designer-new");

        // Enter in a text input saves the draft: "保存草稿" is the form's first button.
        await page.GetByLabel("事项名称").PressAsync("Enter");
        await page.GetByText("草稿已保存").WaitForAsync();
        Assert.EndsWith($"/Matters/Edit/{code}", page.Url);

        await page.GetByRole(AriaRole.Link, new() { Name = "发布新版本" }).ClickAsync();
        Assert.Contains("这是该事项的首个版本", await page.Locator("main").InnerTextAsync());
        await page.AssertEveryControlLabelledAsync();
        await page.ScreenshotAsync("matter-designer-publish");
        await PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "确认发布第 1 版" }), "Enter");
        await page.GetByText("已发布第 1 版").WaitForAsync();
        await page.Context.CloseAsync();

        var published = await GetAsync($"api/matters/{code}");
        Assert.Equal(1, published.GetProperty("version").GetInt32());
        Assert.Equal("门前三包责任书签订", published.GetProperty("name").GetString());
        Assert.Equal(["营业执照复印件", "经营场所照片"], published.GetProperty("materials").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        var schema = published.GetProperty("formSchema");
        Assert.Equal(["contactPhone", "shopType", "openedOn"], schema.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["contactPhone", "shopType"], schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        var phone = schema.GetProperty("properties").GetProperty("contactPhone");
        Assert.Equal(("string", "联系电话", 20, @"^1[3-9]\d{9}$"),
            (phone.GetProperty("type").GetString(), phone.GetProperty("title").GetString(), phone.GetProperty("maxLength").GetInt32(), phone.GetProperty("pattern").GetString()));
        Assert.Equal(["餐饮", "零售", "服务"], schema.GetProperty("properties").GetProperty("shopType").GetProperty("enum").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal("date", schema.GetProperty("properties").GetProperty("openedOn").GetProperty("format").GetString());
        var listed = (await GetAsync($"api/matters?q={code}")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal((code, 1), (listed.GetProperty("code").GetString(), listed.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task The_platforms_field_messages_appear_beside_the_fields_they_name()
    {
        var page = await console.OpenAsync();
        await page.SignInAsync("dev-district-admin", "/Matters/Edit");
        await page.GetByLabel("事项编码").FillAsync("NH-DSGN-0002");
        await FillElementsAsync(page, "校验消息测试事项");
        await page.GetByLabel("承诺办结时限（工作日）").FillAsync("30");
        await page.Locator("#Matter_Materials_0__Name").FillAsync("申请书");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加材料" }).ClickAsync();
        await page.Locator("#Matter_Materials_1__Name").FillAsync("申请书");
        await DefineFieldAsync(page, 0, "联系电话", "contactPhone", "单行文本");

        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();

        // The platform names definition.promisedWorkingDays and definition.materials[1].name; each lands beside its input.
        Assert.Contains("承诺时限不得超过法定时限", await ErrorBesideAsync(page, "Matter.PromisedWorkingDays"));
        Assert.Contains("材料名称重复", await ErrorBesideAsync(page, "Matter.Materials[1].Name"));
        Assert.Equal("", await ErrorBesideAsync(page, "Matter.Materials[0].Name"));
        Assert.Equal("30", await page.GetByLabel("承诺办结时限（工作日）").InputValueAsync());
        await page.ScreenshotAsync("matter-designer-field-messages");
        using (var nothing = await console.Platform.Host.Http.SendAsync(console.Platform.Host.Request(HttpMethod.Get, "api/matters/NH-DSGN-0002/authoring", Admin)))
            Assert.Equal(HttpStatusCode.NotFound, nothing.StatusCode);

        // The builder's own checks, which the platform does not make: a field name the answers could not use.
        await page.GetByLabel("承诺办结时限（工作日）").FillAsync("5");
        await page.Locator("#Matter_Materials_1__Name").FillAsync("身份证");
        await page.Locator("#Matter_Fields_0__Name").FillAsync("联系 电话");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        Assert.Contains("字段名以英文字母开头", await ErrorBesideAsync(page, "Matter.Fields[0].Name"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Version_1_compared_with_an_edited_draft_shows_what_changed()
    {
        const string code = "NH-DSGN-0003";
        await PublishThroughApiAsync(code, "居住证签注");
        var page = await console.OpenAsync();
        await page.SignInAsync("dev-district-admin", $"/Matters/Edit/{code}");
        Assert.Contains("没有草稿", await page.Locator("main").InnerTextAsync());

        await page.GetByLabel("事项名称").FillAsync("居住证签注（续签）");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加字段" }).ClickAsync();
        var rows = await page.Locator("[data-field-row]").CountAsync();
        await DefineFieldAsync(page, rows - 1, "居住年限", "yearsResident", "整数");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await page.GetByText("草稿已保存").WaitForAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "版本比对" }).ClickAsync();
        Assert.Equal("draft", await page.GetByLabel("新版本").InputValueAsync());
        var differences = page.Locator(".data-table tbody tr");
        var name = await differences.Filter(new() { HasText = "事项名称" }).InnerTextAsync();
        Assert.Contains("修改", name);
        Assert.Contains("居住证签注", name);
        Assert.Contains("居住证签注（续签）", name);
        Assert.Contains("新增", await differences.Filter(new() { HasText = "表单字段“居住年限”" }).InnerTextAsync());
        await page.AssertEveryControlLabelledAsync();
        await page.ScreenshotAsync("matter-designer-comparison");

        // Version 1 against itself: nothing differs.
        await page.GetByLabel("新版本").SelectOptionAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "比对" }).ClickAsync();
        Assert.Contains("两者内容相同", await page.Locator(".data-table").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_draft_changed_by_someone_else_meanwhile_is_not_overwritten_and_the_page_offers_to_reload()
    {
        const string code = "NH-DSGN-0004";
        await PublishThroughApiAsync(code, "临时占用道路审批");
        var page = await console.OpenAsync();
        await page.SignInAsync("dev-district-admin", $"/Matters/Edit/{code}");

        var authoring = await GetAsync($"api/matters/{code}/authoring", Admin);
        var theirs = authoring.GetProperty("latestDefinition").Deserialize<JsonObject>()!;
        theirs["name"] = "他人修改的名称";
        using (var request = console.Platform.Host.Request(HttpMethod.Put, $"api/matters/{code}/draft", Admin, json: theirs))
        {
            request.Headers.TryAddWithoutValidation("If-Match", authoring.GetProperty("eTag").GetString());
            using var saved = await console.Platform.Host.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        await page.GetByLabel("事项名称").FillAsync("我的修改");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();

        Assert.Contains("此事项已被他人修改", await page.Locator(".banner--warn").InnerTextAsync());
        Assert.Equal("我的修改", await page.GetByLabel("事项名称").InputValueAsync());
        var stored = await GetAsync($"api/matters/{code}/authoring", Admin);
        Assert.Equal("他人修改的名称", stored.GetProperty("draft").GetProperty("name").GetString());

        await page.GetByRole(AriaRole.Link, new() { Name = "重新载入最新草稿" }).ClickAsync();
        Assert.Equal("他人修改的名称", await page.GetByLabel("事项名称").InputValueAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Centre_staff_cannot_open_the_designer()
    {
        var page = await console.OpenAsync();
        await page.SignInAsync("dev-centre-staff-guicheng");
        Assert.Empty(await page.Locator(".site-nav a", new() { HasText = "事项设计器" }).AllAsync());

        foreach (var path in new[] { "/Matters", "/Matters/Edit", "/Matters/Edit/NH-SCJ-0001", "/Matters/Compare/NH-SCJ-0001" })
        {
            var denied = await page.GotoAsync(path);
            Assert.Equal(403, denied!.Status);
            Assert.Contains("无权访问", await page.Locator("h1").InnerTextAsync());
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_demo_matter_opens_with_its_materials_and_form_and_saving_it_unchanged_changes_nothing()
    {
        var page = await console.OpenAsync();
        await page.SignInAsync("dev-district-admin", "/Matters?q=NH-SCJ-0001");
        await page.GetByRole(AriaRole.Link, new() { Name = "NH-SCJ-0001" }).ClickAsync();

        Assert.Equal("企业设立登记", await page.GetByLabel("事项名称").InputValueAsync());
        Assert.Equal("公司章程", await page.Locator("#Matter_Materials_1__Name").InputValueAsync());
        Assert.Equal("有限责任公司", (await page.Locator("#form-preview").GetByLabel("企业类型（必填）").Locator("option").AllInnerTextsAsync())[1]);
        await page.AssertEveryControlLabelledAsync();
        await page.ScreenshotAsync("matter-designer-demo-matter");

        // Opened and saved as it is, the form builder gives back the very schema it read: the draft equals version 1.
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await page.GetByText("草稿已保存").WaitForAsync();
        var latest = (await GetAsync("api/matters/NH-SCJ-0001/authoring", Admin)).GetProperty("versions").EnumerateArray().Last().GetProperty("number").GetInt32();
        var comparison = await GetAsync($"api/matters/NH-SCJ-0001/comparison?from={latest}&to=draft", Admin);
        Assert.Empty(comparison.GetProperty("differences").EnumerateArray());
        await page.Context.CloseAsync();
    }

    /// <summary>A valid town matter's elements: 桂城 only, promised, window pick-up and mail.</summary>
    static async Task FillElementsAsync(IPage page, string name)
    {
        await page.GetByLabel("事项名称").FillAsync(name);
        await page.GetByLabel("实施主体").FillAsync("桂城街道办事处");
        await page.GetByLabel("办理层级").SelectOptionAsync(new SelectOptionValue { Label = "镇街" });
        await page.GetByLabel("办件类型").SelectOptionAsync(new SelectOptionValue { Label = "承诺件" });
        await page.GetByLabel("法定办结时限（工作日）").FillAsync("20");
        await page.GetByLabel("承诺办结时限（工作日）").FillAsync("5");
        await page.GetByLabel("到办事现场次数").FillAsync("1");
        await page.GetByLabel("桂城街道行政服务中心").CheckAsync();
        await page.GetByLabel("窗口领取").CheckAsync();
        await page.GetByLabel("省内包邮").CheckAsync();
    }

    static async Task DefineFieldAsync(IPage page, int index, string label, string name, string type)
    {
        await page.Locator($"#Matter_Fields_{index}__Label").FillAsync(label);
        await page.Locator($"#Matter_Fields_{index}__Name").FillAsync(name);
        await page.Locator($"#Matter_Fields_{index}__Type").SelectOptionAsync(new SelectOptionValue { Label = type });
    }

    /// <summary>Focuses a button and presses a key on it, waiting for the page the form post brings.</summary>
    static async Task PressAsync(ILocator control, string key)
    {
        var page = control.Page;
        var loaded = new TaskCompletionSource();
        void OnLoad(object? sender, IPage loadedPage) => loaded.TrySetResult();
        await control.FocusAsync();
        page.Load += OnLoad;
        try
        {
            await page.Keyboard.PressAsync(key);
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }
        finally
        {
            page.Load -= OnLoad;
        }
    }

    static Task<string> FocusedIdAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''");

    static async Task<string> ErrorBesideAsync(IPage page, string input) =>
        (await page.Locator($"[data-valmsg-for=\"{input}\"]").InnerTextAsync()).Trim();

    /// <summary>Creates and publishes a matter through the API: a demo matter's definition under a new code and name.</summary>
    async Task PublishThroughApiAsync(string code, string name)
    {
        var definition = JsonSerializer.SerializeToNode(DemoMatterCatalog.Read().First(s => s.Definition.Kind == MatterKind.Promised).Definition, MatterJson.Options)!;
        definition["name"] = name;
        var host = console.Platform.Host;
        using var created = await host.Http.SendAsync(host.Request(HttpMethod.Post, "api/matters", Admin, json: new JsonObject { ["code"] = code, ["definition"] = definition }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var publish = host.Request(HttpMethod.Post, $"api/matters/{code}/versions", Admin);
        publish.Headers.TryAddWithoutValidation("If-Match", created.Headers.NonValidated["ETag"].ToString());
        using var published = await host.Http.SendAsync(publish);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
    }

    async Task<JsonElement> GetAsync(string path, string? role = null)
    {
        using var response = await console.Platform.Host.Http.SendAsync(console.Platform.Host.Request(HttpMethod.Get, path, role));
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
