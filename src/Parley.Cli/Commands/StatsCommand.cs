using System.CommandLine;
using System.Text.Json.Nodes;
using Parley.Store;

namespace Parley.Cli.Commands;

/// <summary>parley stats: what a database holds.</summary>
static class StatsCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var command = new Command("stats", "counts, outlets, publication date range, quotes and ingest errors of a database")
        {
            db, IngestCommand.Json,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(db)!;
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"parley stats: no database at {Path.GetFullPath(path)} (run `parley ingest` or `parley demo` first)");
                return 2;
            }
            using var store = SqliteStore.Open(path);
            var s = store.GetStats();
            new Report()
                .Add("database", Path.GetFullPath(path))
                .Add("articles", s.Articles)
                .Add("outlets", s.DistinctOutlets)
                .Add("top_outlets", new JsonObject(s.TopOutlets.Select(o => KeyValuePair.Create(o.Outlet, (JsonNode?)o.Count))))
                .Add("published_from", s.PublishedFrom)
                .Add("published_to", s.PublishedTo)
                .Add("published_source", new JsonObject(s.ByPublishedSource.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))))
                .Add("quotes", s.Quotes)
                .Add("quotes_with_speaker", s.QuotesWithSpeaker)
                .Add("events", s.Events)
                .Add("actors", s.Actors)
                .Add("ingest_errors", s.IngestErrors)
                .Add("database_bytes", s.DatabaseBytes)
                .Write(parse.GetValue(IngestCommand.Json));
            return 0;
        });
        return command;
    }
}
