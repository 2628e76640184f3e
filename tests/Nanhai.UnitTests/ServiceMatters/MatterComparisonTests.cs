using Nanhai.Domain.ServiceMatters;
using static Nanhai.UnitTests.ServiceMatters.SampleMatters;

namespace Nanhai.UnitTests.ServiceMatters;

public sealed class MatterComparisonTests
{
    [Fact]
    public void Equal_definitions_have_no_differences() =>
        Assert.Empty(MatterComparison.Compare(FoodBusinessLicence(), FoodBusinessLicence()));

    [Fact]
    public void Scalar_changes_are_listed_with_chinese_labels_and_display_values()
    {
        var before = FoodBusinessLicence();
        var after = before with
        {
            Name = "食品经营许可（新办）",
            Kind = MatterKind.OnTheSpot,
            PromisedWorkingDays = 0,
            Fee = new Fee(12.5m, "依据"),
        };

        var differences = MatterComparison.Compare(before, after);

        Assert.Equal(["name", "kind", "promisedWorkingDays", "fee.amountYuan", "fee.legalBasis"], differences.Select(d => d.Field));
        var kind = differences[1];
        Assert.Equal(new MatterDifference("kind", "办件类型", ChangeKind.Changed, "承诺件", "即办件"), kind);
        Assert.Equal(("0.00", "12.50"), (differences[3].Before, differences[3].After));
        Assert.Equal((null, "依据"), (differences[4].Before, differences[4].After));
    }

    [Fact]
    public void Centres_and_delivery_options_compare_as_sets()
    {
        var before = FoodBusinessLicence() with { Level = HandlingLevel.Town, Centres = ["guicheng", "dali"] };

        Assert.Empty(MatterComparison.Compare(before, before with { Centres = ["dali", "guicheng"], DeliveryOptions = [.. before.DeliveryOptions.Reverse()] }));

        var difference = Assert.Single(MatterComparison.Compare(before, before with { Centres = ["guicheng", "lishui"] }));
        Assert.Equal("centres", difference.Field);
        Assert.Equal("桂城街道行政服务中心、大沥镇行政服务中心", difference.Before);
        Assert.Equal("桂城街道行政服务中心、里水镇行政服务中心", difference.After);
    }

    [Fact]
    public void Materials_are_matched_by_id_so_additions_removals_and_edits_show_separately()
    {
        var before = FoodBusinessLicence();
        var after = before with
        {
            Materials =
            [
                before.Materials[0],
                before.Materials[1] with { Name = "营业执照副本", MayBeMissingAtAcceptance = true, ReplaceableByLicence = null },
                new Material { Id = "health", Name = "从业人员健康证明", Required = false },
            ],
        };

        var differences = MatterComparison.Compare(before, after);

        Assert.Equal(
        [
            ("materials[id=layout]", ChangeKind.Removed),
            ("materials[id=business-licence].name", ChangeKind.Changed),
            ("materials[id=business-licence].mayBeMissingAtAcceptance", ChangeKind.Changed),
            ("materials[id=business-licence].replaceableByLicence", ChangeKind.Changed),
            ("materials[id=health]", ChangeKind.Added),
        ], differences.Select(d => (d.Field, d.Change)));
        Assert.Equal("营业执照", differences[3].Before);
        Assert.Equal("无", differences[3].After);
        Assert.Equal("从业人员健康证明（非必交，复印件）", differences[4].After);
        Assert.Null(differences[4].Before);
    }

    [Fact]
    public void Reordering_materials_is_a_difference()
    {
        var before = FoodBusinessLicence();
        var difference = Assert.Single(MatterComparison.Compare(before, before with { Materials = [.. before.Materials.Reverse()] }));

        Assert.Equal("materials", difference.Field);
        Assert.Equal("食品经营许可申请书、营业执照、经营场所和设备布局图", difference.Before);
    }

    [Fact]
    public void Form_fields_are_compared_one_by_one()
    {
        var before = FoodBusinessLicence();
        var after = before with
        {
            FormSchema = Schema("""
                {"type": "object",
                 "properties": {
                   "applicantName": {"type": "string", "title": "申请人姓名", "maxLength": 50},
                   "address": {"type": "string", "title": "联系地址"}
                 },
                 "required": ["applicantName"]}
                """),
        };

        var differences = MatterComparison.Compare(before, after);

        Assert.Equal(
        [
            ("formSchema.properties.contactPhone", ChangeKind.Removed, "表单字段“联系电话”"),
            ("formSchema.properties.applicantName", ChangeKind.Changed, "表单字段“申请人姓名”"),
            ("formSchema.properties.address", ChangeKind.Added, "表单字段“联系地址”"),
            ("formSchema.required", ChangeKind.Changed, "表单设置“required”"),
        ], differences.Select(d => (d.Field, d.Change, d.Label)));
        Assert.Equal("""{"type":"string","title":"申请人姓名","maxLength":50}""", differences[1].After);
        Assert.Equal("""["applicantName"]""", differences[3].After);
    }

    [Fact]
    public void Reformatted_but_equal_form_schemas_are_not_a_difference()
    {
        var before = FoodBusinessLicence() with { FormSchema = Schema("""{"type":"object","properties":{"a":{"type":"string"}}}""") };
        var after = before with { FormSchema = Schema("""{ "properties": { "a": { "type": "string" } }, "type": "object" }""") };

        Assert.Empty(MatterComparison.Compare(before, after));
    }

    [Fact]
    public void A_matter_compares_two_of_its_versions_and_its_draft_with_the_latest()
    {
        var matter = PublishedFoodBusinessLicence();
        matter.SaveDraft(matter.BeginDraft() with { VisitsRequired = 0 });
        matter.Publish(Monday.AddDays(1));
        matter.SaveDraft(matter.BeginDraft() with { StatutoryWorkingDays = 15 });

        var visits = Assert.Single(matter.CompareVersions(1, 2));
        Assert.Equal(("visitsRequired", "1", "0"), (visits.Field, visits.Before, visits.After));
        Assert.Equal("visitsRequired", Assert.Single(matter.CompareVersions(2, 1)).Field);
        Assert.Equal("statutoryWorkingDays", Assert.Single(matter.CompareDraftWithLatest()).Field);
        Assert.Throws<ArgumentOutOfRangeException>(() => matter.CompareVersions(1, 3));
    }
}
