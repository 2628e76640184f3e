using Nanhai.Application.ServiceMatters.Catalog;
using Nanhai.Domain.ServiceMatters;

namespace Nanhai.UnitTests.Support;

/// <summary>
/// A matter repository for tests whose use cases need one only to be constructed (e.g. <c>MaterialUploads</c> when only
/// resolving uploads): any call fails loudly, so a test cannot silently depend on the catalogue.
/// </summary>
public sealed class UnusedMatterRepository : IMatterRepository
{
    public Task<StoredMatter?> FindAsync(string code, CancellationToken cancellationToken = default) => throw Unused();

    public Task<string> SaveAsync(Matter matter, string? expectedETag, CancellationToken cancellationToken = default) => throw Unused();

    public Task<MatterPage> SearchAsync(MatterSearch search, CancellationToken cancellationToken = default) => throw Unused();

    static NotSupportedException Unused() => new("This test does not use the matter catalogue.");
}
