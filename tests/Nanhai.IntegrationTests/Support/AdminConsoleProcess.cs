using System.Reflection;

namespace Nanhai.IntegrationTests.Support;

/// <summary>
/// The admin console as a real process in front of a platform API, with the development sign-in and the same
/// development signing key as the local host, so the tokens it issues for its users are accepted there.
/// </summary>
public sealed class AdminConsoleProcess : IAsyncDisposable
{
    static readonly string Configuration =
        typeof(AdminConsoleProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    readonly ManagedProcess process;

    AdminConsoleProcess(ManagedProcess process, int port)
    {
        this.process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public static string ProjectFolder => Path.Combine(RepositoryPaths.Root, "admin-ui", "Nanhai.Admin");

    public static string DllPath => Path.Combine(ProjectFolder, "bin", Configuration, "net10.0", "Nanhai.Admin.dll");

    public Uri BaseAddress { get; }

    public string Output => process.Output;

    public static async Task<AdminConsoleProcess> StartAsync(int platformPort, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var port = ManagedProcess.FreePort();
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Platform__BaseUrl"] = $"http://127.0.0.1:{platformPort}",
            ["Auth__DevelopmentIssuer__KeyFile"] = LocalHostProcess.DevelopmentKeyFile,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) environment[key] = value;
        var process = Launch(environment);
        await process.WaitForPortAsync(port, TimeSpan.FromSeconds(60));
        return new AdminConsoleProcess(process, port);
    }

    /// <summary>Starts the console with exactly these settings (a test of start-up refusals waits for it to exit).</summary>
    public static ManagedProcess Launch(IReadOnlyDictionary<string, string?> environment) =>
        ManagedProcess.Start("admin console", "dotnet", [DllPath, "--contentRoot", ProjectFolder], ProjectFolder, environment);

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
