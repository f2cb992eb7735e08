using Parley.Ingest.Sources;
using Parley.TestSupport;
using Xunit.Abstractions;

namespace Parley.Pipeline.Tests;

/// <summary>Every stage over every AllSides article: no stage fails, and every span points into its text.</summary>
public class CorpusRobustnessTests(ITestOutputHelper output)
{
    [SharedFact]
    public void AllSides_runs_through_every_stage_without_errors()
    {
        var pipeline = ArticlePipeline.Build();
        int articles = 0, quotes = 0, timexes = 0, places = 0;
        var failures = new List<string>();
        foreach (var doc in new InputReader().Read([SharedData.PathOf("corpora/allsides-intl/allsides-intl.jsonl.gz")]))
        {
            var r = pipeline.Process(doc);
            articles++;
            failures.AddRange(r.Errors.Where(e => e.Contains(" failed: ")).Select(e => $"{r.Id}: {e}"));
            foreach (var q in r.Quotes.Where(q => q.Where is null))
            {
                Assert.True(q.Start >= 0 && q.End <= r.Text.Length && q.Start < q.End, $"{r.Id} {q.Id}: {q.Start}..{q.End}");
                Assert.Equal(q.Text, r.Text[q.Start..q.End]);
                if (q.Speaker is { Start: { } s, End: { } e }) Assert.Equal(q.Speaker.Text, r.Text[s..e]);
            }
            foreach (var p in r.Places) Assert.Equal(p.Text, r.Text[p.Start..p.End]);
            foreach (var t in r.Timexes) Assert.Equal(t.Text, r.Text[t.Start..t.End]);
            quotes += r.Quotes.Count; timexes += r.Timexes.Count; places += r.Places.Count;
        }
        output.WriteLine($"{articles} articles: {quotes} quotes, {timexes} timexes, {places} places");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
        Assert.True(quotes > articles, $"{quotes} quotes in {articles} articles");
    }
}
