using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nanhai.Application.Catalog.DemoData;
using Nanhai.Domain.Catalog;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Catalog;

/// <summary>The data-resource catalog API on the local host, over the demo catalog seeded into the Cosmos stand-in.</summary>
public sealed class CatalogApiTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    static readonly DemoCatalog Demo = DemoCatalog.Read();
    LocalHostProcess Host => platform.Host;

    [Fact]
    public async Task Paging_through_the_catalog_returns_every_demo_resource_once_in_code_order()
    {
        var codes = new List<string>();
        string? continuation = null;
        do
        {
            var page = await GetAsync($"api/catalog/resources?pageSize=9{(continuation is null ? "" : $"&continuation={continuation}")}");
            codes.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!));
            continuation = page.GetProperty("continuation").GetString();
        } while (continuation is not null && codes.Count < 500);

        Assert.Equal(Demo.Resources.Select(r => r.Code).Order(StringComparer.Ordinal), codes);
    }

    [Theory]
    [InlineData("unit=gaj")]
    [InlineData("sharingType=NotShared")]
    [InlineData("sharingType=conditional")]
    [InlineData("unit=rsj&sharingType=Unconditional")]
    public async Task Filters_return_exactly_the_matching_resources(string filter)
    {
        var expected = Demo.Resources.Where(r => Matches(r, filter)).Select(r => r.Code).Order(StringComparer.Ordinal).ToList();
        var page = await GetAsync($"api/catalog/resources?{filter}&pageSize=100");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!));
    }

    [Fact]
    public async Task Text_search_finds_resources_by_name_and_by_code_prefix()
    {
        var byName = await GetAsync($"api/catalog/resources?q={Uri.EscapeDataString("户籍")}&pageSize=100");
        var byCode = await GetAsync("api/catalog/resources?q=10101-");

        Assert.Contains(byName.GetProperty("items").EnumerateArray(), i => i.GetProperty("code").GetString() == "10101-000001");
        Assert.All(byName.GetProperty("items").EnumerateArray(), i => Assert.Contains("户籍", i.GetProperty("name").GetString()));
        Assert.All(byCode.GetProperty("items").EnumerateArray(), i => Assert.StartsWith("10101-", i.GetProperty("code").GetString()));
        Assert.Contains(byCode.GetProperty("items").EnumerateArray(), i => i.GetProperty("code").GetString() == "10101-000001");
    }

    [Fact]
    public async Task A_resource_comes_with_its_unit_items_versions_and_statistics()
    {
        var resource = await GetAsync("api/catalog/resources/10102-000001");

        Assert.Equal("gaj", resource.GetProperty("unit").GetProperty("code").GetString());
        Assert.Equal(Demo.Units.Single(u => u.Code == "gaj").Name, resource.GetProperty("unit").GetProperty("name").GetString());
        Assert.Equal(["id_number", "name", "sex", "birth_date", "ethnicity", "address", "town", "phone", "registered_on"],
            resource.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        Assert.Equal("ResidentIdNumber", resource.GetProperty("items")[0].GetProperty("type").GetString());
        Assert.Equal("公民身份号码", resource.GetProperty("items")[0].GetProperty("label").GetString());
        Assert.Equal(1, resource.GetProperty("version").GetInt32());
        Assert.Single(resource.GetProperty("versions").EnumerateArray());
        Assert.Equal(9, resource.GetProperty("statistics").GetProperty("items").GetInt32());
        Assert.Equal(JsonValueKind.Array, resource.GetProperty("recentRuns").ValueKind);
        Assert.False(string.IsNullOrEmpty(resource.GetProperty("eTag").GetString()));
    }

    [Fact]
    public async Task The_summary_counts_the_catalog()
    {
        var summary = await GetAsync("api/catalog/summary");

        Assert.Equal(Demo.Units.Count, summary.GetProperty("units").GetInt64());
        Assert.True(summary.GetProperty("resources").GetInt64() >= Demo.Resources.Count);
        Assert.True(summary.GetProperty("items").GetInt64() >= Demo.Resources.Sum(r => r.Definition.Items.Count));
        Assert.Equal(Demo.Resources.Count(r => r.Definition.Description.SharingType != SharingType.NotShared),
            summary.GetProperty("shareableResources").GetInt64());
    }

    [Fact]
    public async Task The_growth_counts_resources_month_by_month_up_to_the_whole_catalog_now()
    {
        var summary = await GetAsync("api/catalog/summary");
        var growth = (await GetAsync("api/catalog/growth?months=6")).EnumerateArray().ToList();

        Assert.Equal(6, growth.Count);
        Assert.Equal(Nanhai.Domain.Calendar.ChinaTime.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM"), growth[^1].GetProperty("month").GetString());
        Assert.Equal(summary.GetProperty("resources").GetInt64(), growth[^1].GetProperty("resources").GetInt64());
        var counts = growth.Select(m => m.GetProperty("resources").GetInt64()).ToList();
        Assert.Equal(counts.Order(), counts);
        using var tooLong = await Host.Http.SendAsync(Host.Request(HttpMethod.Get, "api/catalog/growth?months=25", "data-authority"));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    [Fact]
    public async Task A_unit_officer_revises_their_own_resource_and_a_changed_item_list_is_a_new_version()
    {
        var (definition, etag) = await ReadDefinitionAsync("30401-000001");
        var unit = Demo.Resources.Single(r => r.Code == "30401-000001").Unit;
        definition["description"]!["abstract"] = "修订后的摘要";
        using (var metadataOnly = await SendAsync(HttpMethod.Put, "api/catalog/resources/30401-000001", "unit-officer", unit, definition, etag))
        {
            Assert.Equal(HttpStatusCode.OK, metadataOnly.StatusCode);
            var revised = await metadataOnly.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(1, revised.GetProperty("version").GetInt32());
            Assert.Equal("修订后的摘要", revised.GetProperty("description").GetProperty("abstract").GetString());
            etag = revised.GetProperty("eTag").GetString()!;
        }

        definition["items"]!.AsArray().Add(new JsonObject
        {
            ["name"] = "remark", ["label"] = "备注", ["type"] = "Text", ["length"] = 200, ["required"] = false, ["personalIdentifier"] = false,
        });
        using var withItem = await SendAsync(HttpMethod.Put, "api/catalog/resources/30401-000001", "unit-officer", unit, definition, etag);
        Assert.Equal(HttpStatusCode.OK, withItem.StatusCode);
        var versioned = await withItem.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, versioned.GetProperty("version").GetInt32());
        Assert.Equal([1, 2], versioned.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        Assert.Equal("remark", versioned.GetProperty("items").EnumerateArray().Last().GetProperty("name").GetString());

        // The ETag read before the last edit is stale now.
        using var stale = await SendAsync(HttpMethod.Put, "api/catalog/resources/30401-000001", "unit-officer", unit, definition, etag);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task Only_the_owning_units_officer_the_data_authority_and_administrators_may_edit()
    {
        var (definition, _) = await ReadDefinitionAsync("10101-000001");

        using var otherUnit = await SendAsync(HttpMethod.Put, "api/catalog/resources/10101-000001", "unit-officer", "scjg", definition);
        using var applicant = await SendAsync(HttpMethod.Put, "api/catalog/resources/10101-000001", "applicant", null, definition);
        var asCentre = new HttpRequestMessage(HttpMethod.Put, "api/catalog/resources/10101-000001") { Content = JsonContent.Create(definition) };
        asCentre.Headers.Authorization = new("Bearer", LocalHostProcess.Token("centre-staff", centre: "guicheng"));
        using var centre = await Host.Http.SendAsync(asCentre);
        using var authority = await SendAsync(HttpMethod.Put, "api/catalog/resources/10101-000001", "data-authority", null, definition);

        Assert.Equal(HttpStatusCode.Forbidden, otherUnit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, applicant.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, centre.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authority.StatusCode);
    }

    [Fact]
    public async Task Edits_that_break_catalog_rules_get_field_messages_and_change_nothing()
    {
        var (definition, etag) = await ReadDefinitionAsync("10201-000001");
        definition["description"]!["sharingType"] = "NotShared";
        definition["description"]!["legalBasis"] = null;
        definition["description"]!["lookupKey"] = "no_such_item";
        definition["items"]![0]!["name"] = "Bad Name";

        using var response = await SendAsync(HttpMethod.Put, "api/catalog/resources/10201-000001", "data-authority", null, definition, etag);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("description.legalBasis", out _));
        Assert.True(errors.TryGetProperty("description.lookupKey", out _));
        Assert.True(errors.TryGetProperty("items[0].name", out _));
        var unchanged = await GetAsync("api/catalog/resources/10201-000001");
        Assert.Equal(etag, unchanged.GetProperty("eTag").GetString());
    }

    [Fact]
    public async Task A_new_resource_is_registered_under_its_unit_and_the_code_must_carry_its_classification()
    {
        var (definition, _) = await ReadDefinitionAsync("10102-000001");
        definition["description"]!["name"] = "流动人口登记信息";

        using var wrongPrefix = await SendAsync(HttpMethod.Post, "api/catalog/resources", "unit-officer", "gaj",
            new JsonObject { ["code"] = "10109-000001", ["unit"] = "gaj", ["definition"] = definition.DeepClone() });
        using var created = await SendAsync(HttpMethod.Post, "api/catalog/resources", "unit-officer", "gaj",
            new JsonObject { ["code"] = "10102-000777", ["unit"] = "gaj", ["definition"] = definition.DeepClone() });
        using var again = await SendAsync(HttpMethod.Post, "api/catalog/resources", "unit-officer", "gaj",
            new JsonObject { ["code"] = "10102-000777", ["unit"] = "gaj", ["definition"] = definition.DeepClone() });

        Assert.Equal(HttpStatusCode.BadRequest, wrongPrefix.StatusCode);
        Assert.True((await wrongPrefix.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("code", out _));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/catalog/resources/10102-000777", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("流动人口登记信息", (await GetAsync("api/catalog/resources/10102-000777")).GetProperty("description").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("api/catalog/resources/99999-000001", HttpStatusCode.NotFound, null)]
    [InlineData("api/catalog/resources?sharingType=sometimes", HttpStatusCode.BadRequest, "sharingType")]
    [InlineData("api/catalog/resources?pageSize=0", HttpStatusCode.BadRequest, "pageSize")]
    [InlineData("api/catalog/resources?continuation=%%%", HttpStatusCode.BadRequest, "continuation")]
    public async Task Bad_requests_get_problem_details(string path, HttpStatusCode status, string? field)
    {
        using var response = await Host.Http.SendAsync(Host.Request(HttpMethod.Get, path, "data-authority"));
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Applicants_do_not_see_the_catalog()
    {
        using var response = await Host.Http.SendAsync(Host.Request(HttpMethod.Get, "api/catalog/resources", "applicant"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    async Task<(JsonObject Definition, string ETag)> ReadDefinitionAsync(string code)
    {
        var resource = JsonNode.Parse((await GetAsync($"api/catalog/resources/{code}")).GetRawText())!.AsObject();
        var definition = new JsonObject
        {
            ["description"] = resource["description"]!.DeepClone(),
            ["items"] = resource["items"]!.DeepClone(),
            ["policy"] = resource["policy"]!.DeepClone(),
        };
        return (definition, resource["eTag"]!.GetValue<string>());
    }

    async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string role, string? unit, JsonNode body, string? ifMatch = null)
    {
        var request = Host.Request(method, path, role, json: body, unit: unit);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await Host.Http.SendAsync(request);
    }

    async Task<JsonElement> GetAsync(string path)
    {
        using var response = await Host.Http.SendAsync(Host.Request(HttpMethod.Get, path, "data-authority"));
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    static bool Matches(DemoResource r, string filter) => filter.Split('&').All(part =>
    {
        var (key, value) = (part.Split('=')[0], part.Split('=')[1]);
        return key switch
        {
            "unit" => r.Unit == value,
            "sharingType" => r.Definition.Description.SharingType.ToString().Equals(value, StringComparison.OrdinalIgnoreCase),
            _ => throw new ArgumentException(key),
        };
    });
}
