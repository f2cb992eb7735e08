using Parley.Eval.Gold;
using Parley.Ingest;
using Parley.Pipeline;
using Parley.TestSupport;
using Xunit.Abstractions;

namespace Parley.Pipeline.Tests;

/// <summary>The five seed articles (../shared/seeds) through the pipeline, scored against their gold.</summary>
public class SeedsGoldTests(ITestOutputHelper output)
{
    static GoldReport Evaluate()
    {
        var gold = GoldFile.Load(SharedData.PathOf("gold/seeds.gold.json"));
        var published = gold.Documents.Where(d => d.Published is not null).ToDictionary(d => d.Doc, d => d.Published!);
        var pipeline = ArticlePipeline.Build(new PipelineOptions { PublishedByFile = published });
        return GoldEvaluator.Evaluate(gold, doc =>
        {
            var path = SharedData.PathOf(Path.Combine("seeds", doc.Doc));
            return pipeline.Process(new RawDocument { Id = Path.GetFileNameWithoutExtension(doc.Doc), Source = path, Text = File.ReadAllText(path) });
        });
    }

    [SharedFact]
    public void Seeds_body_titles_and_outlets_match_the_gold()
    {
        var report = Evaluate();
        foreach (var m in report.Metrics) output.WriteLine(m.ToString());
        foreach (var f in report.Findings.Where(f => !f.Kind.Contains("quote") && !f.Kind.Contains("event")))
            output.WriteLine(f.ToString());

        Assert.Equal(1.0, report["body_includes"].Value);
        Assert.Equal(1.0, report["body_excludes"].Value);
        Assert.Equal("5/5", report["titles"].Detail);
        Assert.Equal(1.0, report["outlets"].Value);
        Assert.Equal(0.0, report["must_not_events"].Value);
    }

    [SharedFact]
    public void Seeds_quotes_are_all_found_with_their_speakers()
    {
        var report = Evaluate();
        foreach (var f in report.Findings.Where(f => f.Kind.Contains("quote") || f.Kind.Contains("speaker")))
            output.WriteLine(f.ToString());
        output.WriteLine(report["quote_f1"].ToString());
        Assert.Equal(1.0, report["quote_recall"].Value);
        Assert.Equal(1.0, report["speaker_accuracy"].Value);
        // Every unmatched prediction is an attribution the gold does not list (according to …, called on, X's
        // confirmation of …); more than that would be a regression.
        Assert.True(report["quote_precision"].Value >= 0.78, report["quote_precision"].ToString());
    }

    [SharedFact]
    public void Seed_records_are_well_formed()
    {
        var pipeline = ArticlePipeline.Build();
        foreach (var path in Directory.GetFiles(SharedData.PathOf("seeds"), "*.txt"))
        {
            var record = pipeline.Process(new RawDocument { Id = Path.GetFileNameWithoutExtension(path), Source = path, Text = File.ReadAllText(path) });
            Assert.Empty(record.Errors);
            Assert.NotEmpty(record.Sentences);
            Assert.All(record.Sentences, s =>
            {
                Assert.InRange(s.End, s.Start + 1, record.Text.Length);
                Assert.DoesNotContain("\n\n", record.Text[s.Start..s.End]);
            });
            Assert.All(record.Removed, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
            Assert.All(record.Quotes.Where(q => q.Where is null), q =>
            {
                Assert.Equal(q.Text, record.Text[q.Start..q.End]);
                Assert.InRange(q.Sentence, 0, record.Sentences.Count - 1);
                Assert.InRange(q.Confidence, 0.0, 1.0);
            });
        }
    }
}
