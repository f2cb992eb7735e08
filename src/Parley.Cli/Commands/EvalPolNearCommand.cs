using System.CommandLine;
using System.Text.Json.Nodes;
using Parley.Eval.PolNear;
using Parley.Pipeline;

namespace Parley.Cli.Commands;

/// <summary>parley eval-polnear: quote extraction scored on PolNeAR's attribution annotations (rules in <see cref="PolNearMatcher"/>).</summary>
static class EvalPolNearCommand
{
    const string Rules = """
        Score quote extraction on PolNeAR (political news with brat attribution annotations). Each .txt is
        annotated as is (sentences, actors, quotes), so predicted offsets are gold offsets.
        Gold: one content per Content span linked by an Attribution or Attribution-no-source event
        (Content2 adds fragments; Discuss/Discard are ignored). When a document has several annotators'
        files, the alphabetically first annotator is used.
        Spans are trimmed of spaces and quote marks at both ends. A discontinuous gold content counts its
        fragments, and a predicted span is not charged for the text between them ("A," he said, "B."
        can only be predicted whole). Matching is one-to-one, greedy by overlap size:
          primary  overlap >= 50% of the gold span AND >= 50% of the predicted span
          lenient  overlap >= 50% of the gold span
          exact    the same trimmed boundaries
        Attribution accuracy, over primary pairs whose gold has a Source: correct when the Source overlaps
        the predicted speaker span or any mention of the speaker's actor (so gold "he" matches a speaker
        resolved to an actor whose mentions include that "he"); a quote without a speaker is wrong.
        Attribution-no-source contents count for precision/recall only.
        """;

    public static Command Create()
    {
        var dir = new Option<DirectoryInfo>("--dir")
        {
            Description = "PolNeAR folder holding metadata.tsv and {train,dev}/{text,attributions}",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "corpora", "polnear")),
        };
        var split = new Option<string>("--split") { Description = "dev or train", DefaultValueFactory = _ => "dev" };
        split.AcceptOnlyFromAmong("dev", "train");
        var limit = new Option<int>("--limit") { Description = "score only the first N documents (0 = all)" };
        var worst = new Option<int>("--worst") { Description = "also list the N documents with the most missed gold contents" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "list every corpus problem, and with --worst each listed document's missed gold contents and unmatched predictions (development)" };
        var command = new Command("eval-polnear", Rules)
        {
            dir, split, limit, worst, verbose, IngestCommand.Json,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(dir)!;
            var name = parse.GetValue(split)!;
            var splitDir = Path.Combine(folder.FullName, name);
            if (!Directory.Exists(Path.Combine(splitDir, "text")) || !Directory.Exists(Path.Combine(splitDir, "attributions")))
            {
                Console.Error.WriteLine($"parley eval-polnear: no PolNeAR {name} split in {folder.FullName} (want {name}/text and {name}/attributions; use --dir)");
                return 2;
            }
            var max = Math.Max(0, parse.GetValue(limit));
            var pipeline = ArticlePipeline.Build();
            var count = max > 0 ? max : Directory.EnumerateFiles(Path.Combine(splitDir, "text"), "*.txt").Count();
            PolNearReport result;
            using (var progress = new Progress("eval-polnear", count))
                result = PolNearEvaluator.Run(folder.FullName, name, pipeline.Annotate, max, new Progress<int>(n => progress.Report(n, n)));

            var shown = parse.GetValue(verbose) ? result.Problems.Count : 20;
            foreach (var problem in result.Problems.Take(shown))
                Console.Error.WriteLine($"parley eval-polnear: {problem}");
            if (result.Problems.Count > shown)
                Console.Error.WriteLine($"parley eval-polnear: ... {result.Problems.Count - shown} more problems (--verbose lists all)");

            var report = new Report()
                .Add("split", name)
                .Add("documents", result.Documents)
                .Add("multi_annotator_documents", result.MultiAnnotatorDocuments)
                .Add("gold_contents", result.GoldContents)
                .Add("gold_with_source", result.GoldWithSource)
                .Add("predicted", result.Predicted);
            Add(report, "", result.Strict);
            Add(report, "lenient_", result.Lenient);
            Add(report, "exact_", result.Exact);
            report
                .Add("attribution_accuracy", result.AttributionAccuracy)
                .Add("attribution_correct", result.AttributionCorrect)
                .Add("attribution_scored", result.AttributionTotal)
                .Add("by_cue", new JsonArray(result.ByCue(25).Select(c => (JsonNode?)new JsonObject
                {
                    ["cue"] = c.Cue, ["gold"] = c.Gold, ["recall"] = Math.Round(c.Recall, 4),
                }).ToArray()))
                .Add("by_kind", new JsonArray(result.ByKind().Select(k => (JsonNode?)new JsonObject
                {
                    ["kind"] = k.Kind, ["predicted"] = k.Predicted, ["precision"] = Math.Round(k.Precision, 4),
                }).ToArray()))
                .Add("problems", result.Problems.Count)
                .Add("seconds", result.Seconds)
                .Add("total_seconds", result.TotalSeconds)
                .Add("docs_per_second", result.DocumentsPerSecond);
            var n = parse.GetValue(worst);
            if (n > 0)
            {
                var details = parse.GetValue(verbose);
                report.Add("worst", new JsonArray(result.Worst(n).Select(d =>
                {
                    var o = new JsonObject
                    {
                        ["doc"] = d.Id, ["gold"] = d.Gold, ["predicted"] = d.Predicted, ["matched"] = d.Matched, ["missed"] = d.Misses,
                    };
                    if (details)
                    {
                        o["missed_gold"] = new JsonArray(d.MissedGold.Take(5).Select(s => (JsonNode?)s).ToArray());
                        o["unmatched_predicted"] = new JsonArray(d.UnmatchedPredicted.Take(5).Select(s => (JsonNode?)s).ToArray());
                    }
                    return (JsonNode?)o;
                }).ToArray()));
            }
            report.Write(parse.GetValue(IngestCommand.Json));
            return 0;
        });
        return command;
    }

    static void Add(Report report, string prefix, PrfScore s) => report
        .Add(prefix + "matched", s.Matched)
        .Add(prefix + "precision", s.Precision)
        .Add(prefix + "recall", s.Recall)
        .Add(prefix + "f1", s.F1);
}
