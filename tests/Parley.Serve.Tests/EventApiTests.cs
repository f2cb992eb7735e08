using System.Text.Json.Nodes;
using Parley.Store;

namespace Parley.Serve.Tests;

/// <summary>/api/events, /api/actors, /api/network, /api/timeline, /api/vocab over the demo corpus and the fixtures.</summary>
[Collection(ServerCollection.Name)]
public sealed class EventApiTests(ServerFixture server)
{
    async Task<List<JsonNode>> All(string path)
    {
        var all = new List<JsonNode>();
        int? offset = 0;
        var sep = path.Contains('?') ? "&" : "?";
        while (offset is not null)
        {
            var page = await server.Json($"{path}{sep}limit=200&offset={offset}");
            all.AddRange(page.Arr("items").Select(i => i!));
            offset = page["next_offset"]?.GetValue<int>();
        }
        return all;
    }

    static IEnumerable<JsonNode> Parties(JsonNode item, string side) => item.Arr(side).Select(p => p!);

    static bool Matches(JsonNode party, string code) =>
        (party.Str("code")?.StartsWith(code, StringComparison.Ordinal) ?? false) || party.Str("country") == code;

    [Fact]
    public async Task Events_cover_every_event_of_every_article_once()
    {
        var events = await All("/api/events");
        var first = await server.Json("/api/events?limit=3");
        Assert.Equal(events.Count, first.Int("total"));
        Assert.Equal(events.Count, events.Select(e => e.Str("ref")).Distinct().Count());
        var expected = 0;
        foreach (var a in (await server.Json("/api/articles?limit=200")).Arr("items"))
        {
            var article = await server.Json("/api/articles/" + Uri.EscapeDataString(a.Str("id")!));
            expected += article.Arr("events").Count;
            foreach (var e in article.Arr("events"))
                Assert.Contains(events, x => x.Str("ref") == e.Str("ref") && x["event"].Str("type") == e.Str("type"));
        }
        Assert.Equal(expected, events.Count);
        Assert.True(events.Count > 20, $"only {events.Count} events");
        // refs are "{article}#E{n}" and party keys are actor keys or codes
        Assert.All(events, e => Assert.Matches(@"^.+#E\d+$", e.Str("ref")!));
        Assert.All(events.SelectMany(e => Parties(e, "source").Concat(Parties(e, "target"))),
            p => Assert.True(p.Str("key") is null || ActorKey.TryParse(p.Str("key"), out _, out _) || ActorKey.IsCode(p.Str("key")!), p.ToJsonString()));
    }

    [Fact]
    public async Task Event_filters_keep_only_matching_events()
    {
        var all = await All("/api/events");

        var rus = await All("/api/events?actor=rus");
        Assert.NotEmpty(rus);
        Assert.All(rus, e => Assert.Contains(Parties(e, "source").Concat(Parties(e, "target")), p => Matches(p, "RUS")));
        Assert.Equal(all.Count(e => Parties(e, "source").Concat(Parties(e, "target")).Any(p => Matches(p, "RUS"))), rus.Count);

        var src = await All("/api/events?source=RUS");
        Assert.All(src, e => Assert.Contains(Parties(e, "source"), p => Matches(p, "RUS")));
        Assert.Equal(all.Count(e => Parties(e, "source").Any(p => Matches(p, "RUS"))), src.Count);
        var tgt = await All("/api/events?target=RUS");
        Assert.Equal(all.Count(e => Parties(e, "target").Any(p => Matches(p, "RUS"))), tgt.Count);

        // a dyad in either direction
        var pair = all.First(e => Parties(e, "source").Any(p => p.Str("country") is not null) && Parties(e, "target").Any(p => p.Str("country") is not null));
        var (a, b) = (Parties(pair, "source").First(p => p.Str("country") is not null).Str("country")!, Parties(pair, "target").First(p => p.Str("country") is not null).Str("country")!);
        bool Dyad(JsonNode e, string x, string y) => Parties(e, "source").Any(p => Matches(p, x)) && Parties(e, "target").Any(p => Matches(p, y));
        var dyad = await All($"/api/events?dyad={a},{b}");
        Assert.Contains(dyad, e => e.Str("ref") == pair.Str("ref"));
        Assert.Equal(all.Count(e => Dyad(e, a, b) || Dyad(e, b, a)), dyad.Count);
        Assert.Equal(dyad.Count, (await All($"/api/events?dyad={b},{a}")).Count);

        var consult = await All("/api/events?type=consult");
        Assert.NotEmpty(consult);
        Assert.All(consult, e => Assert.Equal("CONSULT", e["event"].Str("type")));
        Assert.Equal(all.Count(e => e["event"].Str("type") == "CONSULT"), consult.Count);
        var cameo = all.First(e => e["event"].Str("cameo") is not null)["event"].Str("cameo")![..2];
        var byCameo = await All($"/api/events?type={cameo}");
        Assert.Equal(all.Count(e => e["event"].Str("cameo")?.StartsWith(cameo) ?? false), byCameo.Count);

        var dated = await All("/api/events?from=2022-01&to=2022-12-31");
        Assert.NotEmpty(dated);
        Assert.All(dated, e =>
        {
            var (lo, hi) = SqliteStore.DateInterval(e["event"].Str("date"));
            Assert.True(string.CompareOrdinal(hi, "2022-01-01") >= 0 && string.CompareOrdinal(lo, "2022-12-31") <= 0, e["event"].Str("date"));
        });
        Assert.True(dated.Count < all.Count);

        var placed = all.FirstOrDefault(e => e["event"]!["location"] is JsonObject);
        if (placed is not null)
        {
            var name = placed["event"]!["location"].Str("name")!;
            var byPlace = await All("/api/events?location=" + Uri.EscapeDataString(name[..Math.Min(4, name.Length)].ToLowerInvariant()));
            Assert.Contains(byPlace, e => e.Str("ref") == placed.Str("ref"));
            Assert.All(byPlace, e => Assert.StartsWith(name[..Math.Min(4, name.Length)], e["event"]!["location"].Str("name")!, StringComparison.OrdinalIgnoreCase));
        }

        var notNegated = await All("/api/events?negated=false");
        Assert.All(notNegated, e => Assert.False(e["event"]!["negated"]!.GetValue<bool>()));
        var negated = await All("/api/events?negated=true");
        Assert.Equal(all.Count, notNegated.Count + negated.Count);
        var asserted = await All("/api/events?modality=asserted");
        Assert.All(asserted, e => Assert.Equal("asserted", e["event"].Str("modality")));
    }

    [Fact]
    public async Task Actor_key_filters_events_to_exactly_that_actor()
    {
        var all = await All("/api/events");
        var party = all.SelectMany(e => Parties(e, "source")).First(p => p.Str("key")?.Contains('_') ?? false);
        var key = party.Str("key")!;
        var byKey = await All("/api/events?actor=" + key);
        Assert.NotEmpty(byKey);
        Assert.All(byKey, e => Assert.Contains(Parties(e, "source").Concat(Parties(e, "target")), p => p.Str("key") == key));
        Assert.Equal(all.Count(e => Parties(e, "source").Concat(Parties(e, "target")).Any(p => p.Str("key") == key)), byKey.Count);
    }

    [Fact]
    public async Task Actor_search_and_profile()
    {
        var page = await server.Json("/api/actors?q=lavrov");
        var lavrov = page.Arr("items").First(i => i.Str("name") == "Sergei Lavrov")!;
        var key = lavrov.Str("key")!;
        Assert.Equal("RUSGOV_sergei-lavrov", key);
        Assert.All(page.Arr("items"), i => Assert.Contains("lavrov", i.Str("name")!.ToLowerInvariant()));

        var a = await server.Json("/api/actors/" + key);
        Assert.Equal("Sergei Lavrov", a.Str("name"));
        Assert.Equal("RUSGOV", a.Str("code"));
        Assert.Equal("RUS", a.Str("country"));
        Assert.False(a["group"]!.GetValue<bool>());
        Assert.Equal(lavrov.Int("articles"), a.Int("articles"));
        Assert.All(a.Arr("positions"), p => Assert.Equal(key, p.Str("actor_key")));
        Assert.Contains(a.Arr("roles"), r => r.Str("role")!.Contains("minister", StringComparison.OrdinalIgnoreCase));
        var quotes = a["quotes"]!;
        Assert.True(quotes.Int("count") > 0);
        Assert.All(quotes.Arr("recent"), q => Assert.Equal("Sergei Lavrov", q!["quote"]!["speaker"].Str("name")));
        Assert.All(quotes.Arr("recent"), q => Assert.Contains(q!["quote"].Str("text")!, q.Str("sentence_text")));
        var events = a["events"]!;
        Assert.True(events.Int("as_source") + events.Int("as_target") > 0);
        Assert.All(events.Arr("recent"), e => Assert.Contains(Parties(e!, "source").Concat(Parties(e!, "target")), p => p.Str("key") == key));
        Assert.Equal(events.Arr("recent").Count, (await All("/api/events?actor=" + key)).Count);
        Assert.Equal("/api/timeline?actor=" + key, a["links"].Str("timeline"));

        var kind = await server.Json("/api/actors?kind=state&code=RUS");
        Assert.NotEmpty(kind.Arr("items"));
        Assert.All(kind.Arr("items"), i => Assert.Equal("state", i.Str("kind")));
    }

    [Fact]
    public async Task A_bare_code_is_the_group_of_its_actors()
    {
        var g = await server.Json("/api/actors/rus");
        Assert.True(g["group"]!.GetValue<bool>());
        Assert.Equal("RUS", g.Str("key"));
        Assert.Equal("Russia", g.Str("name"));
        var members = g.Arr("members");
        Assert.Contains(members, m => m.Str("key") == "RUSGOV_sergei-lavrov");
        Assert.All(members, m => Assert.True((m.Str("code") ?? "").StartsWith("RUS") || m.Str("country") == "RUS", m!.ToJsonString()));
        var lavrov = await server.Json("/api/actors/RUSGOV_sergei-lavrov");
        Assert.True(g.Int("articles") >= lavrov.Int("articles"));
        Assert.True(g["quotes"].Int("count") >= lavrov["quotes"].Int("count"));
    }

    [Fact]
    public async Task Unknown_actor_is_404_and_a_malformed_key_400()
    {
        await server.Problem("/api/actors/XYZ_nobody-at-all", 404);
        await server.Problem("/api/actors/ZZZQQQ", 404);
        var bad = await server.Problem("/api/actors/RUS_Not%20A%20Slug", 400);
        Assert.Equal("key", bad.Str("parameter"));
    }

    [Fact]
    public async Task Network_edges_aggregate_the_events_between_countries()
    {
        var net = await server.Json("/api/network");
        Assert.Equal("country", net.Str("level"));
        var edges = net.Arr("edges").Select(e => e!).ToList();
        Assert.NotEmpty(edges);
        var nodes = net.Arr("nodes").Select(n => n.Str("key")!).ToHashSet();
        Assert.All(edges, e => Assert.True(string.CompareOrdinal(e.Str("a"), e.Str("b")) < 0));
        Assert.All(edges, e => Assert.True(nodes.Contains(e.Str("a")!) && nodes.Contains(e.Str("b")!)));

        // the same aggregation done here from /api/events: node = the party's country, else its code
        var all = await All("/api/events");
        var expected = new Dictionary<(string, string), (int N, int Forward, double Sum, HashSet<string> Refs)>();
        foreach (var e in all)
        {
            static string? Node(JsonNode p) => p.Str("country") ?? p.Str("code");
            var pairs = new HashSet<(string, string, bool)>();
            foreach (var s in Parties(e, "source").Select(Node).Where(x => x is not null))
                foreach (var t in Parties(e, "target").Select(Node).Where(x => x is not null))
                    if (s != t) pairs.Add((string.CompareOrdinal(s, t) < 0 ? s! : t!, string.CompareOrdinal(s, t) < 0 ? t! : s!, string.CompareOrdinal(s, t) < 0));
            foreach (var (a, b, fwd) in pairs)
            {
                var x = expected.TryGetValue((a, b), out var v) ? v : (0, 0, 0.0, []);
                x.N++;
                if (fwd) x.Forward++;
                x.Sum += e["event"]!["goldstein"]?.GetValue<double>() ?? 0;
                x.Refs.Add(e.Str("ref")!);
                expected[(a, b)] = x;
            }
        }
        Assert.Equal(expected.Count, edges.Count);
        foreach (var edge in edges)
        {
            var x = expected[(edge.Str("a")!, edge.Str("b")!)];
            Assert.Equal(x.N, edge.Int("count"));
            Assert.Equal(x.Forward, edge.Int("a_to_b"));
            Assert.Equal(x.N - x.Forward, edge.Int("b_to_a"));
            Assert.Equal(Math.Round(x.Sum, 3), edge["goldstein_sum"]!.GetValue<double>(), 3);
            Assert.Equal(edge.Int("count"), edge.Int("verbal_cooperation") + edge.Int("material_cooperation") + edge.Int("verbal_conflict") + edge.Int("material_conflict"));
            Assert.Equal(edge.Int("cooperation") + edge.Int("conflict"), edge.Int("count"));
            Assert.InRange(edge.Arr("top_events").Count, 1, 3);
            Assert.All(edge.Arr("top_events"), r => Assert.Contains(r!.GetValue<string>(), x.Refs));
        }
        // busiest first
        Assert.Equal(edges.Select(e => e.Int("count")).OrderByDescending(n => n), edges.Select(e => e.Int("count")));
    }

    [Fact]
    public async Task Network_filters_and_levels()
    {
        var all = await server.Json("/api/network");
        var min2 = await server.Json("/api/network?min=2");
        Assert.All(min2.Arr("edges"), e => Assert.True(e.Int("count") >= 2));
        Assert.True(min2.Arr("edges").Count < all.Arr("edges").Count);
        var window = await server.Json("/api/network?from=2022&to=2022");
        Assert.True(window.Int("events") < all.Int("events"));
        var conflict = await server.Json("/api/network?type=ASSAULT");
        Assert.All(conflict.Arr("edges"), e => Assert.Equal(e.Int("count"), e.Int("material_conflict")));

        var actors = await server.Json("/api/network?level=actor");
        Assert.Equal("actor", actors.Str("level"));
        Assert.All(actors.Arr("nodes"), n => Assert.True(ActorKey.TryParse(n.Str("key"), out _, out _) || ActorKey.IsCode(n.Str("key")!), n!.ToJsonString()));
        Assert.Contains(actors.Arr("nodes"), n => n.Str("key") == "RUSGOV_sergei-lavrov" && n.Str("label") == "Sergei Lavrov");
        Assert.True(actors.Arr("nodes").Count > all.Arr("nodes").Count);
        var one = await server.Json("/api/network?limit=1");
        Assert.Single(one.Arr("edges"));
        Assert.Equal(2, one.Arr("nodes").Count);
    }

    [Fact]
    public async Task Timeline_is_in_date_order_with_the_evidence_sentence()
    {
        var entries = await All("/api/timeline");
        Assert.NotEmpty(entries);
        var starts = entries.Select(e => SqliteStore.DateInterval(e.Str("date")).Lo).ToList();
        Assert.All(starts, s => Assert.NotNull(s));
        Assert.Equal(starts.Order(StringComparer.Ordinal), starts);
        // merged: every dated, asserted (not negated) event is a source of exactly one entry
        var refs = entries.SelectMany(e => e.Arr("sources")).Select(s => s.Str("ref")!).ToList();
        Assert.Equal(refs.Count, refs.Distinct().Count());
        var events = await All("/api/events?negated=false");
        var byRef = events.ToDictionary(e => e.Str("ref")!);
        Assert.All(refs, r => Assert.True(byRef.ContainsKey(r), $"{r} is not a stored event"));
        Assert.Superset(events.Where(e => SqliteStore.DateInterval(e["event"].Str("date")).Lo is not null).Select(e => e.Str("ref")!).ToHashSet(), refs.ToHashSet());
        Assert.True(entries.Count < refs.Count, "some event is reported by several articles");
        var texts = new Dictionary<string, JsonNode>();
        foreach (var e in entries.Take(40))
        {
            var src = e.Arr("sources")[0]!;
            Assert.Equal(e.Str("type"), byRef[src.Str("ref")!]["event"].Str("type"));
            if (!texts.TryGetValue(src.Str("article_id")!, out var article))
                texts[src.Str("article_id")!] = article = await server.Json("/api/articles/" + Uri.EscapeDataString(src.Str("article_id")!));
            if (src.Int("sentence") < 0) continue;
            var s = article.Arr("sentences")[src.Int("sentence")]!;
            Assert.Equal(article.Str("text")![s.Int("start")..s.Int("end")], src.Str("sentence_text"));
            Assert.InRange(src.Int("start"), s.Int("start"), s.Int("end"));
        }
        // stable ids: the same query gives the same entries
        Assert.Equal(entries.Select(e => e.Str("id")), (await All("/api/timeline")).Select(e => e.Str("id")));
    }

    [Fact]
    public async Task Timeline_filters()
    {
        var all = await All("/api/timeline");
        var rus = await All("/api/timeline?actor=RUS");
        Assert.NotEmpty(rus);
        Assert.All(rus, e => Assert.Contains(Parties(e, "source").Concat(Parties(e, "target")), p => Matches(p, "RUS")));
        var withUsa = await All("/api/timeline?actor=RUS&with=USA");
        Assert.NotEmpty(withUsa);
        Assert.All(withUsa, e =>
            Assert.True(Parties(e, "source").Concat(Parties(e, "target")).Any(p => Matches(p, "RUS"))
                     && Parties(e, "source").Concat(Parties(e, "target")).Any(p => Matches(p, "USA"))));
        Assert.True(withUsa.Count < rus.Count);
        var consult = await All("/api/timeline?type=CONSULT");
        Assert.All(consult, e => Assert.Equal("CONSULT", e.Str("type")));
        Assert.Equal(all.Count(e => e.Str("type") == "CONSULT"), consult.Count);
        var window = await All("/api/timeline?from=2021-06&to=2022-06");
        Assert.All(window, e => Assert.True(string.CompareOrdinal(SqliteStore.DateInterval(e.Str("date")).Hi, "2021-06-01") >= 0
                                             && string.CompareOrdinal(SqliteStore.DateInterval(e.Str("date")).Lo, "2022-06-30") <= 0));
        Assert.InRange(window.Count, 1, all.Count - 1);
    }

    [Fact]
    public async Task Timeline_issue_filter_uses_the_positions_stage_tags()
    {
        var vocab = await server.Json("/api/vocab");
        var issues = vocab.Arr("issues").Select(i => i.Str("id")!).ToList();
        Assert.Contains("ceasefire", issues);
        // the records' events carry the tags (the article endpoint serves the record)
        var tagged = new List<JsonNode>();
        foreach (var a in (await server.Json("/api/articles?limit=200")).Arr("items"))
            tagged.AddRange((await server.Json("/api/articles/" + Uri.EscapeDataString(a.Str("id")!))).Arr("events")
                .Where(e => e!["issues"] is JsonArray { Count: > 0 }).Select(e => e!));
        Assert.NotEmpty(tagged);
        var issue = tagged[0].Arr("issues")[0]!.GetValue<string>();
        var expected = tagged.Where(e => e.Arr("issues").Any(i => i!.GetValue<string>() == issue)
                                         && SqliteStore.DateInterval(e.Str("date")).Lo is not null && !e["negated"]!.GetValue<bool>())
            .Select(e => e.Str("ref")!).ToHashSet();
        Assert.NotEmpty(expected);
        // the merged entries that have a tagged mention: each entry has one, and every tagged event is in one
        var entries = await All("/api/timeline?issue=" + issue);
        Assert.All(entries, e => Assert.Contains(e.Arr("sources"), src => expected.Contains(src.Str("ref")!)));
        Assert.All(entries, e => Assert.Contains(issue, e.Arr("issues").Select(i => i!.GetValue<string>())));
        Assert.Subset(entries.SelectMany(e => e.Arr("sources")).Select(src => src.Str("ref")!).ToHashSet(), expected);
        Assert.True(entries.Count < (await All("/api/timeline")).Count);
    }

    [Theory]
    [InlineData("/api/events?type=PARTY", "type")]
    [InlineData("/api/events?type=12345", "type")]
    [InlineData("/api/events?actor=RUS%3BDROP", "actor")]
    [InlineData("/api/events?source=a%20b", "source")]
    [InlineData("/api/events?target=%25", "target")]
    [InlineData("/api/events?dyad=RUS", "dyad")]
    [InlineData("/api/events?dyad=RUS,USA,CHN", "dyad")]
    [InlineData("/api/events?negated=maybe", "negated")]
    [InlineData("/api/events?modality=certain", "modality")]
    [InlineData("/api/events?from=2020-13", "from")]
    [InlineData("/api/events?from=2022&to=2021", "to")]
    [InlineData("/api/events?limit=0", "limit")]
    [InlineData("/api/events?offset=x", "offset")]
    [InlineData("/api/actors?code=R-U", "code")]
    [InlineData("/api/actors?kind=%3Cb%3E", "kind")]
    [InlineData("/api/actors?q=%21%21", "q")]
    [InlineData("/api/actors?limit=5000", "limit")]
    [InlineData("/api/actors/RUSGOV_sergei-lavrov?events=900", "events")]
    [InlineData("/api/network?level=planet", "level")]
    [InlineData("/api/network?min=0", "min")]
    [InlineData("/api/network?type=XYZ", "type")]
    [InlineData("/api/network?to=2020-02-30", "to")]
    [InlineData("/api/network?limit=5000", "limit")]
    [InlineData("/api/timeline?issue=world-peace", "issue")]
    [InlineData("/api/timeline?actor=%21", "actor")]
    [InlineData("/api/timeline?with=a%20b", "with")]
    [InlineData("/api/timeline?type=meet", "type")]
    [InlineData("/api/timeline?limit=0", "limit")]
    [InlineData("/api/timeline?from=yesterday", "from")]
    [InlineData("/api/timeline?explain=perhaps", "explain")]
    [InlineData("/api/timeline/abc", "id")]
    [InlineData("/api/positions?issue=world-peace", "issue")]
    [InlineData("/api/positions?actor=%3Cscript%3E", "actor")]
    [InlineData("/api/positions/history", "actor")]
    [InlineData("/api/positions/history?actor=TUR&issue=weather", "issue")]
    [InlineData("/api/processes/%3Cb%3E", "name")]
    public async Task Bad_parameters_are_400_problems_naming_the_parameter(string path, string parameter)
    {
        var problem = await server.Problem(path, 400);
        Assert.Equal(parameter, problem.Str("parameter"));
        Assert.Contains(parameter, problem.Str("detail"));
    }

    [Fact]
    public async Task OpenApi_describes_the_new_endpoints()
    {
        var doc = await server.Json("/openapi/v1.json");
        var paths = doc["paths"]!.AsObject();
        foreach (var p in new[] { "/api/events", "/api/actors", "/api/actors/{key}", "/api/network", "/api/timeline", "/api/timeline/{id}", "/api/vocab",
                                  "/api/positions", "/api/positions/history", "/api/processes", "/api/processes/{name}" })
            Assert.True(paths.ContainsKey(p), $"OpenAPI lacks {p}");
        Assert.Contains("/api/positions", paths["/api/actors/{key}"]!["get"].Str("description"));
        var timeline = paths["/api/timeline"]!["get"]!.Arr("parameters").Select(p => p.Str("name")).ToList();
        Assert.Equal(["actor", "with", "type", "issue", "from", "to", "explain", "limit", "offset"], timeline);
        Assert.Equal(["issue", "actor"], paths["/api/positions"]!["get"]!.Arr("parameters").Select(p => p.Str("name")));
        Assert.True(paths["/api/processes/{name}"]!["get"]!["responses"]!.AsObject().ContainsKey("404"));
        Assert.True(paths["/api/timeline/{id}"]!["get"]!["responses"]!.AsObject().ContainsKey("404"));
    }
}
