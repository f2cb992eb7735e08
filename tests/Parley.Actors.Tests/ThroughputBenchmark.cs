using System.Diagnostics;
using Parley.Core;
using Parley.Ingest.Sources;
using Parley.Pipeline;
using Parley.TestSupport;
using Xunit.Abstractions;

namespace Parley.Actors.Tests;

/// <summary>
/// Matcher + resolver throughput on the AllSides corpus (../shared). Runs only with PARLEY_BENCH=1
/// (use -c Release): <c>PARLEY_BENCH=1 dotnet test tests/Parley.Actors.Tests -c Release --filter ThroughputBenchmark</c>.
/// PARLEY_BENCH_KB=DIR measures with another knowledge directory (default: the test KB).
/// </summary>
public class ThroughputBenchmark(ITestOutputHelper output)
{
    [SharedFact]
    public void Actors_stage_on_allsides()
    {
        if (Environment.GetEnvironmentVariable("PARLEY_BENCH") != "1") return;
        var corpus = SharedData.PathOf("corpora/allsides-intl/allsides-intl.jsonl.gz");
        var kbDir = Environment.GetEnvironmentVariable("PARLEY_BENCH_KB") is { Length: > 0 } d ? d : TestKb.Directory;
        var build = Stopwatch.StartNew();
        var engine = ActorEngine.Load(kbDir);
        build.Stop();
        var pipeline = ArticlePipeline.Build(new PipelineOptions(), engine);
        var records = new InputReader().Read([corpus]).Select(doc =>
        {
            var cleaned = pipeline.Clean(doc);
            var text = string.Join("\n\n", cleaned.Paragraphs);
            return (Text: text, Sentences: pipeline.Sentences(text), doc.Published);
        }).ToList();
        long tokens = 0, chars = 0;
        var scratch = new List<Token>();
        foreach (var r in records) { engine.Gazetteer.Find(r.Text, scratch); tokens += scratch.Count; chars += r.Text.Length; }
        // warm-up
        foreach (var r in records.Take(500)) engine.Resolve(r.Text, r.Sentences, r.Published);

        GC.Collect();
        var heapBefore = GC.GetTotalMemory(true);
        var alloc0 = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        foreach (var r in records) engine.Gazetteer.Find(r.Text, scratch);
        var matchSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        long actors = 0, mentions = 0;
        foreach (var r in records)
        {
            var list = engine.Resolve(r.Text, r.Sentences, r.Published);
            actors += list.Count;
            mentions += list.Sum(a => a.Mentions.Count);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - alloc0;

        clock.Restart();
        Parallel.ForEach(records, r => engine.Resolve(r.Text, r.Sentences, r.Published));
        var parallelSeconds = clock.Elapsed.TotalSeconds;

        var kb = engine.Knowledge;
        output.WriteLine($"KB {kbDir}: {kb.Countries.Count} countries, {kb.Organizations.Count} orgs, {kb.Roles.Count} roles, {kb.People.Count} people; " +
                         $"gazetteer {engine.Gazetteer.EntryCount} entries, {engine.Gazetteer.NodeCount} nodes, built in {build.Elapsed.TotalMilliseconds:F0} ms");
        output.WriteLine($"{records.Count} articles, {tokens:N0} tokens, {chars / 1e6:F1} M chars; {actors:N0} actors, {mentions:N0} mentions");
        output.WriteLine($"tokenize+match only: {tokens / matchSeconds / 1e6:F2} M tokens/s, {records.Count / matchSeconds:N0} articles/s");
        output.WriteLine($"match+resolve, 1 core: {tokens / seconds / 1e6:F2} M tokens/s, {records.Count / seconds:N0} articles/s, {seconds:F2} s; " +
                         $"allocated {allocated / (double)records.Count / 1e3:F0} KB/article");
        output.WriteLine($"match+resolve, {Environment.ProcessorCount} cores: {records.Count / parallelSeconds:N0} articles/s");
        output.WriteLine($"managed heap (corpus texts held) {heapBefore / 1e6:F0} MB; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
    }
}
