using System.Text.Json.Nodes;

namespace Parley.Serve.Tests;

/// <summary>The process layer over HTTP: merged timeline entries, positions, processes (demo corpus + fixtures).</summary>
[Collection(ServerCollection.Name)]
public sealed class ProcessApiTests(ServerFixture server)
{
    static IEnumerable<JsonNode> Sources(JsonNode entry) => entry.Arr("sources").Select(s => s!);

    async Task<JsonNode> GenevaMeeting()
    {
        var day = await server.Json("/api/timeline?from=2022-01-21&to=2022-01-21&type=CONSULT&explain=true");
        return day.Arr("items").Single(e => Sources(e!).Any(s => s.Str("article_id") == TestArticles.GenevaSecondId))!;
    }

    [Fact]
    public async Task Two_reports_of_one_meeting_are_one_entry_with_both_sentences_and_why()
    {
        var e = await GenevaMeeting();
        Assert.Equal(2, e.Arr("sources").Count);
        Assert.Equal([TestArticles.GenevaId, TestArticles.GenevaSecondId], Sources(e).Select(s => s.Str("article_id")!).Order(StringComparer.Ordinal));
        Assert.Equal("2022-01-21", e.Str("date"));
        Assert.All(Sources(e), s => Assert.Contains("Geneva", s.Str("sentence_text")));
        var keys = e.Arr("source").Concat(e.Arr("target")).Select(p => p.Str("key")).ToList();
        Assert.Contains("RUSGOV_sergei-lavrov", keys);
        Assert.Contains("USAGOV_antony-blinken", keys);
        // explain: one seed, the other merged with it (by its ref) with the shared actors and the date relation
        var reasons = Sources(e).Select(s => s["reason"]!).ToList();
        Assert.Single(reasons, r => r.Str("rule") == "seed");
        var merged = reasons.Single(r => r.Str("rule") == "merged");
        Assert.Contains(merged.Str("with"), Sources(e).Select(s => s.Str("ref")));
        Assert.Contains("RUS", merged.Arr("shared_actors").Select(a => a!.GetValue<string>()));
        Assert.Equal("same-day", merged.Str("date_relation"));
        Assert.Contains("merged with", merged.Str("text"));

        // without explain no reasons; the detail endpoint has them
        var plain = await server.Json("/api/timeline?from=2022-01-21&to=2022-01-21&type=CONSULT");
        Assert.All(plain.Arr("items").SelectMany(i => Sources(i!)), s => Assert.Null(s["reason"]));
        var detail = await server.Json("/api/timeline/" + e.Str("id"));
        Assert.Equal(e.ToJsonString(), detail.ToJsonString());
    }

    [Fact]
    public async Task Timeline_entry_detail_404_and_400()
    {
        var problem = await server.Problem("/api/timeline/999999999", 404);
        Assert.Contains("999999999", problem.Str("detail"));
        Assert.Equal("id", (await server.Problem("/api/timeline/12x", 400)).Str("parameter"));
    }

    [Fact]
    public async Task Unknown_issue_is_a_400_listing_the_valid_ids()
    {
        var problem = await server.Problem("/api/timeline?issue=weather", 400);
        var vocab = await server.Json("/api/vocab");
        Assert.All(vocab.Arr("issues"), i => Assert.Contains(i.Str("id")!, problem.Str("detail")));
        var p2 = await server.Problem("/api/positions?issue=weather", 400);
        Assert.Contains("ceasefire", p2.Str("detail"));
    }

    [Fact]
    public async Task Positions_matrix_has_latest_stances_with_evidence_sentences()
    {
        var m = await server.Json("/api/positions");
        var cells = m.Arr("cells").Select(c => c!).ToList();
        Assert.NotEmpty(cells);
        var rows = m.Arr("actors").Select(r => r.Str("holder")).ToHashSet();
        var cols = m.Arr("issues").Select(i => i.Str("id")).ToHashSet();
        Assert.All(cells, c =>
        {
            Assert.Contains(c.Str("holder"), rows);
            Assert.Contains(c.Str("issue"), cols);
            Assert.Contains(c.Str("stance"), new[] { "supports", "opposes", "conditions" });
            Assert.True(c.Int("statements") >= 1);
        });
        Assert.Equal(cells.Count, cells.Select(c => (c.Str("holder"), c.Str("issue"))).Distinct().Count());
        // the evidence is the article's sentence
        var texts = new Dictionary<string, JsonNode>();
        foreach (var c in cells.Take(12))
        {
            var ev = c["evidence"]!;
            if (!texts.TryGetValue(ev.Str("article_id")!, out var article))
                texts[ev.Str("article_id")!] = article = await server.Json("/api/articles/" + Uri.EscapeDataString(ev.Str("article_id")!));
            var s = article.Arr("sentences")[ev.Int("sentence")]!;
            Assert.Equal(article.Str("text")![s.Int("start")..s.Int("end")], ev.Str("sentence_text"));
        }

        // Turkey's conditional stance on troop withdrawal from the Astana fixture, with the condition as written
        var tur = cells.Single(c => c.Str("holder") == "TUR" && c.Str("issue") == "troop-withdrawal");
        Assert.Equal("conditions", tur.Str("stance"));
        Assert.Contains("militant groups", tur.Str("condition"));
        Assert.Equal(TestArticles.AstanaId, tur["evidence"].Str("article_id"));

        // the cell is the latest of its history
        var history = (await server.Json("/api/positions/history?actor=TUR&issue=troop-withdrawal")).Arr("items").Select(i => i!).ToList();
        Assert.Equal(tur.Int("statements"), history.Count);
        Assert.All(history, h => Assert.Equal("troop-withdrawal", h.Str("issue")));
        var dates = history.Select(h => h.Str("date") ?? "9999").ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.Equal(history.Max(h => h.Str("date")), tur.Str("date"));
    }

    [Fact]
    public async Task Positions_filters_by_issue_and_actor()
    {
        var all = (await server.Json("/api/positions")).Arr("cells").Select(c => c!).ToList();
        var ceasefire = await server.Json("/api/positions?issue=ceasefire");
        Assert.NotEmpty(ceasefire.Arr("cells"));
        Assert.All(ceasefire.Arr("cells"), c => Assert.Equal("ceasefire", c.Str("issue")));
        Assert.Equal(all.Count(c => c.Str("issue") == "ceasefire"), ceasefire.Arr("cells").Count);
        Assert.Equal(["ceasefire"], ceasefire.Arr("issues").Select(i => i.Str("id")));

        var tur = await server.Json("/api/positions?actor=TUR");
        Assert.Equal(all.Where(c => c.Str("holder") == "TUR").Select(c => c.Str("issue")), tur.Arr("cells").Select(c => c.Str("issue")));
        Assert.Equal(["TUR"], tur.Arr("actors").Select(a => a.Str("holder")));
        Assert.Empty((await server.Json("/api/positions?actor=XYZ")).Arr("cells"));
        // a holder that is a name (no country) has a history too
        var named = all.FirstOrDefault(c => c.Str("country") is null);
        if (named is not null)
            Assert.Contains((await server.Json("/api/positions/history?actor=" + Uri.EscapeDataString(named.Str("holder")!))).Arr("items"), i => i.Str("holder") == named.Str("holder"));
    }

    [Fact]
    public async Task Actor_page_carries_its_positions()
    {
        var tur = await server.Json("/api/actors/TUR");
        var cells = (await server.Json("/api/positions?actor=TUR")).Arr("cells");
        Assert.NotEmpty(tur.Arr("positions"));
        Assert.Equal(cells.Select(c => c.Str("issue")), tur.Arr("positions").Select(p => p.Str("issue")));
        Assert.Equal("/api/positions/history?actor=TUR", tur["links"].Str("positions"));
    }

    [Fact]
    public async Task Processes_list_and_astana_with_roles_rounds_and_evidence()
    {
        var list = (await server.Json("/api/processes")).AsArray().Select(p => p!).ToList();
        Assert.Contains(list, p => p.Str("id") == "ASTANA" && p.Int("articles") >= 2);
        Assert.Contains(list, p => p.Str("id") == "NORMANDY");

        var astana = await server.Json("/api/processes/astana");
        Assert.Equal("ASTANA", astana.Str("id"));
        Assert.Equal(astana.ToJsonString(), (await server.Json("/api/processes/Astana%20format")).ToJsonString());
        var members = astana.Arr("members").Select(m => m!).ToList();
        var guarantors = members.Where(m => m.Str("role") == "guarantor").ToList();
        Assert.Equal(["IRN", "RUS", "TUR"], guarantors.Select(m => m.Str("member")!).Order(StringComparer.Ordinal));
        // the fixture states the guarantors: text evidence with its date
        Assert.All(guarantors, g =>
        {
            Assert.Equal("kb+text", g.Str("basis"));
            Assert.Contains(g.Arr("evidence"), ev => ev.Str("article_id") == TestArticles.AstanaId);
            Assert.Equal("2023-06-21", g.Str("last"));
        });
        Assert.Contains(members, m => m.Str("role") == "observer" && m.Str("member") == "JOR");
        var round = astana.Arr("rounds").Single(r => r.Int("number") == 20)!;
        Assert.StartsWith("2023-06-2", round.Str("date"));
        Assert.Contains(round.Arr("evidence"), ev => ev.Str("article_id") == TestArticles.AstanaId && ev.Int("sentence") >= 0);
        Assert.True(astana.Int("articles") >= 2);
        Assert.All(astana.Arr("events"), e => Assert.Matches("^[0-9]+$", e.Str("id")!));
    }

    [Fact]
    public async Task Unknown_process_is_404_naming_the_known_ones()
    {
        var problem = await server.Problem("/api/processes/atlantis", 404);
        Assert.Contains("atlantis", problem.Str("detail"));
        Assert.Contains("ASTANA", problem.Str("detail"));
    }
}
