using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Admin;

/// <summary>The development sign-in cannot be switched on in Production: the console refuses to start.</summary>
public sealed class DevelopmentSignInTests
{
    [Fact]
    public async Task The_console_refuses_to_start_in_Production_with_the_development_sign_in()
    {
        await using var admin = AdminConsoleProcess.Launch(
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ManagedProcess.FreePort()}",
                ["SignIn__Development"] = "true",
            });

        Assert.True(await admin.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the console started");
        Assert.NotEqual(0, admin.ExitCode);
        Assert.Contains("SignIn:Development cannot be enabled in Production.", admin.Output);
    }
}
