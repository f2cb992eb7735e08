using System.Diagnostics;
using Parley.Core;
using Parley.Ingest.Sources;
using Parley.Pipeline;
using Parley.TestSupport;
using Xunit.Abstractions;

namespace Parley.Events.Tests;

/// <summary>
/// The events stage alone on the AllSides corpus (../shared), over inputs the earlier stages prepared.
/// Runs only with PARLEY_BENCH=1: <c>PARLEY_BENCH=1 dotnet test tests/Parley.Events.Tests -c Release --filter ThroughputBenchmark</c>.
/// </summary>
public class ThroughputBenchmark(ITestOutputHelper output)
{
    [SharedFact]
    public void Events_stage_on_allsides()
    {
        if (Environment.GetEnvironmentVariable("PARLEY_BENCH") != "1") return;
        var pipeline = ArticlePipeline.Build();
        var corpus = SharedData.PathOf("corpora/allsides-intl/allsides-intl.jsonl.gz");
        EventInput InputOf(ArticleRecord r) => new(r.Text, r.Sentences, r.Actors, r.Timexes, r.Places, r.Published, r.Title, r.Captions)
        {
            ResolveExtra = s => pipeline.Actors(s, pipeline.Sentences(s), r.Published),
        };
        foreach (var doc in new InputReader().Read([corpus]).Take(500)) pipeline.Events(InputOf(pipeline.Process(doc)));

        // streamed like the pipeline does: the earlier stages run untimed, then the events stage is timed alone
        GC.Collect();
        long events = 0, sentences = 0, articles = 0, allocated = 0, ticks = 0;
        var gc0 = GC.CollectionCount(0);
        foreach (var doc in new InputReader().Read([corpus]))
        {
            var input = InputOf(pipeline.Process(doc));
            var a0 = GC.GetAllocatedBytesForCurrentThread();
            var t0 = Stopwatch.GetTimestamp();
            events += pipeline.Events(input).Count;
            ticks += Stopwatch.GetTimestamp() - t0;
            allocated += GC.GetAllocatedBytesForCurrentThread() - a0;
            sentences += input.Sentences.Count;
            articles++;
        }
        var seconds = (double)ticks / Stopwatch.Frequency;
        output.WriteLine($"{articles} articles, {sentences:N0} sentences, {events:N0} events ({(double)events / articles:F2} per article)");
        output.WriteLine($"events stage, 1 core: {articles / seconds:N0} articles/s, {sentences / seconds:N0} sentences/s, {seconds:F2} s; " +
                         $"allocated {allocated / (double)articles / 1e3:F0} KB/article; {GC.CollectionCount(0) - gc0} gen0 collections over the whole run");
    }
}
