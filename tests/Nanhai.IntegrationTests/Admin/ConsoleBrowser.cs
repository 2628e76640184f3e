using Microsoft.Playwright;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Admin;

/// <summary>
/// Debian's chromium driven by Playwright (never a browser Playwright downloads): the test command installs the package;
/// NANHAI_CHROMIUM names another executable. Each test gets its own context (cookies), in Chinese, on Beijing time.
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    public static string ExecutablePath => Environment.GetEnvironmentVariable("NANHAI_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Where screenshots are kept as test artefacts (next to the test results the test command writes).</summary>
    public static string ScreenshotFolder => Path.Combine(RepositoryPaths.Root, ".local", "test-results", "screenshots");

    readonly IPlaywright playwright;

    ConsoleBrowser(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<ConsoleBrowser> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"No chromium at {ExecutablePath}: `./nanhai test` installs Debian's package (apt-get install chromium).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Containers give /dev/shm little room, and CI may run as root, where chromium's sandbox cannot start.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        return new ConsoleBrowser(playwright, browser);
    }

    public async Task<IPage> OpenAsync(Uri console)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = console.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
