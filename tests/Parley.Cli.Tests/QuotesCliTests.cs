using System.Text.Json;
using Parley.Cli.Commands;
using Parley.Core;
using Parley.Store;

namespace Parley.Cli.Tests;

/// <summary>
/// parley quotes. The first group reads a store the test fills by hand; the last group ingests
/// articles and so depends on the quotes stage finding their quotes.
/// </summary>
public class QuotesCliTests
{
    static List<JsonElement> Lines(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    static string? Str(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    // ---- a store filled by hand -------------------------------------------------------------

    static ArticleRecord Doc(string id, string? published, string outlet, params string[] sentences)
    {
        var text = string.Join(" ", sentences);
        var r = new ArticleRecord
        {
            Id = id, Source = $"in/{id}.txt", Title = $"Title of {id}", Outlet = outlet, Published = published, Text = text,
            Url = $"https://example.org/{id}",
        };
        var start = 0;
        foreach (var s in sentences)
        {
            r.Sentences.Add(new TextSpan(start, start + s.Length));
            start += s.Length + 1;
        }
        return r;
    }

    static void Quote(ArticleRecord r, string kind, string text, string? name, string speakerText, string? code, string? country, string cue = "said")
    {
        var start = r.Text.IndexOf(text, StringComparison.Ordinal);
        var sp = r.Text.IndexOf(speakerText, StringComparison.Ordinal);
        r.Quotes.Add(new QuoteRecord
        {
            Id = $"Q{r.Quotes.Count + 1}", Kind = kind, Text = text, Start = start, End = start + text.Length,
            Sentence = r.Sentences.FindIndex(s => s.Start <= start && start < s.End), Cue = cue, Confidence = 0.85,
            Speaker = new SpeakerRecord { Actor = name is null ? null : "A1", Name = name, Code = code, Country = country, Text = speakerText, Start = sp, End = sp + speakerText.Length },
        });
    }

    static string FilledStore(TempDir dir)
    {
        var db = Path.Combine(dir.Path, "quotes.db");
        var moscow = Doc("moscow", "2023-09-05", "Northern Wire",
            "“We will not accept this,” Foreign Minister Sergei Lavrov said on Tuesday.",
            "President Vladimir Putin said that the grain deal could be revived only if sanctions were eased.",
            "Officials said the talks would continue.");
        Quote(moscow, "direct", "We will not accept this", "Sergei Lavrov", "Foreign Minister Sergei Lavrov", "RUSGOV", "RUS");
        Quote(moscow, "indirect", "the grain deal could be revived only if sanctions were eased", "Vladimir Putin", "President Vladimir Putin", "RUSGOV", "RUS");
        Quote(moscow, "indirect", "the talks would continue", null, "Officials", null, null);
        var ankara = Doc("ankara", "2023-08-20", "Southern Herald",
            "“Grain must reach the hungry,” President Recep Tayyip Erdoğan told reporters.");
        Quote(ankara, "direct", "Grain must reach the hungry", "Recep Tayyip Erdoğan", "President Recep Tayyip Erdoğan", "TURGOV", "TUR", cue: "told");
        using var store = SqliteStore.Open(db);
        Assert.Equal(AddResult.Inserted, store.Add(moscow));
        Assert.Equal(AddResult.Inserted, store.Add(ankara));
        return db;
    }

    [Fact]
    public void Json_lines_carry_every_field_of_the_quote_and_its_article()
    {
        using var dir = new TempDir();
        var db = FilledStore(dir);
        var run = ParleyProcess.Run(dir.Path, null, "quotes", "--db", db, "--speaker", "LAVROV", "--json");
        Assert.Equal(0, run.ExitCode);
        var q = Assert.Single(Lines(run.Stdout));
        Assert.Equal("moscow", Str(q, "article_id"));
        Assert.Equal("Title of moscow", Str(q, "title"));
        Assert.Equal("Northern Wire", Str(q, "outlet"));
        Assert.Equal("2023-09-05", Str(q, "published"));
        Assert.Equal("https://example.org/moscow", Str(q, "url"));
        Assert.Equal("Q1", Str(q, "id"));
        Assert.Equal("direct", Str(q, "kind"));
        Assert.Equal("We will not accept this", Str(q, "text"));
        Assert.Equal((1, 24), (q.GetProperty("start").GetInt32(), q.GetProperty("end").GetInt32()));
        Assert.Equal(0, q.GetProperty("sentence").GetInt32());
        Assert.Equal("“We will not accept this,” Foreign Minister Sergei Lavrov said on Tuesday.", Str(q, "sentence_text"));
        Assert.Equal("said", Str(q, "cue"));
        Assert.Equal(0.85, q.GetProperty("confidence").GetDouble());
        Assert.Equal(64, Str(q, "content_hash")!.Length);
        var sp = q.GetProperty("speaker");
        Assert.Equal(("A1", "Sergei Lavrov", "RUSGOV", "RUS", "Foreign Minister Sergei Lavrov"),
            (Str(sp, "actor"), Str(sp, "name"), Str(sp, "code"), Str(sp, "country"), Str(sp, "text")));
        Assert.Equal(27, sp.GetProperty("start").GetInt32());
    }

    [Fact]
    public void Piped_output_is_json_lines_newest_first()
    {
        using var dir = new TempDir();
        var db = FilledStore(dir);
        var run = ParleyProcess.Run(dir.Path, null, "quotes", "--db", db); // stdout is a pipe here
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["moscow/Q1", "moscow/Q2", "moscow/Q3", "ankara/Q1"],
            Lines(run.Stdout).Select(q => $"{Str(q, "article_id")}/{Str(q, "id")}"));
    }

    [Theory]
    [InlineData("--actor RUS", "moscow/Q1 moscow/Q2")]
    [InlineData("--actor tur", "ankara/Q1")]
    [InlineData("--speaker erdogan", "ankara/Q1")]
    [InlineData("--speaker officials --kind INDIRECT", "moscow/Q3")]
    [InlineData("--about grain", "moscow/Q2 ankara/Q1")]
    [InlineData("--about grain --from 2023-09", "moscow/Q2")]
    [InlineData("--about grain --to 2023-08", "ankara/Q1")]
    [InlineData("--from 2023-09-05 --to 2023", "moscow/Q1 moscow/Q2 moscow/Q3")]
    [InlineData("--from September_5,_2023", "moscow/Q1 moscow/Q2 moscow/Q3")]  // other date forms are normalised
    [InlineData("--kind direct --limit 1", "moscow/Q1")]
    [InlineData("--kind direct --limit 1 --offset 1", "ankara/Q1")]
    [InlineData("--about \"sanctions:*\" --actor RUSGOV --kind indirect", "moscow/Q2")]
    public void Filters_reach_the_store(string args, string expected)
    {
        using var dir = new TempDir();
        var db = FilledStore(dir);
        string[] argv = ["quotes", "--db", db, "--json", .. args.Split(' ').Select(a => a.Replace('_', ' ').Trim('"'))];
        var run = ParleyProcess.Run(dir.Path, null, argv);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, string.Join(" ", Lines(run.Stdout).Select(q => $"{Str(q, "article_id")}/{Str(q, "id")}")));
    }

    [Theory]
    [InlineData("we \"will\" -not: accept* OR")]
    [InlineData("NEAR(accept this")]
    [InlineData("speaker_name:lavrov")]
    public void About_text_with_query_syntax_never_breaks_the_query(string about)
    {
        using var dir = new TempDir();
        var db = FilledStore(dir);
        var run = ParleyProcess.Run(dir.Path, null, "quotes", "--db", db, "--about", about, "--json");
        Assert.True(run.ExitCode is 0 or 1, run.Stderr);
        Assert.DoesNotContain("parley:", run.Stderr);
    }

    [Fact]
    public void Nothing_matched_exits_1_with_no_output()
    {
        using var dir = new TempDir();
        var db = FilledStore(dir);
        var run = ParleyProcess.Run(dir.Path, null, "quotes", "--db", db, "--speaker", "nobody at all");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("no matching quotes", run.Stderr);
    }

    [Theory]
    [InlineData("--from", "yesterday", "--from: not a date")]
    [InlineData("--to", "2023-13", "--to: not a date")]
    [InlineData("--kind", "rumour", "--kind")]
    [InlineData("--about", "\" - *", "--about: no words")]
    [InlineData("--limit", "0", "--limit")]
    public void Usage_errors_exit_2_with_one_clear_line(string option, string value, string message)
    {
        using var dir = new TempDir();
        var db = FilledStore(dir);
        var run = ParleyProcess.Run(dir.Path, null, "quotes", "--db", db, option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void A_missing_database_is_reported_like_stats_does()
    {
        using var dir = new TempDir();
        var run = ParleyProcess.Run(dir.Path, null, "quotes", "--db", Path.Combine(dir.Path, "none.db"), "--speaker", "x");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no database at", run.Stderr);
        Assert.Contains("parley ingest", run.Stderr);
        Assert.False(File.Exists(Path.Combine(dir.Path, "none.db")));
    }

    [Fact]
    public void Stats_count_quotes()
    {
        using var dir = new TempDir();
        var db = FilledStore(dir);
        var stats = JsonDocument.Parse(ParleyProcess.Run(dir.Path, null, "stats", "--db", db, "--json").Stdout).RootElement;
        Assert.Equal(4, stats.GetProperty("quotes").GetInt32());
        Assert.Equal(3, stats.GetProperty("quotes_with_speaker").GetInt32());
    }

    // ---- the terminal format (in process) ------------------------------------------------------

    static StoredQuote Stored(string? published, SpeakerRecord? speaker, string text, string? cue = "stated", string? outlet = "Northern Wire") => new()
    {
        ArticleId = "moscow", ContentHash = "h", Outlet = outlet, Published = published,
        Quote = new QuoteRecord { Id = "Q1", Kind = "direct", Text = text, Cue = cue, Speaker = speaker },
    };

    [Fact]
    public void A_terminal_block_is_date_speaker_code_kind_cue_then_wrapped_text_then_article()
    {
        var q = Stored("2023-09-05T10:00:00Z", new SpeakerRecord { Name = "Vladimir Putin", Code = "RUSGOV", Country = "RUS" },
            "the grain deal could be revived only if the restrictions on Russian banks and insurers were lifted");
        Assert.Equal("""
            2023-09-05  Vladimir Putin (RUSGOV) — direct, "stated"
                the grain deal could be revived only if
                the restrictions on Russian banks and
                insurers were lifted
              [moscow · Northern Wire]

            """.ReplaceLineEndings("\n"), QuotesCommand.FormatHuman(q, 44));
    }

    [Fact]
    public void Unresolved_and_missing_speakers_undated_articles_and_no_cue_still_format()
    {
        Assert.Equal("undated  Officials (unresolved) — direct\n    talks go on\n  [moscow]\n",
            QuotesCommand.FormatHuman(Stored(null, new SpeakerRecord { Text = "Officials" }, "talks go on", cue: null, outlet: null), 80));
        Assert.StartsWith("2020-01-01  unknown speaker — direct, \"stated\"\n",
            QuotesCommand.FormatHuman(Stored("2020-01-01", null, "x"), 80));
        Assert.StartsWith("2020-01-01  Peskov (RUS) — direct",
            QuotesCommand.FormatHuman(Stored("2020-01-01", new SpeakerRecord { Name = "Peskov", Country = "RUS" }, "x"), 80));
    }

    [Theory]
    [InlineData("2023", "2023")]
    [InlineData("2023-09", "2023-09")]
    [InlineData(" 2023-09-05 ", "2023-09-05")]
    [InlineData("5 September 2023", "2023-09-05")]
    [InlineData("2023-09-05T23:30:00", "2023-09-05")]
    [InlineData("", null)]
    public void Date_bounds_accept_partial_iso_and_the_usual_date_forms(string raw, string? expected) =>
        Assert.Equal(expected, QuotesCommand.DateBound(raw, "--from"));

    // ---- ingest → quotes (needs the quotes stage) -----------------------------------------------

    const string MoscowArticle = """
        Moscow Rejects Proposal To Restart Grain Shipments

        MOSCOW — Russia on Tuesday turned down a proposal to restart grain shipments across the Black Sea.

        “We will not accept this,” Foreign Minister Sergei Lavrov said at a news conference in Moscow.

        President Vladimir Putin said that the grain deal could return only if Western restrictions on Russian banks were lifted.

        Diplomats expect another round of talks next month.
        """;

    const string AnkaraArticle = """
        Turkey Offers To Host Another Round Of Talks

        ANKARA — Turkish President Recep Tayyip Erdogan said on Sunday that Ankara was ready to host another round of negotiations.

        “Grain must reach the hungry, whatever the politics,” Erdogan told reporters in Istanbul.

        Invitations are expected to go out within days.
        """;

    const string UnArticle = """
        UN Chief Urges Protection Of Power Plants

        NEW YORK — United Nations Secretary-General Antonio Guterres called on all sides to spare civilian infrastructure.

        “Attacks on power stations in winter put millions of lives at risk,” Guterres said in a statement.
        """;

    static string IngestedStore(TempDir dir)
    {
        dir.File("in/moscow-talks.txt", MoscowArticle);
        dir.File("in/ankara-offer.txt", AnkaraArticle);
        dir.File("in/un-appeal.txt", UnArticle);
        var map = dir.File("dates.tsv", "moscow-talks.txt\t2023-09-05\nankara-offer.txt\t2023-08-20\nun-appeal.txt\t2022-12-01\n");
        var db = Path.Combine(dir.Path, "ingested.db");
        var run = ParleyProcess.Run(dir.Path, null, "ingest", Path.Combine(dir.Path, "in"), "--db", db, "--published-from", map, "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, JsonDocument.Parse(run.Stdout).RootElement.GetProperty("inserted").GetInt32());
        return db;
    }

    static List<JsonElement> Quotes(TempDir dir, string db, params string[] args)
    {
        var run = ParleyProcess.Run(dir.Path, null, ["quotes", "--db", db, "--json", .. args]);
        Assert.True(run.ExitCode == 0, $"parley quotes {string.Join(' ', args)} → {run.ExitCode}: {run.Stderr}");
        return Lines(run.Stdout);
    }

    [Fact]
    public void Ingested_quotes_are_found_by_speaker()
    {
        using var dir = new TempDir();
        var db = IngestedStore(dir);
        var lavrov = Assert.Single(Quotes(dir, db, "--speaker", "lavrov"));
        Assert.Contains("We will not accept this", Str(lavrov, "text"));
        Assert.Equal("direct", Str(lavrov, "kind"));
        Assert.Equal("Sergei Lavrov", Str(lavrov.GetProperty("speaker"), "name"));
        Assert.Equal("RUSGOV", Str(lavrov.GetProperty("speaker"), "code"));
        Assert.Equal(("moscow-talks", "2023-09-05"), (Str(lavrov, "article_id"), Str(lavrov, "published")));
        Assert.Contains("Foreign Minister Sergei Lavrov said", Str(lavrov, "sentence_text"));

        var putin = Assert.Single(Quotes(dir, db, "--speaker", "PUTIN", "--kind", "indirect"));
        Assert.Contains("the grain deal could return", Str(putin, "text"));
        Assert.Equal("Vladimir Putin", Str(putin.GetProperty("speaker"), "name"));

        var erdogan = Quotes(dir, db, "--speaker", "Erdoğan");
        Assert.Contains(erdogan, q => Str(q, "text")!.Contains("Grain must reach the hungry"));
        Assert.All(erdogan, q => Assert.Equal("ankara-offer", Str(q, "article_id")));
    }

    [Fact]
    public void Ingested_quotes_are_found_by_actor_words_and_dates()
    {
        using var dir = new TempDir();
        var db = IngestedStore(dir);
        var russian = Quotes(dir, db, "--actor", "RUS");
        Assert.True(russian.Count >= 2);
        Assert.All(russian, q => Assert.True(
            Str(q.GetProperty("speaker"), "code")?.StartsWith("RUS") == true || Str(q.GetProperty("speaker"), "country") == "RUS"));
        Assert.Contains(russian, q => Str(q.GetProperty("speaker"), "name") == "Sergei Lavrov");
        Assert.Contains(russian, q => Str(q.GetProperty("speaker"), "name") == "Vladimir Putin");

        Assert.Equal(["moscow-talks", "ankara-offer"], Quotes(dir, db, "--about", "grain").Select(q => Str(q, "article_id")).Distinct());
        Assert.Equal(["moscow-talks"], Quotes(dir, db, "--about", "grain", "--from", "2023-09").Select(q => Str(q, "article_id")).Distinct());
        var old = Quotes(dir, db, "--to", "2022");
        Assert.All(old, q => Assert.Equal("un-appeal", Str(q, "article_id")));
        var un = Assert.Single(old, q => Str(q, "text")!.Contains("Attacks on power stations in winter"));
        Assert.Equal("Antonio Guterres", Str(un.GetProperty("speaker"), "name"));
        Assert.Equal("IGOUNO", Str(un.GetProperty("speaker"), "code"));

        var stats = JsonDocument.Parse(ParleyProcess.Run(dir.Path, null, "stats", "--db", db, "--json").Stdout).RootElement;
        Assert.True(stats.GetProperty("quotes").GetInt32() >= 4, stats.ToString());
        Assert.True(stats.GetProperty("quotes_with_speaker").GetInt32() >= 4, stats.ToString());
    }
}
