using Microsoft.Playwright;

namespace Parley.Serve.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download: ExecutablePath). Absent browser: the tests
/// skip locally with a message, but run (and fail) when the CI environment variable is set.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public static readonly string ScreenshotDir = FindScreenshotDir();

    IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (BrowserFactAttribute.SkipReason is not null) return;
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"browser tests need Chromium at {ChromiumPath} (CI is set, so they do not skip): apt-get install chromium");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-quic",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(ScreenshotDir);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }

    /// <summary>artifacts/screenshots at the repository root (git-ignored), else next to the tests.</summary>
    static string FindScreenshotDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
                return Path.Combine(dir.FullName, "artifacts", "screenshots");
        return Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");
    }
}

/// <summary>A browser test: skipped with a clear message when Chromium is absent, unless CI is set.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public static readonly string? SkipReason =
        File.Exists(BrowserFixture.ChromiumPath) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            ? null
            : $"no Chromium at {BrowserFixture.ChromiumPath}: browser tests skipped (apt-get install chromium; with CI set they fail instead)";

    public BrowserFactAttribute()
    {
        if (SkipReason is not null) Skip = SkipReason;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ServerFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
