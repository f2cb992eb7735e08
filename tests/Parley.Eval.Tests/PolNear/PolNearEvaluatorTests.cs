using Parley.Core;
using Parley.Eval.PolNear;
using Parley.TestSupport;
using static Parley.Eval.Tests.PolNear.AnnFixture;

namespace Parley.Eval.Tests.PolNear;

public class PolNearEvaluatorTests
{
    const string TextA = "The senator said the vote would be close. Staff members expected a late session.";
    const string TextB = "Organizers announced that the rally would move indoors because of the storm.";

    /// <summary>A small corpus in PolNeAR's layout; disposed with the test.</summary>
    sealed class Corpus : IDisposable
    {
        public string Dir { get; } = Directory.CreateTempSubdirectory("parley-polnear-").FullName;

        public Corpus()
        {
            Directory.CreateDirectory(Path.Combine(Dir, "dev", "text"));
            Directory.CreateDirectory(Path.Combine(Dir, "dev", "attributions"));
        }

        public void Text(string id, string text) => File.WriteAllText(Path.Combine(Dir, "dev", "text", id + ".txt"), text);
        public void Ann(string name, params string[] lines) => File.WriteAllText(Path.Combine(Dir, "dev", "attributions", name), string.Join("\n", lines) + "\n");
        public void Metadata(string content) => File.WriteAllText(Path.Combine(Dir, "metadata.tsv"), content);

        public void Dispose()
        {
            try { Directory.Delete(Dir, true); } catch (IOException) { }
        }
    }

    static Corpus TwoDocuments()
    {
        var c = new Corpus();
        c.Text("paper_2016-01-02_senate-vote", TextA);
        c.Text("paper_2016-01-03_rally-moves", TextB);
        // two annotators for the first document: "aa01" is used
        c.Ann("paper_2016-01-02_senate-vote_aa01.ann",
            T(1, "Source", TextA, "The senator"), T(2, "Cue", TextA, "said"), T(3, "Content", TextA, "the vote would be close"),
            T(4, "Attribution", TextA, "said"), "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
            T(5, "Source", TextA, "Staff members"), T(6, "Cue", TextA, "expected"), T(7, "Content", TextA, "a late session"),
            T(8, "Attribution", TextA, "expected"), "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7");
        c.Ann("paper_2016-01-02_senate-vote_zz99.ann",
            T(1, "Content", TextA, "the vote would be close"), T(2, "Attribution-no-source", TextA, "said"), "E1\tAttribution-no-source:T2 Content:T1");
        c.Ann("paper_2016-01-03_rally-moves_bb02.ann",
            T(1, "Source", TextB, "Organizers"), T(2, "Cue", TextB, "announced"),
            T(3, "Content", TextB, "that the rally would move indoors because of the storm"),
            T(4, "Attribution", TextB, "announced"), "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
            "this line is broken");
        c.Metadata("compartment\tfilename\tpublication_date\ttitle\n" +
                   "dev\tpaper_2016-01-02_senate-vote\t2016-01-02\tSenate vote looms\n" +
                   "dev\tpaper_2016-01-03_rally-moves\tNone\tRally moves indoors\n");
        return c;
    }

    static ArticleRecord Empty(string id, string text) => new() { Id = id, Source = id, Text = text };

    [Fact]
    public void PicksTheFirstAnnotatorPassesMetadataAndReportsBadLines()
    {
        using var corpus = TwoDocuments();
        var seen = new List<(string, string?, string?)>();

        var report = PolNearEvaluator.Run(corpus.Dir, "dev", (id, text, published, title) =>
        {
            seen.Add((id, published, title));
            return Empty(id, text);
        });

        Assert.Equal([("paper_2016-01-02_senate-vote", "2016-01-02", "Senate vote looms"), ("paper_2016-01-03_rally-moves", null, "Rally moves indoors")], seen);
        Assert.Equal(2, report.Documents);
        Assert.Equal(1, report.MultiAnnotatorDocuments);
        Assert.Equal(3, report.GoldContents); // aa01's two, not zz99's one
        Assert.Equal(3, report.GoldWithSource);
        Assert.Equal(0, report.Strict.Recall);
        Assert.Equal("paper_2016-01-03_rally-moves_bb02.ann:6", Assert.Single(report.Problems) is var p ? $"{p.File}:{p.Line}" : "");
        Assert.Equal(["announced", "expected", "said"], report.ByCue().Select(c => c.Cue)); // equal counts: by cue
    }

    [Fact]
    public void ScoresPredictionsAndSurvivesAnUnreadableFileAndAFailingDelegate()
    {
        using var corpus = TwoDocuments();
        corpus.Text("paper_2016-01-04_broken", "x");
        File.WriteAllBytes(Path.Combine(corpus.Dir, "dev", "attributions", "paper_2016-01-04_broken_cc03.ann"), [0x54, 0x31, 0x09, 0xC3, 0x28]);
        corpus.Text("paper_2016-01-05_throws", TextB);
        corpus.Ann("paper_2016-01-05_throws_dd04.ann", T(1, "Content", TextB, "the rally would move indoors"), T(2, "Attribution-no-source", TextB, "announced"), "E1\tAttribution-no-source:T2 Content:T1");

        var report = PolNearEvaluator.Run(corpus.Dir, "dev", (id, text, _, _) =>
        {
            if (id.EndsWith("throws")) throw new InvalidOperationException("boom");
            var record = Empty(id, text);
            if (id.EndsWith("senate-vote"))
            {
                var content = Span(text, "the vote would be close");
                var speaker = Span(text, "The senator");
                record.Quotes.Add(new QuoteRecord
                {
                    Id = "q1", Kind = "indirect", Text = "the vote would be close", Start = content.Start, End = content.End,
                    Speaker = new SpeakerRecord { Text = "The senator", Start = speaker.Start, End = speaker.End },
                });
                var wrong = Span(text, "Staff members expected");
                record.Quotes.Add(new QuoteRecord { Id = "q2", Kind = "direct", Text = "x", Start = wrong.Start, End = wrong.End });
            }
            return record;
        }, limit: 10);

        Assert.Equal(3, report.Documents); // the unreadable one is skipped
        Assert.Contains(report.Problems, p => p.File == "paper_2016-01-04_broken" && p.Message.Contains("unreadable"));
        Assert.Contains(report.Problems, p => p.File == "paper_2016-01-05_throws.txt" && p.Message.Contains("boom"));
        Assert.Equal(4, report.GoldContents);
        Assert.Equal(2, report.Predicted);
        Assert.Equal(1, report.Strict.Matched);
        Assert.Equal(0.5, report.Strict.Precision);
        Assert.Equal(0.25, report.Strict.Recall);
        Assert.Equal(1.0, report.AttributionAccuracy);
        Assert.Equal([new KindPrecision("direct", 1, 0), new KindPrecision("indirect", 1, 1)], report.ByKind().OrderBy(k => k.Kind));
        var worst = Assert.Single(report.Worst(1));
        Assert.Equal("paper_2016-01-02_senate-vote", worst.Id); // 1 miss, 1 unmatched prediction; ties broken by it
    }

    [Fact]
    public void LimitTakesTheFirstDocumentsByName()
    {
        using var corpus = TwoDocuments();
        var report = PolNearEvaluator.Run(corpus.Dir, "dev", (id, text, _, _) => Empty(id, text), limit: 1);
        Assert.Equal("paper_2016-01-02_senate-vote", Assert.Single(report.PerDocument).Id);
        Assert.Equal(1, report.MultiAnnotatorDocuments);
    }

    [Fact]
    public void AMissingSplitIsAClearError()
    {
        using var corpus = new Corpus();
        var ex = Assert.Throws<DirectoryNotFoundException>(() => PolNearEvaluator.Run(corpus.Dir, "train", (id, text, _, _) => Empty(id, text)));
        Assert.Contains(Path.Combine("train", "text"), ex.Message);
    }

    [SharedFact]
    public void ReadsTheDevSplit()
    {
        var report = PolNearEvaluator.Run(SharedData.PathOf("corpora/polnear"), "dev", (id, text, _, _) => Empty(id, text));

        Assert.Equal(84, report.Documents);
        Assert.True(report.GoldContents > 2000, $"{report.GoldContents} gold contents");
        Assert.True(report.GoldWithSource > report.GoldContents * 8 / 10, $"{report.GoldWithSource} with a source");
        Assert.Equal(0, report.Strict.Recall);
        Assert.Null(report.AttributionAccuracy);
        Assert.True(report.ByCue().First() is { Cue: "said", Gold: > 300 });
        // nothing in the real files may be unreadable or misaligned
        Assert.DoesNotContain(report.Problems, p => p.Message.Contains("differs") || p.Message.Contains("outside") || p.Message.Contains("unreadable"));
    }

    [SharedFact]
    public void AnOracleThatPredictsTheGoldScoresPerfectly()
    {
        var dir = SharedData.PathOf("corpora/polnear");
        var goldById = PolNearCorpus.List(dir, "dev", []).ToDictionary(d => d.Id, d => d.AnnotationPath);

        var report = PolNearEvaluator.Run(dir, "dev", (id, text, _, _) =>
        {
            var record = Empty(id, text);
            foreach (var g in PolNearGold.From(BratReader.Read(goldById[id]), text, []))
            {
                int start = g.Content.Min(f => f.Start), end = g.Content.Max(f => f.End);
                SpeakerRecord? speaker = g.HasSource
                    ? new SpeakerRecord { Start = g.Source[0].Start, End = g.Source[0].End, Text = text[g.Source[0].Start..g.Source[0].End] }
                    : null;
                record.Quotes.Add(new QuoteRecord { Id = g.Id, Kind = "direct", Text = text[start..end], Start = start, End = end, Speaker = speaker });
            }
            return record;
        });

        Assert.Equal(report.GoldContents, report.Predicted);
        Assert.Equal(1.0, report.Strict.F1);
        Assert.Equal(1.0, report.Exact.F1);
        Assert.Equal(1.0, report.AttributionAccuracy);
        Assert.Equal(report.GoldWithSource, report.AttributionTotal);
    }
}
