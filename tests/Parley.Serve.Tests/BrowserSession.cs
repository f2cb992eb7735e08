using Microsoft.Playwright;

namespace Parley.Serve.Tests;

/// <summary>One page at 1280×800 in a fresh browser context, collecting console errors, page errors and failed requests.</summary>
public sealed class BrowserSession(IPage page, List<string> errors, IBrowserContext context) : IAsyncDisposable
{
    public IPage Page { get; } = page;
    public List<string> Errors { get; } = errors;
    public async ValueTask DisposeAsync() => await context.CloseAsync();

    /// <summary>Opens <paramref name="hash"/> on the server and waits until the page says route <paramref name="ready"/> rendered.</summary>
    public static async Task<BrowserSession> Open(BrowserFixture browser, ServerFixture server, string hash, string ready)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add("console: " + m.Text); };
        page.PageError += (_, e) => errors.Add("page error: " + e);
        page.RequestFailed += (_, r) => errors.Add("request failed: " + r.Url);
        await page.GotoAsync(server.BaseUrl + "/" + hash);
        await page.WaitForSelectorAsync($"body[data-ready='{ready}']");
        return new BrowserSession(page, errors, context);
    }

    public static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDir, name + ".png") });

    /// <summary>Waits until the page shows a new render of the given route after a navigation.</summary>
    public static async Task Navigated(IPage page, string route, string hashPart)
    {
        await page.WaitForFunctionAsync("([r, h]) => document.body.dataset.ready === r && document.body.dataset.hash === location.hash && location.hash.includes(h)", new[] { route, hashPart });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
