using System.CommandLine;
using System.Text;
using Parley.Core;
using Parley.Pipeline;

namespace Parley.Cli.Commands;

/// <summary>parley extract: inputs → JSONL article records (shared/spec/record-format.md).</summary>
static class ExtractCommand
{
    public static Command Create()
    {
        var inputs = CommonOptions.Inputs();
        var output = new Option<FileInfo?>("--out", "-o") { Description = "write JSONL here instead of stdout" };
        var pipelineOptions = new PipelineOptionSet();
        var threads = CommonOptions.Threads();
        var command = new Command("extract", "extract article records from inputs and write them as JSONL")
        {
            inputs, output, threads,
        };
        pipelineOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var options = pipelineOptions.From(parse);
            var pipeline = ArticlePipeline.Build(options);
            var outFile = parse.GetValue(output);
            using var writer = outFile is null
                ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16)
                : new StreamWriter(outFile.FullName, false, new UTF8Encoding(false), 1 << 16);
            writer.NewLine = "\n";
            var summary = BatchRunner.Run(parse.GetValue(inputs)!, pipeline, parse.GetValue(threads), "extract",
                record => writer.WriteLine(RecordJson.Serialize(record)));
            writer.Flush();
            Console.Error.WriteLine(
                $"parley extract: {summary.Items} items, {summary.Readable} readable, {summary.WithErrors} with errors, " +
                $"{summary.Sentences} sentences in {summary.Seconds:F2} s");
            return BatchRunner.ExitCode(summary);
        });
        return command;
    }
}
