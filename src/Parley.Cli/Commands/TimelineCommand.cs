using System.CommandLine;
using System.Globalization;
using System.Text;
using Parley.Store;

namespace Parley.Cli.Commands;

/// <summary>parley timeline: merged events (one per real-world event, with all the articles reporting it) in date order.</summary>
static class TimelineCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var actor = new Option<string?>("--actor") { Description = "a party: CAMEO code or prefix (RUS), ISO3 country, or part of a name (Putin)" };
        var with = new Option<string?>("--with") { Description = "a second party that must take part too (same matching as --actor)" };
        var issue = new Option<string?>("--issue") { Description = "an issue id of knowledge/process/issues.tsv (troop-withdrawal, …)" };
        var type = new Option<string?>("--type") { Description = "PLOVER type (CONSULT, AGREE, …)" };
        var from = new Option<string?>("--from") { Description = "earliest date, inclusive (2023, 2023-09, 2023-09-05)" };
        var to = new Option<string?>("--to") { Description = "latest date, inclusive" };
        var negated = new Option<bool>("--negated") { Description = "include negated events (\"did not meet\")" };
        var limit = new Option<int>("--limit") { Description = "at most N events", DefaultValueFactory = _ => 200 };
        var offset = new Option<int>("--offset") { Description = "skip the first N events", DefaultValueFactory = _ => 0 };
        var explain = new Option<bool>("--explain") { Description = "show why each mention was merged into its event" };
        var json = new Option<bool>("--json") { Description = "one JSON object per event (JSON Lines)" };
        var rebuild = new Option<bool>("--rebuild") { Description = "first recompute every merged event from scratch (after editing knowledge/merge)" };
        var command = new Command("timeline", "merged events across articles in date order, with sources and evidence")
        {
            db, actor, with, issue, type, from, to, negated, limit, offset, explain, json, rebuild,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(limit) <= 0) throw new ArgumentException($"--limit must be positive (got {parse.GetValue(limit)})");
            if (parse.GetValue(offset) < 0) throw new ArgumentException($"--offset must not be negative (got {parse.GetValue(offset)})");
            var query = new TimelineQuery
            {
                Actor = parse.GetValue(actor), With = parse.GetValue(with), Issue = parse.GetValue(issue),
                Type = EventFilterOptions.TypeOf(parse.GetValue(type)) is { } t && !t.All(char.IsAsciiDigit) ? t
                    : parse.GetValue(type) is null ? null : throw new ArgumentException($"--type: \"{parse.GetValue(type)}\" is not a PLOVER type"),
                From = QuotesCommand.DateBound(parse.GetValue(from), "--from"), To = QuotesCommand.DateBound(parse.GetValue(to), "--to"),
                IncludeNegated = parse.GetValue(negated), Limit = parse.GetValue(limit), Offset = parse.GetValue(offset),
            };
            using var store = StoreAccess.OpenExisting(parse.GetValue(db)!, "timeline");
            if (store is null) return 2;
            if (parse.GetValue(rebuild))
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                store.RebuildClusters();
                Console.Error.WriteLine($"parley timeline: merged events rebuilt in {clock.Elapsed.TotalSeconds:0.0} s");
            }
            var entries = store.Timeline(query);
            if (entries.Count == 0)
            {
                Console.Error.WriteLine("parley timeline: no matching events");
                return 1;
            }
            if (parse.GetValue(json))
            {
                foreach (var e in entries) Console.Out.WriteLine(ProcessJsonOutput.Write(e));
                return 0;
            }
            foreach (var e in entries) Console.Out.Write(Human(e, parse.GetValue(explain)));
            return 0;
        });
        return command;
    }

    /// <summary>parley event CLUSTER [--why]: one merged event with every mention (and why it was merged).</summary>
    public static Command CreateEvent()
    {
        var db = CommonOptions.Db();
        var id = new Argument<string>("CLUSTER") { Description = "the event's cluster id (as `parley timeline` prints it: #123 or 123)" };
        var why = new Option<bool>("--why") { Description = "show why each mention was merged" };
        var json = new Option<bool>("--json") { Description = "print the event as JSON" };
        var command = new Command("event", "one merged event with all its mentions") { db, id, why, json };
        command.SetAction(parse =>
        {
            var raw = parse.GetValue(id)!.TrimStart('#');
            if (!long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var cluster))
                throw new ArgumentException($"CLUSTER: \"{parse.GetValue(id)}\" is not an event id (a number, e.g. 123)");
            using var store = StoreAccess.OpenExisting(parse.GetValue(db)!, "event");
            if (store is null) return 2;
            if (store.Cluster(cluster) is not { } e)
            {
                Console.Error.WriteLine($"parley event: no event #{cluster}");
                return 1;
            }
            Console.Out.Write(parse.GetValue(json) ? ProcessJsonOutput.Write(e) + "\n" : Human(e, parse.GetValue(why)));
            return 0;
        });
        return command;
    }

    internal static string Actors(TimelineEntry e) =>
        e.SourceActors.Count > 0 && e.TargetActors.Count > 0 && !e.SourceActors.SequenceEqual(e.TargetActors)
            ? $"{string.Join(", ", e.SourceActors)} → {string.Join(", ", e.TargetActors)}"
            : string.Join(", ", e.Actors);

    internal static string Human(TimelineEntry e, bool explain)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{e.Date ?? "(undated)",-10}  {e.Type}{(e.Mode is { } m ? $" ({m})" : "")}{(e.Negated ? " [negated]" : "")}  {Actors(e)}");
        if (e.Place is not null) sb.Append(CultureInfo.InvariantCulture, $" @ {e.Place}");
        sb.Append(CultureInfo.InvariantCulture, $"  [{e.Sources} source{(e.Sources == 1 ? "" : "s")}]  #{e.Cluster}\n");
        var first = e.Mentions.FirstOrDefault();
        if (first?.Evidence.Text is { } text) sb.Append(CultureInfo.InvariantCulture, $"    “{Trim(text, 220)}”\n");
        sb.Append("    articles: ").Append(string.Join(", ", e.Mentions.Select(x => $"{x.Evidence.ArticleId}/{x.EventId}").Distinct())).Append('\n');
        if (explain)
            foreach (var x in e.Mentions)
                sb.Append("      ").Append(x.Evidence.ArticleId).Append('/').Append(x.EventId).Append(": ").Append(Why(x, e)).Append('\n');
        return sb.ToString();
    }

    internal static string Why(TimelineMention x, TimelineEntry e)
    {
        if (x.Reason is not { } r) return "(no reason stored)";
        if (r.Rule == "seed") return "first mention (seed)";
        var other = e.Mentions.FirstOrDefault(o => o.Rowid == r.With);
        var with = other is null ? $"event {r.With}" : $"{other.Evidence.ArticleId}/{other.EventId}";
        return $"merged with {with}: same type {r.Type}, shared actors {string.Join(" ", r.SharedActors)}, {r.DateRelation}, place {r.PlaceRelation}, " +
               $"mode {r.ModeRelation}, score {r.Score.ToString("0.00", CultureInfo.InvariantCulture)}";
    }

    internal static string Trim(string s, int max)
    {
        s = s.ReplaceLineEndings(" ").Trim();
        return s.Length <= max ? s : s[..(max - 1)] + "…";
    }
}
