using System.Text.Json;
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
/// Every container the platform uses. Names, partition keys and indexing come from <c>infra/cosmos-containers.json</c>, built
/// into this assembly: the start-up initialiser creates the containers from it locally, and the Bicep template
/// (<c>loadJsonContent</c>) provisions them from the same file in Azure, so code and infrastructure cannot drift.
/// </summary>
public static class CosmosContainers
{
    /// <summary>The embedded resource's name (see Nanhai.Infrastructure.csproj).</summary>
    const string DefinitionsResource = "cosmos-containers.json";

    // Declared before the properties below: static initialisers run in the order of the text.
    static readonly IReadOnlyList<CosmosContainerDefinition> Declared = Load();

    /// <summary>
    /// Append-only event streams, one document per event. Partitioned by stream, so that each aggregate's events
    /// are one logical partition (reads and optimistic-concurrency appends stay in it) and millions of streams
    /// spread writes evenly. A stream must stay small (one application, one grant), far below the 20 GB logical
    /// partition limit: high-volume logs such as per-call metering do not belong in a single stream.
    /// </summary>
    public static CosmosContainerDefinition Events { get; } = Definition("events");

    /// <summary>
    /// The service-matter catalogue, one document per matter (its draft and every published version, a few hundred KB at
    /// most), partitioned by matter code: a matter is read and written whole, guarded by its ETag. Only the listing of the
    /// latest version is indexed, for the catalogue's filters.
    /// </summary>
    public static CosmosContainerDefinition Matters { get; } = Definition("matters");

    /// <summary>
    /// Idempotency keys of submissions, one small document per key (id and partition key = the key), read and created by
    /// point operations only, so nothing is indexed.
    /// </summary>
    public static CosmosContainerDefinition IdempotencyKeys { get; } = Definition("idempotency-keys");

    /// <summary>
    /// The application lists, partitioned by whose list it is (<c>applicant:{subject}</c> or <c>centre:{code}</c>): an
    /// applicant's list and a centre's queue are each one partition. Concluded applications leave the centre queues, so a
    /// centre's partition holds only its open cases however many it has handled.
    /// </summary>
    public static CosmosContainerDefinition ApplicationLists { get; } = Definition("application-lists");

    /// <summary>Where feed readers keep their positions (one small document per reader, read and written by id).</summary>
    public static CosmosContainerDefinition Checkpoints { get; } = Definition("checkpoints");

    /// <summary>The data-resource catalog's source units (82 in the district), one small document each.</summary>
    public static CosmosContainerDefinition SourceUnits { get; } = Definition("source-units");

    /// <summary>
    /// The data-resource catalog, one document per resource (metadata, every schema version, statistics; tens of KB),
    /// partitioned by resource code: a resource is read and written whole, guarded by its ETag, and 4,280 resources spread
    /// evenly. Only the listing is indexed, for the catalog's filters and totals.
    /// </summary>
    public static CosmosContainerDefinition Resources { get; } = Definition("resources");

    /// <summary>
    /// Ingestion runs, one document per run (with its bounded error report), partitioned by the resource named in the dump's
    /// path: a resource's history is one partition (a run per dump, a few hundred a year), read latest first.
    /// </summary>
    public static CosmosContainerDefinition IngestionRuns { get; } = Definition("ingestion-runs");

    /// <summary>Every container, in the order of the definitions file.</summary>
    public static IReadOnlyList<CosmosContainerDefinition> All => Declared;

    static CosmosContainerDefinition Definition(string name) =>
        Declared.SingleOrDefault(c => c.Name == name)
        ?? throw new InvalidOperationException($"{DefinitionsResource} does not define the container '{name}'.");

    static IReadOnlyList<CosmosContainerDefinition> Load()
    {
        using var stream = typeof(CosmosContainers).Assembly.GetManifestResourceStream(DefinitionsResource)
            ?? throw new InvalidOperationException($"{DefinitionsResource} is not embedded in {typeof(CosmosContainers).Assembly.GetName().Name}.");
        return JsonSerializer.Deserialize<CosmosContainerDefinition[]>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"{DefinitionsResource} is empty.");
    }
}
