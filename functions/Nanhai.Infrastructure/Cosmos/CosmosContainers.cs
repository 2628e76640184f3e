using Microsoft.Azure.Cosmos;

namespace Nanhai.Infrastructure.Cosmos;

/// <summary>
/// One Cosmos DB container as the platform needs it. <see cref="IncludedPaths"/> and <see cref="ExcludedPaths"/>
/// are the consistent indexing policy's paths; indexing only what is queried keeps writes cheap.
/// </summary>
public sealed record CosmosContainerDefinition(
    string Name,
    string PartitionKeyPath,
    IReadOnlyList<string> IncludedPaths,
    IReadOnlyList<string> ExcludedPaths)
{
    public ContainerProperties ToContainerProperties()
    {
        var properties = new ContainerProperties(Name, PartitionKeyPath)
        {
            IndexingPolicy = new IndexingPolicy { IndexingMode = IndexingMode.Consistent, Automatic = true },
        };
        foreach (var path in IncludedPaths) properties.IndexingPolicy.IncludedPaths.Add(new IncludedPath { Path = path });
        foreach (var path in ExcludedPaths) properties.IndexingPolicy.ExcludedPaths.Add(new ExcludedPath { Path = path });
        return properties;
    }
}

/// <summary>
/// The one definition of every container: the start-up initialiser creates them locally, and the Bicep templates
/// must declare the same names, partition keys and indexing.
/// </summary>
public static class CosmosContainers
{
    /// <summary>
    /// Append-only event streams, one document per event. Partitioned by stream, so that each aggregate's events
    /// are one logical partition (reads and optimistic-concurrency appends stay in it) and millions of streams
    /// spread writes evenly. A stream must stay small (one application, one grant), far below the 20 GB logical
    /// partition limit: high-volume logs such as per-call metering do not belong in a single stream.
    /// </summary>
    public static CosmosContainerDefinition Events { get; } = new(
        "events",
        "/streamId",
        IncludedPaths: ["/streamId/?", "/version/?", "/eventId/?", "/type/?", "/recordedAt/?"],
        ExcludedPaths: ["/*"]);

    /// <summary>
    /// The service-matter catalogue, one document per matter (its draft and every published version, a few hundred KB at
    /// most), partitioned by matter code: a matter is read and written whole, guarded by its ETag. Only the listing of the
    /// latest version is indexed, for the catalogue's filters.
    /// </summary>
    public static CosmosContainerDefinition Matters { get; } = new(
        "matters",
        "/code",
        IncludedPaths: ["/code/?", "/listing/*"],
        ExcludedPaths: ["/*"]);

    /// <summary>
    /// Idempotency keys of submissions, one small document per key (id and partition key = the key), read and created by
    /// point operations only, so nothing is indexed.
    /// </summary>
    public static CosmosContainerDefinition IdempotencyKeys { get; } = new(
        "idempotency-keys",
        "/id",
        IncludedPaths: [],
        ExcludedPaths: ["/*"]);

    /// <summary>
    /// The application lists, partitioned by whose list it is (<c>applicant:{subject}</c> or <c>centre:{code}</c>): an
    /// applicant's list and a centre's queue are each one partition. Concluded applications leave the centre queues, so a
    /// centre's partition holds only its open cases however many it has handled.
    /// </summary>
    public static CosmosContainerDefinition ApplicationLists { get; } = new(
        "application-lists",
        "/list",
        IncludedPaths: ["/list/?", "/summary/updatedAt/?", "/summary/deadline/?", "/summary/level/?",
            "/summary/workingDaysUsed/?", "/summary/promisedWorkingDays/?", "/summary/concludedOnTime/?"],
        ExcludedPaths: ["/*"]);

    /// <summary>Where feed readers keep their positions (one small document per reader, read and written by id).</summary>
    public static CosmosContainerDefinition Checkpoints { get; } = new(
        "checkpoints",
        "/id",
        IncludedPaths: [],
        ExcludedPaths: ["/*"]);

    /// <summary>The data-resource catalog's source units (82 in the district), one small document each.</summary>
    public static CosmosContainerDefinition SourceUnits { get; } = new(
        "source-units",
        "/code",
        IncludedPaths: [],
        ExcludedPaths: ["/*"]);

    /// <summary>
    /// The data-resource catalog, one document per resource (metadata, every schema version, statistics; tens of KB),
    /// partitioned by resource code: a resource is read and written whole, guarded by its ETag, and 4,280 resources spread
    /// evenly. Only the listing is indexed, for the catalog's filters and totals.
    /// </summary>
    public static CosmosContainerDefinition Resources { get; } = new(
        "resources",
        "/code",
        IncludedPaths: ["/code/?", "/listing/*"],
        ExcludedPaths: ["/*"]);

    /// <summary>
    /// Ingestion runs, one document per run (with its bounded error report), partitioned by the resource named in the dump's
    /// path: a resource's history is one partition (a run per dump, a few hundred a year), read latest first.
    /// </summary>
    public static CosmosContainerDefinition IngestionRuns { get; } = new(
        "ingestion-runs",
        "/resource",
        IncludedPaths: ["/id/?", "/resource/?", "/unit/?", "/startedAt/?"],
        ExcludedPaths: ["/*"]);

    public static IReadOnlyList<CosmosContainerDefinition> All { get; } =
        [Events, Matters, IdempotencyKeys, ApplicationLists, Checkpoints, SourceUnits, Resources, IngestionRuns];
}
