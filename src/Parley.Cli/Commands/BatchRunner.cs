using Parley.Core;
using Parley.Ingest.Sources;
using Parley.Pipeline;

namespace Parley.Cli.Commands;

/// <summary>Totals of one batch run.</summary>
sealed class BatchSummary
{
    public long Items;
    public long Readable;
    public long WithErrors;
    public long Sentences;
    public long TextChars;
    public double Seconds;
}

/// <summary>
/// Streams inputs through the pipeline: read → process (in order, on N threads) → sink.
/// Per-item errors go to stderr and into each record; the batch never stops for one bad item.
/// </summary>
static class BatchRunner
{
    public static BatchSummary Run(IReadOnlyList<string> inputs, ArticlePipeline pipeline, int threads, string label, Action<ArticleRecord> sink)
    {
        var reader = new InputReader();
        var summary = new BatchSummary();
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var progress = new Progress(label, InputReader.TotalInputBytes(inputs));
        var docs = reader.Read(inputs);
        var records = threads <= 1
            ? docs.Select(pipeline.Process)
            : docs.AsParallel().AsOrdered()
                .WithDegreeOfParallelism(threads)
                .WithMergeOptions(ParallelMergeOptions.NotBuffered)
                .Select(pipeline.Process);
        foreach (var record in records)
        {
            summary.Items++;
            if (record.IsReadable) summary.Readable++;
            summary.Sentences += record.Sentences.Count;
            summary.TextChars += record.Text.Length;
            if (record.Errors.Count > 0)
            {
                summary.WithErrors++;
                foreach (var error in record.Errors)
                    Console.Error.WriteLine($"parley: {record.Source}: {error}");
            }
            sink(record);
            progress.Report(reader.BytesConsumed, summary.Items);
        }
        summary.Seconds = started.Elapsed.TotalSeconds;
        return summary;
    }

    /// <summary>The process exit code the record contract asks for: non-zero only when nothing was readable.</summary>
    public static int ExitCode(BatchSummary s) => s.Readable > 0 ? 0 : 1;
}
