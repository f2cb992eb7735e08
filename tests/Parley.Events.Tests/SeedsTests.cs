using Parley.Eval.Gold;
using Parley.Ingest;
using Parley.Pipeline;
using Parley.TestSupport;
using Xunit.Abstractions;

namespace Parley.Events.Tests;

/// <summary>The seed articles (../shared) through the whole pipeline, events scored against the gold.</summary>
public class SeedsTests(ITestOutputHelper output)
{
    [SharedFact]
    public void Seed_events_reach_the_target()
    {
        var gold = GoldFile.Load(SharedData.PathOf("gold/seeds.gold.json"));
        var published = gold.Documents.Where(d => d.Published is not null).ToDictionary(d => d.Doc, d => d.Published!);
        var pipeline = ArticlePipeline.Build(new PipelineOptions { PublishedByFile = published });
        var report = GoldEvaluator.Evaluate(gold, doc =>
        {
            var path = SharedData.PathOf(Path.Combine("seeds", doc.Doc));
            return pipeline.Process(new RawDocument { Id = Path.GetFileNameWithoutExtension(doc.Doc), Source = path, Text = File.ReadAllText(path) });
        });
        foreach (var m in report.Metrics.Where(m => m.Name.StartsWith("event", StringComparison.Ordinal) || m.Name == "must_not_events"))
            output.WriteLine(m.ToString());
        foreach (var f in report.Findings.Where(f => f.Kind.Contains("event"))) output.WriteLine(f.ToString());

        // reached: P 1.00 (25/25), R 1.00 (18/18); one miss either way still passes
        Assert.True(report["event_f1"].Value >= 0.95, $"event F1 {report["event_f1"].Value}");
        Assert.True(report["event_recall"].Value >= 0.94, $"event recall {report["event_recall"].Value}");
        Assert.True(report["event_precision"].Value >= 0.95, $"event precision {report["event_precision"].Value}");
        Assert.Equal(0.0, report["must_not_events"].Value);
    }
}
