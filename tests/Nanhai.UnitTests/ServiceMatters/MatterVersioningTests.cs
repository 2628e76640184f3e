using Nanhai.Domain.ServiceMatters;
using static Nanhai.UnitTests.ServiceMatters.SampleMatters;

namespace Nanhai.UnitTests.ServiceMatters;

public sealed class MatterVersioningTests
{
    [Fact]
    public void A_new_matter_is_a_draft_that_takes_no_applications()
    {
        var matter = Matter.Create(Code, FoodBusinessLicence());

        Assert.NotNull(matter.Draft);
        Assert.Empty(matter.Versions);
        Assert.Null(matter.LatestVersion);
        Assert.False(matter.AcceptsApplications);
    }

    [Fact]
    public void A_matter_cannot_be_created_with_a_malformed_code()
    {
        var e = Assert.Throws<MatterValidationException>(() => Matter.Create("SC-1", FoodBusinessLicence()));
        Assert.Equal("code", Assert.Single(e.Violations).Field);
    }

    [Fact]
    public void Publishing_freezes_the_draft_as_version_1_at_the_given_time()
    {
        var matter = Matter.Create(Code, FoodBusinessLicence());

        var version = matter.Publish(Monday);

        Assert.Equal(1, version.Number);
        Assert.Equal(Monday, version.PublishedAt);
        Assert.Equal(new MatterVersionRef(Code, 1), version.Ref);
        Assert.Equal("NH-SCJ-0001@v1", version.Ref.ToString());
        Assert.Same(version, matter.LatestVersion);
        Assert.Null(matter.Draft);
        Assert.True(matter.AcceptsApplications);
    }

    [Fact]
    public void Editing_after_publishing_starts_a_draft_from_the_latest_version_and_leaves_it_unchanged()
    {
        var matter = PublishedFoodBusinessLicence();
        var draft = matter.BeginDraft();
        Assert.Equal("食品经营许可", draft.Name);

        matter.SaveDraft(draft with { Name = "食品经营许可（新办）", PromisedWorkingDays = 3, Materials = [.. draft.Materials.Skip(1)] });

        var v1 = matter.FindVersion(1)!;
        Assert.Equal("食品经营许可", v1.Definition.Name);
        Assert.Equal(5, v1.Definition.PromisedWorkingDays);
        Assert.Equal(3, v1.Definition.Materials.Count);
        Assert.Equal("食品经营许可（新办）", matter.Draft!.Name);
    }

    [Fact]
    public void A_version_cannot_be_changed_through_the_lists_its_draft_was_built_from()
    {
        var centres = ServiceCentres.TownCodes.ToList();
        var materials = FoodBusinessLicence().Materials.ToList();
        var matter = Matter.Create(Code, FoodBusinessLicence() with { Centres = centres, Materials = materials });
        var version = matter.Publish(Monday);

        centres.Clear();
        materials.RemoveAt(0);

        Assert.Equal(7, version.Definition.Centres.Count);
        Assert.Equal(3, version.Definition.Materials.Count);
        Assert.Throws<NotSupportedException>(() => ((IList<string>)version.Definition.Centres).Add("x"));
    }

    [Fact]
    public void Version_numbers_increase_by_one_and_each_version_keeps_its_content()
    {
        var matter = PublishedFoodBusinessLicence();
        matter.SaveDraft(matter.BeginDraft() with { PromisedWorkingDays = 3 });
        var v2 = matter.Publish(Monday.AddDays(7));
        matter.SaveDraft(matter.BeginDraft() with { PromisedWorkingDays = 2 });
        var v3 = matter.Publish(Monday.AddDays(14));

        Assert.Equal([1, 2, 3], matter.Versions.Select(v => v.Number));
        Assert.Equal([5, 3, 2], matter.Versions.Select(v => v.Definition.PromisedWorkingDays));
        Assert.Same(v2, matter.FindVersion(2));
        Assert.Same(v3, matter.LatestVersion);
        Assert.Null(matter.FindVersion(4));
        Assert.Null(matter.FindVersion(0));
    }

    [Fact]
    public void An_invalid_draft_is_saved_with_its_violations_but_not_published()
    {
        var matter = PublishedFoodBusinessLicence();

        var violations = matter.SaveDraft(matter.BeginDraft() with { PromisedWorkingDays = 30, DeliveryOptions = [] });

        Assert.Equal(["promisedWorkingDays", "deliveryOptions"], violations.Select(v => v.Field));
        Assert.Equal(30, matter.Draft!.PromisedWorkingDays);
        var e = Assert.Throws<MatterValidationException>(() => matter.Publish(Monday.AddDays(1)));
        Assert.Equal(violations, e.Violations);
        Assert.Single(matter.Versions);
    }

    [Fact]
    public void Publishing_needs_a_draft_that_differs_from_the_latest_version()
    {
        var matter = PublishedFoodBusinessLicence();
        Assert.Throws<MatterStateException>(() => matter.Publish(Monday.AddDays(1)));

        matter.BeginDraft();
        Assert.Throws<MatterStateException>(() => matter.Publish(Monday.AddDays(1)));
    }

    [Fact]
    public void Versions_are_published_in_time_order()
    {
        var matter = PublishedFoodBusinessLicence();
        matter.SaveDraft(matter.BeginDraft() with { PromisedWorkingDays = 3 });

        Assert.Throws<MatterStateException>(() => matter.Publish(Monday.AddMinutes(-1)));
        Assert.Equal(2, matter.Publish(Monday).Number);
    }

    [Fact]
    public void A_draft_can_be_discarded_only_when_a_version_exists()
    {
        Assert.Throws<MatterStateException>(() => Matter.Create(Code, FoodBusinessLicence()).DiscardDraft());

        var matter = PublishedFoodBusinessLicence();
        matter.SaveDraft(matter.BeginDraft() with { Name = "改名" });
        matter.DiscardDraft();
        Assert.Null(matter.Draft);
        Assert.Equal("食品经营许可", matter.BeginDraft().Name);
    }

    [Fact]
    public void A_retired_matter_takes_no_applications_and_cannot_be_edited_or_published()
    {
        var matter = PublishedFoodBusinessLicence();
        matter.SaveDraft(matter.BeginDraft() with { PromisedWorkingDays = 3 });

        matter.Retire(Monday.AddDays(30), " 职能调整，事项取消 ");

        Assert.Equal(MatterStatus.Retired, matter.Status);
        Assert.Equal("职能调整，事项取消", matter.RetirementReason);
        Assert.False(matter.AcceptsApplications);
        Assert.Throws<MatterStateException>(() => matter.Publish(Monday.AddDays(31)));
        Assert.Throws<MatterStateException>(() => matter.SaveDraft(FoodBusinessLicence()));
        Assert.Throws<MatterStateException>(() => matter.Retire(Monday.AddDays(31), "again"));
        Assert.NotNull(matter.FindVersion(1));
    }

    [Fact]
    public void Retiring_needs_a_reason()
    {
        var e = Assert.Throws<MatterValidationException>(() => PublishedFoodBusinessLicence().Retire(Monday, " "));
        Assert.Equal("reason", Assert.Single(e.Violations).Field);
    }

    [Fact]
    public void A_reinstated_matter_takes_applications_and_versions_again()
    {
        var matter = PublishedFoodBusinessLicence();
        matter.Retire(Monday.AddDays(1), "暂停");
        matter.Reinstate();

        Assert.True(matter.AcceptsApplications);
        Assert.Null(matter.RetiredAt);
        matter.SaveDraft(matter.BeginDraft() with { VisitsRequired = 0 });
        Assert.Equal(2, matter.Publish(Monday.AddDays(2)).Number);
        Assert.Throws<MatterStateException>(matter.Reinstate);
    }

    [Fact]
    public void A_snapshot_round_trips_through_json_and_restores_the_same_matter()
    {
        var matter = PublishedFoodBusinessLicence();
        matter.SaveDraft(matter.BeginDraft() with { PromisedWorkingDays = 3 });
        matter.Publish(Monday.AddDays(1));
        matter.SaveDraft(matter.BeginDraft() with { Name = "草稿中" });

        var json = System.Text.Json.JsonSerializer.Serialize(matter.ToSnapshot(), MatterJson.Options);
        var restored = Matter.FromSnapshot(System.Text.Json.JsonSerializer.Deserialize<MatterSnapshot>(json, MatterJson.Options)!);

        Assert.Contains("\"level\":\"district\"", json);
        Assert.Contains("食品经营许可", json);
        Assert.DoesNotContain("isZeroVisit", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, restored.Versions.Count);
        Assert.Equal("promisedWorkingDays", Assert.Single(restored.CompareVersions(1, 2)).Field);
        Assert.Empty(MatterComparison.Compare(matter.FindVersion(2)!.Definition, restored.FindVersion(2)!.Definition));
        Assert.Equal("草稿中", restored.Draft!.Name);
        Assert.Equal(matter.LatestVersion!.PublishedAt, restored.LatestVersion!.PublishedAt);
    }

    [Fact]
    public void An_inconsistent_snapshot_is_refused()
    {
        var snapshot = PublishedFoodBusinessLicence().ToSnapshot();
        var v1 = snapshot.Versions[0];

        Assert.Throws<InvalidDataException>(() => Matter.FromSnapshot(snapshot with { Versions = [v1 with { Number = 2 }] }));
        Assert.Throws<InvalidDataException>(() => Matter.FromSnapshot(snapshot with { Versions = [v1 with { Code = "NH-GA-0001" }] }));
        Assert.Throws<InvalidDataException>(() => Matter.FromSnapshot(snapshot with { Versions = [], Draft = null }));
        Assert.Throws<InvalidDataException>(() => Matter.FromSnapshot(snapshot with { Status = MatterStatus.Retired }));
    }
}
