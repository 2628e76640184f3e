using Microsoft.Playwright;

namespace Nanhai.IntegrationTests.Admin;

/// <summary>What the console's browser tests do on every page: sign in, keep a screenshot, check the page's form controls.</summary>
public static class ConsolePages
{
    /// <summary>Signs in through the development sign-in page as a seeded user (see DevelopmentUsers), by clicking.</summary>
    public static async Task SignInAsync(this IPage page, string userId, string? path = null)
    {
        await page.GotoAsync(path ?? "/");
        await page.Locator($"#user-{userId}").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.Locator(".site-user").WaitForAsync();
    }

    /// <summary>Keeps a full-page screenshot as a test artefact.</summary>
    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        Directory.CreateDirectory(ConsoleBrowser.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleBrowser.ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>
    /// Every visible form control has an accessible name from a label (for=, wrapping, aria-label or aria-labelledby) or,
    /// for buttons, its text: what a screen reader needs to say what the control is.
    /// </summary>
    public static async Task AssertEveryControlLabelledAsync(this IPage page)
    {
        var unlabelled = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input, select, textarea, button')]
              .filter(e => e.type !== 'hidden' && e.offsetParent !== null)
              .filter(e => {
                if (e.getAttribute('aria-label')?.trim() || e.getAttribute('aria-labelledby')) return false;
                if (e.labels && [...e.labels].some(l => l.textContent.trim())) return false;
                if (e.tagName === 'BUTTON' && e.textContent.trim()) return false;
                if (e.type === 'submit' && e.value?.trim()) return false;
                return true;
              })
              .map(e => e.outerHTML.slice(0, 120))
            """);
        Assert.True(unlabelled.Length == 0, "Form controls without a label:\n" + string.Join("\n", unlabelled));
    }
}
