using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Parley.Serve.Tests.BrowserSession;

namespace Parley.Serve.Tests;

/// <summary>The web UI in a real browser against the app on loopback; screenshots (1280×800) under artifacts/screenshots.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserTests(ServerFixture server, BrowserFixture browser)
{
    Task<BrowserSession> Open(string hash, string ready) => BrowserSession.Open(browser, server, hash, ready);

    [BrowserFact]
    public async Task Articles_page_lists_and_searches()
    {
        await using var s = await Open("#/articles", "articles");
        var items = s.Page.Locator(".article-item");
        Assert.Equal(Math.Min(25, server.ArticleCount), await items.CountAsync());
        Assert.Equal("Articles", await s.Page.Locator("#nav a.active").TextContentAsync());
        await Shot(s.Page, "articles");

        await s.Page.FillAsync("input[name=q]", "ceasefire");
        await s.Page.ClickAsync("form.filters button[type=submit]");
        await Navigated(s.Page, "articles", "q=ceasefire");
        var expected = (await server.Json("/api/articles?q=ceasefire")).Int("total");
        Assert.Equal(expected, await s.Page.Locator(".article-item").CountAsync());
        Assert.True(await s.Page.Locator(".snippet mark").CountAsync() > 0);
        Assert.All(await s.Page.Locator(".snippet mark").AllTextContentsAsync(), m => Assert.Equal("ceasefire", m.ToLowerInvariant()));
        await Shot(s.Page, "articles-search");
        Assert.Empty(s.Errors);
    }

    [BrowserFact]
    public async Task Quote_browser_filters_and_links_to_the_sentence()
    {
        await using var s = await Open("#/quotes", "quotes");
        Assert.True(await s.Page.Locator(".quote-card").CountAsync() > 0);
        await Shot(s.Page, "quotes");

        await s.Page.SelectOptionAsync("select[name=kind]", "direct");
        await s.Page.ClickAsync("form.filters button[type=submit]");
        await Navigated(s.Page, "quotes", "kind=direct");
        var kinds = await s.Page.Locator(".quote-card .badge").AllTextContentsAsync();
        Assert.NotEmpty(kinds);
        Assert.All(kinds, k => Assert.Equal("direct", k));

        await s.Page.GotoAsync(server.BaseUrl + "/#/quotes");
        await Navigated(s.Page, "quotes", "#/quotes");
        await s.Page.FillAsync("input[name=speaker]", "Lavrov");
        await s.Page.FillAsync("input[name=from]", "2022-01-01");
        await s.Page.ClickAsync("form.filters button[type=submit]");
        await Navigated(s.Page, "quotes", "speaker=Lavrov");
        var speakers = await s.Page.Locator(".quote-card .speaker").AllTextContentsAsync();
        var api = (await server.Json("/api/quotes?speaker=Lavrov&from=2022-01-01")).Arr("items");
        Assert.Equal(api.Count, speakers.Count);
        Assert.NotEmpty(speakers);
        await Shot(s.Page, "quotes-filtered");

        // the source link opens the article with that sentence highlighted
        var first = api[0]!;
        await s.Page.Locator(".quote-card .source").First.ClickAsync();
        await Navigated(s.Page, "article", "s=");
        var target = s.Page.Locator(".sentence.target");
        Assert.Equal(1, await target.CountAsync());
        Assert.Equal($"s-{first["quote"]!.Int("sentence")}", await target.GetAttributeAsync("id"));
        Assert.Contains(first["quote"].Str("text")!, await target.TextContentAsync());
        Assert.Empty(s.Errors);
    }

    [BrowserFact]
    public async Task Article_reader_highlights_spans_with_their_resolution()
    {
        const string id = "fixture_geneva_security_talks";
        var api = await server.Json("/api/articles/" + id);
        await using var s = await Open("#/article/" + id, "article");
        var text = s.Page.Locator(".article-text");
        Assert.Equal(api.Str("text"), await text.TextContentAsync()); // every character, nothing added
        Assert.True(await s.Page.Locator(".ann.mention").CountAsync() >= api.Arr("mentions").Count / 2);
        Assert.True(await s.Page.Locator(".ann.quote").CountAsync() > 0);
        Assert.True(await s.Page.Locator(".ann.timex").CountAsync() > 0);

        var mention = api.Arr("mentions").First(m => m.Str("name")!.Contains("Lavrov"))!;
        var segment = s.Page.Locator(".ann.mention", new PageLocatorOptions { HasTextString = mention.Str("text") }).First;
        await segment.HoverAsync();
        var tip = s.Page.Locator("#tip");
        await tip.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        var tipText = await tip.TextContentAsync();
        Assert.Contains("Actor: " + mention.Str("name"), tipText);
        if (mention.Str("code") is { } code) Assert.Contains(code, tipText);
        await Shot(s.Page, "article");

        // keyboard focus shows it too; the quote's tooltip names the speaker
        var quote = api.Arr("quotes").First(q => q!["speaker"]?.Str("name") is not null && q.Str("where") is null)!;
        await s.Page.Locator(".ann.quote").First.FocusAsync();
        Assert.Contains("speaker:", await tip.TextContentAsync());
        Assert.Contains(quote["speaker"].Str("name")!, string.Join("|", api.Arr("quotes").Select(q => q!["speaker"]?.Str("name"))));

        // turning a layer off removes its highlight
        await s.Page.UncheckAsync("input[name=show-mention]");
        Assert.True(await s.Page.Locator(".article-text.hide-mention").IsVisibleAsync());
        Assert.Empty(s.Errors);
    }

    [BrowserFact]
    public async Task Sentence_deep_link_highlights_that_sentence()
    {
        var list = await server.Json("/api/articles?q=Idlib&limit=1");
        var id = list.Arr("items")[0].Str("id")!;
        var api = await server.Json("/api/articles/" + id);
        var n = api.Arr("sentences").Count - 2;
        var sentence = api.Arr("sentences")[n]!;
        await using var s = await Open($"#/article/{id}?s={n}", "article");
        var target = s.Page.Locator(".sentence.target");
        Assert.Equal(1, await target.CountAsync());
        Assert.Equal($"s-{n}", await target.GetAttributeAsync("id"));
        Assert.Equal(api.Str("text")![sentence.Int("start")..sentence.Int("end")], await target.TextContentAsync());
        await s.Page.WaitForFunctionAsync("() => { const r = document.querySelector('.sentence.target').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }");
        await Shot(s.Page, "article-sentence");
        Assert.Empty(s.Errors);
    }

    [BrowserFact]
    public async Task Markup_in_article_text_is_shown_as_text_and_never_run()
    {
        var api = await server.Json("/api/articles/" + TestArticles.XssId);
        Assert.Contains(TestArticles.ScriptText, api.Str("text"));
        Assert.Contains(TestArticles.ImgText, api.Str("text"));
        await using var s = await Open("#/article/" + TestArticles.XssId, "article");
        var shown = await s.Page.Locator(".article-text").TextContentAsync();
        Assert.Contains(TestArticles.ScriptText, shown);
        Assert.Contains(TestArticles.ImgText, shown);
        Assert.Equal(0, await s.Page.Locator(".article-text script, .article-text img, .side script, .side img").CountAsync());
        Assert.Equal(1, await s.Page.Locator("script").CountAsync()); // the app's own module
        await s.Page.WaitForTimeoutAsync(300); // an onerror would have fired by now
        Assert.Equal("undefined", await s.Page.EvaluateAsync<string>("() => typeof window.__pwned"));

        // and in search results (snippets) and quote cards
        await s.Page.GotoAsync(server.BaseUrl + "/#/articles?q=garbled");
        await Navigated(s.Page, "articles", "q=garbled");
        Assert.Equal(0, await s.Page.Locator(".results img, .results script").CountAsync());
        Assert.Equal("undefined", await s.Page.EvaluateAsync<string>("() => typeof window.__pwned"));
        await Shot(s.Page, "markup-probe");
        Assert.Empty(s.Errors);
    }

    [BrowserFact]
    public async Task Bad_filter_shows_the_api_problem()
    {
        await using var s = await Open("#/quotes?from=2020-13-40", "quotes");
        var alert = s.Page.Locator(".error[role=alert]");
        Assert.Contains("from", await alert.TextContentAsync());
    }
}
