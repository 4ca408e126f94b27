using MakerShop.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace MakerShop.EndToEnd.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright, one browser per test class. The test command installs the package; a
/// machine without it fails here with the command to run, never skips.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots of each step, kept as test artifacts beside the trx files.</summary>
    public static string ScreenshotDir
    {
        get
        {
            var results = Environment.GetEnvironmentVariable("TEST_RESULTS_DIR") ?? Path.Combine(RepoPaths.RepoRoot, "TestResults", "run-all");
            return Directory.CreateDirectory(Path.Combine(results, "screenshots")).FullName;
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: the browser tests need Debian's Chromium (apt-get install -y chromium, or run tests/run-all.sh as root).");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // No sandbox inside CI containers; SwiftShader gives headless Chromium WebGL for the 3D previews.
            Args = ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
        });
    }

    public async Task<IPage> NewPageAsync(Uri baseAddress, string acceptLanguage = "en-US,en;q=0.8")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = acceptLanguage.Split(',')[0],
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = acceptLanguage },
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // A host's first page JIT-compiles its views and middleware; with four hosts and browsers starting at once on
        // a 2-core machine that first load once took more than Playwright's default 30 s. Page speed is measured in
        // bench/, not here, so navigations get the same 90 s as screenshots.
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    // A full-page capture of a live page (SSE redraws) on a loaded 2-core CI machine once took more than Playwright's
    // default 30 s; the screenshot is the test's record, not the behaviour under test, so it gets more time.
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true, Timeout = 90_000 });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
