using System.CommandLine;
using Parley.Pipeline;
using Parley.Store;

namespace Parley.Cli.Commands;

/// <summary>parley ingest: inputs → pipeline → SQLite, idempotent by content hash.</summary>
static class IngestCommand
{
    public static readonly Option<bool> Json = new("--json") { Description = "print the summary as one JSON object" };

    public static Command Create()
    {
        var inputs = CommonOptions.Inputs();
        var db = CommonOptions.Db();
        var pipelineOptions = new PipelineOptionSet();
        var threads = CommonOptions.Threads();
        var command = new Command("ingest", "extract article records and store them in a SQLite database (re-ingesting the same content changes nothing)")
        {
            inputs, db, threads, Json,
        };
        pipelineOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var options = pipelineOptions.From(parse);
            var (summary, report) = Ingest(parse.GetValue(inputs)!, parse.GetValue(db)!, options, parse.GetValue(threads));
            report.Write(parse.GetValue(Json));
            return BatchRunner.ExitCode(summary);
        });
        return command;
    }

    /// <summary>Runs the batch into the store; shared by ingest and demo.</summary>
    public static (BatchSummary, Report) Ingest(IReadOnlyList<string> inputs, string dbPath, PipelineOptions options, int threads,
        Action<Parley.Core.ArticleRecord>? observe = null)
    {
        var pipeline = ArticlePipeline.Build(options);
        long inserted = 0, unchanged = 0, unreadable = 0;
        BatchSummary summary;
        using (var store = SqliteStore.Open(dbPath))
        {
            summary = BatchRunner.Run(inputs, pipeline, threads, "ingest", record =>
            {
                observe?.Invoke(record);
                switch (store.Add(record))
                {
                    case AddResult.Inserted: inserted++; break;
                    case AddResult.Unchanged: unchanged++; break;
                    default: unreadable++; break;
                }
            });
            store.Flush();
        }
        var report = new Report()
            .Add("database", Path.GetFullPath(dbPath))
            .Add("items", summary.Items)
            .Add("inserted", inserted)
            .Add("unchanged", unchanged)
            .Add("unreadable", unreadable)
            .Add("with_errors", summary.WithErrors)
            .Add("sentences", summary.Sentences)
            .Add("seconds", summary.Seconds);
        return (summary, report);
    }
}
