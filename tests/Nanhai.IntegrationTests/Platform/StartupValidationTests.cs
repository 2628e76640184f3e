using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Platform;

public sealed class StartupValidationTests
{
    [Fact]
    public async Task The_local_host_refuses_to_start_in_Production_with_the_development_issuer_enabled()
    {
        await using var services = await LocalServices.StartAsync("production");
        var settings = services.PlatformSettings("production");
        settings["ASPNETCORE_ENVIRONMENT"] = "Production";
        settings["Auth__DevelopmentIssuer__Enabled"] = "true";
        settings["LocalHost__HttpPort"] = ManagedProcess.FreePort().ToString();
        settings["LocalHost__SidecarPort"] = ManagedProcess.FreePort().ToString();
        await using var host = ManagedProcess.Start("local host", "dotnet", [LocalHostProcess.DllPath], RepositoryPaths.Root, settings);

        var exited = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exited, "the local host kept running in Production with development tokens enabled");
        Assert.NotEqual(0, host.ExitCode);
        Assert.Contains("Auth:DevelopmentIssuer:Enabled must be false in Production", host.Output);
    }
}
