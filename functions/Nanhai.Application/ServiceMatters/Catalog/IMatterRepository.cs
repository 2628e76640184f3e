using Nanhai.Domain.ServiceMatters;

namespace Nanhai.Application.ServiceMatters.Catalog;

/// <summary>Where matters are kept: one record per matter, written whole and guarded by its ETag.</summary>
public interface IMatterRepository
{
    Task<StoredMatter?> FindAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the matter. With <paramref name="expectedETag"/> null the matter must be new; otherwise the stored one must
    /// still carry that ETag. Throws <see cref="Common.ConflictException"/> when either does not hold. Returns the new ETag.
    /// </summary>
    Task<string> SaveAsync(Matter matter, string? expectedETag, CancellationToken cancellationToken = default);

    /// <summary>One page of the published, active matters that match, ordered by code.</summary>
    Task<MatterPage> SearchAsync(MatterSearch search, CancellationToken cancellationToken = default);
}

public sealed record StoredMatter(Matter Matter, string ETag);

public static class MatterRepositoryExtensions
{
    /// <summary>The stored matter, or <see cref="Common.NotFoundException"/> (also for a code that is not in the matter-code format).</summary>
    public static async Task<StoredMatter> GetAsync(this IMatterRepository matters, string code, CancellationToken cancellationToken) =>
        (MatterCode.IsValid(code) ? await matters.FindAsync(code, cancellationToken) : null)
        ?? throw new Common.NotFoundException($"没有编码为 {code} 的事项 (no matter has code {code})");
}

/// <summary>A catalogue query: every criterion given must hold.</summary>
public sealed record MatterSearch(
    string? Text, HandlingLevel? Level, string? Centre, MatterAttribute? Attribute, int PageSize, string? ContinuationToken);

public sealed record MatterPage(IReadOnlyList<MatterListing> Items, string? ContinuationToken);

/// <summary>
/// What the catalogue lists and filters by: the latest published version of an active matter, with its derived
/// attributes. Stored beside the matter so that listing never loads whole matters.
/// </summary>
public sealed record MatterListing(
    string Code, int Version, DateTimeOffset PublishedAt, string Name, string Department, HandlingLevel Level,
    IReadOnlyList<string> Centres, IReadOnlyList<MatterAttribute> Attributes, MatterKind Kind,
    int PromisedWorkingDays, int StatutoryWorkingDays, int VisitsRequired)
{
    /// <summary>The listing of <paramref name="matter"/>, or null when it takes no applications (retired, or never published).</summary>
    public static MatterListing? Of(Matter matter)
    {
        if (!matter.AcceptsApplications) return null;
        var version = matter.LatestVersion!;
        var d = version.Definition;
        return new MatterListing(matter.Code, version.Number, version.PublishedAt, d.Name, d.Department, d.Level, d.Centres,
            [.. MatterAttributes.All.Where(d.Has)], d.Kind, d.PromisedWorkingDays, d.StatutoryWorkingDays, d.VisitsRequired);
    }
}
