using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Nanhai.Application.ELicences;
using Nanhai.Application.Events;
using Nanhai.Application.Security;
using Nanhai.Application.ServiceMatters.Applications;
using Nanhai.Application.ServiceMatters.Catalog;
using Nanhai.Application.ServiceMatters.Materials;
using Nanhai.Application.Workflows;
using Nanhai.Domain.ServiceMatters;
using Nanhai.Domain.ServiceMatters.Applications;
using Nanhai.UnitTests.ServiceMatters.Applications;
using Nanhai.UnitTests.Support;
using Xunit.Abstractions;
using static Nanhai.UnitTests.ServiceMatters.Applications.ApplicationFixtures;

namespace Nanhai.UnitTests.ServiceMatters.Workflow;

/// <summary>
/// The handling workflow (<see cref="ApplicationHandlingOrchestrator"/> and its activities, registered as both real hosts
/// register them) on the in-process durable test host, one host per test, with in-memory doubles for the ports only.
/// People act through <see cref="ApplicationCommands"/> as the API does (apply to the application, then tell the
/// workflow it changed); a decision dated weeks ago goes through the same class with a stopped clock.
/// </summary>
public abstract class ApplicationWorkflowHarness(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>How long any one wait may take before the test fails rather than hangs.</summary>
    protected static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    /// <summary>A Monday weeks before today (2 March 2026, 09:00 China): limits counted from it have long run out.</summary>
    protected static readonly DateTimeOffset WeeksAgo = Monday;

    protected const string Centre = "guicheng";

    protected readonly InMemoryEventStore Events = new();
    protected readonly InMemoryApplicationIndex Index = new();
    protected readonly RecordingPublisher Published = new();
    protected readonly InMemoryResultDocuments Documents = new();
    protected readonly InMemoryMaterialStore Uploads = new();
    protected readonly ScriptedELicenceLibrary Licences = new();
    readonly Stopwatch clock = Stopwatch.StartNew();
    FaultInjectingPublisher publisher = null!;
    DurableTaskTestHost host = null!;

    protected FaultInjectingPublisher Publisher => publisher;
    protected DurableTaskClient Client => host.Client;
    protected ServiceApplicationStore Store => host.Services.GetRequiredService<ServiceApplicationStore>();
    protected ApplicationCommands Commands => host.Services.GetRequiredService<ApplicationCommands>();

    protected static readonly Caller Staff = new(ApplicationFixtures.Staff, new HashSet<string> { Roles.CentreStaff }, null, Centre, "桂城窗口");
    protected static readonly Caller Applicant = new(ApplicantSubject, new HashSet<string> { Roles.Applicant }, null, null, "陈小明");

    public async Task InitializeAsync()
    {
        publisher = new FaultInjectingPublisher(Published);
        // The host picks a random port by default; hosts of tests running in parallel can pick the same one. Take one the
        // system says is free, and try another if someone grabbed it in between.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                host = await DurableTaskTestHost.StartAsync(PlatformWorkflows.Register, Options(FreePort()));
                break;
            }
            catch (IOException e) when (attempt < 5)
            {
                output.WriteLine($"host start attempt {attempt} failed: {e.Message}");
            }
        }
        output.WriteLine($"host started in {clock.ElapsedMilliseconds} ms");
        clock.Restart();
    }

    DurableTaskTestHostOptions Options(int port) => new()
    {
        Port = port,
        // Keeps the durable worker's logs out of the test output; a failing test reports the workflow's failure itself.
        LoggerFactory = NullLoggerFactory.Instance,
        ConfigureServices = services => services
            .AddSingleton<IEventStore>(Events)
            .AddSingleton<IEventFeed>(Events)
            .AddSingleton<IApplicationIndex>(Index)
            .AddSingleton<IIntegrationEventPublisher>(publisher)
            .AddSingleton<IELicenceLibrary>(Licences)
            .AddSingleton<IResultDocuments>(Documents)
            .AddSingleton<IMaterialStore>(Uploads)
            .AddSingleton<IMatterRepository, UnusedMatterRepository>()
            .AddSingleton(TimeProvider.System)
            // As AddNanhaiApplication registers them.
            .AddTransient<MatterCatalog>()
            .AddTransient<ServiceApplicationStore>()
            .AddTransient<MaterialUploads>()
            .AddTransient<ApplicationCommands>(),
    };

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        output.WriteLine($"test body took {clock.ElapsedMilliseconds} ms");
        await host.DisposeAsync();
    }

    /// <summary>A new id per test, in the form the domain accepts.</summary>
    protected static string NewId() => $"wf-{Guid.NewGuid():N}"[..27];

    /// <summary>
    /// Submits as <c>ApplicationSubmissions</c> does: stores the Submitted event, then starts the workflow with the
    /// application id as instance id. <paramref name="at"/> is when the applicant submitted (default: now).
    /// </summary>
    private protected async Task<string> SubmitAsync(Setup setup, DateTimeOffset? at = null, string? preferredCentre = Centre)
    {
        var id = NewId();
        var submission = Submission(setup) with { PreferredCentre = preferredCentre };
        var application = ServiceApplication.Submit(id, submission, setup.Matter ?? FoodLicence(), ApplicantAt(at ?? DateTimeOffset.UtcNow));
        await Store.SaveAsync(application);
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApplicationHandlingOrchestrator), id, new StartOrchestrationOptions(id));
        return id;
    }

    /// <summary>A staff decision through the API's use case; <paramref name="at"/> dates it (default: now).</summary>
    protected Task<ServiceApplication> DecideAsync(string id, DecisionAction action, string? reason = null,
        IReadOnlyList<string>? materialIds = null, DateTimeOffset? at = null) =>
        CommandsAt(at).DecideAsync(Client, id, new DecideApplication(action.Code(), reason, materialIds, null), Staff, Timeout().Token);

    protected Task<ServiceApplication> WithdrawAsync(string id, string? reason = null) =>
        Commands.WithdrawAsync(Client, id, new WithdrawApplication(reason), Applicant, Timeout().Token);

    /// <summary>The applicant uploads a PDF for <paramref name="materialId"/> and hands it in as a supplement (补交).</summary>
    protected Task<ServiceApplication> SupplementAsync(string id, string materialId)
    {
        var uploadId = Guid.NewGuid().ToString("N");
        Uploads.Put(MaterialUploads.BlobNameOf(Applicant.Subject, uploadId, materialId), "application/pdf", "%PDF-1.7 supplement"u8.ToArray());
        return Commands.SupplementAsync(Client, id, new SupplementApplication([new MaterialInput(materialId, uploadId)]), Applicant, Timeout().Token);
    }

    ApplicationCommands CommandsAt(DateTimeOffset? at) => at is { } instant
        ? new ApplicationCommands(Store, host.Services.GetRequiredService<MaterialUploads>(), new FixedClock(instant))
        : Commands;

    /// <summary>Waits until the workflow reports <paramref name="status"/> as its custom status (it sets it before waiting).</summary>
    protected Task<OrchestrationMetadata> WaitForWorkflowStatusAsync(string id, ApplicationStatus status, TimeSpan? limit = null) =>
        WaitForInstanceAsync(id, m => m.SerializedCustomStatus is not null && m.ReadCustomStatusAs<string>() == status.ToString(), limit);

    protected async Task<OrchestrationMetadata> WaitForInstanceAsync(string id, Func<OrchestrationMetadata, bool> condition, TimeSpan? limit = null)
    {
        using var cts = new CancellationTokenSource(limit ?? WaitLimit);
        while (true)
        {
            var metadata = await Client.GetInstanceAsync(id, getInputsAndOutputs: true, cts.Token);
            if (metadata is not null && condition(metadata)) return metadata;
            if (metadata?.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
                Assert.Fail($"The workflow of {id} ended {metadata.RuntimeStatus}: {metadata.FailureDetails?.ErrorMessage}");
            await Task.Delay(25, cts.Token);
        }
    }

    /// <summary>Waits until the application's stream satisfies <paramref name="condition"/>.</summary>
    protected async Task<IReadOnlyList<string>> WaitForEventsAsync(string id, Func<IReadOnlyList<string>, bool> condition)
    {
        using var cts = Timeout();
        while (true)
        {
            var types = await EventTypesAsync(id);
            if (condition(types)) return types;
            await Task.Delay(25, cts.Token);
        }
    }

    /// <summary>Waits for the workflow to finish and checks it completed (not failed) with a terminal schedule.</summary>
    protected async Task<OrchestrationMetadata> WaitForCompletionAsync(string id, ApplicationStatus expected)
    {
        using var cts = Timeout();
        var done = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
            $"The workflow ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorType} {done.FailureDetails?.ErrorMessage}");
        var schedule = done.ReadOutputAs<ApplicationSchedule>()!;
        Assert.Equal(new ApplicationSchedule(expected.ToString(), true, null), schedule);
        Assert.Equal(expected.ToString(), done.ReadCustomStatusAs<string>());
        return done;
    }

    /// <summary>The event types of the application's stream, oldest first, as stored.</summary>
    protected async Task<IReadOnlyList<string>> EventTypesAsync(string id)
    {
        var types = new List<string>();
        await foreach (var e in Events.ReadAsync(ServiceApplicationStore.StreamOf(id)))
            types.Add(e.Type);
        return types;
    }

    protected async Task<ServiceApplication> LoadAsync(string id) => await Store.FindAsync(id) ?? throw new InvalidOperationException($"No application {id}.");

    /// <summary>
    /// The stream is exactly <paramref name="expected"/> (so nothing is doubled), each stored event is published (by the
    /// relay) as an integration event with the same id, and the index shows the application's current state.
    /// </summary>
    protected async Task AssertTimelineAsync(string id, params string[] expected)
    {
        var stored = new List<(string Id, string Type)>();
        await foreach (var e in Events.ReadAsync(ServiceApplicationStore.StreamOf(id)))
            stored.Add((e.EventId, e.Type));
        Assert.Equal(expected, stored.Select(e => e.Type));
        Assert.Equal(stored.Count, stored.Select(e => e.Id).Distinct().Count());

        // The relay publishes from the store's feed, as the RelayApplicationEvents timer does; a failed publish is retried
        // by the next run, and what subscribers see, deduplicated by id, is each event once.
        var relay = new ApplicationEventRelay(Events, publisher, Store, Index);
        for (var run = 0; run < 3; run++)
        {
            try { await relay.RelayAsync(CancellationToken.None); break; }
            catch (InvalidOperationException) when (run < 2) { }
        }
        var published = Published.Published.Where(e => e.Subject == $"applications/{id}").DistinctBy(e => e.Id).ToList();
        Assert.Equal(stored.Select(e => e.Id), published.Select(e => e.Id));
        Assert.Equal(expected.Select(t => $"cn.gov.nanhai.service-matters.{t}.v1"), published.Select(e => e.Type));

        var application = await LoadAsync(id);
        var row = Index.Find(id);
        Assert.NotNull(row);
        Assert.Equal(ApplicationSummary.Of(application), row);
    }

    protected static CancellationTokenSource Timeout() => new(WaitLimit);

    protected static class T
    {
        public const string Submitted = ServiceApplicationEventTypes.Submitted;
        public const string PreCheckPassed = ServiceApplicationEventTypes.PreCheckPassed;
        public const string PreCheckFailed = ServiceApplicationEventTypes.PreCheckFailed;
        public const string Routed = ServiceApplicationEventTypes.Routed;
        public const string Accepted = ServiceApplicationEventTypes.Accepted;
        public const string AcceptedWithMissing = ServiceApplicationEventTypes.AcceptedWithMissing;
        public const string Rejected = ServiceApplicationEventTypes.Rejected;
        public const string SupplementRequested = ServiceApplicationEventTypes.SupplementRequested;
        public const string Supplemented = ServiceApplicationEventTypes.Supplemented;
        public const string ClosedNotSupplemented = ServiceApplicationEventTypes.ClosedNotSupplemented;
        public const string Terminated = ServiceApplicationEventTypes.Terminated;
        public const string Approved = ServiceApplicationEventTypes.Approved;
        public const string Denied = ServiceApplicationEventTypes.Denied;
        public const string ResultIssued = ServiceApplicationEventTypes.ResultIssued;
        public const string PickupConfirmed = ServiceApplicationEventTypes.PickupConfirmed;
        public const string Withdrawn = ServiceApplicationEventTypes.Withdrawn;
        public const string Escalated = ServiceApplicationEventTypes.Escalated;
    }
}
