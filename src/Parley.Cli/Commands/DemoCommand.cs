using System.CommandLine;
using System.Text.Json.Nodes;
using Parley.Core;

namespace Parley.Cli.Commands;

/// <summary>parley demo: the main job on the bundled demo corpus, into SQLite, with a short summary.</summary>
static class DemoCommand
{
    public static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "demo", "corpus");
    public static string PublishedMap => Path.Combine(AppContext.BaseDirectory, "demo", "published.tsv");

    public static Command Create()
    {
        var db = CommonOptions.Db();
        var command = new Command("demo", "ingest the bundled demo corpus (articles the Parley team wrote about real diplomatic events) and summarise it")
        {
            db, IngestCommand.Json,
        };
        command.SetAction(parse =>
        {
            if (!Directory.Exists(CorpusDirectory))
            {
                Console.Error.WriteLine($"parley demo: demo corpus not found at {CorpusDirectory}");
                return 2;
            }
            var options = CommonOptions.PipelineOptionsFrom(null, new FileInfo(PublishedMap));
            var articles = new JsonArray();
            var removedByReason = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var people = new SortedDictionary<string, int>(StringComparer.Ordinal);
            long actorMentions = 0, quotes = 0, timexes = 0, places = 0;
            var speakers = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var (summary, report) = IngestCommand.Ingest([CorpusDirectory], parse.GetValue(db)!, options, 1, record =>
            {
                articles.Add($"{record.Published ?? "????-??-??"}  {record.Outlet ?? "-",-22}  {record.Title ?? record.Id}");
                foreach (var a in record.Actors)
                {
                    actorMentions += a.Mentions.Count;
                    if (a.Kind == "person") people[a.Name] = people.GetValueOrDefault(a.Name) + a.Mentions.Count;
                }
                quotes += record.Quotes.Count;
                timexes += record.Timexes.Count;
                places += record.Places.Count;
                foreach (var q in record.Quotes)
                    if (q.Speaker?.Name is { } name) speakers[name] = speakers.GetValueOrDefault(name) + 1;
                foreach (var r in record.Removed)
                    removedByReason[r.Reason] = removedByReason.GetValueOrDefault(r.Reason) + 1;
            });
            report.Add("removed", new JsonObject(removedByReason.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))));
            report.Add("actor_mentions", actorMentions);
            report.Add("most_mentioned_people", new JsonArray(people.OrderByDescending(kv => kv.Value).Take(8)
                .Select(kv => (JsonNode?)$"{kv.Key} ({kv.Value})").ToArray()));
            report.Add("time_expressions", timexes);
            report.Add("place_mentions", places);
            report.Add("quotes", quotes);
            report.Add("most_quoted", new JsonArray(speakers.OrderByDescending(kv => kv.Value).Take(8)
                .Select(kv => (JsonNode?)$"{kv.Key} ({kv.Value})").ToArray()));
            report.Add("articles", articles);
            report.Write(parse.GetValue(IngestCommand.Json));
            return BatchRunner.ExitCode(summary);
        });
        return command;
    }
}
