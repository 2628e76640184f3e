using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Admin;

/// <summary>The platform with its demo data, the admin console in front of it, and a browser: shared by the console's tests.</summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public PlatformFixture Platform { get; } = new();
    public AdminConsoleProcess Console { get; private set; } = null!;
    public ConsoleBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Platform.InitializeAsync();
        Console = await AdminConsoleProcess.StartAsync(Platform.Host.HttpPort);
        Browser = await ConsoleBrowser.LaunchAsync();
    }

    public Task<Microsoft.Playwright.IPage> OpenAsync() => Browser.OpenAsync(Console.BaseAddress);

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        if (Console is not null) await Console.DisposeAsync();
        await Platform.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "admin console";
}
