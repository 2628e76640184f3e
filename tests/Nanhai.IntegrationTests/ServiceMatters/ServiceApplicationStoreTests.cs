using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nanhai.Application.Common;
using Nanhai.Application.Events;
using Nanhai.Application.ServiceMatters.Applications;
using Nanhai.Application.ServiceMatters.DemoData;
using Nanhai.Domain.Identifiers;
using Nanhai.Domain.ServiceMatters;
using Nanhai.Domain.ServiceMatters.Applications;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.ServiceMatters;

/// <summary>Applications as event streams in the Cosmos stand-in: replay, optimistic concurrency, retried saves.</summary>
public sealed class ServiceApplicationStoreTests : IAsyncLifetime
{
    LocalServices services = null!;
    IHost platform = null!;
    ServiceApplicationStore store = null!;
    IEventStore events = null!;

    static readonly MatterVersion Matter = MatterSeeds.Publish(
        DemoMatterCatalog.Read().Where(s => s.Definition.Level == HandlingLevel.District && s.Definition.Materials.All(m => m.ReplaceableByLicence is null)).Take(1),
        new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero)).Single().LatestVersion!;
    static readonly DateTimeOffset Monday = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        services = await LocalServices.StartAsync("applications");
        platform = PlatformServices.Build(services);
        await platform.StartAsync(); // creates the Cosmos containers
        events = platform.Services.GetRequiredService<IEventStore>();
        store = new ServiceApplicationStore(events, platform.Services.GetRequiredService<IApplicationIndex>());
    }

    public async Task DisposeAsync()
    {
        await platform.StopAsync();
        platform.Dispose();
        await services.DisposeAsync();
    }

    static ServiceApplication Submitted(string id) => ServiceApplication.Submit(id, new ApplicationSubmission(
        new Applicant("citizen-1", ApplicantKind.Person, "440605198503120024", "陈美玲", "13800138000"),
        JsonDocument.Parse("{}").RootElement,
        [.. Matter.Definition.Materials.Where(m => m.Required).Select(m => ProvidedMaterial.Uploaded(m.Id, $"uploads/citizen-1/{m.Id}.pdf"))],
        DeliveryChoice.WindowPickUp, PreferredCentre: "guicheng"), Matter, new CommandContext("citizen-1", Monday));

    [Fact]
    public async Task An_application_is_rebuilt_from_its_stream_as_it_was_saved()
    {
        var application = Submitted("ap-replay");
        application.PreCheck(CommandContext.System(Monday.AddMinutes(1)), []);
        application.Route(CommandContext.System(Monday.AddMinutes(2)));
        Assert.Equal(3, await store.SaveAsync(application));

        var loaded = await store.FindAsync("ap-replay");

        Assert.NotNull(loaded);
        Assert.Equal(ApplicationStatus.AwaitingAcceptance, loaded.Status);
        Assert.Equal(application.HandlingCentre, loaded.HandlingCentre);
        Assert.Equal(3, loaded.Version);
        Assert.Empty(loaded.PendingEvents);
        Assert.Null(await store.FindAsync("ap-never-submitted"));
    }

    [Fact]
    public async Task Two_staff_deciding_the_same_version_one_wins_and_the_other_conflicts()
    {
        var application = Submitted("ap-race");
        application.PreCheck(CommandContext.System(Monday.AddMinutes(1)), []);
        application.Route(CommandContext.System(Monday.AddMinutes(2)));
        await store.SaveAsync(application);

        var first = (await store.FindAsync("ap-race"))!;
        var second = (await store.FindAsync("ap-race"))!;
        first.Accept(new CommandContext("staff-a", Monday.AddHours(1)));
        second.Reject(new CommandContext("staff-b", Monday.AddHours(1)), "材料不齐");

        var outcomes = await Task.WhenAll(TrySave(first), TrySave(second));

        Assert.Single(outcomes, saved => saved);
        var final = (await store.FindAsync("ap-race"))!;
        Assert.Equal(4, final.Version);
        Assert.Contains(final.Status, new[] { ApplicationStatus.UnderReview, ApplicationStatus.Rejected });
    }

    [Fact]
    public async Task Saving_the_same_step_again_after_a_crash_records_nothing_twice()
    {
        var application = Submitted("ap-retry");
        await store.SaveAsync(application);

        // The same activity runs twice (its first run saved, then the host died before the workflow heard of it).
        foreach (var attempt in Enumerable.Range(0, 2))
        {
            var loaded = (await store.FindAsync("ap-retry"))!;
            loaded.PreCheck(CommandContext.System(Monday.AddMinutes(1), expectedVersion: 1), []);
            await store.SaveAsync(loaded);
        }

        var types = new List<string>();
        await foreach (var e in events.ReadAsync(ServiceApplicationStore.StreamOf("ap-retry"))) types.Add(e.Type);
        Assert.Equal([ServiceApplicationEventTypes.Submitted, ServiceApplicationEventTypes.PreCheckPassed], types);
    }

    [Fact]
    public async Task The_relay_publishes_each_stored_event_once_from_the_change_feed_and_resumes_from_its_checkpoint()
    {
        var application = Submitted("ap-relay");
        application.PreCheck(CommandContext.System(Monday.AddMinutes(1)), []);
        await store.SaveAsync(application);
        var published = new List<IntegrationEvent>();
        var relay = new ApplicationEventRelay(platform.Services.GetRequiredService<IEventFeed>(), new Collecting(published), store,
            platform.Services.GetRequiredService<IApplicationIndex>());

        await relay.RelayAsync(CancellationToken.None);
        var stored = new List<string>();
        await foreach (var e in events.ReadAsync(ServiceApplicationStore.StreamOf("ap-relay"))) stored.Add(e.EventId);
        Assert.Equal(stored, published.Where(e => e.Subject == "applications/ap-relay").Select(e => e.Id));

        var later = (await store.FindAsync("ap-relay"))!;
        later.Route(CommandContext.System(Monday.AddMinutes(2)));
        await store.SaveAsync(later);
        published.Clear();
        await relay.RelayAsync(CancellationToken.None);
        Assert.Equal(["cn.gov.nanhai.service-matters.application.routed.v1"], published.Where(e => e.Subject == "applications/ap-relay").Select(e => e.Type));
    }

    sealed class Collecting(List<IntegrationEvent> published) : IIntegrationEventPublisher
    {
        public Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken = default)
        {
            lock (published) published.Add(integrationEvent);
            return Task.CompletedTask;
        }
    }

    async Task<bool> TrySave(ServiceApplication application)
    {
        try
        {
            await store.SaveAsync(application);
            return true;
        }
        catch (ConflictException)
        {
            return false;
        }
    }
}
