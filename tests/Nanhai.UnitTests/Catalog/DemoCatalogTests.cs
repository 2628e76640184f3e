using System.Text;
using Nanhai.Application.Catalog.DemoData;
using Nanhai.Domain.Catalog;

namespace Nanhai.UnitTests.Catalog;

public sealed class DemoCatalogTests
{
    static readonly DemoCatalog catalog = DemoCatalog.Read();

    static readonly DateTimeOffset registeredAt = new(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(8));

    static IEnumerable<ResourceDescription> Descriptions => catalog.Resources.Select(r => r.Definition.Description);

    static DemoResource Find(string code) => Assert.Single(catalog.Resources, r => r.Code == code);

    [Fact]
    public void Every_resource_registers_without_violations()
    {
        var broken = new List<string>();
        foreach (var resource in catalog.Resources)
        {
            try
            {
                var registered = Resource.Register(resource.Code, resource.Unit, resource.Definition, "seed", registeredAt);
                Assert.Equal(1, registered.Version);
            }
            catch (CatalogValidationException e)
            {
                broken.Add($"{resource.Code}: {e.Message}");
            }
        }
        Assert.Empty(broken);
    }

    [Fact]
    public void There_are_at_least_12_units_and_40_resources_with_unique_codes()
    {
        Assert.True(catalog.Units.Count >= 12, $"only {catalog.Units.Count} units");
        Assert.True(catalog.Resources.Count >= 40, $"only {catalog.Resources.Count} resources");
        Assert.Equal(catalog.Units.Count, catalog.Units.Select(u => u.Code).Distinct().Count());
        Assert.Equal(catalog.Resources.Count, catalog.Resources.Select(r => r.Code).Distinct().Count());
        Assert.False(string.IsNullOrWhiteSpace(catalog.Source));
    }

    [Fact]
    public void Unit_codes_are_short_lower_case_ascii_and_every_unit_provides_a_resource()
    {
        Assert.All(catalog.Units, u => Assert.Matches("^[a-z0-9]{2,16}$", u.Code));
        Assert.All(catalog.Units, u => Assert.False(string.IsNullOrWhiteSpace(u.Name), u.Code));
        var providers = catalog.Resources.Select(r => r.Unit).ToHashSet();
        Assert.All(catalog.Units, u => Assert.Contains(u.Code, providers));
    }

    [Theory]
    [InlineData("gaj")]
    [InlineData("scjg")]
    [InlineData("rsj")]
    [InlineData("ybj")]
    [InlineData("zrzy")]
    [InlineData("zjj")]
    [InlineData("jyj")]
    [InlineData("mzj")]
    [InlineData("wjj")]
    [InlineData("swj")]
    [InlineData("sjj")]
    public void The_named_departments_are_units(string code) => Assert.Contains(catalog.Units, u => u.Code == code);

    [Fact]
    public void Every_resource_belongs_to_a_listed_unit_and_its_code_begins_with_its_classification()
    {
        var units = catalog.Units.Select(u => u.Code).ToHashSet();
        Assert.All(catalog.Resources, r => Assert.Contains(r.Unit, units));
        Assert.All(catalog.Resources, r => Assert.StartsWith(r.Definition.Description.Classification + "-", r.Code));
    }

    [Fact]
    public void Every_resource_has_5_to_20_items()
    {
        Assert.All(catalog.Resources, r => Assert.InRange(r.Definition.Items.Count, 5, 20));
    }

    [Theory]
    [InlineData("10101-000001", "户籍人口基本信息", "id_number")]
    [InlineData("10102-000001", "实有人口信息", null)]
    public void The_resident_resources_the_benchmark_uses_have_their_exact_items(string code, string name, string? lookupKey)
    {
        var resource = Find(code);

        Assert.Equal("gaj", resource.Unit);
        Assert.Equal(name, resource.Definition.Description.Name);
        Assert.Equal(lookupKey, resource.Definition.Description.LookupKey);
        Assert.Equal(new IngestionPolicy(BadRowPolicy.SkipBadRows, 0.05), resource.Definition.Policy);
        Assert.Equal(
            [
                new DataItem("id_number", "公民身份号码", DataItemType.ResidentIdNumber, 18, true, true),
                new DataItem("name", "姓名", DataItemType.Text, 50, true, true),
                new DataItem("sex", "性别", DataItemType.Text, 2, true, false),
                new DataItem("birth_date", "出生日期", DataItemType.Date, null, true, false),
                new DataItem("ethnicity", "民族", DataItemType.Text, 20, false, false),
                new DataItem("address", "户籍地址", DataItemType.Text, 200, true, true),
                new DataItem("town", "所属镇街", DataItemType.Text, 20, true, false),
                new DataItem("phone", "联系电话", DataItemType.Text, 20, false, true),
                new DataItem("registered_on", "登记日期", DataItemType.Date, null, false, false),
            ],
            resource.Definition.Items);
    }

    [Fact]
    public void Lookup_keys_are_required_items_and_the_usual_registries_serve_keyed_lookups()
    {
        foreach (var resource in catalog.Resources.Where(r => r.Definition.Description.LookupKey is not null))
        {
            var key = Assert.Single(resource.Definition.Items, i => i.Name == resource.Definition.Description.LookupKey);
            Assert.True(key.Required, $"{resource.Code}: lookup key {key.Name} is optional");
        }
        Assert.Equal("credit_code", Find("10201-000001").Definition.Description.LookupKey);
        Assert.Equal("id_number", Find("10109-000001").Definition.Description.LookupKey);
        Assert.Equal("certificate_no", Find("10301-000001").Definition.Description.LookupKey);
        Assert.Contains(catalog.Resources, r => r.Definition.Description.LookupKey is null && r.Code != "10102-000001");
    }

    [Fact]
    public void Most_resources_are_shareable_and_every_sharing_type_occurs()
    {
        var shareable = Descriptions.Count(d => d.SharingType != SharingType.NotShared);
        Assert.True(shareable >= 0.85 * catalog.Resources.Count, $"only {shareable} of {catalog.Resources.Count} are shareable");
        foreach (var type in Enum.GetValues<SharingType>())
            Assert.Contains(Descriptions, d => d.SharingType == type);
    }

    [Fact]
    public void Not_shared_resources_name_their_legal_basis_and_serve_no_lookups()
    {
        foreach (var d in Descriptions.Where(d => d.SharingType == SharingType.NotShared))
        {
            Assert.Contains("《", d.LegalBasis);
            Assert.Null(d.LookupKey);
            Assert.Equal(OpenAttribute.NotOpen, d.OpenAttribute);
        }
    }

    [Fact]
    public void Both_bad_row_policies_occur_and_skipping_shares_are_between_1_and_5_percent()
    {
        var policies = catalog.Resources.Select(r => r.Definition.Policy).ToList();
        Assert.Contains(policies, p => p.OnBadRows == BadRowPolicy.RejectFile);
        Assert.All(policies.Where(p => p.OnBadRows == BadRowPolicy.SkipBadRows), p => Assert.InRange(p.MaxBadRowShare, 0.01, 0.05));
    }

    [Fact]
    public void Identifying_items_are_personal_and_typed_by_what_they_hold()
    {
        var items = catalog.Resources.SelectMany(r => r.Definition.Items).ToList();
        Assert.All(items.Where(i => i.Type == DataItemType.ResidentIdNumber), i => Assert.True(i.PersonalIdentifier, i.Name));
        Assert.All(items.Where(i => i.Label.Contains("公民身份号码")), i => Assert.Equal(DataItemType.ResidentIdNumber, i.Type));
        Assert.All(items.Where(i => i.Label.Contains("统一社会信用代码")), i => Assert.Equal(DataItemType.CreditCode, i.Type));
        Assert.All(items.Where(i => i.Type == DataItemType.CreditCode), i => Assert.False(i.PersonalIdentifier, i.Name));
        Assert.All(items.Where(i => i.Label.Contains("姓名") || i.Label.Contains("电话")), i => Assert.True(i.PersonalIdentifier, i.Label));
    }

    [Fact]
    public void A_resource_that_does_not_deserialize_is_named()
    {
        const string units = """{"code": "gaj", "name": "佛山市公安局南海分局"}""";
        static string Resource(string type) => $$"""
            {"code": "10101-000009", "unit": "gaj",
             "description": {"name": "测试", "classification": "10101", "abstract": "测试", "format": "数据库", "sharingType": "{{type}}",
               "sharingConditions": null, "sharingMethod": null, "legalBasis": null, "openAttribute": "NotOpen", "updateCycle": "Daily",
               "releaseDate": "2020-03-01", "lookupKey": null},
             "items": [{"name": "id_number", "label": "公民身份号码", "type": "ResidentIdNumber", "length": 18, "required": true, "personalIdentifier": true}],
             "policy": {"onBadRows": "SkipBadRows", "maxBadRowShare": 0.05} }
            """;
        static DemoCatalog Read(string resources) =>
            DemoCatalog.Read(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"source": "test", "units": [{{units}}], "resources": [{{resources}}]}""")));

        Assert.Equal(SharingType.Unconditional, Assert.Single(Read(Resource("Unconditional")).Resources).Definition.Description.SharingType);
        var e = Assert.Throws<InvalidDataException>(() => Read(Resource("Shared")));
        Assert.Contains("10101-000009", e.Message);
        e = Assert.Throws<InvalidDataException>(() => Read(Resource("Unconditional").Replace("\"lookupKey\": null", "\"lookupKey\": null, \"owner\": \"x\"")));
        Assert.Contains("10101-000009", e.Message);
        e = Assert.Throws<InvalidDataException>(() => Read(Resource("Unconditional").Replace(", \"lookupKey\": null", "")));
        Assert.Contains("10101-000009", e.Message);
        e = Assert.Throws<InvalidDataException>(() => Read(Resource("Unconditional").Replace("\"unit\": \"gaj\"", "\"unit\": \"nobody\"")));
        Assert.Contains("10101-000009", e.Message);
        Assert.Throws<InvalidDataException>(() => Read(Resource("Unconditional") + "," + Resource("Unconditional")));
    }
}
