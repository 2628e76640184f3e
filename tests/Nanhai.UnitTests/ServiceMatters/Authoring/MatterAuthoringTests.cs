using Nanhai.Application.Common;
using Nanhai.Application.ServiceMatters.Authoring;
using Nanhai.Application.ServiceMatters.Catalog;
using Nanhai.Domain.ServiceMatters;
using Nanhai.UnitTests.Support;
using static Nanhai.UnitTests.ServiceMatters.SampleMatters;

namespace Nanhai.UnitTests.ServiceMatters.Authoring;

public sealed class MatterAuthoringTests
{
    readonly InMemoryMatterRepository repository = new();
    readonly MatterAuthoring authoring;

    public MatterAuthoringTests() => authoring = new MatterAuthoring(repository, new FixedClock(Monday));

    static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task A_code_is_created_once()
    {
        var created = await authoring.CreateAsync(new CreateMatter(Code, FoodBusinessLicence()), None);

        await Assert.ThrowsAsync<ConflictException>(() =>
            authoring.CreateAsync(new CreateMatter(Code, FoodBusinessLicence() with { Name = "另一个事项" }), None));
        var stored = await repository.GetAsync(Code, None);
        Assert.Equal(created.ETag, stored.ETag);
        Assert.Equal("食品经营许可", stored.Matter.Draft!.Name);
    }

    [Fact]
    public async Task An_invalid_new_matter_gets_messages_at_its_paths_in_the_body_and_nothing_is_stored()
    {
        var e = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            authoring.CreateAsync(new CreateMatter("SCJ-1", FoodBusinessLicence() with { Name = "", PromisedWorkingDays = 30 }), None));
        var missing = await Assert.ThrowsAsync<ValidationFailedException>(() => authoring.CreateAsync(new CreateMatter(Code, null), None));

        Assert.Equal(["code", "definition.name", "definition.promisedWorkingDays"], e.Errors.Keys.Order());
        Assert.Equal(["definition"], missing.Errors.Keys);
        Assert.Null(await repository.FindAsync("SCJ-1"));
        Assert.Null(await repository.FindAsync(Code));
    }

    [Fact]
    public async Task Changes_need_the_current_etag()
    {
        var created = await authoring.CreateAsync(new CreateMatter(Code, FoodBusinessLicence()), None);
        var saved = await authoring.SaveDraftAsync(Code, FoodBusinessLicence() with { PromisedWorkingDays = 3 }, created.ETag, None);

        await Assert.ThrowsAsync<PreconditionRequiredException>(() => authoring.SaveDraftAsync(Code, FoodBusinessLicence(), null, None));
        await Assert.ThrowsAsync<PreconditionFailedException>(() => authoring.SaveDraftAsync(Code, FoodBusinessLicence(), created.ETag, None));
        await Assert.ThrowsAsync<PreconditionFailedException>(() => authoring.PublishAsync(Code, created.ETag, None));
        var stored = await repository.GetAsync(Code, None);
        Assert.Equal(saved.ETag, stored.ETag);
        Assert.Equal(3, stored.Matter.Draft!.PromisedWorkingDays);
        Assert.Empty(stored.Matter.Versions);
    }

    [Fact]
    public async Task A_change_that_loses_the_race_after_the_etag_check_is_a_failed_precondition()
    {
        var created = await authoring.CreateAsync(new CreateMatter(Code, FoodBusinessLicence()), None);
        var racing = new MatterAuthoring(new ChangedAfterRead(repository), new FixedClock(Monday));

        await Assert.ThrowsAsync<PreconditionFailedException>(() => racing.PublishAsync(Code, created.ETag, None));
        Assert.Empty((await repository.GetAsync(Code, None)).Matter.Versions);
    }

    [Fact]
    public async Task An_invalid_draft_gets_field_messages_and_the_stored_draft_stays()
    {
        var created = await authoring.CreateAsync(new CreateMatter(Code, FoodBusinessLicence()), None);

        var e = await Assert.ThrowsAsync<MatterValidationException>(() =>
            authoring.SaveDraftAsync(Code, FoodBusinessLicence() with { Centres = ["nowhere"] }, created.ETag, None));

        Assert.Contains(e.Violations, v => v.Field == "centres[0]");
        var stored = await repository.GetAsync(Code, None);
        Assert.Equal(created.ETag, stored.ETag);
        Assert.Equal(FoodBusinessLicence().Centres, stored.Matter.Draft!.Centres);
    }

    [Fact]
    public async Task Publishing_makes_the_next_version_at_the_clocks_time_and_a_replay_publishes_nothing()
    {
        var created = await authoring.CreateAsync(new CreateMatter(Code, FoodBusinessLicence()), None);

        var published = await authoring.PublishAsync(Code, created.ETag, None);
        await Assert.ThrowsAsync<PreconditionFailedException>(() => authoring.PublishAsync(Code, created.ETag, None));
        var nothingToPublish = await Assert.ThrowsAsync<MatterStateException>(() => authoring.PublishAsync(Code, published.Matter.ETag, None));

        Assert.Equal(1, published.Version.Number);
        Assert.Equal(Monday, published.Version.PublishedAt);
        Assert.Contains("没有可发布的草稿", nothingToPublish.Message);
        var stored = await repository.GetAsync(Code, None);
        Assert.Single(stored.Matter.Versions);
        Assert.Null(stored.Matter.Draft);
    }

    [Fact]
    public async Task A_stored_draft_that_breaks_the_rules_is_a_conflict_naming_the_fields()
    {
        // The domain keeps half-finished drafts; one can be stored by anything other than this API (or by rules that
        // tightened since it was saved), and publishing it must say what is wrong.
        var etag = await repository.SaveAsync(Matter.Create(Code, FoodBusinessLicence() with { Department = "" }), null);

        var e = await Assert.ThrowsAsync<ConflictException>(() => authoring.PublishAsync(Code, etag, None));

        Assert.Contains("department", e.Message);
        Assert.Empty((await repository.GetAsync(Code, None)).Matter.Versions);
    }

    [Fact]
    public async Task Comparing_names_versions_or_the_draft()
    {
        var created = await authoring.CreateAsync(new CreateMatter(Code, FoodBusinessLicence()), None);
        var v1 = await authoring.PublishAsync(Code, created.ETag, None);
        var draft = await authoring.SaveDraftAsync(Code, FoodBusinessLicence() with { PromisedWorkingDays = 2 }, v1.Matter.ETag, None);
        await authoring.PublishAsync(Code, draft.ETag, None);
        await authoring.SaveDraftAsync(Code, FoodBusinessLicence() with { Name = "食品经营许可（新办）" },
            (await repository.GetAsync(Code, None)).ETag, None);

        var versions = await authoring.CompareAsync(Code, "1", "2", None);
        var toDraft = await authoring.CompareAsync(Code, "2", "DRAFT", None);

        var limit = Assert.Single(versions.Differences);
        Assert.Equal(("promisedWorkingDays", "5", "2"), (limit.Field, limit.Before, limit.After));
        Assert.Null(toDraft.To);
        Assert.Equal(["name", "promisedWorkingDays"], toDraft.Differences.Select(d => d.Field));
    }

    [Theory]
    [InlineData(null, "2", "from")]
    [InlineData("0", "2", "from")]
    [InlineData("1", "latest", "to")]
    [InlineData("x", null, "from")]
    public async Task Comparison_arguments_are_checked(string? from, string? to, string field)
    {
        var e = await Assert.ThrowsAsync<ValidationFailedException>(() => authoring.CompareAsync(Code, from, to, None));
        Assert.Contains(field, e.Errors.Keys);
    }

    [Fact]
    public async Task Comparing_with_a_missing_version_or_draft_is_not_found()
    {
        var created = await authoring.CreateAsync(new CreateMatter(Code, FoodBusinessLicence()), None);
        await authoring.PublishAsync(Code, created.ETag, None);

        await Assert.ThrowsAsync<NotFoundException>(() => authoring.CompareAsync(Code, "1", "2", None));
        await Assert.ThrowsAsync<NotFoundException>(() => authoring.CompareAsync(Code, "1", "draft", None));
        await Assert.ThrowsAsync<NotFoundException>(() => authoring.CompareAsync("NH-SCJ-0999", "1", "draft", None));
    }

    [Fact]
    public async Task A_retired_matter_cannot_be_edited_until_it_is_reinstated()
    {
        var created = await authoring.CreateAsync(new CreateMatter(Code, FoodBusinessLicence()), None);
        var published = await authoring.PublishAsync(Code, created.ETag, None);

        var noReason = await Assert.ThrowsAsync<MatterValidationException>(() =>
            authoring.RetireAsync(Code, new RetireMatter(" "), published.Matter.ETag, None));
        var retired = await authoring.RetireAsync(Code, new RetireMatter("职能调整 "), published.Matter.ETag, None);
        await Assert.ThrowsAsync<MatterStateException>(() => authoring.SaveDraftAsync(Code, FoodBusinessLicence(), retired.ETag, None));
        var reinstated = await authoring.ReinstateAsync(Code, retired.ETag, None);

        Assert.Equal("reason", Assert.Single(noReason.Violations).Field);
        Assert.Equal((MatterStatus.Retired, Monday, "职能调整"), (retired.Matter.Status, retired.Matter.RetiredAt, retired.Matter.RetirementReason));
        Assert.Equal(MatterStatus.Active, reinstated.Matter.Status);
        Assert.True((await repository.GetAsync(Code, None)).Matter.AcceptsApplications);
    }

    /// <summary>A repository in which someone else writes the matter just after each read.</summary>
    sealed class ChangedAfterRead(IMatterRepository inner) : IMatterRepository
    {
        public async Task<StoredMatter?> FindAsync(string code, CancellationToken cancellationToken = default)
        {
            var read = await inner.FindAsync(code, cancellationToken);
            if (read is not null) await inner.SaveAsync(read.Matter, read.ETag, cancellationToken);
            return read;
        }

        public Task<string> SaveAsync(Matter matter, string? expectedETag, CancellationToken cancellationToken = default) =>
            inner.SaveAsync(matter, expectedETag, cancellationToken);

        public Task<MatterPage> SearchAsync(MatterSearch search, CancellationToken cancellationToken = default) =>
            inner.SearchAsync(search, cancellationToken);
    }
}
