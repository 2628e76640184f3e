using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nanhai.Application.ServiceMatters.Catalog;
using Nanhai.Application.ServiceMatters.DemoData;
using Nanhai.Domain.ServiceMatters;
using Nanhai.Infrastructure.Cosmos;
using Nanhai.Infrastructure.ServiceMatters;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.ServiceMatters;

/// <summary>The catalogue API on the local host, over the demo catalogue seeded into the Cosmos stand-in.</summary>
public sealed class MatterCatalogTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    static readonly IReadOnlyList<MatterSeed> Seeds = DemoMatterCatalog.Read();
    HttpClient Http => platform.Host.Http;

    [Fact]
    public async Task Paging_through_the_catalogue_returns_every_demo_matter_once_in_code_order()
    {
        var codes = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var page = await GetJsonAsync($"api/matters?pageSize=7{(continuation is null ? "" : $"&continuation={continuation}")}");
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, 7);
            codes.AddRange(items.Select(i => i.GetProperty("code").GetString()!));
            continuation = page.GetProperty("continuation").GetString();
            pages++;
        } while (continuation is not null && pages < 50);

        Assert.True(Seeds.Count >= 40);
        Assert.Equal(Seeds.Select(s => s.Code).Order(StringComparer.Ordinal), codes);
        Assert.True(pages >= Seeds.Count / 7);
    }

    [Theory]
    [InlineData("level=district")]
    [InlineData("level=community")]
    [InlineData("attribute=certificate-free")]
    [InlineData("attribute=zero-visit")]
    [InlineData("centre=guicheng-xiadong")]
    [InlineData("level=town&attribute=accept-with-missing")]
    public async Task Filters_return_exactly_the_matching_matters(string filter)
    {
        var expected = Seeds.Where(s => Matches(s.Definition, filter)).Select(s => s.Code).Order(StringComparer.Ordinal).ToList();
        var page = await GetJsonAsync($"api/matters?{filter}&pageSize=100");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!));
    }

    [Fact]
    public async Task Text_search_finds_matters_by_name_and_by_code()
    {
        var seed = Seeds.First(s => s.Definition.Level == HandlingLevel.District);
        var word = seed.Definition.Name[..2];
        var byName = await GetJsonAsync($"api/matters?q={Uri.EscapeDataString(word)}&pageSize=100");
        var byCode = await GetJsonAsync($"api/matters?q={seed.Code.ToLowerInvariant()}");

        Assert.Contains(seed.Code, byName.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
        Assert.All(byName.GetProperty("items").EnumerateArray(), i =>
            Assert.True(i.GetProperty("name").GetString()!.Contains(word) || i.GetProperty("department").GetString()!.Contains(word)));
        Assert.Equal(seed.Code, Assert.Single(byCode.GetProperty("items").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_matter_comes_with_its_materials_form_schema_and_Chinese_names()
    {
        var seed = Seeds.First(s => s.Definition.IsCertificateFree && s.Definition.Level == HandlingLevel.District);
        var matter = await GetJsonAsync($"api/matters/{seed.Code}");

        Assert.Equal(1, matter.GetProperty("version").GetInt32());
        Assert.Equal(seed.Definition.Name, matter.GetProperty("name").GetString());
        Assert.Equal("区级", matter.GetProperty("level").GetProperty("name").GetString());
        Assert.Equal(ServiceCentres.TownCodes.Order(), matter.GetProperty("centres").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).Order());
        Assert.Equal("object", matter.GetProperty("formSchema").GetProperty("type").GetString());
        Assert.Contains(matter.GetProperty("materials").EnumerateArray(), m => m.GetProperty("replaceableByLicence").ValueKind == JsonValueKind.Object);
        Assert.Contains(matter.GetProperty("attributes").EnumerateArray(), a => a.GetProperty("code").GetString() == "certificate-free");

        var pinned = await GetJsonAsync($"api/matters/{seed.Code}/versions/1");
        Assert.Equal(matter.GetProperty("formSchema").GetRawText(), pinned.GetProperty("formSchema").GetRawText());
    }

    [Theory]
    [InlineData("api/matters/NH-XX-9999", HttpStatusCode.NotFound, null)]
    [InlineData("api/matters/not-a-code", HttpStatusCode.NotFound, null)]
    [InlineData("api/matters?level=province", HttpStatusCode.BadRequest, "level")]
    [InlineData("api/matters?attribute=fast", HttpStatusCode.BadRequest, "attribute")]
    [InlineData("api/matters?centre=beijing", HttpStatusCode.BadRequest, "centre")]
    [InlineData("api/matters?pageSize=abc", HttpStatusCode.BadRequest, "pageSize")]
    [InlineData("api/matters?pageSize=1000", HttpStatusCode.BadRequest, "pageSize")]
    [InlineData("api/matters?continuation=%%%", HttpStatusCode.BadRequest, "continuation")]
    public async Task Bad_requests_get_problem_details(string path, HttpStatusCode status, string? field)
    {
        using var response = await Http.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_version_that_was_never_published_is_not_found()
    {
        using var response = await Http.GetAsync($"api/matters/{Seeds[0].Code}/versions/2");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        using var host = PlatformServices.Build(platform.Services);
        var repository = new CosmosMatterRepository(host.Services.GetRequiredService<Microsoft.Azure.Cosmos.CosmosClient>(),
            host.Services.GetRequiredService<IOptions<CosmosOptions>>());

        Assert.Equal(0, await new DemoMatters(repository, TimeProvider.System, NullLogger<DemoMatters>.Instance).SeedAsync(CancellationToken.None));
    }

    async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    static bool Matches(MatterDefinition d, string filter) => filter.Split('&').All(part =>
    {
        var (key, value) = (part.Split('=')[0], part.Split('=')[1]);
        return key switch
        {
            "level" => d.Level.ToString().Equals(value, StringComparison.OrdinalIgnoreCase),
            "attribute" => MatterAttributes.TryParse(value, out var a) && d.Has(a),
            "centre" => d.Centres.Contains(value),
            _ => throw new ArgumentException(part),
        };
    });
}
