using System.CommandLine;
using Parley.Core;
using Parley.Eval.Gold;
using Parley.Ingest.Sources;
using Parley.Pipeline;

namespace Parley.Cli.Commands;

/// <summary>parley eval: score the pipeline against parley-gold/1 annotations (shared/spec/gold-format.md).</summary>
static class EvalCommand
{
    public static Command Create()
    {
        var gold = new Argument<FileInfo>("GOLD") { Description = "gold annotations (parley-gold/1 JSON)" };
        var inputsDir = new Option<DirectoryInfo>("--inputs") { Description = "folder holding the documents the gold file names", Required = true };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "list each document's misses" };
        var command = new Command("eval", "score extraction against gold annotations: body, titles, outlets, quotes, speakers, events, dates")
        {
            gold, inputsDir, verbose, IngestCommand.Json,
        };
        command.SetAction(parse =>
        {
            var goldFile = GoldFile.Load(parse.GetValue(gold)!.FullName);
            var dir = parse.GetValue(inputsDir)!.FullName;
            var pipeline = ArticlePipeline.Build(new PipelineOptions
            {
                PublishedByFile = goldFile.Documents
                    .Where(d => d.Published is not null)
                    .ToDictionary(d => d.Doc, d => d.Published!),
            });
            var reader = new InputReader();
            var result = GoldEvaluator.Evaluate(goldFile, doc =>
            {
                var path = Path.Combine(dir, doc.Doc);
                var raw = reader.Read([path]).First();
                return pipeline.Process(raw);
            });
            var report = new Report();
            foreach (var m in result.Metrics)
                report.Add(m.Name, m.Value is { } v ? $"{v:F2} ({m.Detail})" : m.Detail);
            report.Write(parse.GetValue(IngestCommand.Json));
            if (parse.GetValue(verbose))
                foreach (var finding in result.Findings)
                    Console.Error.WriteLine(finding);
            return 0;
        });
        return command;
    }
}
