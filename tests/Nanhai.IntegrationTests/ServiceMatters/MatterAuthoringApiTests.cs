using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nanhai.Application.ServiceMatters.DemoData;
using Nanhai.Domain.ServiceMatters;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.ServiceMatters;

/// <summary>
/// The designer's matter-authoring API on the local host, against the Cosmos stand-in: each test creates matters under
/// its own codes (owner <c>TEST</c>, which no demo matter uses).
/// </summary>
public sealed class MatterAuthoringApiTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    const string Admin = "district-admin";
    LocalHostProcess Host => platform.Host;

    /// <summary>A valid promised, district-level matter from the demo catalogue, as the designer would send it.</summary>
    static JsonObject Definition()
    {
        var seed = DemoMatterCatalog.Read().First(s => s.Definition.Kind == MatterKind.Promised && s.Definition.PromisedWorkingDays >= 3);
        return JsonSerializer.SerializeToNode(seed.Definition, MatterJson.Options)!.AsObject();
    }

    static JsonObject NewMatter(string code, JsonObject definition) => new() { ["code"] = code, ["definition"] = definition };

    [Fact]
    public async Task A_matter_created_drafted_and_published_appears_in_the_catalogue_and_a_second_version_follows()
    {
        const string code = "NH-TEST-0001";
        var definition = Definition();
        definition["name"] = "测试事项（设计器）";

        using var created = await SendAsync(HttpMethod.Post, "api/matters", Admin, NewMatter(code, definition));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/matters/{code}/authoring", created.Headers.Location?.OriginalString);
        var etag = ETagOf(created);
        Assert.Equal(etag, (await ReadAsync(created)).GetProperty("eTag").GetString());
        using (var unpublished = await Host.Http.GetAsync($"api/matters/{code}"))
            Assert.Equal(HttpStatusCode.NotFound, unpublished.StatusCode);

        definition["promisedWorkingDays"] = 2;
        using var saved = await SendAsync(HttpMethod.Put, $"api/matters/{code}/draft", Admin, definition, etag);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(2, (await ReadAsync(saved)).GetProperty("draft").GetProperty("promisedWorkingDays").GetInt32());
        Assert.NotEqual(etag, ETagOf(saved));

        using var published = await SendAsync(HttpMethod.Post, $"api/matters/{code}/versions", Admin, null, ETagOf(saved));
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal($"/api/matters/{code}/versions/1", published.Headers.Location?.OriginalString);
        Assert.Equal(1, (await ReadAsync(published)).GetProperty("version").GetInt32());

        var v1 = await GetAsync($"api/matters/{code}", role: null);
        Assert.Equal((1, "测试事项（设计器）", 2), (v1.GetProperty("version").GetInt32(), v1.GetProperty("name").GetString(), v1.GetProperty("promisedWorkingDays").GetInt32()));
        var listed = (await GetAsync($"api/matters?q={code}", role: null)).GetProperty("items").EnumerateArray().Single();
        Assert.Equal((code, 1), (listed.GetProperty("code").GetString(), listed.GetProperty("version").GetInt32()));

        definition["name"] = "测试事项（第二版）";
        using var second = await SendAsync(HttpMethod.Put, $"api/matters/{code}/draft", Admin, definition, ETagOf(published));
        using var v2 = await SendAsync(HttpMethod.Post, $"api/matters/{code}/versions", Admin, null, ETagOf(second));
        Assert.Equal(HttpStatusCode.Created, v2.StatusCode);

        Assert.Equal("测试事项（第二版）", (await GetAsync($"api/matters/{code}", role: null)).GetProperty("name").GetString());
        Assert.Equal("测试事项（设计器）", (await GetAsync($"api/matters/{code}/versions/1", role: null)).GetProperty("name").GetString());
        var authoring = await GetAsync($"api/matters/{code}/authoring", Admin);
        Assert.Equal(JsonValueKind.Null, authoring.GetProperty("draft").ValueKind);
        Assert.Equal([1, 2], authoring.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        Assert.Equal("测试事项（第二版）", authoring.GetProperty("latestDefinition").GetProperty("name").GetString());
        Assert.Equal("在用", authoring.GetProperty("status").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Creating_a_code_twice_keeps_the_first_matter()
    {
        const string code = "NH-TEST-0002";
        var first = Definition();
        first["name"] = "第一次创建";
        var second = Definition();
        second["name"] = "第二次创建";

        using var created = await SendAsync(HttpMethod.Post, "api/matters", Admin, NewMatter(code, first));
        using var again = await SendAsync(HttpMethod.Post, "api/matters", Admin, NewMatter(code, second));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        var stored = await GetAsync($"api/matters/{code}/authoring", Admin);
        Assert.Equal("第一次创建", stored.GetProperty("draft").GetProperty("name").GetString());
        Assert.Equal(ETagOf(created), stored.GetProperty("eTag").GetString());
    }

    [Fact]
    public async Task Invalid_definitions_get_field_messages_and_store_nothing()
    {
        const string code = "NH-TEST-0003";
        var broken = Definition();
        broken["name"] = "";
        broken["centres"] = new JsonArray("nowhere");
        using var invalidNew = await SendAsync(HttpMethod.Post, "api/matters", Admin, NewMatter(code, broken));
        var malformed = Definition();
        malformed["level"] = "province";
        using var malformedNew = await SendAsync(HttpMethod.Post, "api/matters", Admin, NewMatter("NH-TEST-0004", malformed));
        using var badCode = await SendAsync(HttpMethod.Post, "api/matters", Admin, NewMatter("TEST-4", Definition()));

        var errors = await ErrorsAsync(invalidNew);
        Assert.Contains("事项名称必填", errors.GetProperty("definition.name")[0].GetString());
        Assert.True(errors.TryGetProperty("definition.centres[0]", out _));
        Assert.True((await ErrorsAsync(malformedNew)).TryGetProperty("definition.level", out _));
        Assert.True((await ErrorsAsync(badCode)).TryGetProperty("code", out _));
        using (var nothing = await SendAsync(HttpMethod.Get, $"api/matters/{code}/authoring", Admin))
            Assert.Equal(HttpStatusCode.NotFound, nothing.StatusCode);

        using var created = await SendAsync(HttpMethod.Post, "api/matters", Admin, NewMatter(code, Definition()));
        var overPromised = Definition();
        overPromised["promisedWorkingDays"] = overPromised["statutoryWorkingDays"]!.GetValue<int>() + 1;
        using var invalidDraft = await SendAsync(HttpMethod.Put, $"api/matters/{code}/draft", Admin, overPromised, ETagOf(created));

        Assert.True((await ErrorsAsync(invalidDraft)).TryGetProperty("promisedWorkingDays", out _));
        var stored = await GetAsync($"api/matters/{code}/authoring", Admin);
        Assert.Equal(ETagOf(created), stored.GetProperty("eTag").GetString());
        Assert.Equal(Definition()["promisedWorkingDays"]!.GetValue<int>(), stored.GetProperty("draft").GetProperty("promisedWorkingDays").GetInt32());
    }

    [Theory]
    [InlineData("[]", "body")]
    [InlineData("""{"code": "NH-TEST-0010", "definition": "食品经营许可"}""", "definition")]
    [InlineData("""{"code": "NH-TEST-0010", "definition": {"materials": [null]}}""", "definition.materials[0]")]
    [InlineData("""{"code": "NH-TEST-0010", "definition": {"fee": null}}""", "definition.fee")]
    [InlineData("""{"code": "NH-TEST-0010", "definition": {"formSchema": null}}""", "definition.formSchema")]
    [InlineData("""{"code": "NH-TEST-0010"}""", "definition")]
    [InlineData("""{"code": "NH-TEST-0010", "definition": {"level": 7}}""", "definition.level")]
    public async Task Hostile_bodies_get_field_messages_not_a_500(string json, string field)
    {
        using var request = Host.Request(HttpMethod.Post, "api/matters", Admin);
        request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await Host.Http.SendAsync(request);

        Assert.True((await ErrorsAsync(response)).TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Changes_without_the_current_etag_are_refused()
    {
        const string code = "NH-TEST-0005";
        using var created = await SendAsync(HttpMethod.Post, "api/matters", Admin, NewMatter(code, Definition()));
        var edited = Definition();
        edited["name"] = "改过一次";
        using var saved = await SendAsync(HttpMethod.Put, $"api/matters/{code}/draft", Admin, edited, ETagOf(created));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        edited["name"] = "用过期的 ETag 再改";
        using var stale = await SendAsync(HttpMethod.Put, $"api/matters/{code}/draft", Admin, edited, ETagOf(created));
        using var staleRetire = await SendAsync(HttpMethod.Post, $"api/matters/{code}/retirement", Admin, new JsonObject { ["reason"] = "测试" }, ETagOf(created));
        using var missing = await SendAsync(HttpMethod.Post, $"api/matters/{code}/versions", Admin, null, ifMatch: null);

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleRetire.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        var stored = await GetAsync($"api/matters/{code}/authoring", Admin);
        Assert.Equal("改过一次", stored.GetProperty("draft").GetProperty("name").GetString());
        Assert.Empty(stored.GetProperty("versions").EnumerateArray());
        Assert.Equal(ETagOf(saved), stored.GetProperty("eTag").GetString());
    }

    [Theory]
    [InlineData("applicant", null, null)]
    [InlineData("centre-staff", null, "guicheng")]
    [InlineData("data-authority", null, null)]
    [InlineData("unit-officer", "scjg", null)]
    public async Task Only_district_administrators_may_author(string role, string? unit, string? centre)
    {
        const string code = "NH-TEST-0006";
        var token = LocalHostProcess.Token(role, unit: unit, centre: centre);
        async Task<HttpStatusCode> StatusAsync(HttpMethod method, string path, JsonNode? body = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Authorization = new("Bearer", token);
            using var response = await Host.Http.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(HttpMethod.Post, "api/matters", NewMatter(code, Definition())));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(HttpMethod.Get, "api/matters/NH-SCJ-0001/authoring"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(HttpMethod.Get, "api/matters/NH-SCJ-0001/comparison?from=1&to=1"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(HttpMethod.Delete, "api/matters/NH-SCJ-0001/draft"));
        using var anonymous = await Host.Http.PostAsJsonAsync("api/matters", NewMatter(code, Definition()));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var nothing = await SendAsync(HttpMethod.Get, $"api/matters/{code}/authoring", Admin);
        Assert.Equal(HttpStatusCode.NotFound, nothing.StatusCode);
    }

    [Fact]
    public async Task The_comparison_lists_what_changed_between_versions_and_in_the_draft()
    {
        const string code = "NH-TEST-0007";
        var definition = Definition();
        using var created = await SendAsync(HttpMethod.Post, "api/matters", Admin, NewMatter(code, definition));
        using var v1 = await SendAsync(HttpMethod.Post, $"api/matters/{code}/versions", Admin, null, ETagOf(created));
        var promised = definition["promisedWorkingDays"]!.GetValue<int>();
        definition["promisedWorkingDays"] = promised - 1;
        using var draft = await SendAsync(HttpMethod.Put, $"api/matters/{code}/draft", Admin, definition, ETagOf(v1));

        var toDraft = await GetAsync($"api/matters/{code}/comparison?from=1&to=draft", Admin);
        var difference = toDraft.GetProperty("differences").EnumerateArray().Single();
        Assert.Equal(JsonValueKind.Null, toDraft.GetProperty("to").ValueKind);
        Assert.Equal("promisedWorkingDays", difference.GetProperty("field").GetString());
        Assert.Equal("承诺办结时限（工作日）", difference.GetProperty("label").GetString());
        Assert.Equal(("changed", "修改"), (difference.GetProperty("change").GetProperty("code").GetString(), difference.GetProperty("change").GetProperty("name").GetString()));
        Assert.Equal(($"{promised}", $"{promised - 1}"), (difference.GetProperty("before").GetString(), difference.GetProperty("after").GetString()));

        using var v2 = await SendAsync(HttpMethod.Post, $"api/matters/{code}/versions", Admin, null, ETagOf(draft));
        var versions = await GetAsync($"api/matters/{code}/comparison?from=1&to=2", Admin);
        Assert.Equal(2, versions.GetProperty("to").GetInt32());
        Assert.Equal("promisedWorkingDays", versions.GetProperty("differences").EnumerateArray().Single().GetProperty("field").GetString());

        using var noDraft = await SendAsync(HttpMethod.Get, $"api/matters/{code}/comparison?from=1&to=draft", Admin);
        using var badArguments = await SendAsync(HttpMethod.Get, $"api/matters/{code}/comparison?from=first&to=latest", Admin);
        Assert.Equal(HttpStatusCode.NotFound, noDraft.StatusCode);
        var errors = await ErrorsAsync(badArguments);
        Assert.True(errors.TryGetProperty("from", out _) && errors.TryGetProperty("to", out _));
    }

    [Fact]
    public async Task Publishing_without_a_draft_or_discarding_the_only_draft_is_a_conflict()
    {
        const string code = "NH-TEST-0008";
        using var created = await SendAsync(HttpMethod.Post, "api/matters", Admin, NewMatter(code, Definition()));
        using var discardOnly = await SendAsync(HttpMethod.Delete, $"api/matters/{code}/draft", Admin, null, ETagOf(created));
        Assert.Equal(HttpStatusCode.Conflict, discardOnly.StatusCode);

        using var v1 = await SendAsync(HttpMethod.Post, $"api/matters/{code}/versions", Admin, null, ETagOf(created));
        using var again = await SendAsync(HttpMethod.Post, $"api/matters/{code}/versions", Admin, null, ETagOf(v1));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("没有可发布的草稿", (await ReadAsync(again)).GetProperty("detail").GetString());

        var edited = Definition();
        edited["name"] = "放弃的修改";
        using var draft = await SendAsync(HttpMethod.Put, $"api/matters/{code}/draft", Admin, edited, ETagOf(v1));
        using var discarded = await SendAsync(HttpMethod.Delete, $"api/matters/{code}/draft", Admin, null, ETagOf(draft));
        Assert.Equal(HttpStatusCode.OK, discarded.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await ReadAsync(discarded)).GetProperty("draft").ValueKind);
        Assert.Single((await GetAsync($"api/matters/{code}/authoring", Admin)).GetProperty("versions").EnumerateArray());
    }

    [Fact]
    public async Task A_retired_matter_leaves_the_catalogue_until_it_is_reinstated()
    {
        const string code = "NH-TEST-0009";
        using var created = await SendAsync(HttpMethod.Post, "api/matters", Admin, NewMatter(code, Definition()));
        using var v1 = await SendAsync(HttpMethod.Post, $"api/matters/{code}/versions", Admin, null, ETagOf(created));

        using var noReason = await SendAsync(HttpMethod.Post, $"api/matters/{code}/retirement", Admin, new JsonObject { ["reason"] = " " }, ETagOf(v1));
        Assert.True((await ErrorsAsync(noReason)).TryGetProperty("reason", out _));
        using var retired = await SendAsync(HttpMethod.Post, $"api/matters/{code}/retirement", Admin, new JsonObject { ["reason"] = "职能调整" }, ETagOf(v1));
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        var view = await ReadAsync(retired);
        Assert.Equal(("retired", "职能调整"), (view.GetProperty("status").GetProperty("code").GetString(), view.GetProperty("retirementReason").GetString()));
        using (var gone = await Host.Http.GetAsync($"api/matters/{code}"))
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Empty((await GetAsync($"api/matters?q={code}", role: null)).GetProperty("items").EnumerateArray());

        using var reinstated = await SendAsync(HttpMethod.Delete, $"api/matters/{code}/retirement", Admin, null, ETagOf(retired));
        Assert.Equal(HttpStatusCode.OK, reinstated.StatusCode);
        Assert.Equal(1, (await GetAsync($"api/matters/{code}", role: null)).GetProperty("version").GetInt32());
    }

    static string ETagOf(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("ETag", out var values) ? values.ToString() : throw new Xunit.Sdk.XunitException($"No ETag on {(int)response.StatusCode}.");

    async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string role, JsonNode? body = null, string? ifMatch = null)
    {
        var request = Host.Request(method, path, role, json: body);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await Host.Http.SendAsync(request);
    }

    async Task<JsonElement> GetAsync(string path, string? role)
    {
        using var response = await Host.Http.SendAsync(Host.Request(HttpMethod.Get, path, role));
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    static async Task<JsonElement> ReadAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await ReadAsync(response)).GetProperty("errors");
    }
}
