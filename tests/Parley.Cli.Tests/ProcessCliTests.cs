using System.Text.Json;
using System.Text.RegularExpressions;
using Parley.Core;
using Parley.Store;
using Parley.TestSupport;

namespace Parley.Cli.Tests;

/// <summary>parley timeline / event / positions / process / report: the merged, cross-article layer.</summary>
public class ProcessCliTests
{
    // Two outlets' reports of one meeting, written for this test.
    const string OutletA = """
        Erdogan and Pezeshkian hold talks in Ankara

        Turkish President Recep Tayyip Erdogan met Iranian President Masoud Pezeshkian in Ankara on January 8, 2025, to discuss trade and the situation in Syria.

        The two leaders agreed to expand cooperation on border security, officials said after the meeting.
        """;
    const string OutletB = """
        Iran's president visits Turkey for Syria discussions

        Iranian President Masoud Pezeshkian held talks with his Turkish counterpart Recep Tayyip Erdogan in Ankara on Wednesday, January 8, 2025.

        According to the Iranian presidency, the meeting focused on regional stability and bilateral trade.
        """;

    static List<JsonElement> Lines(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    static ParleyProcess.Result Parley(TempDir dir, params string[] args) => ParleyProcess.Run(dir.Path, null, args);

    static string TwoOutlets(TempDir dir)
    {
        var a = dir.File("in/outlet-a.txt", OutletA);
        var b = dir.File("in/outlet-b.txt", OutletB);
        var pub = dir.File("pub.tsv", "outlet-a.txt\t2025-01-09\noutlet-b.txt\t2025-01-08\n");
        var db = Path.Combine(dir.Path, "two.db");
        var run = Parley(dir, "ingest", a, b, "--db", db, "--published-from", pub, "--threads", "1");
        Assert.True(run.ExitCode == 0, run.Stderr);
        return db;
    }

    [Fact]
    public void Two_outlets_reporting_one_meeting_give_one_event_with_two_sources()
    {
        using var dir = new TempDir();
        var db = TwoOutlets(dir);
        var run = Parley(dir, "timeline", "--db", db, "--type", "CONSULT", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var e = Assert.Single(Lines(run.Stdout));
        Assert.Equal("2025-01-08", e.GetProperty("date").GetString());
        Assert.Equal("Ankara", e.GetProperty("place").GetString());
        Assert.Equal(2, e.GetProperty("sources").GetInt32());
        var mentions = e.GetProperty("mentions").EnumerateArray().ToList();
        Assert.Equal(["outlet-a", "outlet-b"], mentions.Select(m => m.GetProperty("evidence").GetProperty("article_id").GetString()).Order());
        var merged = mentions.Single(m => m.GetProperty("reason").GetProperty("rule").GetString() == "merged").GetProperty("reason");
        Assert.Equal("same-day", merged.GetProperty("date_relation").GetString());
        Assert.Equal(["IRN", "TUR"], merged.GetProperty("shared_actors").EnumerateArray().Select(x => x.GetString()));
        Assert.All(mentions, m => Assert.Contains("Ankara", m.GetProperty("evidence").GetProperty("text").GetString()));

        // explained in the human view and by `parley event ID --why`
        var explain = Parley(dir, "timeline", "--db", db, "--type", "CONSULT", "--explain");
        Assert.Contains("[2 sources]", explain.Stdout);
        Assert.Contains("same-day", explain.Stdout);
        var id = e.GetProperty("cluster").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var why = Parley(dir, "event", "#" + id, "--db", db, "--why");
        Assert.True(why.ExitCode == 0, why.Stderr);
        Assert.Contains("merged with outlet-", why.Stdout);
        Assert.Contains("shared actors IRN TUR", why.Stdout);
    }

    [Fact]
    public void Timeline_filters_by_actor_partner_and_date()
    {
        using var dir = new TempDir();
        var db = TwoOutlets(dir);
        Assert.Equal(2, Lines(Parley(dir, "timeline", "--db", db, "--actor", "Pezeshkian", "--json").Stdout).Count);
        Assert.Single(Lines(Parley(dir, "timeline", "--db", db, "--actor", "IRN", "--with", "TUR", "--to", "2025-01-08", "--json").Stdout));
        var none = Parley(dir, "timeline", "--db", db, "--actor", "IRN", "--with", "FRA");
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("no matching events", none.Stderr);
    }

    [Theory]
    [InlineData("timeline --type FOO", "PLOVER type")]
    [InlineData("timeline --from yesterdayish", "--from")]
    [InlineData("timeline --issue nonsense", "is not one of")]
    [InlineData("timeline --limit 0", "--limit")]
    [InlineData("event abc", "not an event id")]
    [InlineData("positions --issue nonsense", "is not one of")]
    [InlineData("process nowhere-format", "unknown process")]
    [InlineData("report --format md", "exactly one of")]
    [InlineData("report --actor RUS --issue sanctions", "exactly one of")]
    [InlineData("report --process astana --format pdf", "not md or html")]
    public void Bad_arguments_are_usage_errors(string args, string message)
    {
        using var dir = new TempDir();
        var db = TwoOutlets(dir);
        var run = Parley(dir, [.. args.Split(' '), "--db", db]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr);
    }

    [Theory]
    [InlineData("timeline")]
    [InlineData("positions")]
    [InlineData("process astana")]
    [InlineData("report --process astana")]
    public void A_missing_database_is_a_clear_error(string args)
    {
        using var dir = new TempDir();
        var run = Parley(dir, [.. args.Split(' '), "--db", Path.Combine(dir.Path, "none.db")]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no database", run.Stderr);
        Assert.False(File.Exists(Path.Combine(dir.Path, "none.db")));
    }

    [Fact]
    public void Unknown_event_id_is_not_found()
    {
        using var dir = new TempDir();
        var db = TwoOutlets(dir);
        var run = Parley(dir, "event", "99999", "--db", db);
        Assert.Equal(1, run.ExitCode);
    }

    /// <summary>A store whose texts carry markup and Markdown characters, to check the report escapes them.</summary>
    static string HostileStore(TempDir dir)
    {
        var text = "Ankara <script>alert(1)</script> | insists on the withdrawal of *foreign* forces [now].";
        var r = new ArticleRecord
        {
            Id = "hostile", Source = "in/hostile.txt", Title = "Title with <b>tags</b> & | pipes", Outlet = "O&O", Published = "2024-02-02",
            Text = text, Url = "javascript:alert(2)",
        };
        r.Sentences.Add(new TextSpan(0, text.Length));
        r.Positions = [new PositionRecord
        {
            Actor = new ActorRef { Actor = "A1", Name = "Turkey", Code = "TUR", Country = "TUR" }, Issue = "troop-withdrawal", Stance = "supports",
            Cue = "insists <on>", Date = "2024-02-01", DateSource = "text", Sentence = 0, Start = 0, End = 6, Confidence = 0.8,
        }];
        var db = Path.Combine(dir.Path, "hostile.db");
        using var store = SqliteStore.Open(db);
        Assert.Equal(AddResult.Inserted, store.Add(r));
        return db;
    }

    [Fact]
    public void Html_report_is_escaped_self_contained_and_script_free()
    {
        using var dir = new TempDir();
        var db = HostileStore(dir);
        var out_ = Path.Combine(dir.Path, "brief.html");
        var run = Parley(dir, "report", "--db", db, "--actor", "TUR", "--format", "html", "--out", out_);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var html = File.ReadAllText(out_);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("O&amp;O", html);
        Assert.DoesNotContain("src=", html); // nothing loaded from elsewhere
        AssertNotesResolve(html, @"href=""#fn-(\d+)""", @"id=""fn-(\d+)""");
    }

    [Fact]
    public void Markdown_report_escapes_table_and_markup_characters()
    {
        using var dir = new TempDir();
        var db = HostileStore(dir);
        var run = Parley(dir, "report", "--db", db, "--actor", "TUR", "--format", "md");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains(@"\<script\>", run.Stdout);
        Assert.Contains(@"\| insists", run.Stdout);
        Assert.Contains(@"\*foreign\*", run.Stdout);
        Assert.DoesNotContain("<script>", run.Stdout);
        foreach (var row in run.Stdout.Split('\n').Where(l => l.StartsWith("| ") && !l.StartsWith("| actor")))
            Assert.Equal(6, Regex.Matches(row, @"(?<!\\)\|").Count); // 5 columns: no cell breaks the table
        AssertNotesResolve(run.Stdout, @"\[\^(\d+)\](?!:)", @"^\[\^(\d+)\]:");
    }

    static void AssertNotesResolve(string doc, string reference, string definition)
    {
        var refs = Regex.Matches(doc, reference).Select(m => m.Groups[1].Value).ToHashSet();
        var defs = Regex.Matches(doc, definition, RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.NotEmpty(refs);
        Assert.Subset(defs, refs);
        Assert.Equal(defs.Count, refs.Count); // every source is cited
    }

    // ---- seeds acceptance (issue 6) --------------------------------------------------------

    static string SeedsStore(TempDir dir)
    {
        var gold = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("gold/seeds.gold.json"))).RootElement;
        var map = string.Concat(gold.GetProperty("documents").EnumerateArray()
            .Where(d => d.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String)
            .Select(d => $"{d.GetProperty("doc").GetString()}\t{d.GetProperty("published").GetString()}\n"));
        var pub = dir.File("published.tsv", map);
        var db = Path.Combine(dir.Path, "seeds.db");
        var run = Parley(dir, "ingest", SharedData.PathOf("seeds"), "--db", db, "--published-from", pub);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return db;
    }

    [SharedFact]
    public void Seeds_give_the_Astana_process_positions_and_Putin_Erdogan_timeline()
    {
        using var dir = new TempDir();
        var db = SeedsStore(dir);

        var process = Parley(dir, "process", "astana", "--db", db, "--json");
        Assert.True(process.ExitCode == 0, process.Stderr);
        var p = JsonDocument.Parse(process.Stdout).RootElement;
        Assert.Equal("ASTANA", p.GetProperty("format").GetString());
        var members = p.GetProperty("members").EnumerateArray().ToList();
        List<JsonElement> Attested(string role) => members.Where(m => m.GetProperty("role").GetString() == role && m.GetProperty("basis").GetString() != "kb").ToList();
        Assert.Equal(["IRN", "RUS", "TUR"], Attested("guarantor").Select(m => m.GetProperty("member").GetString()).Order());
        Assert.Superset(new HashSet<string?> { "IGOUNO", "JOR", "LBN", "IRQ" }, Attested("observer").Select(m => m.GetProperty("member").GetString()).ToHashSet());
        Assert.All(Attested("guarantor").Concat(Attested("observer")), m =>
        {
            var ev = m.GetProperty("evidence")[0];
            Assert.False(string.IsNullOrEmpty(ev.GetProperty("article_id").GetString()));
            Assert.Matches("guarantor|observer", ev.GetProperty("text").GetString());
            Assert.NotNull(m.GetProperty("first").GetString());
        });
        var twentieth = p.GetProperty("rounds").EnumerateArray().Single(r => r.GetProperty("number").GetInt32() == 20);
        Assert.StartsWith("2023-06", twentieth.GetProperty("date").GetString());
        Assert.Equal(2, twentieth.GetProperty("evidence").GetArrayLength());
        var end = p.GetProperty("facts").EnumerateArray().Single(f => f.GetProperty("kind").GetString() == "end-proposed");
        Assert.Equal(("KAZ", "2023-06"), (end.GetProperty("country").GetString(), end.GetProperty("date").GetString()));
        Assert.Contains(p.GetProperty("outcomes").EnumerateArray(), o => o.GetProperty("kind").GetString() == "REQUEST" && o.GetProperty("date").GetString() == "2023-06");

        // positions: Syria demands Turkish withdrawal (as a prerequisite); Turkey rejects it without border security
        var history = JsonDocument.Parse(Parley(dir, "positions", "--db", db, "--issue", "troop-withdrawal", "--history", "--json").Stdout).RootElement.EnumerateArray().ToList();
        Assert.Contains(history, x => x.GetProperty("holder").GetString() == "SYR" && x.GetProperty("stance").GetString() == "supports"
            && x.GetProperty("cue").GetString() == "prerequisite" && x.GetProperty("evidence").GetProperty("text").GetString()!.Contains("absolute prerequisite"));
        var matrix = JsonDocument.Parse(Parley(dir, "positions", "--db", db, "--issue", "troop-withdrawal", "--json").Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal("supports", matrix.Single(x => x.GetProperty("holder").GetString() == "SYR").GetProperty("stance").GetString());
        var turkey = matrix.Single(x => x.GetProperty("holder").GetString() == "TUR");
        Assert.Equal(("conditions", "border-security"), (turkey.GetProperty("stance").GetString(), turkey.GetProperty("condition_issue").GetString()));
        Assert.Contains("inconceivable", turkey.GetProperty("evidence").GetProperty("text").GetString());
        var syriaNormalisation = JsonDocument.Parse(Parley(dir, "positions", "--db", db, "--actor", "SYR", "--issue", "normalisation", "--json").Stdout).RootElement[0];
        Assert.Equal(("conditions", "troop-withdrawal"), (syriaNormalisation.GetProperty("stance").GetString(), syriaNormalisation.GetProperty("condition_issue").GetString()));

        // the Putin–Erdogan meetings and the phone call: distinct events on one timeline, in date order
        var timeline = Lines(Parley(dir, "timeline", "--db", db, "--actor", "Putin", "--with", "TUR", "--type", "CONSULT", "--json").Stdout);
        var keys = timeline.Select(e => (e.GetProperty("date").GetString(), e.TryGetProperty("place", out var pl) ? pl.GetString() : null,
            e.TryGetProperty("mode", out var m) ? m.GetString() : null)).ToList();
        Assert.Contains(("2019-01-23", "Moscow", null), keys);
        Assert.Contains(keys, k => k.Item1 == "2023-09-04" && k.Item2 == "Sochi");
        Assert.Contains(keys, k => k.Item1 == "2024-12-03" && k.Item3 == "phone");
        Assert.Equal(keys.Select(k => k.Item1).Order(StringComparer.Ordinal), keys.Select(k => k.Item1));
        Assert.Equal(keys.Count, timeline.Select(e => e.GetProperty("cluster").GetInt64()).Distinct().Count());

        // the brief
        var md = Parley(dir, "report", "--db", db, "--process", "astana", "--format", "md");
        Assert.True(md.ExitCode == 0, md.Stderr);
        foreach (var section in new[] { "# Astana format", "## Members and roles", "## Rounds", "## Decisions and outcomes", "## Positions of members", "## Timeline", "## Sources" })
            Assert.Contains(section, md.Stdout);
        Assert.Contains("| 20th | 2023-06", md.Stdout);
        Assert.Contains("end-proposed", md.Stdout);
        AssertNotesResolve(md.Stdout, @"\[\^(\d+)\](?!:)", @"^\[\^(\d+)\]:");
        var html = Parley(dir, "report", "--db", db, "--process", "astana", "--format", "html");
        Assert.DoesNotContain("<script", html.Stdout, StringComparison.OrdinalIgnoreCase);
        AssertNotesResolve(html.Stdout, @"href=""#fn-(\d+)""", @"id=""fn-(\d+)""");
    }
}
