using System.Text.Json.Nodes;

namespace Parley.Serve.Tests;

[Collection(ServerCollection.Name)]
public sealed class ApiTests(ServerFixture server)
{
    [Fact]
    public async Task Stats_count_every_stored_article()
    {
        var stats = await server.Json("/api/stats");
        Assert.Equal(server.ArticleCount, stats.Int("articles"));
        Assert.True(server.ArticleCount >= 17, $"demo corpus + fixtures, got {server.ArticleCount}");
        Assert.True(stats.Int("quotes") > 0);
        Assert.False(stats["ingest_enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Article_pages_cover_every_article_once_newest_first()
    {
        var ids = new List<string>();
        var dates = new List<string?>();
        int? offset = 0;
        while (offset is not null)
        {
            var page = await server.Json($"/api/articles?limit=4&offset={offset}");
            Assert.Equal(server.ArticleCount, page.Int("total"));
            Assert.True(page.Arr("items").Count <= 4);
            foreach (var item in page.Arr("items"))
            {
                ids.Add(item.Str("id")!);
                dates.Add(item.Str("published"));
            }
            offset = page["next_offset"]?.GetValue<int>();
        }
        Assert.Equal(server.ArticleCount, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var dated = dates.TakeWhile(d => d is not null).ToList();
        Assert.Equal(dated.OrderByDescending(d => d, StringComparer.Ordinal), dated);
    }

    [Fact]
    public async Task Article_search_finds_the_word_and_marks_it()
    {
        var page = await server.Json("/api/articles?q=ceasefire");
        var items = page.Arr("items");
        Assert.NotEmpty(items);
        Assert.Equal(items.Count, page.Int("total"));
        foreach (var item in items)
        {
            var article = await server.Json("/api/articles/" + item.Str("id"));
            Assert.Contains("ceasefire", (article.Str("title") + " " + article.Str("text")).ToLowerInvariant());
        }
        Assert.Contains(items, i => i!["snippet_parts"]!.AsArray().Any(p => p!["match"]!.GetValue<bool>()
            && p.Str("text")!.Equals("ceasefire", StringComparison.OrdinalIgnoreCase)));
        // narrower with a second word, and with a date range
        var both = await server.Json("/api/articles?q=ceasefire%20Idlib");
        Assert.InRange(both.Int("total"), 1, page.Int("total") - 1);
        var dated = await server.Json("/api/articles?q=ceasefire&from=2020&to=2020-12-31");
        Assert.All(dated.Arr("items"), i => Assert.StartsWith("2020", i.Str("published")));
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("NOT OR AND")]
    [InlineData("title:(x) NEAR(")]
    [InlineData("Russia*")]
    public async Task Search_input_is_quoted_never_an_fts_syntax_error(string q)
    {
        var page = await server.Json("/api/articles?q=" + Uri.EscapeDataString(q));
        Assert.NotNull(page["total"]);
    }

    [Theory]
    [InlineData("/api/articles?limit=0", "limit")]
    [InlineData("/api/articles?limit=abc", "limit")]
    [InlineData("/api/articles?limit=100000", "limit")]
    [InlineData("/api/articles?offset=-1", "offset")]
    [InlineData("/api/articles?from=2020-13-01", "from")]
    [InlineData("/api/articles?to=yesterday", "to")]
    [InlineData("/api/articles?q=%2A%2A%2A", "q")]
    [InlineData("/api/quotes?kind=bogus", "kind")]
    [InlineData("/api/quotes?actor=RUS%3BDROP", "actor")]
    [InlineData("/api/quotes?about=%22%22", "about")]
    [InlineData("/api/quotes?from=2020-02-30", "from")]
    [InlineData("/api/articles/02_moscow_declaration_syria?hash=xyz", "hash")]
    public async Task Bad_parameters_are_400_problems_naming_the_parameter(string path, string parameter)
    {
        var problem = await server.Problem(path, 400);
        Assert.Equal(parameter, problem.Str("parameter"));
        Assert.Equal(400, problem.Int("status"));
        Assert.Contains(parameter, problem.Str("detail"));
    }

    [Fact]
    public async Task Unknown_article_and_endpoint_are_404_problems()
    {
        await server.Problem("/api/articles/no_such_article", 404);
        await server.Problem("/api/articles/02_moscow_declaration_syria?hash=" + new string('a', 64), 404);
        await server.Problem("/api/nothing/here", 404);
    }

    [Fact]
    public async Task Article_spans_are_consistent_with_its_text()
    {
        var list = await server.Json("/api/articles?limit=200");
        var checkedSpans = 0;
        foreach (var item in list.Arr("items"))
        {
            var id = item.Str("id")!;
            var a = await server.Json("/api/articles/" + Uri.EscapeDataString(id));
            Assert.Equal(id, a.Str("id"));
            Assert.Equal(item.Str("content_hash"), a.Str("content_hash"));
            var text = a.Str("text")!;
            var previousEnd = 0;
            foreach (var s in a.Arr("sentences"))
            {
                Assert.True(s.Int("start") >= previousEnd && s.Int("end") <= text.Length && s.Int("start") < s.Int("end"), $"{id}: sentence {s}");
                previousEnd = s.Int("end");
            }
            void Span(JsonNode? x, string kind, bool textMatches = true)
            {
                var (start, end) = (x.Int("start"), x.Int("end"));
                Assert.True(0 <= start && start < end && end <= text.Length, $"{id}: {kind} {x}");
                if (textMatches) Assert.Equal(x.Str("text"), text[start..end]);
                checkedSpans++;
            }
            foreach (var m in a.Arr("mentions"))
            {
                Span(m, "mention");
                Assert.False(string.IsNullOrEmpty(m.Str("name")), $"{id}: mention without resolution {m}");
            }
            foreach (var q in a.Arr("quotes"))
            {
                Assert.Equal($"{id}#{q.Str("id")}", q.Str("ref"));
                if (q.Str("where") == "title") continue;
                Span(q, "quote", textMatches: false);
                Assert.Contains(q.Str("text")!, text[q.Int("start")..q.Int("end")]);
            }
            foreach (var e in a.Arr("events"))
            {
                Assert.Equal($"{id}#{e.Str("id")}", e.Str("ref"));
                if (e.Int("sentence") < 0) continue; // from the title or a caption
                Span(e, "event", textMatches: false);
                var s = a.Arr("sentences")[e.Int("sentence")]!;
                Assert.InRange(e.Int("start"), s.Int("start"), s.Int("end"));
            }
            foreach (var t in a.Arr("timexes")) Span(t, "timex");
            foreach (var p in a.Arr("places")) Span(p, "place");
        }
        Assert.True(checkedSpans > 200, $"only {checkedSpans} spans");
    }

    [Fact]
    public async Task Article_by_id_and_hash_is_that_version()
    {
        var item = (await server.Json("/api/articles?limit=1")).Arr("items")[0]!;
        var a = await server.Json($"/api/articles/{item.Str("id")}?hash={item.Str("content_hash")!.ToUpperInvariant()}");
        Assert.Equal(item.Str("content_hash"), a.Str("content_hash"));
        Assert.DoesNotContain("/", a.Str("source")!); // no server paths
    }

    [Fact]
    public async Task Quote_pages_and_filters()
    {
        var all = new List<JsonNode>();
        int? offset = 0;
        while (offset is not null)
        {
            var page = await server.Json($"/api/quotes?limit=7&offset={offset}");
            all.AddRange(page.Arr("items").Select(i => i!));
            offset = page["next_offset"]?.GetValue<int>();
        }
        var stats = await server.Json("/api/stats");
        Assert.Equal(stats.Int("quotes"), all.Count);
        Assert.Equal(all.Count, all.Select(q => q.Str("ref")).Distinct().Count());

        var direct = (await server.Json("/api/quotes?kind=direct&limit=200")).Arr("items");
        Assert.NotEmpty(direct);
        Assert.All(direct, q => Assert.Equal("direct", q!["quote"].Str("kind")));
        Assert.True(direct.Count < all.Count);

        var lavrov = (await server.Json("/api/quotes?speaker=lavrov")).Arr("items");
        Assert.NotEmpty(lavrov);
        Assert.All(lavrov, q => Assert.Contains("lavrov", (q!["quote"]!["speaker"].Str("name") + " " + q["quote"]!["speaker"].Str("text")).ToLowerInvariant()));

        var rus = (await server.Json("/api/quotes?actor=RUS&limit=200")).Arr("items");
        Assert.NotEmpty(rus);
        Assert.All(rus, q => Assert.True(q!["quote"]!["speaker"].Str("code")!.StartsWith("RUS") || q["quote"]!["speaker"].Str("country") == "RUS"));

        var dated = (await server.Json("/api/quotes?from=2020-01&to=2021&limit=200")).Arr("items");
        Assert.NotEmpty(dated);
        Assert.All(dated, q => Assert.InRange(string.CompareOrdinal(q!["article"].Str("published"), "2020-01"), 0, int.MaxValue));
        Assert.All(dated, q => Assert.True(string.CompareOrdinal(q!["article"].Str("published"), "2022") < 0));

        var about = (await server.Json("/api/quotes?about=written")).Arr("items");
        Assert.NotEmpty(about);
        Assert.All(about, q => Assert.Contains("written", q!["quote"].Str("text")!.ToLowerInvariant()));

        // links to the sentence: the sentence text holds the quote
        Assert.All(all.Where(q => q["quote"]!.Int("sentence") >= 0), q => Assert.Contains(q["quote"].Str("text")!, q.Str("sentence_text")!));
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        foreach (var path in new[] { "/", "/api/stats", "/api/articles/nope" })
        {
            using var res = await server.Http.GetAsync(path);
            Assert.Equal(ParleyServer.ContentSecurityPolicy, res.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Contains("script-src 'self'", ParleyServer.ContentSecurityPolicy);
            Assert.Equal("nosniff", res.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task Web_ui_is_served_without_inline_script()
    {
        using var res = await server.Http.GetAsync("/");
        Assert.Equal("text/html", res.Content.Headers.ContentType?.MediaType);
        var html = await res.Content.ReadAsStringAsync();
        Assert.Matches("<script type=\"module\" crossorigin src=\"/assets/[^\"]+\\.js\"></script>", html);
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_endpoints()
    {
        var doc = await server.Json("/openapi/v1.json");
        var paths = doc["paths"]!.AsObject();
        foreach (var p in new[] { "/api/articles", "/api/articles/{id}", "/api/quotes", "/api/stats", "/api/ingest" })
            Assert.True(paths.ContainsKey(p), $"OpenAPI lacks {p}");
        var parameters = paths["/api/articles"]!["get"]!.Arr("parameters").Select(p => p.Str("name")).ToList();
        Assert.Equal(["q", "outlet", "from", "to", "limit", "offset"], parameters);
        Assert.NotNull(paths["/api/ingest"]!["post"]!["responses"]!["413"]);
    }
}
