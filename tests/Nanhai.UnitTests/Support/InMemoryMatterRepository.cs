using System.Collections.Concurrent;
using System.Text.Json;
using Nanhai.Application.Common;
using Nanhai.Application.ServiceMatters.Catalog;
using Nanhai.Domain.ServiceMatters;

namespace Nanhai.UnitTests.Support;

/// <summary>
/// Matters in memory with the stored repository's guarantees: each matter kept as its JSON snapshot (so a test cannot
/// change a stored matter through an object it holds) and every write guarded by an ETag, as in Cosmos.
/// </summary>
public sealed class InMemoryMatterRepository : IMatterRepository
{
    readonly ConcurrentDictionary<string, (string Json, string ETag)> stored = new();
    int writes;

    public Task<StoredMatter?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        Task.FromResult(stored.TryGetValue(code, out var entry)
            ? new StoredMatter(Matter.FromSnapshot(JsonSerializer.Deserialize<MatterSnapshot>(entry.Json, MatterJson.Options)!), entry.ETag)
            : null);

    public Task<string> SaveAsync(Matter matter, string? expectedETag, CancellationToken cancellationToken = default)
    {
        lock (stored)
        {
            var exists = stored.TryGetValue(matter.Code, out var current);
            if (expectedETag is null && exists)
                throw new ConflictException($"matter {matter.Code} already exists");
            if (expectedETag is not null && (!exists || current.ETag != expectedETag))
                throw new ConflictException($"matter {matter.Code} was changed");
            var etag = $"\"{++writes}\"";
            stored[matter.Code] = (JsonSerializer.Serialize(matter.ToSnapshot(), MatterJson.Options), etag);
            return Task.FromResult(etag);
        }
    }

    public Task<MatterPage> SearchAsync(MatterSearch search, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Catalogue queries run against the Cosmos stand-in in the integration tests.");
}
