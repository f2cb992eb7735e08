using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Parley.Serve.Tests.BrowserSession;

namespace Parley.Serve.Tests;

/// <summary>Timeline, network, actor pages in a real browser; screenshots (1280×800) under artifacts/screenshots.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserEventTests(ServerFixture server, BrowserFixture browser)
{
    Task<BrowserSession> Open(string hash, string ready) => BrowserSession.Open(browser, server, hash, ready);

    [BrowserFact]
    public async Task Timeline_loads_filters_and_opens_the_highlighted_sentence()
    {
        await using var s = await Open("#/timeline", "timeline");
        var all = await server.Json("/api/timeline?limit=50");
        Assert.Equal(all.Arr("items").Count, await s.Page.Locator(".tl-entry").CountAsync());
        Assert.Equal("Timeline", await s.Page.Locator("#nav a.active").TextContentAsync());
        Assert.True(await s.Page.Locator(".timeline .month h2").CountAsync() > 0);
        await Shot(s.Page, "timeline");

        await s.Page.SelectOptionAsync("select[name=type]", "CONSULT");
        await s.Page.FillAsync("input[name=actor]", "RUS");
        await s.Page.ClickAsync("form.filters button[type=submit]");
        await Navigated(s.Page, "timeline", "type=CONSULT");
        var api = (await server.Json("/api/timeline?type=CONSULT&actor=RUS&limit=50")).Arr("items");
        Assert.NotEmpty(api);
        Assert.Equal(api.Count, await s.Page.Locator(".tl-entry").CountAsync());
        Assert.All(await s.Page.Locator(".tl-entry .badge.type").AllTextContentsAsync(), t => Assert.Equal("CONSULT", t));
        Assert.Equal(api.Select(e => e.Str("id")), await s.Page.Locator(".tl-entry").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.id)"));
        Assert.True(api.Count < all.Int("total"));
        await Shot(s.Page, "timeline-filtered");

        // a click on an entry opens its article with the evidence sentence highlighted
        var entry = api.First(e => e!.Arr("sources")[0]!.Int("sentence") >= 0)!;
        var source = entry.Arr("sources")[0]!;
        await s.Page.Locator($".tl-entry[data-id='{entry.Str("id")}'] .tl-sentence").ClickAsync();
        await Navigated(s.Page, "article", "s=" + source.Int("sentence"));
        Assert.Equal($"#/article/{source.Str("article_id")}?s={source.Int("sentence")}", await s.Page.EvaluateAsync<string>("() => location.hash"));
        var target = s.Page.Locator(".sentence.target");
        Assert.Equal(1, await target.CountAsync());
        Assert.Equal(source.Str("sentence_text"), await target.TextContentAsync());
        await s.Page.WaitForFunctionAsync("() => { const r = document.querySelector('.sentence.target').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }");
        await Shot(s.Page, "timeline-to-article");
        Assert.Empty(s.Errors);
    }

    [BrowserFact]
    public async Task Timeline_bad_date_shows_the_api_problem()
    {
        await using var s = await Open("#/timeline?from=2020-02-31", "timeline");
        Assert.Contains("from", await s.Page.Locator(".error[role=alert]").TextContentAsync());
    }

    [BrowserFact]
    public async Task Network_renders_coloured_edges_and_filters_change_it()
    {
        await using var s = await Open("#/network", "network");
        var api = await server.Json("/api/network?limit=150");
        var svg = s.Page.Locator("svg.network");
        Assert.Equal(api.Arr("nodes").Count, await s.Page.Locator("svg.network a.node").CountAsync());
        Assert.Equal(api.Arr("edges").Count, await s.Page.Locator("svg.network line.edge").CountAsync());
        Assert.Equal(api.Arr("nodes").Count.ToString(), await svg.GetAttributeAsync("data-nodes"));
        Assert.Equal("Network", await s.Page.Locator("#nav a.active").TextContentAsync());

        // colour follows cooperation vs conflict
        foreach (var edge in api.Arr("edges").Take(10))
        {
            var line = s.Page.Locator($"svg.network line.edge[data-a='{edge.Str("a")}'][data-b='{edge.Str("b")}']");
            var stroke = await line.EvaluateAsync<string>("e => getComputedStyle(e).stroke");
            var expected = edge.Int("cooperation") > edge.Int("conflict") ? "rgb(46, 139, 87)" : edge.Int("conflict") > edge.Int("cooperation") ? "rgb(192, 57, 43)" : "rgb(138, 148, 166)";
            Assert.Equal(expected, stroke);
        }
        // hover shows the dyad summary
        var busiest = api.Arr("edges")[0]!;
        // dispatched on the line itself: a hover at its midpoint may land on another edge crossing it
        await s.Page.Locator($"svg.network line.edge[data-a='{busiest.Str("a")}'][data-b='{busiest.Str("b")}']").DispatchEventAsync("mouseenter");
        var tip = s.Page.Locator("#tip");
        await tip.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Contains($"{busiest.Int("count")} events", await tip.TextContentAsync());
        await Shot(s.Page, "network");

        await s.Page.SelectOptionAsync("select[name=level]", "actor");
        await s.Page.ClickAsync("form.filters button[type=submit]");
        await Navigated(s.Page, "network", "level=actor");
        var actors = await server.Json("/api/network?level=actor&limit=150");
        Assert.Equal(actors.Arr("nodes").Count, await s.Page.Locator("svg.network a.node").CountAsync());
        Assert.NotEqual(api.Arr("nodes").Count, actors.Arr("nodes").Count);
        Assert.True(await s.Page.Locator("svg.network a.node[data-key='RUSGOV_sergei-lavrov']").CountAsync() == 1);
        await Shot(s.Page, "network-actors");

        await s.Page.FillAsync("input[name=from]", "2022-01-01");
        await s.Page.ClickAsync("form.filters button[type=submit]");
        await Navigated(s.Page, "network", "from=2022-01-01");
        var dated = await server.Json("/api/network?level=actor&from=2022-01-01&limit=150");
        Assert.Equal(dated.Arr("edges").Count, await s.Page.Locator("svg.network line.edge").CountAsync());
        Assert.NotEqual(actors.Arr("edges").Count, dated.Arr("edges").Count);

        // a node opens its actor page (the last drawn node is on top of the others)
        var node = s.Page.Locator("svg.network a.node").Last;
        var key = await node.GetAttributeAsync("data-key");
        await node.Locator("circle").ClickAsync(new LocatorClickOptions { Force = true });
        await Navigated(s.Page, "actor", "#/actor/");
        Assert.Equal(key, await s.Page.Locator(".actor-profile").GetAttributeAsync("data-key"));
        Assert.Empty(s.Errors);
    }

    [BrowserFact]
    public async Task Actor_page_shows_profile_events_quotes_and_links_to_the_timeline()
    {
        const string key = "RUSGOV_sergei-lavrov";
        var api = await server.Json("/api/actors/" + key);
        await using var s = await Open("#/actor/" + key, "actor");
        Assert.Contains("Sergei Lavrov", await s.Page.Locator(".actor-profile h1").TextContentAsync());
        Assert.Equal("Actors", await s.Page.Locator("#nav a.active").TextContentAsync());
        Assert.Equal(api["events"]!.Arr("recent").Count, await s.Page.Locator(".actor-events .event-card").CountAsync());
        Assert.Equal(api["quotes"]!.Arr("recent").Count, await s.Page.Locator(".actor-quotes .quote-card").CountAsync());
        Assert.Equal(api.Arr("roles").Count, await s.Page.Locator(".roles li").CountAsync());
        if (api.Arr("positions").Count == 0) Assert.Contains("No stance", await s.Page.Locator(".positions").TextContentAsync());
        else Assert.Equal(api.Arr("positions").Count, await s.Page.Locator(".positions li").CountAsync());
        await Shot(s.Page, "actor");

        await s.Page.Locator(".actor-links a", new PageLocatorOptions { HasTextString = "Timeline" }).ClickAsync();
        await Navigated(s.Page, "timeline", "actor=" + key);
        var entries = (await server.Json($"/api/timeline?actor={key}&limit=50")).Arr("items");
        Assert.Equal(entries.Count, await s.Page.Locator(".tl-entry").CountAsync());
        Assert.All(await s.Page.Locator(".tl-entry .tl-actors").AllTextContentsAsync(), t => Assert.Contains("Sergei Lavrov", t));

        await s.Page.GotoAsync(server.BaseUrl + "/#/actors?q=lavrov");
        await Navigated(s.Page, "actors", "q=lavrov");
        Assert.True(await s.Page.Locator(".actor-item").CountAsync() > 0);
        await Shot(s.Page, "actors");
        Assert.Empty(s.Errors);
    }
}
