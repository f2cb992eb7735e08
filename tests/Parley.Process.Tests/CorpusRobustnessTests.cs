using Parley.Core;
using Parley.Ingest.Sources;
using Parley.TestSupport;
using Xunit.Abstractions;

namespace Parley.Process.Tests;

/// <summary>Both process stages over every AllSides article (../shared), on inputs the earlier stages prepared: no failure, every span in its text.</summary>
public class CorpusRobustnessTests(ITestOutputHelper output)
{
    [SharedFact]
    public void AllSides_runs_through_formats_and_positions()
    {
        var pipeline = Run.Shared;
        int articles = 0, positions = 0, formats = 0, withPositions = 0;
        var failures = new List<string>();
        foreach (var doc in new InputReader().Read([SharedData.PathOf("corpora/allsides-intl/allsides-intl.jsonl.gz")]))
        {
            var r = pipeline.Process(doc);
            articles++;
            failures.AddRange(r.Errors.Where(e => e.StartsWith("formats failed", StringComparison.Ordinal) || e.StartsWith("positions failed", StringComparison.Ordinal)).Select(e => $"{r.Id}: {e}"));
            foreach (var p in r.Positions ?? [])
            {
                Assert.True(p.Start >= 0 && p.End <= r.Text.Length && p.Start < p.End, $"{r.Id}: position {p.Start}..{p.End}");
                if (p.Condition is { } c) Assert.Equal(c.Text, r.Text[c.Start..c.End]);
                Assert.Contains(p.Stance, new[] { "supports", "opposes", "conditions" });
            }
            foreach (var f in r.Formats ?? [])
            {
                foreach (var m in f.Mentions) Assert.Equal(m.Text, r.Text[m.Start..m.End]);
                foreach (var x in f.Rounds ?? []) Assert.Equal(x.Text, r.Text[x.Start..x.End]);
                Assert.All(f.Events, id => Assert.Contains(r.Events, e => e.Id == id));
            }
            positions += r.Positions?.Count ?? 0;
            formats += r.Formats?.Count ?? 0;
            if (r.Positions is { Count: > 0 }) withPositions++;
        }
        output.WriteLine($"{articles} articles: {positions} positions ({(double)positions / articles:F2}/article, {withPositions} articles with any), {formats} format records");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
        Assert.True(positions > articles / 10, $"{positions} positions in {articles} articles");
    }
}
