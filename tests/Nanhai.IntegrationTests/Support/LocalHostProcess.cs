using System.Net.Http.Headers;
using System.Reflection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Nanhai.Infrastructure.Security;

namespace Nanhai.IntegrationTests.Support;

/// <summary>
/// The platform's local host as a real process against <see cref="LocalServices"/>, on free ports with its own task hub.
/// It can be killed (-9) and started again on the same ports, hub and data, as after a crash.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    static readonly string Configuration =
        typeof(LocalHostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    readonly LocalServices services;
    readonly IReadOnlyDictionary<string, string?> extraSettings;
    ManagedProcess? process;

    public LocalHostProcess(LocalServices services, IReadOnlyDictionary<string, string?>? settings = null)
    {
        this.services = services;
        extraSettings = settings ?? new Dictionary<string, string?>();
        HttpPort = ManagedProcess.FreePort();
        SidecarPort = ManagedProcess.FreePort();
        TaskHub = "t" + Guid.NewGuid().ToString("N")[..12];
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public static string DllPath => Path.Combine(RepositoryPaths.Root, "functions", "Nanhai.LocalHost", "bin", Configuration, "net10.0", "Nanhai.LocalHost.dll");
    public static string DevelopmentKeyFile => Path.Combine(RepositoryPaths.Root, ".local", "dev-issuer-key.pem");

    public int HttpPort { get; }
    public int SidecarPort { get; }
    public string TaskHub { get; }
    public HttpClient Http { get; }
    public string Output => process?.Output ?? "";

    /// <summary>The running process's id, or null when it is not running.</summary>
    public int? Pid => process is { HasExited: false } running ? running.Id : null;

    public static async Task<LocalHostProcess> StartAsync(LocalServices services, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = new LocalHostProcess(services, settings);
        await host.StartAsync();
        return host;
    }

    public async Task StartAsync()
    {
        var environment = services.PlatformSettings(TaskHub);
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["LocalHost__HttpPort"] = HttpPort.ToString();
        environment["LocalHost__SidecarPort"] = SidecarPort.ToString();
        environment["LocalHost__BlobPollInterval"] = "00:00:00.250";
        environment["Auth__DevelopmentIssuer__KeyFile"] = DevelopmentKeyFile;
        foreach (var (key, value) in extraSettings) environment[key] = value;
        process = ManagedProcess.Start("local host", "dotnet", [DllPath], RepositoryPaths.Root, environment);
        await process.WaitForPortAsync(HttpPort, TimeSpan.FromSeconds(60));
        await WaitUntilAsync(async () => (await Http.GetAsync("api/health")).IsSuccessStatusCode, TimeSpan.FromSeconds(60), "the local host to be healthy");
    }

    public Task KillAsync() => process?.KillAsync() ?? Task.CompletedTask;

    /// <summary>A request with a development token for the given role.</summary>
    public HttpRequestMessage Request(HttpMethod method, string path, string? role, string? subject = null, object? json = null, string? unit = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (role is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(role, subject, unit));
        if (json is not null) request.Content = System.Net.Http.Json.JsonContent.Create(json);
        return request;
    }

    public static string Token(string role, string? subject = null, string? unit = null, string? centre = null) =>
        new DevelopmentTokenIssuer(Options.Create(new AuthOptions
        {
            Issuer = "https://dev-issuer.nanhai.local",
            DevelopmentIssuer = new DevelopmentIssuerOptions { Enabled = true, KeyFile = DevelopmentKeyFile },
        }), TimeProvider.System).Issue(subject ?? $"test-{role}", role, unit, centre);

    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition()) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (process is { HasExited: true }) throw new InvalidOperationException($"The local host exited while waiting for {what}:\n{Output}");
            await Task.Delay(200);
        }
        throw new TimeoutException($"Timed out waiting for {what}.\n{Output[^Math.Min(Output.Length, 6000)..]}");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (process is not null) await process.DisposeAsync();
    }
}

/// <summary>One local host (with the demo data loaded) and its services, shared by the tests of a class.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public LocalServices Services { get; private set; } = null!;
    public LocalHostProcess Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Services = await LocalServices.StartAsync("platform");
        Host = await LocalHostProcess.StartAsync(Services, new Dictionary<string, string?> { ["LocalHost__SeedDemoData"] = "true" });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Services.DisposeAsync();
    }
}
