using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Nanhai.Application.Common;
using Nanhai.Application.Events;
using Nanhai.Infrastructure.Cosmos;

namespace Nanhai.IntegrationTests.Persistence;

[CollectionDefinition(Name)]
public sealed class EventStoreCollection : ICollectionFixture<PersistenceFixture>
{
    public const string Name = "event-store";
}

/// <summary>The Cosmos event store against the stand-in: order, idempotent retries, optimistic concurrency.</summary>
[Collection(EventStoreCollection.Name)]
public sealed class EventStoreTests(PersistenceFixture fixture)
{
    IEventStore Store => fixture.Host.Services.GetRequiredService<IEventStore>();

    public sealed record Submitted(string MatterCode, int Copies);

    [Fact]
    public async Task Appended_events_are_read_back_in_order_with_their_data_across_pages()
    {
        var stream = NewStream();
        var first = await Store.AppendAsync(stream, 0,
            [new NewEvent("e1", "application.submitted.v1", new Submitted("NH-001", 2), "citizen:42"), Event("e2"), Event("e3")]);
        // More than one page (the store reads 100 at a time).
        var rest = Enumerable.Range(4, 117).Select(i => Event($"e{i}")).ToList();
        var last = await Store.AppendAsync(stream, first, rest);

        var events = await ReadAllAsync(stream);
        var fromFifth = await ReadAllAsync(stream, fromVersion: 5);

        Assert.Equal(3, first);
        Assert.Equal(120, last);
        Assert.Equal(Enumerable.Range(1, 120).Select(i => (long)i), events.Select(e => e.Version));
        Assert.Equal(Enumerable.Range(1, 120).Select(i => $"e{i}"), events.Select(e => e.EventId));
        var submitted = events[0];
        Assert.Equal((stream, "application.submitted.v1", "citizen:42"), (submitted.StreamId, submitted.Type, submitted.Actor));
        Assert.Equal("NH-001", submitted.Data.GetProperty("matterCode").GetString());
        Assert.Equal(2, submitted.Data.GetProperty("copies").GetInt32());
        Assert.True(DateTimeOffset.UtcNow - submitted.RecordedAt < TimeSpan.FromMinutes(1));
        Assert.Equal(Enumerable.Range(5, 116).Select(i => (long)i), fromFifth.Select(e => e.Version));
    }

    [Fact]
    public async Task Re_appending_the_same_event_ids_does_not_duplicate_them()
    {
        var stream = NewStream();
        await Store.AppendAsync(stream, 0, [Event("a")]); // a first attempt that stopped after its first event

        var retried = await Store.AppendAsync(stream, 0, [Event("a"), Event("b")]);
        var retriedAgain = await Store.AppendAsync(stream, 0, [Event("a"), Event("b")]);
        var retriedAtTheEnd = await Store.AppendToEndAsync(stream, [Event("a"), Event("b")]);
        var next = await Store.AppendToEndAsync(stream, [Event("c")]);

        Assert.Equal([2L, 2L, 2L, 3L], [retried, retriedAgain, retriedAtTheEnd, next]);
        Assert.Equal(["a", "b", "c"], (await ReadAllAsync(stream)).Select(e => e.EventId));
    }

    [Fact]
    public async Task Of_concurrent_appends_at_the_same_version_exactly_one_wins()
    {
        var stream = NewStream();
        await Store.AppendAsync(stream, 0, [Event("genesis")]);

        var attempts = Enumerable.Range(0, 6)
            .Select(writer => Task.Run(() => Store.AppendAsync(stream, 1, [Event($"w{writer}-1"), Event($"w{writer}-2")])))
            .ToList();
        var outcomes = await Task.WhenAll(attempts.Select(async attempt =>
        {
            try { return (Version: await attempt, Failure: (Exception?)null); }
            catch (Exception e) { return (Version: 0L, Failure: e); }
        }));

        var winner = Assert.Single(outcomes, o => o.Failure is null);
        Assert.Equal(3, winner.Version);
        Assert.All(outcomes.Where(o => o.Failure is not null), o => Assert.IsType<ConflictException>(o.Failure));
        var events = await ReadAllAsync(stream);
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Version));
        Assert.Equal(events[1].EventId[..2], events[2].EventId[..2]); // both of the winner's events
    }

    [Fact]
    public async Task Appending_after_a_version_the_stream_has_not_reached_is_a_conflict()
    {
        var stream = NewStream();
        await Store.AppendAsync(stream, 0, [Event("a")]);

        await Assert.ThrowsAsync<ConflictException>(() => Store.AppendAsync(stream, 5, [Event("b")]));
        await Assert.ThrowsAsync<ConflictException>(() => Store.AppendAsync(stream, 0, [Event("c")]));

        Assert.Equal(["a"], (await ReadAllAsync(stream)).Select(e => e.EventId));
    }

    [Fact]
    public async Task Concurrent_writers_appending_to_the_end_leave_every_event_once_and_no_gaps()
    {
        var stream = NewStream();
        const int writers = 4, appendsPerWriter = 5;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            for (var append = 0; append < appendsPerWriter; append++)
                await Store.AppendToEndAsync(stream, [Event($"w{writer}-{append}-x"), Event($"w{writer}-{append}-y")]);
        })));

        var events = await ReadAllAsync(stream);
        Assert.Equal(Enumerable.Range(1, writers * appendsPerWriter * 2).Select(i => (long)i), events.Select(e => e.Version));
        Assert.Equal(writers * appendsPerWriter * 2, events.Select(e => e.EventId).Distinct().Count());
        // Each writer's appends are in its own order.
        foreach (var writer in Enumerable.Range(0, writers))
            Assert.Equal(Enumerable.Range(0, appendsPerWriter).SelectMany(a => new[] { $"w{writer}-{a}-x", $"w{writer}-{a}-y" }),
                events.Where(e => e.EventId.StartsWith($"w{writer}-")).Select(e => e.EventId));
    }

    [Fact]
    public async Task The_hosted_service_waits_for_Cosmos_and_creates_the_database_and_every_container()
    {
        var databaseName = $"init-{Guid.NewGuid():N}";
        await fixture.Services.StopCosmosAsync();
        var host = fixture.BuildHost(new Dictionary<string, string?> { ["Cosmos:DatabaseName"] = databaseName });
        var starting = host.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(starting.IsCompleted, "the host started before Cosmos was reachable");
        await fixture.Services.StartCosmosAsync();

        try
        {
            await starting.WaitAsync(TimeSpan.FromSeconds(20));
            foreach (var definition in CosmosContainers.All)
            {
                var container = await fixture.CosmosClient.GetContainer(databaseName, definition.Name).ReadContainerAsync();
                Assert.Equal(HttpStatusCode.OK, container.StatusCode);
                Assert.Equal(definition.PartitionKeyPath, container.Resource.PartitionKeyPath);
            }
        }
        finally
        {
            await PersistenceFixture.StopAsync(host);
        }
    }

    static string NewStream() => $"test-{Guid.NewGuid():N}";

    static NewEvent Event(string id) => new(id, "test.happened.v1", new { id });

    async Task<List<StoredEvent>> ReadAllAsync(string stream, long fromVersion = 1)
    {
        var events = new List<StoredEvent>();
        await foreach (var e in Store.ReadAsync(stream, fromVersion)) events.Add(e);
        return events;
    }
}
