using System.Net;
using Nanhai.IntegrationTests.Support;
using Nanhai.UnitTests.Infra;

namespace Nanhai.IntegrationTests.Admin;

/// <summary>
/// The console as infra/main.bicep deploys it: started in Production with exactly the app settings a deployment gives it
/// (each parameter file, the template's expressions evaluated), it passes its start-up checks, Entra ID sign-in included,
/// and serves its health endpoint; a deployment that left its client id out would stop it at start-up.
/// </summary>
public sealed class DeployedConsoleTests
{
    public static TheoryData<string> ParameterFiles => new() { "dev", "prod" };

    static Dictionary<string, string?> AsAppServiceGivesThem(IReadOnlyDictionary<string, string> appSettings, int port)
    {
        // App Service hands app settings to the process as environment variables; it chooses the port.
        var environment = appSettings.ToDictionary(s => s.Key, s => (string?)s.Value);
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        return environment;
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public async Task The_console_starts_in_Production_with_the_settings_the_template_gives_it(string parameterFile)
    {
        var port = ManagedProcess.FreePort();
        await using var admin = AdminConsoleProcess.Launch(AsAppServiceGivesThem(EvaluatedDeployment.Of(parameterFile).AppSettings("app"), port));

        await admin.WaitForPortAsync(port, TimeSpan.FromSeconds(60));
        using var http = new HttpClient();
        var health = await http.GetAsync($"http://127.0.0.1:{port}/healthz");

        Assert.True(health.StatusCode == HttpStatusCode.OK, admin.Output);
        Assert.Contains("Hosting environment: Production", admin.Output);
    }

    [Fact]
    public async Task The_console_refuses_to_start_when_a_deployment_leaves_out_its_app_registration()
    {
        var settings = EvaluatedDeployment.Of("dev").AppSettings("app").Where(s => s.Key != "AzureAd__ClientId").ToDictionary();
        await using var admin = AdminConsoleProcess.Launch(AsAppServiceGivesThem(settings, ManagedProcess.FreePort()));

        Assert.True(await admin.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the console started");
        Assert.NotEqual(0, admin.ExitCode);
        Assert.Contains("AzureAd:ClientId must be the console's app registration client id", admin.Output);
    }
}
