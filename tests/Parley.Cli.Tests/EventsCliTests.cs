using System.Text.Json;
using Parley.Cli.Commands;
using Parley.Core;
using Parley.Store;

namespace Parley.Cli.Tests;

/// <summary>parley events and parley export over a store the test fills by hand.</summary>
public class EventsCliTests
{
    static List<JsonElement> Lines(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    static string? Str(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    static ArticleRecord Doc(string id, string published, params string[] sentences)
    {
        var text = string.Join(" ", sentences);
        var r = new ArticleRecord { Id = id, Source = $"in/{id}.txt", Title = $"Title of {id}", Outlet = "Harbour Post", Published = published, Text = text, Url = $"https://example.org/{id}" };
        var start = 0;
        foreach (var s in sentences)
        {
            r.Sentences.Add(new TextSpan(start, start + s.Length));
            start += s.Length + 1;
        }
        return r;
    }

    static void Event(ArticleRecord r, int sentence, string type, string cameo, string trigger, ActorRef[] source, ActorRef[] target, string date,
        bool negated = false, string modality = "asserted")
    {
        var span = r.Sentences[sentence];
        r.Events.Add(new EventRecord
        {
            Id = $"E{r.Events.Count + 1}", Type = type, Cameo = cameo, Goldstein = 1.0, Trigger = trigger, Source = [.. source], Target = [.. target],
            Date = date, Sentence = sentence, Start = span.Start, End = span.End, Confidence = 0.8, Negated = negated, Modality = modality,
            Location = type == "CONSULT" ? new LocationRecord { Name = "Ankara", Country = "TUR", Lat = 39.93, Lon = 32.86 } : null,
        });
    }

    static ActorRef Ref(string name, string code, string? country) => new() { Actor = "A1", Name = name, Code = code, Country = country };

    static string FilledStore(TempDir dir)
    {
        var db = Path.Combine(dir.Path, "events.db");
        var talks = Doc("talks", "2022-03-11",
            "Foreign Minister Sergei Lavrov met his Ukrainian counterpart Dmytro Kuleba in Antalya on Thursday.",
            "Russian artillery struck a depot outside Kharkiv in February.",
            "Lavrov did not meet the Turkish opposition.");
        Event(talks, 0, "CONSULT", "040", "met", [Ref("Sergei Lavrov", "RUSGOV", "RUS")], [Ref("Dmytro Kuleba", "UKRGOV", "UKR")], "2022-03-10");
        Event(talks, 1, "ASSAULT", "195", "struck", [Ref("Russian artillery", "RUSMIL", "RUS")], [Ref("Ukraine", "UKR", "UKR")], "2022-02");
        Event(talks, 2, "CONSULT", "040", "did not meet", [Ref("Sergei Lavrov", "RUSGOV", "RUS")], [Ref("Turkish opposition", "TUROPP", "TUR")], "2022-03-10", negated: true);
        var appeal = Doc("appeal", "2021-05-02", "The United Nations, in a statement, urged Israel to halt evictions.");
        Event(appeal, 0, "REQUEST", "0256", "urged", [Ref("United Nations, Geneva office", "IGOUNO", null)], [Ref("Israel", "ISRGOV", "ISR")], "2021-05-01", modality: "reported-claim");
        using var store = SqliteStore.Open(db);
        Assert.Equal(AddResult.Inserted, store.Add(talks));
        Assert.Equal(AddResult.Inserted, store.Add(appeal));
        return db;
    }

    static string Keys(string stdout) => string.Join(" ", Lines(stdout).Select(e => $"{Str(e, "article_id")}/{Str(e, "id")}"));

    [Theory]
    [InlineData("", "talks/E1 talks/E3 talks/E2 appeal/E1")]
    [InlineData("--actor RUS", "talks/E1 talks/E3 talks/E2")]
    [InlineData("--source rus --target UKRGOV", "talks/E1")]
    [InlineData("--target TUR", "talks/E3")]
    [InlineData("--type consult", "talks/E1 talks/E3")]
    [InlineData("--type 02", "appeal/E1")]
    [InlineData("--from 2022-02-20 --to 2022-03", "talks/E1 talks/E3 talks/E2")]
    [InlineData("--from 2022-03", "talks/E1 talks/E3")]
    [InlineData("--to 2021", "appeal/E1")]
    [InlineData("--modality reported-claim", "appeal/E1")]
    [InlineData("--negated exclude --actor RUS", "talks/E1 talks/E2")]
    [InlineData("--limit 1 --offset 1", "talks/E3")]
    public void Event_filters_reach_the_store(string args, string expected)
    {
        using var dir = new TempDir();
        var db = FilledStore(dir);
        string[] argv = ["events", "--db", db, "--json", .. args.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        var run = ParleyProcess.Run(dir.Path, null, argv);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, Keys(run.Stdout));
    }

    [Fact]
    public void Event_json_lines_are_the_record_event_with_its_article()
    {
        using var dir = new TempDir();
        var db = FilledStore(dir);
        var run = ParleyProcess.Run(dir.Path, null, "events", "--db", db, "--type", "ASSAULT");
        Assert.Equal(0, run.ExitCode);
        var e = Assert.Single(Lines(run.Stdout));
        Assert.Equal(("ASSAULT", "195", "2022-02", "struck"), (Str(e, "type"), Str(e, "cameo"), Str(e, "date"), Str(e, "trigger")));
        Assert.Equal("RUSMIL", Str(e.GetProperty("source")[0], "code"));
        Assert.Equal(("talks", "https://example.org/talks", "Harbour Post", "2022-03-11"), (Str(e, "article_id"), Str(e, "url"), Str(e, "outlet"), Str(e, "published")));
        Assert.Equal("Russian artillery struck a depot outside Kharkiv in February.", Str(e, "sentence_text"));
    }

    [Fact]
    public void Nothing_matched_exits_1()
    {
        using var dir = new TempDir();
        var db = FilledStore(dir);
        var run = ParleyProcess.Run(dir.Path, null, "events", "--db", db, "--actor", "CHN");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("no matching events", run.Stderr);
    }

    [Theory]
    [InlineData("events", "--type", "DIPLOMACY", "--type: \"DIPLOMACY\" is not a PLOVER type")]
    [InlineData("events", "--type", "7", "--type: \"7\" is not a CAMEO code prefix")]
    [InlineData("events", "--from", "yesterday", "--from: not a date")]
    [InlineData("events", "--to", "2022-02-30", "--to: not a date")]
    [InlineData("events", "--modality", "rumour", "--modality")]
    [InlineData("events", "--negated", "maybe", "--negated")]
    [InlineData("events", "--actor", "RUS;DROP", "--actor")]
    [InlineData("events", "--limit", "0", "--limit")]
    [InlineData("export", "--format", "xml", "--format: \"xml\" is not one of jsonl, plover, gdelt-csv")]
    [InlineData("export", "--delimiter", "pipe", "--delimiter")]
    public void Usage_errors_exit_2_with_one_clear_line(string command, string option, string value, string message)
    {
        using var dir = new TempDir();
        var db = FilledStore(dir);
        string[] args = command == "export" && option != "--format"
            ? [command, "--db", db, "--format", "gdelt-csv", option, value]
            : [command, "--db", db, option, value];
        var run = ParleyProcess.Run(dir.Path, null, args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("", run.Stdout);
    }

    [Theory]
    [InlineData("events")]
    [InlineData("export")]
    public void A_missing_database_is_reported(string command)
    {
        using var dir = new TempDir();
        string[] args = command == "export" ? [command, "--db", Path.Combine(dir.Path, "none.db"), "--format", "jsonl"] : [command, "--db", Path.Combine(dir.Path, "none.db")];
        var run = ParleyProcess.Run(dir.Path, null, args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no database at", run.Stderr);
        Assert.False(File.Exists(Path.Combine(dir.Path, "none.db")));
    }

    [Fact]
    public void Stats_count_events_and_actors()
    {
        using var dir = new TempDir();
        var db = FilledStore(dir);
        var stats = JsonDocument.Parse(ParleyProcess.Run(dir.Path, null, "stats", "--db", db, "--json").Stdout).RootElement;
        Assert.Equal(4, stats.GetProperty("events").GetInt32());
        Assert.Equal(0, stats.GetProperty("actors").GetInt32()); // these records list no actors
    }

    // ---- export -------------------------------------------------------------------------------------

    [Fact]
    public void Export_jsonl_and_plover_to_stdout_and_to_a_file()
    {
        using var dir = new TempDir();
        var db = FilledStore(dir);
        var jsonl = ParleyProcess.Run(dir.Path, null, "export", "--db", db, "--format", "jsonl");
        Assert.Equal(0, jsonl.ExitCode);
        Assert.Equal("talks/E1 talks/E3 talks/E2 appeal/E1", Keys(jsonl.Stdout));
        Assert.Contains("4 events as jsonl", jsonl.Stderr);

        var file = Path.Combine(dir.Path, "out.plover.jsonl");
        var plover = ParleyProcess.Run(dir.Path, null, "export", "--db", db, "--format", "plover", "--out", file, "--actor", "RUS", "--negated", "exclude");
        Assert.Equal(0, plover.ExitCode);
        Assert.Equal("", plover.Stdout);
        Assert.Contains("2 events as plover to", plover.Stderr);
        var lines = Lines(File.ReadAllText(file));
        Assert.Equal(2, lines.Count);
        Assert.Equal(["CONSULT"], lines[0].GetProperty("event").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal("RUS", Str(lines[0].GetProperty("actor")[0], "code"));
        Assert.Equal("talks", Str(lines[0], "story_id"));
    }

    [Fact]
    public void Export_gdelt_csv_leaves_negated_events_out_and_quotes_commas_when_comma_separated()
    {
        using var dir = new TempDir();
        var db = FilledStore(dir);
        var tsv = ParleyProcess.Run(dir.Path, null, "export", "--db", db, "--format", "gdelt-csv");
        Assert.Equal(0, tsv.ExitCode);
        var rows = tsv.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, rows.Length); // header + 3 (the negated meeting is left out)
        Assert.All(rows, r => Assert.Equal(61, r.Split('\t').Length));
        Assert.Contains("3 events (3 rows) as gdelt-csv", tsv.Stderr);
        Assert.StartsWith("GLOBALEVENTID\tSQLDATE\t", rows[0]);
        Assert.Contains("\tSERGEI LAVROV\tRUS\t", rows[1]);
        Assert.Contains("\t20220310\t202203\t2022\t", rows[1]);

        var withNegated = ParleyProcess.Run(dir.Path, null, "export", "--db", db, "--format", "gdelt-csv", "--negated", "include");
        Assert.Equal(5, withNegated.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var csv = ParleyProcess.Run(dir.Path, null, "export", "--db", db, "--format", "gdelt-csv", "--delimiter", "comma", "--type", "REQUEST");
        Assert.Equal(0, csv.ExitCode);
        var line = csv.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.Contains(",\"UNITED NATIONS, GENEVA OFFICE\",", line);
        Assert.Contains(",0256,025,02,1,", line);
    }

    // ---- the terminal format (in process) -------------------------------------------------------------

    [Fact]
    public void A_terminal_block_is_date_type_parties_place_then_trigger_and_sentence_then_article()
    {
        var e = new StoredEvent
        {
            ArticleId = "talks", ContentHash = "h", Outlet = "Harbour Post",
            SentenceText = "Foreign Minister Sergei Lavrov met his Ukrainian counterpart Dmytro Kuleba in Antalya on Thursday.",
            Event = new EventRecord
            {
                Id = "E1", Type = "CONSULT", Mode = "visit", Cameo = "042", Date = "2022-03-10", Trigger = "met", Modality = "planned", Negated = true,
                Source = [Ref("Sergei Lavrov", "RUSGOV", "RUS")], Target = [Ref("Dmytro Kuleba", "UKRGOV", "UKR")],
                Location = new LocationRecord { Name = "Antalya", Country = "TUR" },
            },
        };
        Assert.Equal("""
            2022-03-10  NOT CONSULT/visit 042 (planned)  Sergei Lavrov (RUSGOV) → Dmytro Kuleba (UKRGOV)  @ Antalya (TUR)
                "met" — Foreign Minister Sergei Lavrov met his Ukrainian counterpart Dmytro Kuleba in Antalya on Thursday.
              [talks · Harbour Post]


            """.ReplaceLineEndings("\n"), EventsCommand.FormatHuman(e, 120));
        Assert.Equal("…Lavrov met his…", EventsCommand.Excerpt(e.SentenceText, "met", 24));
        Assert.Equal("Foreign Minister…", EventsCommand.Excerpt(e.SentenceText, null, 20));
    }
}
