using System.CommandLine;
using Parley.Eval.Extraction;
using Parley.Ingest.Html;

namespace Parley.Cli.Commands;

/// <summary>parley eval-extraction: HTML body extraction on the article-extraction benchmark, with its own metric.</summary>
static class EvalExtractionCommand
{
    public static Command Create()
    {
        var dir = new Option<DirectoryInfo>("--dir")
        {
            Description = "benchmark folder holding ground-truth.json and html/*.html.gz",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "corpora", "article-extraction")),
        };
        var worst = new Option<int>("--worst") { Description = "also list the N lowest-scoring pages", DefaultValueFactory = _ => 0 };
        var command = new Command("eval-extraction", "score HTML body extraction: 4-word shingle precision/recall per page, averaged; F1 of the averages")
        {
            dir, worst, IngestCommand.Json,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(dir)!;
            if (!File.Exists(Path.Combine(folder.FullName, "ground-truth.json")))
            {
                Console.Error.WriteLine($"parley eval-extraction: no ground-truth.json in {folder.FullName} (use --dir)");
                return 2;
            }
            var progress = new Progress("eval-extraction", 181);
            ExtractionScore score;
            using (progress)
                score = ExtractionBenchmark.Run(folder.FullName, HtmlExtractor.Load(), new Progress<int>(n => progress.Report(n, n)));
            var report = new Report()
                .Add("pages", score.Pages)
                .Add("precision", score.Precision)
                .Add("recall", score.Recall)
                .Add("f1", score.F1)
                .Add("pages_per_second", score.PagesPerSecond);
            var n = parse.GetValue(worst);
            if (n > 0)
                report.Add("worst", new System.Text.Json.Nodes.JsonArray(score.PerPage
                    .OrderBy(p => F1(p.Precision, p.Recall)).Take(n)
                    .Select(p => (System.Text.Json.Nodes.JsonNode?)$"{p.Id[..12]}  P={p.Precision:F3} R={p.Recall:F3}").ToArray()));
            report.Write(parse.GetValue(IngestCommand.Json));
            return 0;
        });
        return command;
    }

    static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}
