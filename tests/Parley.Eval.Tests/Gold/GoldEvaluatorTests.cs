using Parley.Core;
using Parley.Eval.Gold;

namespace Parley.Eval.Tests.Gold;

/// <summary>Matching rules of the gold format, checked on hand-made records.</summary>
public class GoldEvaluatorTests
{
    const string GoldJson = """
    {
      "format": "parley-gold/1",
      "documents": [
        {
          "doc": "a.txt",
          "published": "2024-03-01",
          "title": "Norland and Estavia  hold talks",
          "outlet": "Harbour Monitor",
          "body_includes": ["met in the lakeside town", "a “second round” is planned"],
          "body_excludes": ["Logo Wide"],
          "quotes": [
            {"speaker": "Mara Lindqvist", "speaker_alternatives": ["Norland"], "kind": "direct", "text": "we will not give up our waters"},
            {"speaker": "Jon Arvik", "kind": "indirect", "text": "the quota question must be settled first"},
            {"speaker": "Estavia", "kind": "indirect", "text": "talks may resume in spring", "required": false}
          ],
          "events": [
            {"type": "CONSULT", "source": ["NOR"], "target": ["EST"], "date": "2024-02-27"},
            {"type": "CONSULT", "source": ["NOR", "EST", "UNO"], "target": []},
            {"type": "THREATEN", "source": ["EST"], "target": ["NOR"]},
            {"type": "AGREE", "source": ["NOR"], "target": ["EST"], "required": false}
          ],
          "must_not_events": [{"type": "SANCTION", "source": ["EST"], "why": "footer"}]
        },
        {
          "doc": "b.txt",
          "title": "Second story",
          "body_includes": ["nothing here"],
          "body_excludes": []
        }
      ]
    }
    """;

    static ActorRef Country(string iso) => new() { Name = iso, Country = iso };

    static ArticleRecord Record(string id) => new() { Id = id, Source = id };

    static ArticleRecord DocA()
    {
        var r = Record("a");
        r.Title = "norland and estavia hold talks";
        r.Outlet = "Harbour  Monitor";
        r.Text = "The ministers met in the lakeside town on Tuesday.\n\nNow a \"second round\" is planned.";
        r.Quotes =
        [
            new QuoteRecord { Id = "Q1", Kind = "direct", Text = "“We will not give up our waters,” and more", Speaker = new SpeakerRecord { Name = "mara lindqvist" } },
            // overlaps more than half of the gold text, wrong speaker (surname only)
            new QuoteRecord { Id = "Q2", Kind = "indirect", Text = "he insisted the quota question must be", Speaker = new SpeakerRecord { Name = "Arvik" } },
            new QuoteRecord { Id = "Q3", Kind = "direct", Text = "something nobody annotated", Speaker = new SpeakerRecord { Name = "X" } },
        ];
        r.Events =
        [
            // swapped sides: fine for CONSULT
            new EventRecord { Id = "E1", Type = "CONSULT", Source = [Country("EST")], Target = [Country("NOR")], Date = "2024-02-27" },
            // multilateral: participants among source ∪ target; UNO from an IGO code
            new EventRecord { Id = "E2", Type = "CONSULT", Source = [Country("NOR"), new ActorRef { Name = "UN", Code = "IGOUNO" }], Target = [Country("EST")] },
            // swapped sides: not fine for THREATEN
            new EventRecord { Id = "E3", Type = "THREATEN", Source = [Country("NOR")], Target = [Country("EST")] },
            new EventRecord { Id = "E4", Type = "SANCTION", Source = [Country("EST")], Target = [Country("NOR")] },
        ];
        return r;
    }

    static GoldReport Run(Func<GoldDocument, ArticleRecord> extract) => GoldEvaluator.Evaluate(GoldFile.Parse(GoldJson), extract);

    [Fact]
    public void Parses_every_field()
    {
        var gold = GoldFile.Parse(GoldJson);
        Assert.Equal(2, gold.Documents.Count);
        var a = gold.Documents[0];
        Assert.Equal("a.txt", a.Doc);
        Assert.Equal("2024-03-01", a.Published);
        Assert.True(a.HasOutlet);
        Assert.False(gold.Documents[1].HasOutlet);
        Assert.Equal(["Norland"], a.Quotes[0].SpeakerAlternatives);
        Assert.False(a.Quotes[2].Required);
        Assert.True(a.Quotes[0].Required);
        Assert.Empty(a.Events[1].Target);
        Assert.Equal("2024-02-27", a.Events[0].Date);
        Assert.Equal("footer", a.MustNotEvents.Single().Why);
    }

    [Fact]
    public void Rejects_other_formats()
    {
        Assert.Throws<FormatException>(() => GoldFile.Parse("""{"format": "other/2", "documents": []}"""));
    }

    [Fact]
    public void Scores_body_metadata_quotes_and_events()
    {
        var report = Run(d => d.Doc == "a.txt" ? DocA() : Record("b"));

        Assert.Equal("2/3", report["body_includes"].Detail);
        Assert.Equal(1.0, report["body_excludes"].Value);
        Assert.Equal("1/2", report["titles"].Detail);
        Assert.Equal("1/1", report["outlets"].Detail);   // b.txt has no outlet field: not scored

        Assert.Equal("2/3", report["quote_precision"].Detail);
        Assert.Equal("2/2", report["quote_recall"].Detail);
        Assert.Equal(0.8, report["quote_f1"].Value!.Value, 3);
        Assert.Equal("1/2", report["speaker_accuracy"].Detail);

        Assert.Equal("2/4", report["event_precision"].Detail);
        Assert.Equal("2/3", report["event_recall"].Detail);
        Assert.Equal("1/1", report["event_date_accuracy"].Detail);
        Assert.Equal(1.0, report["must_not_events"].Value);

        Assert.Contains(report.Findings, f => f.Doc == "b.txt" && f.Kind == "missing include");
        Assert.Contains(report.Findings, f => f.Kind == "title mismatch");
        Assert.Contains(report.Findings, f => f.Kind == "wrong speaker");
        Assert.Contains(report.Findings, f => f.Kind == "unmatched gold event" && f.Detail.StartsWith("THREATEN"));
        Assert.Contains(report.Findings, f => f.Kind == "must-not event produced");
    }

    [Fact]
    public void Nothing_predicted_gives_undefined_precision_and_zero_recall()
    {
        var report = Run(d => Record(d.Doc));
        Assert.Null(report["quote_precision"].Value);
        Assert.StartsWith("n/a", report["quote_precision"].Detail);
        Assert.Equal(0.0, report["quote_recall"].Value);
        Assert.Equal("0/2", report["quote_recall"].Detail);
        Assert.Equal(0.0, report["quote_f1"].Value);
        Assert.Null(report["speaker_accuracy"].Value);
        Assert.Null(report["event_precision"].Value);
        Assert.Equal("0/3", report["event_recall"].Detail);
        Assert.Null(report["event_date_accuracy"].Value);
        Assert.Equal(0.0, report["must_not_events"].Value);
        Assert.Equal(13, report.Metrics.Count);
    }

    [Theory]
    [InlineData("“we will not give up our waters”", "we will not give up our waters", true)]
    [InlineData("we will not  give up", "we will not give up our waters", true)]      // 19 of 30 chars overlap
    [InlineData("give up", "we will not give up our waters", false)]
    [InlineData("", "anything", false)]
    public void Quote_matching(string predicted, string gold, bool expected)
    {
        Assert.Equal(expected, GoldMatching.QuoteMatches(predicted, gold));
    }

    [Fact]
    public void Speaker_matching_is_exact_up_to_case_and_space()
    {
        var g = new GoldQuote { Speaker = "Recep Tayyip Erdogan", SpeakerAlternatives = ["Turkey"], Text = "x" };
        Assert.True(GoldMatching.SpeakerMatches("recep  tayyip erdogan", g));
        Assert.True(GoldMatching.SpeakerMatches("TURKEY", g));
        Assert.False(GoldMatching.SpeakerMatches("Erdogan", g));
        Assert.False(GoldMatching.SpeakerMatches("Recep Tayyip Erdoğan", g));
        Assert.False(GoldMatching.SpeakerMatches(null, g));
    }

    [Fact]
    public void Event_countries_come_from_country_or_igo_code()
    {
        Assert.Equal("RUS", GoldMatching.CountryOf(new ActorRef { Country = "rus", Code = "RUSGOV" }));
        Assert.Equal("UNO", GoldMatching.CountryOf(new ActorRef { Code = "UNO" }));
        Assert.Equal("UNO", GoldMatching.CountryOf(new ActorRef { Code = "IGOUNO" }));
        Assert.Null(GoldMatching.CountryOf(new ActorRef { Code = "RUSGOV" }));
    }

    [Fact]
    public void Multilateral_gold_needs_every_participant()
    {
        var gold = new GoldEvent { Type = "CONSULT", Source = ["SYR", "TUR", "IRN"], Target = [] };
        var all = new EventRecord { Id = "E", Type = "CONSULT", Source = [Country("SYR"), Country("TUR")], Target = [Country("IRN")] };
        var some = new EventRecord { Id = "E", Type = "CONSULT", Source = [Country("SYR")], Target = [Country("TUR")] };
        Assert.True(GoldMatching.EventMatches(all, gold));
        Assert.False(GoldMatching.EventMatches(some, gold));
    }
}
