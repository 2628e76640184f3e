using Nanhai.Application.Common;
using Nanhai.Application.ServiceMatters.Catalog;
using Nanhai.Domain.ServiceMatters;

namespace Nanhai.Application.ServiceMatters.Authoring;

/// <summary>
/// Matter authoring for the admin console's low-code designer (事项设计器): create a matter, save or discard its draft,
/// publish the draft as a version, compare versions, retire and reinstate.
/// </summary>
/// <remarks>
/// Every change names the stored state it was made on (If-Match with the ETag read), so two designers cannot silently
/// overwrite each other and a publication cannot be repeated by a retried request. Unlike <see cref="Matter.SaveDraft"/>,
/// which keeps half-finished drafts, the API stores only drafts that satisfy <see cref="MatterValidator"/>: the designer
/// gets the field messages at once, and whatever is stored can be published.
/// </remarks>
public sealed class MatterAuthoring(IMatterRepository matters, TimeProvider clock)
{
    /// <summary>The value of <c>to</c> that names the draft in <see cref="CompareAsync"/>.</summary>
    public const string Draft = "draft";

    public Task<StoredMatter> GetAsync(string code, CancellationToken cancellationToken) => matters.GetAsync(code, cancellationToken);

    /// <summary>Creates a matter whose first draft is the command's definition; the code must be new.</summary>
    public async Task<StoredMatter> CreateAsync(CreateMatter command, CancellationToken cancellationToken)
    {
        var definition = command.Definition
            ?? throw new ValidationFailedException("definition", "事项定义必填 (a definition is required)");
        var violations = MatterValidator.Validate(command.Code, definition);
        if (violations.Count > 0)
        {
            // Field names as paths in the request body: the code at the top, the definition's fields under "definition".
            throw new ValidationFailedException(violations
                .Select(v => v.Field == "code" ? v : v with { Field = $"definition.{v.Field}" }).ToFieldErrors());
        }
        var matter = Matter.Create(command.Code, definition);
        // Written only if the code is new (a create, not a replace), so a repeated request cannot make a second matter.
        return new StoredMatter(matter, await matters.SaveAsync(matter, null, cancellationToken));
    }

    /// <summary>Replaces the draft (starting one after a publication) with <paramref name="draft"/>, which must be publishable.</summary>
    public Task<StoredMatter> SaveDraftAsync(string code, MatterDefinition draft, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(code, ifMatch, matter =>
        {
            if (MatterValidator.Validate(matter.Code, draft) is { Count: > 0 } violations)
                throw new MatterValidationException(violations);
            matter.SaveDraft(draft);
        }, cancellationToken);

    /// <summary>Drops the draft, going back to the latest version.</summary>
    public Task<StoredMatter> DiscardDraftAsync(string code, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(code, ifMatch, matter => matter.DiscardDraft(), cancellationToken);

    /// <summary>Publishes the draft as the next version, dated now.</summary>
    public async Task<PublishedMatterVersion> PublishAsync(string code, string? ifMatch, CancellationToken cancellationToken)
    {
        MatterVersion? version = null;
        var stored = await ChangeAsync(code, ifMatch, matter =>
        {
            try
            {
                version = matter.Publish(clock.GetUtcNow());
            }
            catch (MatterValidationException e)
            {
                // The request itself is fine; it is the stored draft that cannot be published (e.g. an e-licence type or
                // centre it names was withdrawn since it was saved), which is a conflict with the current state.
                throw new ConflictException("草稿不符合发布规则，未发布，请先修改草稿 (the draft breaks publishing rules and was not published; fix it first): " +
                                            string.Join("; ", e.Violations.Select(v => $"{v.Field}: {v.Message}")));
            }
        }, cancellationToken);
        return new PublishedMatterVersion(stored, version!);
    }

    /// <summary>Retires the matter (停用): no new applications or versions until it is reinstated.</summary>
    public Task<StoredMatter> RetireAsync(string code, RetireMatter command, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(code, ifMatch, matter => matter.Retire(clock.GetUtcNow(), command.Reason ?? ""), cancellationToken);

    /// <summary>Puts a retired matter back into service (恢复).</summary>
    public Task<StoredMatter> ReinstateAsync(string code, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(code, ifMatch, matter => matter.Reinstate(), cancellationToken);

    /// <summary>
    /// The differences (版本比对) from version <paramref name="from"/> to version <paramref name="to"/>, or to the draft when
    /// <paramref name="to"/> is <see cref="Draft"/>; both as they come from the query string.
    /// </summary>
    public async Task<MatterVersionComparison> CompareAsync(string code, string? from, string? to, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!int.TryParse(from, out var fromNumber) || fromNumber < 1)
            errors["from"] = ["起始版本应为正整数 (from must be a version number)"];
        int? toNumber = null;
        if (!string.Equals(to, Draft, StringComparison.OrdinalIgnoreCase))
        {
            if (int.TryParse(to, out var n) && n >= 1) toNumber = n;
            else errors["to"] = ["目标版本应为正整数或 draft (to must be a version number or \"draft\")"];
        }
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var matter = (await matters.GetAsync(code, cancellationToken)).Matter;
        var before = VersionOf(matter, fromNumber).Definition;
        var after = toNumber is { } number
            ? VersionOf(matter, number).Definition
            : matter.Draft ?? throw new NotFoundException($"事项 {code} 没有草稿 (matter {code} has no draft)");
        return new MatterVersionComparison(code, fromNumber, toNumber, MatterComparison.Compare(before, after));
    }

    static MatterVersion VersionOf(Matter matter, int number) =>
        matter.FindVersion(number) ?? throw new NotFoundException($"事项 {matter.Code} 没有第 {number} 版 (matter {matter.Code} has no version {number})");

    /// <summary>Applies <paramref name="change"/> to the matter as stored under <paramref name="ifMatch"/>, and stores the result.</summary>
    async Task<StoredMatter> ChangeAsync(string code, string? ifMatch, Action<Matter> change, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
            throw new PreconditionRequiredException("修改事项须带 If-Match 请求头，值为读取时的 ETag (send If-Match with the ETag you read)");
        var stored = await matters.GetAsync(code, cancellationToken);
        if (ifMatch != stored.ETag)
            throw new PreconditionFailedException(ChangedMessage(code));
        change(stored.Matter);
        try
        {
            return new StoredMatter(stored.Matter, await matters.SaveAsync(stored.Matter, stored.ETag, cancellationToken));
        }
        catch (ConflictException)
        {
            // Another change was stored between our read and our write: the caller's ETag is as stale as if it had come later.
            throw new PreconditionFailedException(ChangedMessage(code));
        }
    }

    static string ChangedMessage(string code) =>
        $"事项 {code} 已被他人修改，请刷新后重试 (matter {code} was changed since it was read; reload and retry)";
}

/// <summary>A new matter: its code (<see cref="MatterCode"/>) and first draft.</summary>
public sealed record CreateMatter(string Code, MatterDefinition? Definition);

/// <summary>Why the matter is retired (停用原因).</summary>
public sealed record RetireMatter(string? Reason);

public sealed record PublishedMatterVersion(StoredMatter Matter, MatterVersion Version);

/// <summary>The differences from version <paramref name="From"/> to version <paramref name="To"/> (null: the draft).</summary>
public sealed record MatterVersionComparison(string Code, int From, int? To, IReadOnlyList<MatterDifference> Differences);
