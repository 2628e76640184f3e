namespace Nanhai.Domain.ServiceMatters;

/// <summary>Whether a matter takes new applications (事项状态).</summary>
public enum MatterStatus
{
    /// <summary>在用 — open for applications once a version is published.</summary>
    Active = 1,
    /// <summary>已停用 — withdrawn: no new applications, no new versions; applications already made run on.</summary>
    Retired = 2,
}

/// <summary>
/// A service matter (政务服务事项) in the catalogue: its fixed <see cref="Code"/>, the published <see cref="Versions"/> and
/// at most one <see cref="Draft"/> being designed.
/// </summary>
/// <remarks>
/// Lifecycle: <see cref="Create"/> starts with a draft; <see cref="SaveDraft"/> replaces it (half-finished drafts are
/// kept, with their violations reported); <see cref="Publish"/> validates the draft and freezes it as version n + 1, after
/// which there is no draft until <see cref="BeginDraft"/> or <see cref="SaveDraft"/> starts one from the latest version.
/// Versions hold frozen, immutable definitions, so nothing done to a later draft can reach an earlier version.
/// Times are passed in: the domain has no clock.
/// </remarks>
public sealed class Matter
{
    readonly List<MatterVersion> versions;

    Matter(string code, MatterStatus status, MatterDefinition? draft, List<MatterVersion> versions,
        DateTimeOffset? retiredAt, string? retirementReason)
    {
        Code = code;
        Status = status;
        Draft = draft;
        this.versions = versions;
        RetiredAt = retiredAt;
        RetirementReason = retirementReason;
    }

    /// <summary>The matter's code (<see cref="MatterCode"/>), fixed for life.</summary>
    public string Code { get; }
    public MatterStatus Status { get; private set; }
    /// <summary>The definition being designed, or null when the latest version is all there is.</summary>
    public MatterDefinition? Draft { get; private set; }
    /// <summary>Published versions, oldest first; <c>Versions[i].Number == i + 1</c>.</summary>
    public IReadOnlyList<MatterVersion> Versions => versions.AsReadOnly();
    public MatterVersion? LatestVersion => versions.Count == 0 ? null : versions[^1];
    public DateTimeOffset? RetiredAt { get; private set; }
    public string? RetirementReason { get; private set; }

    /// <summary>Whether an applicant may apply now: active, with a published version to pin.</summary>
    public bool AcceptsApplications => Status == MatterStatus.Active && LatestVersion is not null;

    /// <summary>A new matter whose first draft is <paramref name="draft"/>.</summary>
    /// <exception cref="MatterValidationException">The code is not in the <see cref="MatterCode"/> format.</exception>
    public static Matter Create(string code, MatterDefinition draft)
    {
        // The code is the matter's identity and can never be corrected later, so it is checked now rather than at publish.
        if (MatterValidator.CodeViolation(code) is { } violation)
            throw new MatterValidationException([violation]);
        return new Matter(code, MatterStatus.Active, draft.Frozen(), [], null, null);
    }

    /// <summary>The version numbered <paramref name="number"/>, or null when there is none.</summary>
    public MatterVersion? FindVersion(int number) => number >= 1 && number <= versions.Count ? versions[number - 1] : null;

    /// <summary>
    /// Replaces the draft (starting one if there is none) and returns what it still lacks for publishing; an incomplete
    /// draft is kept, so a designer can save work in progress.
    /// </summary>
    /// <exception cref="MatterStateException">The matter is retired.</exception>
    public IReadOnlyList<MatterViolation> SaveDraft(MatterDefinition draft)
    {
        EnsureActive();
        Draft = draft.Frozen();
        return MatterValidator.Validate(Code, Draft);
    }

    /// <summary>The draft to edit: the current one, or a new one copied from the latest version.</summary>
    /// <exception cref="MatterStateException">The matter is retired.</exception>
    public MatterDefinition BeginDraft()
    {
        EnsureActive();
        // A matter always has a draft or a version: Create starts with a draft and Publish only clears it after adding one.
        return Draft ??= LatestVersion!.Definition;
    }

    /// <summary>Drops the draft, going back to the latest version.</summary>
    /// <exception cref="MatterStateException">There is no published version to go back to.</exception>
    public void DiscardDraft()
    {
        if (LatestVersion is null)
            throw new MatterStateException("事项尚未发布，不能放弃唯一的草稿 (the matter has never been published; its only draft cannot be discarded)");
        Draft = null;
    }

    /// <summary>
    /// Publishes the draft as the next version, at <paramref name="publishedAt"/>, and clears the draft.
    /// </summary>
    /// <exception cref="MatterValidationException">The draft breaks rules; nothing is published.</exception>
    /// <exception cref="MatterStateException">
    /// The matter is retired, has no draft, the draft is the same as the latest version, or <paramref name="publishedAt"/>
    /// is before the latest version's publication (versions are ordered in time as in number).
    /// </exception>
    public MatterVersion Publish(DateTimeOffset publishedAt)
    {
        EnsureActive();
        if (Draft is null)
            throw new MatterStateException("没有可发布的草稿 (there is no draft to publish)");
        var violations = MatterValidator.Validate(Code, Draft);
        if (violations.Count > 0)
            throw new MatterValidationException(violations);
        if (LatestVersion is { } latest)
        {
            if (MatterComparison.Compare(latest.Definition, Draft).Count == 0)
                throw new MatterStateException($"草稿与第{latest.Number}版相同，无需发布 (the draft is the same as version {latest.Number})");
            if (publishedAt < latest.PublishedAt)
                throw new MatterStateException($"发布时间早于第{latest.Number}版的发布时间 (publication time is before version {latest.Number}'s)");
        }

        var version = new MatterVersion(Code, versions.Count + 1, publishedAt, Draft);
        versions.Add(version);
        Draft = null;
        return version;
    }

    /// <summary>Withdraws the matter (停用): no new applications or versions until <see cref="Reinstate"/>.</summary>
    /// <exception cref="MatterValidationException">No reason given (field <c>reason</c>).</exception>
    /// <exception cref="MatterStateException">The matter is already retired.</exception>
    public void Retire(DateTimeOffset retiredAt, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new MatterValidationException([new("reason", "停用原因必填 (a reason for retiring is required)")]);
        EnsureActive();
        Status = MatterStatus.Retired;
        RetiredAt = retiredAt;
        RetirementReason = reason.Trim();
    }

    /// <summary>Puts a retired matter back into service (恢复).</summary>
    /// <exception cref="MatterStateException">The matter is not retired.</exception>
    public void Reinstate()
    {
        if (Status != MatterStatus.Retired)
            throw new MatterStateException("事项未停用 (the matter is not retired)");
        Status = MatterStatus.Active;
        RetiredAt = null;
        RetirementReason = null;
    }

    /// <summary>What changed from version <paramref name="from"/> to version <paramref name="to"/>, field by field.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A version does not exist.</exception>
    public IReadOnlyList<MatterDifference> CompareVersions(int from, int to) =>
        MatterComparison.Compare(RequireVersion(from, nameof(from)).Definition, RequireVersion(to, nameof(to)).Definition);

    /// <summary>What the draft would change if published; empty when there is no draft or no version to compare with.</summary>
    public IReadOnlyList<MatterDifference> CompareDraftWithLatest() =>
        Draft is null || LatestVersion is null ? [] : MatterComparison.Compare(LatestVersion.Definition, Draft);

    /// <summary>The matter's state, for storage.</summary>
    public MatterSnapshot ToSnapshot() => new(Code, Status, Draft, [.. versions], RetiredAt, RetirementReason);

    /// <summary>Rebuilds a matter from storage, checking that the stored state is one this class could have produced.</summary>
    /// <exception cref="InvalidDataException">The snapshot is inconsistent (gaps in version numbers, another code…).</exception>
    public static Matter FromSnapshot(MatterSnapshot snapshot)
    {
        var problem = SnapshotProblem(snapshot);
        if (problem is not null)
            throw new InvalidDataException($"Stored matter '{snapshot.Code}' is inconsistent: {problem}.");
        var versions = snapshot.Versions.Select(v => v with { Definition = v.Definition.Frozen() }).ToList();
        return new Matter(snapshot.Code, snapshot.Status, snapshot.Draft?.Frozen(), versions, snapshot.RetiredAt, snapshot.RetirementReason);
    }

    static string? SnapshotProblem(MatterSnapshot s)
    {
        if (!MatterCode.IsValid(s.Code))
            return "the code is not in the NH-XXX-0000 format";
        if (!Enum.IsDefined(s.Status))
            return $"unknown status {s.Status}";
        if (s.Draft is null && s.Versions.Count == 0)
            return "it has neither a draft nor a version";
        if ((s.Status == MatterStatus.Retired) != (s.RetiredAt is not null))
            return "the retirement time does not match the status";
        for (var i = 0; i < s.Versions.Count; i++)
        {
            var v = s.Versions[i];
            if (v.Code != s.Code || v.Number != i + 1)
                return $"version at position {i + 1} is {v.Code}@v{v.Number}";
            if (i > 0 && v.PublishedAt < s.Versions[i - 1].PublishedAt)
                return $"version {v.Number} was published before version {v.Number - 1}";
        }
        return null;
    }

    void EnsureActive()
    {
        if (Status == MatterStatus.Retired)
            throw new MatterStateException("事项已停用，不能修改或发布 (the matter is retired; it cannot be edited or published)");
    }

    MatterVersion RequireVersion(int number, string parameter) =>
        FindVersion(number) ?? throw new ArgumentOutOfRangeException(parameter, number, $"Matter {Code} has no version {number}.");
}

/// <summary>A matter's whole state, as stored; see <see cref="Matter.ToSnapshot"/> and <see cref="Matter.FromSnapshot"/>.</summary>
public sealed record MatterSnapshot(
    string Code, MatterStatus Status, MatterDefinition? Draft, IReadOnlyList<MatterVersion> Versions,
    DateTimeOffset? RetiredAt, string? RetirementReason);
