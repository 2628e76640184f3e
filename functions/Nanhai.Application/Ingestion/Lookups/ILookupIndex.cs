using Nanhai.Domain.Catalog;
using Nanhai.Domain.Ingestion;

namespace Nanhai.Application.Ingestion.Lookups;

/// <summary>
/// The keyed-lookup index behind the data-sharing API, for resources with a lookup key: one generation per accepted
/// snapshot, so a new snapshot's rows never mix with the old one's and switching is one catalog write. Writes are
/// upserts keyed by the lookup key, so a retried run rewrites the same rows instead of doubling them.
/// </summary>
public interface ILookupIndex
{
    /// <summary>Starts (or restarts) writing generation <paramref name="generation"/> of <paramref name="resource"/>'s index.</summary>
    Task<ILookupIndexWriter> OpenWriterAsync(string resource, string generation, IReadOnlyList<DataItem> items, string lookupKey, CancellationToken cancellationToken);

    /// <summary>
    /// The row whose lookup key is <paramref name="key"/> in that generation, projected to <paramref name="items"/> (the
    /// generation's items, or the subset a grant allows): values by item name, typed by the item (string, long, decimal,
    /// DateOnly, UTC DateTime, bool), null where the row has none. Null when there is no such row.
    /// </summary>
    Task<IReadOnlyDictionary<string, object?>?> FindAsync(string resource, string generation, string key, IReadOnlyList<DataItem> items, CancellationToken cancellationToken);

    /// <summary>Drops a generation (superseded, or left by a rejected run).</summary>
    Task DeleteGenerationAsync(string resource, string generation, CancellationToken cancellationToken);
}

/// <summary>Writes one generation of a lookup index; rows are batched and sent while more arrive.</summary>
public interface ILookupIndexWriter : IAsyncDisposable
{
    ValueTask AppendAsync(ReadOnlyMemory<ItemValue> row, CancellationToken cancellationToken);

    /// <summary>Sends what is still buffered and waits for every write.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}
