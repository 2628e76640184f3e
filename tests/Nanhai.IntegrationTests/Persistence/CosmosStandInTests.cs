using System.Diagnostics;
using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Nanhai.Infrastructure.Cosmos;

namespace Nanhai.IntegrationTests.Persistence;

[CollectionDefinition(Name)]
public sealed class CosmosStandInCollection : ICollectionFixture<PersistenceFixture>
{
    public const string Name = "cosmos-stand-in";
}

/// <summary>
/// What the platform relies on from Cosmos DB, checked against the local stand-in through the real client as the
/// platform configures it (AddNanhaiCosmos): durability across restarts and crashes, queries, 404, ETags, change feed.
/// </summary>
[Collection(CosmosStandInCollection.Name)]
public sealed class CosmosStandInTests(PersistenceFixture fixture) : IAsyncLifetime
{
    Container container = null!;

    public sealed record Probe(string Id, string Partition, int Rank, string Note = "");

    public async Task InitializeAsync() =>
        container = (await fixture.Database.CreateContainerIfNotExistsAsync("stand-in-probes", "/partition")).Container;

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Documents_etags_and_the_change_feed_position_survive_a_graceful_restart_and_a_kill()
    {
        var partition = NewPartition();
        var key = new PartitionKey(partition);
        await container.CreateItemAsync(new Probe("before-stop", partition, 1), key);

        await fixture.Services.StopCosmosAsync();
        await fixture.Services.StartCosmosAsync();

        var beforeKill = await container.CreateItemAsync(new Probe("before-kill", partition, 2), key);
        var changesBeforeKill = await DrainChangeFeedAsync(ChangeFeedStartFrom.Now(FeedRange.FromPartitionKey(key)));

        await fixture.Services.KillCosmosAsync();
        await fixture.Services.StartCosmosAsync();

        Assert.Equal(1, (await container.ReadItemAsync<Probe>("before-stop", key)).Resource.Rank);
        Assert.Equal(["before-stop", "before-kill"], (await QueryAsync<Probe>("SELECT * FROM c ORDER BY c.rank", key)).Select(p => p.Id));
        // The ETag the client holds from before the crash still guards a write afterwards.
        var replaced = await container.ReplaceItemAsync(new Probe("before-kill", partition, 2, "replaced"), "before-kill", key,
            new ItemRequestOptions { IfMatchEtag = beforeKill.ETag });
        Assert.NotEqual(beforeKill.ETag, replaced.ETag);
        // The change feed carries on from where it was: only what changed since, not everything again.
        await container.CreateItemAsync(new Probe("after-restart", partition, 3), key);
        var changesAfterRestart = await DrainChangeFeedAsync(ChangeFeedStartFrom.ContinuationToken(changesBeforeKill.ContinuationToken));
        Assert.Equal(["before-kill", "after-restart"], changesAfterRestart.Items.Select(p => p.Id));
    }

    [Fact]
    public async Task Queries_order_page_with_continuation_tokens_and_stay_in_their_partition()
    {
        var partition = NewPartition();
        var otherPartition = NewPartition();
        foreach (var rank in new[] { 5, 3, 7, 1, 6, 2, 4 })
            await container.CreateItemAsync(new Probe($"p{rank}", partition, rank), new PartitionKey(partition));
        foreach (var rank in new[] { 8, 0 })
            await container.CreateItemAsync(new Probe($"o{rank}", otherPartition, rank), new PartitionKey(otherPartition));
        var key = new PartitionKey(partition);

        Assert.Equal([7, 6, 5, 4, 3, 2, 1], (await QueryAsync<Probe>("SELECT * FROM c ORDER BY c.rank DESC", key)).Select(p => p.Rank));
        Assert.Equal([1, 2, 3], (await QueryAsync<Probe>("SELECT TOP 3 * FROM c ORDER BY c.rank", key)).Select(p => p.Rank));
        Assert.Equal([7L], await QueryAsync<long>("SELECT VALUE COUNT(1) FROM c", key));

        // A page, then a fresh iterator resumed from its continuation token (as an API handing out page tokens does).
        var query = new QueryDefinition("SELECT * FROM c WHERE c.rank >= @min ORDER BY c.rank").WithParameter("@min", 2);
        var options = new QueryRequestOptions { PartitionKey = key, MaxItemCount = 4 };
        var firstPage = await container.GetItemQueryIterator<Probe>(query, requestOptions: options).ReadNextAsync();
        Assert.NotNull(firstPage.ContinuationToken);
        var rest = new List<Probe>();
        using (var resumed = container.GetItemQueryIterator<Probe>(query, firstPage.ContinuationToken, options))
            while (resumed.HasMoreResults) rest.AddRange(await resumed.ReadNextAsync());
        Assert.Equal([2, 3, 4, 5], firstPage.Select(p => p.Rank));
        Assert.Equal([6, 7], rest.Select(p => p.Rank));

        var acrossPartitions = new QueryDefinition("SELECT * FROM c WHERE ARRAY_CONTAINS(@partitions, c.partition) ORDER BY c.rank")
            .WithParameter("@partitions", new[] { partition, otherPartition });
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8], (await QueryAsync<Probe>(acrossPartitions, partitionKey: null)).Select(p => p.Rank));
    }

    [Fact]
    public async Task Reading_a_missing_document_is_404_and_creating_an_existing_one_is_409()
    {
        var partition = NewPartition();
        await container.CreateItemAsync(new Probe("present", partition, 1), new PartitionKey(partition));

        var missing = await Assert.ThrowsAsync<CosmosException>(() => container.ReadItemAsync<Probe>("absent", new PartitionKey(partition)));
        var wrongPartition = await Assert.ThrowsAsync<CosmosException>(() => container.ReadItemAsync<Probe>("present", new PartitionKey(NewPartition())));
        var duplicate = await Assert.ThrowsAsync<CosmosException>(() => container.CreateItemAsync(new Probe("present", partition, 2), new PartitionKey(partition)));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongPartition.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }

    [Fact]
    public async Task A_replace_guarded_by_a_stale_etag_fails_with_412_and_changes_nothing()
    {
        var partition = NewPartition();
        var key = new PartitionKey(partition);
        var created = await container.CreateItemAsync(new Probe("guarded", partition, 1), key);
        var first = await container.ReplaceItemAsync(new Probe("guarded", partition, 2), "guarded", key, new ItemRequestOptions { IfMatchEtag = created.ETag });

        var stale = await Assert.ThrowsAsync<CosmosException>(() =>
            container.ReplaceItemAsync(new Probe("guarded", partition, 3), "guarded", key, new ItemRequestOptions { IfMatchEtag = created.ETag }));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var current = await container.ReadItemAsync<Probe>("guarded", key);
        Assert.Equal(2, current.Resource.Rank);
        Assert.Equal(first.ETag, current.ETag);
    }

    [Fact]
    public async Task The_change_feed_returns_only_what_changed_since_the_last_read()
    {
        var partition = NewPartition();
        var key = new PartitionKey(partition);
        var start = await DrainChangeFeedAsync(ChangeFeedStartFrom.Now(FeedRange.FromPartitionKey(key)));
        Assert.Empty(start.Items);

        await container.CreateItemAsync(new Probe("a", partition, 1), key);
        await container.CreateItemAsync(new Probe("b", partition, 2), key);
        await container.UpsertItemAsync(new Probe("a", partition, 10), key);
        var changes = await DrainChangeFeedAsync(ChangeFeedStartFrom.ContinuationToken(start.ContinuationToken));
        var nothingNew = await DrainChangeFeedAsync(ChangeFeedStartFrom.ContinuationToken(changes.ContinuationToken));

        // Latest version: "a" once, with its update, after "b".
        Assert.Equal([("b", 2), ("a", 10)], changes.Items.Select(p => (p.Id, p.Rank)));
        Assert.Empty(nothingNew.Items);
    }

    [Fact]
    public async Task The_health_check_is_healthy_while_the_service_runs_and_unhealthy_within_5_s_when_it_hangs_or_dies()
    {
        var health = fixture.Host.Services.GetRequiredService<HealthCheckService>();
        async Task<(HealthReportEntry Entry, TimeSpan Took)> CheckAsync()
        {
            var stopwatch = Stopwatch.StartNew();
            var report = await health.CheckHealthAsync(r => r.Name == CosmosServiceCollectionExtensions.HealthCheckName);
            return (report.Entries[CosmosServiceCollectionExtensions.HealthCheckName], stopwatch.Elapsed);
        }

        var up = await CheckAsync();
        fixture.Services.SuspendCosmos();
        (HealthReportEntry Entry, TimeSpan Took) hung;
        try { hung = await CheckAsync(); }
        finally { fixture.Services.ResumeCosmos(); }
        await fixture.Services.KillCosmosAsync();
        (HealthReportEntry Entry, TimeSpan Took) dead;
        try { dead = await CheckAsync(); }
        finally { await fixture.Services.StartCosmosAsync(); }
        var upAgain = await CheckAsync();

        Assert.Equal(HealthStatus.Healthy, up.Entry.Status);
        Assert.Equal(HealthStatus.Unhealthy, hung.Entry.Status);
        Assert.Equal(HealthStatus.Unhealthy, dead.Entry.Status);
        Assert.Contains("'nanhai'", dead.Entry.Description);
        Assert.True(hung.Took < TimeSpan.FromSeconds(5), $"hung: took {hung.Took}");
        Assert.True(dead.Took < TimeSpan.FromSeconds(5), $"dead: took {dead.Took}");
        Assert.Equal(HealthStatus.Healthy, upAgain.Entry.Status);
    }

    static string NewPartition() => Guid.NewGuid().ToString("N");

    Task<List<T>> QueryAsync<T>(string sql, PartitionKey? partitionKey) => QueryAsync<T>(new QueryDefinition(sql), partitionKey);

    async Task<List<T>> QueryAsync<T>(QueryDefinition query, PartitionKey? partitionKey)
    {
        var results = new List<T>();
        using var pages = container.GetItemQueryIterator<T>(query, requestOptions: new QueryRequestOptions { PartitionKey = partitionKey });
        while (pages.HasMoreResults) results.AddRange(await pages.ReadNextAsync());
        return results;
    }

    /// <summary>Reads the change feed until it says there is nothing more (304), returning the changes and where to go on.</summary>
    async Task<(List<Probe> Items, string ContinuationToken)> DrainChangeFeedAsync(ChangeFeedStartFrom start)
    {
        var items = new List<Probe>();
        var feed = container.GetChangeFeedIterator<Probe>(start, ChangeFeedMode.LatestVersion);
        while (true)
        {
            var page = await feed.ReadNextAsync();
            if (page.StatusCode == HttpStatusCode.NotModified) return (items, page.ContinuationToken);
            items.AddRange(page);
        }
    }
}
