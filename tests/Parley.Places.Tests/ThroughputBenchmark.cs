using System.Diagnostics;
using System.Text;
using Parley.Core;
using Parley.Ingest.Sources;
using Parley.TestSupport;
using Xunit.Abstractions;

namespace Parley.Places.Tests;

/// <summary>
/// Places stage throughput on the AllSides corpus (../shared), and a random sample of mentions to check by eye.
/// Runs only with PARLEY_BENCH=1 (use -c Release):
/// <c>PARLEY_BENCH=1 dotnet test tests/Parley.Places.Tests -c Release --filter ThroughputBenchmark --logger "console;verbosity=detailed"</c>.
/// PARLEY_BENCH_SAMPLE=FILE also writes the sample there; PARLEY_BENCH_SEED=N draws another sample.
/// </summary>
public class ThroughputBenchmark(ITestOutputHelper output)
{
    static double Best(Action run)
    {
        var best = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            run();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return best;
    }

    [SharedFact]
    public void Places_stage_on_allsides()
    {
        if (Environment.GetEnvironmentVariable("PARLEY_BENCH") != "1") return;
        var corpus = SharedData.PathOf("corpora/allsides-intl/allsides-intl.jsonl.gz");
        var pipeline = Shipped.Pipeline;
        var build = Stopwatch.StartNew();
        var g = PlaceGazetteer.Load();
        build.Stop();
        var docs = new InputReader().Read([corpus]).Select(doc =>
        {
            var text = string.Join("\n\n", pipeline.Clean(doc).Paragraphs);
            var sentences = pipeline.Sentences(text);
            return (doc.Id, Text: text, Sentences: sentences, Actors: pipeline.Actors(text, sentences, doc.Published));
        }).ToList();
        var bytes = docs.Sum(d => (long)Encoding.UTF8.GetByteCount(d.Text));

        foreach (var d in docs.Take(300)) g.Find(d.Text, d.Sentences, d.Actors);   // warm-up
        // best of three runs each: the timings are of a shared machine
        long candidates = 0;
        var matchSeconds = Best(() => { candidates = 0; foreach (var d in docs) candidates += g.CountCandidates(d.Text); });
        var found = new List<(string Id, string Text, PlaceMention P)>();
        var findSeconds = Best(() =>
        {
            found.Clear();
            foreach (var d in docs)
                foreach (var p in g.Find(d.Text, d.Sentences, d.Actors)) found.Add((d.Id, d.Text, p));
        });
        long withoutActors = 0;
        var bareSeconds = Best(() => { withoutActors = 0; foreach (var d in docs) withoutActors += g.Find(d.Text, d.Sentences).Count; });

        output.WriteLine($"gazetteer {g.Entries.Count} entries, {g.Trie.FormCount} forms, {g.Trie.NodeCount} trie nodes, loaded in {build.Elapsed.TotalMilliseconds:F0} ms");
        output.WriteLine($"{docs.Count} articles, {bytes / 1e6:F1} MB UTF-8; {candidates:N0} gazetteer hits, {found.Count:N0} place mentions ({found.Count / (double)docs.Count:F2}/article), {withoutActors:N0} without actors");
        output.WriteLine($"tokenize+match: {bytes / 1e6 / matchSeconds:F1} MB/s; find with actors: {bytes / 1e6 / findSeconds:F1} MB/s ({docs.Count / findSeconds:N0} articles/s); find without actors: {bytes / 1e6 / bareSeconds:F1} MB/s");
        foreach (var kind in found.GroupBy(f => f.P.Kind).OrderByDescending(k => k.Count()))
            output.WriteLine($"  {kind.Key}: {kind.Count():N0}");

        var rng = new Random(int.TryParse(Environment.GetEnvironmentVariable("PARLEY_BENCH_SEED"), out var seed) ? seed : 20240501);
        var sample = found.OrderBy(_ => rng.Next()).Take(40).ToList();
        var sb = new StringBuilder();
        foreach (var (id, text, p) in sample)
        {
            var from = Math.Max(0, p.Start - 70);
            var to = Math.Min(text.Length, p.End + 40);
            sb.Append($"{id}\t{p.Name}|{p.Kind}|{p.Country}\t{text[from..p.Start].ReplaceLineEndings(" ")}[[{p.Text}]]{text[p.End..to].ReplaceLineEndings(" ")}\n");
        }
        output.WriteLine(sb.ToString());
        if (Environment.GetEnvironmentVariable("PARLEY_BENCH_SAMPLE") is { Length: > 0 } file) File.WriteAllText(file, sb.ToString());
    }
}
