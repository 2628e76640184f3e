using Nanhai.Domain.Catalog;

namespace Nanhai.UnitTests.Catalog;

public sealed class ResourceTests
{
    static readonly DateTimeOffset At = new(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);

    static readonly DataItem Id = new("id_number", "公民身份号码", DataItemType.ResidentIdNumber, 18, Required: true, PersonalIdentifier: true);
    static readonly DataItem Name = new("name", "姓名", DataItemType.Text, 50, Required: true, PersonalIdentifier: true);

    static ResourceDefinition Definition(SharingType sharing = SharingType.Unconditional, string? conditions = null, string? basis = null,
        string? lookupKey = "id_number", params DataItem[] items) => new(
        new ResourceDescription("户籍人口基本信息", "10101", "户籍人口的基本信息", "数据库", sharing, conditions, "接口共享", basis,
            OpenAttribute.NotOpen, UpdateCycle.Daily, new DateOnly(2020, 3, 1), lookupKey),
        items.Length == 0 ? [Id, Name] : items, IngestionPolicy.Default);

    [Fact]
    public void A_registered_resource_starts_at_version_1_with_no_records()
    {
        var resource = Resource.Register("10101-000001", "gaj", Definition(), "tester", At);

        Assert.Equal(1, resource.Version);
        Assert.Equal(0, resource.Statistics.Records);
        Assert.Equal(Id, resource.LookupItem);
    }

    [Theory]
    [InlineData("10101-1", "code")]
    [InlineData("10102-000001", "code")] // not the resource's classification
    public void A_code_must_be_the_classification_and_a_six_digit_sequence(string code, string field) =>
        Assert.Contains(Assert.Throws<CatalogValidationException>(() => Resource.Register(code, "gaj", Definition(), "tester", At)).Violations,
            v => v.Field == field);

    [Fact]
    public void Conditional_sharing_needs_conditions_and_not_shared_needs_a_legal_basis()
    {
        Assert.Contains(Resource.Validate(Definition(SharingType.Conditional)), v => v.Field == "description.sharingConditions");
        Assert.Contains(Resource.Validate(Definition(SharingType.NotShared)), v => v.Field == "description.legalBasis");
        Assert.Empty(Resource.Validate(Definition(SharingType.NotShared, basis: "《统计法》第二十五条")));
    }

    [Fact]
    public void The_lookup_key_must_be_a_required_item_and_item_names_unique()
    {
        var optionalId = Id with { Required = false };
        Assert.Contains(Resource.Validate(Definition(lookupKey: "phone")), v => v.Field == "description.lookupKey");
        Assert.Contains(Resource.Validate(Definition(lookupKey: "id_number", items: [optionalId, Name])), v => v.Field == "description.lookupKey");
        Assert.Contains(Resource.Validate(Definition(lookupKey: null, items: [Name, Name with { Label = "别名" }])), v => v.Field == "items[1].name");
    }

    [Fact]
    public void Changing_the_items_makes_a_new_version_and_changing_metadata_does_not()
    {
        var resource = Resource.Register("10101-000001", "gaj", Definition(), "tester", At);
        var phone = new DataItem("phone", "联系电话", DataItemType.Text, 20, Required: false, PersonalIdentifier: true);

        Assert.False(resource.Revise(Definition(SharingType.Conditional, conditions: "仅限社会保障业务使用"), "editor", At.AddDays(1)));
        Assert.True(resource.Revise(Definition(items: [Id, Name, phone]), "editor", At.AddDays(2)));

        Assert.Equal(2, resource.Version);
        Assert.Equal([2, 3], [resource.Versions[0].Items.Count, resource.Versions[1].Items.Count]);
        Assert.Equal("editor", resource.Versions[1].ChangedBy);
    }

    [Fact]
    public void Lookups_switch_to_a_generation_only_while_its_snapshot_is_current()
    {
        var resource = Resource.Register("10101-000001", "gaj", Definition(), "tester", At);
        Assert.True(resource.TryRecordSnapshot("run-1", "gaj/10101-000001/run-1.parquet", "hash-1", 1, 100, At, At));
        Assert.True(resource.TryServeLookups("run-1", out var replaced));
        Assert.Null(replaced);

        Assert.True(resource.TryRecordSnapshot("run-2", "gaj/10101-000001/run-2.parquet", "hash-2", 1, 120, At.AddHours(1), At.AddHours(1)));
        Assert.Equal("run-1", resource.Statistics.LookupGeneration); // still served while run-2's index is built
        Assert.True(resource.TryRecordSnapshot("run-3", "gaj/10101-000001/run-3.parquet", "hash-3", 1, 130, At.AddHours(2), At.AddHours(2)));

        Assert.False(resource.TryServeLookups("run-2", out _)); // overtaken: its index is dropped, not served
        Assert.True(resource.TryServeLookups("run-3", out replaced));
        Assert.Equal(("run-1", "run-3", 130L), (replaced, resource.Statistics.LookupGeneration, resource.Statistics.Records));
    }

    [Fact]
    public void An_older_dump_that_finishes_later_does_not_replace_a_newer_snapshot()
    {
        var resource = Resource.Register("10101-000001", "gaj", Definition(), "tester", At);
        Assert.True(resource.TryRecordSnapshot("run-new", "gaj/10101-000001/run-new.parquet", "hash-new", 1, 200, At.AddHours(2), At.AddHours(3)));

        // Dropped an hour before the current snapshot's dump, finished an hour after it.
        Assert.False(resource.TryRecordSnapshot("run-old", "gaj/10101-000001/run-old.parquet", "hash-old", 1, 150, At.AddHours(1), At.AddHours(4)));

        Assert.Equal(("run-new", 200L), (resource.Statistics.LatestRunId, resource.Statistics.Records));
        Assert.True(resource.TryRecordSnapshot("run-newest", "gaj/10101-000001/run-newest.parquet", "hash-newest", 1, 210, At.AddHours(5), At.AddHours(5)));
        Assert.Equal("run-newest", resource.Statistics.LatestRunId);
    }
}
