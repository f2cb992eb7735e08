using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Parley.Serve.Tests.BrowserSession;

namespace Parley.Serve.Tests;

/// <summary>Merged timeline sources, positions matrix and process pages in a real browser; screenshots 1280×800.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserProcessTests(ServerFixture server, BrowserFixture browser)
{
    Task<BrowserSession> Open(string hash, string ready) => BrowserSession.Open(browser, server, hash, ready);

    /// <summary>The article page shows exactly this sentence highlighted and in view.</summary>
    static async Task Highlighted(IPage page, string articleId, int sentence, string? text)
    {
        Assert.Equal($"#/article/{articleId}?s={sentence}", await page.EvaluateAsync<string>("() => location.hash"));
        var target = page.Locator(".sentence.target");
        Assert.Equal(1, await target.CountAsync());
        if (text is not null) Assert.Equal(text, await target.TextContentAsync());
        await page.WaitForFunctionAsync("() => { const r = document.querySelector('.sentence.target').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }");
    }

    [BrowserFact]
    public async Task Timeline_entry_shows_its_sources_and_a_source_opens_its_sentence()
    {
        var day = await server.Json("/api/timeline?from=2022-01&to=2022-01&limit=50");
        var entry = day.Arr("items").Single(e => e!.Arr("sources").Count > 1 && e.Str("type") == "CONSULT")!;
        await using var s = await Open("#/timeline?from=2022-01&to=2022-01", "timeline");
        Assert.Equal(day.Arr("items").Count, await s.Page.Locator(".tl-entry").CountAsync());
        var li = s.Page.Locator($".tl-entry[data-id='{entry.Str("id")}']");
        var toggle = li.Locator("button.tl-count");
        Assert.Equal("2 sources", await toggle.TextContentAsync());
        Assert.False(await li.Locator(".tl-sources").IsVisibleAsync());
        await toggle.ClickAsync();
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-expanded"));
        Assert.Equal(2, await li.Locator(".tl-source").CountAsync());
        Assert.Equal(entry.Arr("sources").Select(x => x.Str("sentence_text")), await li.Locator(".tl-source-link").AllTextContentsAsync());
        Assert.Contains("merged with", string.Join(" ", await li.Locator(".tl-why").AllTextContentsAsync()));
        Assert.Equal(1, await s.Page.EvaluateAsync<int>("() => document.querySelectorAll('.tl-entry .tl-sources:not([hidden])').length"));
        await Shot(s.Page, "timeline-sources");

        var second = entry.Arr("sources")[1]!;
        await li.Locator(".tl-source-link").Nth(1).ClickAsync();
        await Navigated(s.Page, "article", "s=" + second.Int("sentence"));
        await Highlighted(s.Page, second.Str("article_id")!, second.Int("sentence"), second.Str("sentence_text"));
        Assert.Empty(s.Errors);
    }

    [BrowserFact]
    public async Task Positions_matrix_renders_and_a_cell_opens_its_evidence_and_history()
    {
        var api = await server.Json("/api/positions");
        await using var s = await Open("#/positions", "positions");
        Assert.Equal("Positions", await s.Page.Locator("#nav a.active").TextContentAsync());
        Assert.Equal(api.Arr("actors").Count, await s.Page.Locator("table.matrix tbody tr").CountAsync());
        Assert.Equal(api.Arr("issues").Select(i => i.Str("label")), await s.Page.Locator("table.matrix thead th[data-issue]").AllTextContentsAsync());
        Assert.Equal(api.Arr("cells").Count, await s.Page.Locator("td.cell:not(.empty)").CountAsync());
        // colours follow the stance
        foreach (var (stance, rgb) in new[] { ("supports", "rgb(220, 241, 227)"), ("conditions", "rgb(252, 239, 212)") })
        {
            var cell = s.Page.Locator($"td.cell.{stance}").First;
            Assert.Equal(rgb, await cell.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        }
        await Shot(s.Page, "positions");

        var tur = api.Arr("cells").Single(c => c.Str("holder") == "TUR" && c.Str("issue") == "troop-withdrawal")!;
        var td = s.Page.Locator("td.cell[data-holder='TUR'][data-issue='troop-withdrawal']");
        Assert.Contains("militant groups", await td.TextContentAsync());
        await td.ClickAsync();
        var detail = s.Page.Locator(".position-detail[data-ready='1'][data-issue='troop-withdrawal']");
        await detail.WaitForAsync();
        Assert.Contains(tur.Str("condition")!, await detail.TextContentAsync());
        var history = await server.Json("/api/positions/history?actor=TUR&issue=troop-withdrawal");
        Assert.Equal(history.Arr("items").Count, await detail.Locator(".history li").CountAsync());
        await Shot(s.Page, "positions-cell");

        var ev = tur["evidence"]!;
        await detail.Locator(".latest a.ev-link").ClickAsync();
        await Navigated(s.Page, "article", "s=" + ev.Int("sentence"));
        await Highlighted(s.Page, ev.Str("article_id")!, ev.Int("sentence"), ev.Str("sentence_text"));
        Assert.Empty(s.Errors);
    }

    [BrowserFact]
    public async Task Positions_issue_filter_narrows_the_matrix()
    {
        await using var s = await Open("#/positions", "positions");
        await s.Page.SelectOptionAsync("select[name=issue]", "ceasefire");
        await s.Page.ClickAsync("form.filters button[type=submit]");
        await Navigated(s.Page, "positions", "issue=ceasefire");
        var api = await server.Json("/api/positions?issue=ceasefire");
        Assert.Equal(["Ceasefire and de-escalation"], await s.Page.Locator("table.matrix thead th[data-issue]").AllTextContentsAsync());
        Assert.Equal(api.Arr("cells").Count, await s.Page.Locator("td.cell:not(.empty)").CountAsync());
        await s.Page.GotoAsync(server.BaseUrl + "/#/positions?issue=weather");
        await Navigated(s.Page, "positions", "issue=weather");
        Assert.Contains("issue", await s.Page.Locator(".error[role=alert]").TextContentAsync());
    }

    [BrowserFact]
    public async Task Process_page_for_astana_shows_guarantors_observers_rounds_and_evidence()
    {
        await using var s = await Open("#/processes", "processes");
        Assert.Equal("Processes", await s.Page.Locator("#nav a.active").TextContentAsync());
        await Shot(s.Page, "processes");
        await s.Page.Locator(".process-item[data-id='ASTANA'] a").ClickAsync();
        await Navigated(s.Page, "process", "#/process/astana");
        Assert.Equal("Processes", await s.Page.Locator("#nav a.active").TextContentAsync());
        Assert.Contains("Astana", await s.Page.Locator(".process h1").TextContentAsync());
        var guarantors = await s.Page.Locator(".members-table tr[data-role='guarantor']").EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.member)");
        Assert.Equal(["IRN", "RUS", "TUR"], guarantors.Order(StringComparer.Ordinal));
        var observers = await s.Page.Locator(".members-table tr[data-role='observer']").EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.member)");
        Assert.Contains("JOR", observers);
        Assert.Contains("IGOUNO", observers);
        Assert.Equal(1, await s.Page.Locator(".rounds li[data-number='20']").CountAsync());
        await Shot(s.Page, "process-astana");

        var api = await server.Json("/api/processes/astana");
        var ev = api.Arr("members").First(m => m.Str("member") == "TUR")!.Arr("evidence")[0]!;
        await s.Page.Locator(".members-table tr[data-member='TUR'] a.ev-link").First.ClickAsync();
        await Navigated(s.Page, "article", "s=" + ev.Int("sentence"));
        await Highlighted(s.Page, ev.Str("article_id")!, ev.Int("sentence"), ev.Str("sentence_text"));
        Assert.Empty(s.Errors);
    }

    [BrowserFact]
    public async Task Unknown_process_shows_the_api_problem()
    {
        await using var s = await Open("#/process/atlantis", "process");
        Assert.Contains("atlantis", await s.Page.Locator(".error[role=alert]").TextContentAsync());
    }

    [BrowserFact]
    public async Task Actor_page_lists_positions_linking_to_the_matrix()
    {
        var api = await server.Json("/api/actors/TUR");
        await using var s = await Open("#/actor/TUR", "actor");
        Assert.Equal(api.Arr("positions").Count, await s.Page.Locator(".positions li").CountAsync());
        Assert.Equal(1, await s.Page.Locator(".positions li[data-issue='troop-withdrawal'][data-stance='conditions']").CountAsync());
        await Shot(s.Page, "actor-positions");
        await s.Page.Locator(".positions li[data-issue='troop-withdrawal'] a").First.ClickAsync();
        await Navigated(s.Page, "positions", "issue=troop-withdrawal");
        Assert.Equal(1, await s.Page.Locator("td.cell[data-holder='TUR']").CountAsync());
        Assert.Empty(s.Errors);
    }
}
