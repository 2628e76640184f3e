using System.Text;
using Nanhai.Application.ServiceMatters.DemoData;
using Nanhai.Domain.ServiceMatters;
using static Nanhai.UnitTests.ServiceMatters.SampleMatters;

namespace Nanhai.UnitTests.ServiceMatters;

public sealed class DemoMatterCatalogTests
{
    static readonly IReadOnlyList<MatterSeed> seeds = DemoMatterCatalog.Read();

    static IEnumerable<MatterDefinition> Definitions => seeds.Select(s => s.Definition);

    [Fact]
    public void There_are_at_least_40_matters_with_unique_codes()
    {
        Assert.True(seeds.Count >= 40, $"only {seeds.Count} demo matters");
        Assert.Equal(seeds.Count, seeds.Select(s => s.Code).Distinct().Count());
    }

    [Fact]
    public void Every_matter_is_valid()
    {
        var broken = seeds
            .Select(s => (s.Code, Violations: MatterValidator.Validate(s.Code, s.Definition)))
            .Where(x => x.Violations.Count > 0)
            .Select(x => $"{x.Code}: {string.Join("; ", x.Violations)}");
        Assert.Empty(broken);
    }

    [Fact]
    public void Every_matter_publishes_as_version_1()
    {
        var matters = MatterSeeds.Publish(seeds, Monday);

        Assert.All(matters, m => Assert.Equal(1, m.LatestVersion?.Number));
        Assert.All(matters, m => Assert.True(m.AcceptsApplications));
    }

    [Theory]
    [InlineData(HandlingLevel.District)]
    [InlineData(HandlingLevel.Town)]
    [InlineData(HandlingLevel.Community)]
    public void Every_level_is_represented_at_least_three_times(HandlingLevel level) =>
        Assert.True(Definitions.Count(d => d.Level == level) >= 3);

    [Fact]
    public void Every_attribute_is_represented_at_least_three_times_and_none_is_universal()
    {
        foreach (var attribute in MatterAttributes.All)
        {
            var count = Definitions.Count(d => d.Has(attribute));
            Assert.True(count >= 3, $"{attribute.Code()}: {count}");
            Assert.True(count < seeds.Count, $"{attribute.Code()}: every matter has it");
        }
    }

    [Fact]
    public void Both_kinds_several_visits_and_paid_and_free_matters_are_represented()
    {
        Assert.True(Definitions.Count(d => d.Kind == MatterKind.OnTheSpot) >= 3);
        Assert.True(Definitions.Count(d => d.Kind == MatterKind.Promised) >= 3);
        Assert.True(Definitions.Count(d => d.VisitsRequired >= 2) >= 3);
        Assert.True(Definitions.Count(d => !d.Fee.IsFree) >= 3);
        Assert.True(Definitions.Count(d => d.Fee.IsFree) >= 3);
    }

    [Fact]
    public void Several_licence_types_replace_materials()
    {
        var used = Definitions.SelectMany(d => d.Materials).Select(m => m.ReplaceableByLicence).OfType<string>().Distinct().ToList();
        Assert.True(used.Count >= 6, string.Join(", ", used));
    }

    [Fact]
    public void Every_referenced_centre_exists_and_town_matters_use_a_subset_sometimes()
    {
        Assert.All(Definitions.SelectMany(d => d.Centres), c => Assert.True(ServiceCentres.TryFind(c, out _), c));
        Assert.Contains(Definitions, d => d.Level == HandlingLevel.Town && d.Centres.Count < ServiceCentres.Towns.Count);
    }

    [Fact]
    public void Several_real_kinds_of_district_body_own_matters()
    {
        var departments = Definitions.Select(d => d.Department).Distinct().ToList();
        Assert.True(departments.Count >= 10, string.Join(", ", departments));
        Assert.Contains("佛山市南海区市场监督管理局", departments);
        Assert.Contains("佛山市公安局南海分局", departments);
    }

    [Fact]
    public void Every_form_has_chinese_titled_fields_and_lists_existing_required_fields()
    {
        foreach (var seed in seeds)
        {
            var schema = seed.Definition.FormSchema;
            var properties = schema.GetProperty("properties").EnumerateObject().ToList();
            Assert.True(properties.Count >= 3, seed.Code);
            Assert.All(properties, p => Assert.False(string.IsNullOrWhiteSpace(p.Value.GetProperty("title").GetString()), $"{seed.Code}.{p.Name}"));
            var names = properties.Select(p => p.Name).ToHashSet();
            Assert.All(schema.GetProperty("required").EnumerateArray(), r => Assert.Contains(r.GetString()!, names));
        }
    }

    [Fact]
    public void A_seed_file_with_an_unknown_property_or_a_repeated_code_is_refused()
    {
        static Stream Json(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

        Assert.Throws<InvalidDataException>(() => MatterSeeds.Read(Json("""
            {"matters": [{"code": "NH-SCJ-0001", "definition": {"name": "x", "visits": 1}}]}
            """)));
        Assert.Throws<InvalidDataException>(() => MatterSeeds.Read(Json("""
            {"matters": [{"code": "NH-SCJ-0001", "definition": {"name": "x"}}, {"code": "NH-SCJ-0001", "definition": {"name": "y"}}]}
            """)));
        Assert.Throws<InvalidDataException>(() => MatterSeeds.Read(Json("""{"matters": [{"code": "NH-SCJ-0001", "definition": {"name": null}}]}""")));
    }

    [Fact]
    public void An_invalid_seed_fails_publishing_with_its_code()
    {
        var seed = new MatterSeed("NH-SCJ-0099", FoodBusinessLicence() with { DeliveryOptions = [] });

        var e = Assert.Throws<InvalidDataException>(() => MatterSeeds.Publish([seed], Monday));
        Assert.Contains("NH-SCJ-0099", e.Message);
        Assert.Contains("deliveryOptions", e.Message);
    }
}
