using Nanhai.Domain.Ingestion;

namespace Nanhai.Application.Ingestion.Runs;

/// <summary>Where ingestion runs are kept, one record per run, written whole and guarded by its ETag.</summary>
public interface IIngestionRunStore
{
    /// <summary>A run of <paramref name="resource"/> (as named in the dump's path), by id.</summary>
    Task<StoredRun?> FindAsync(string resource, string id, CancellationToken cancellationToken);

    /// <summary>A run by id alone (the API's view of it).</summary>
    Task<StoredRun?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the run: new when <paramref name="expectedETag"/> is null, else only over that ETag. Throws
    /// <see cref="Common.ConflictException"/> otherwise. Returns the new ETag.
    /// </summary>
    Task<string> SaveAsync(IngestionRun run, string? expectedETag, CancellationToken cancellationToken);

    /// <summary>Runs, latest first, of one resource and/or one unit.</summary>
    Task<RunPage> ListAsync(RunQuery query, CancellationToken cancellationToken);
}

public sealed record StoredRun(IngestionRun Run, string ETag);

public sealed record RunQuery(string? Resource, string? Unit, int PageSize, string? ContinuationToken);

public sealed record RunPage(IReadOnlyList<IngestionRun> Items, string? ContinuationToken);
