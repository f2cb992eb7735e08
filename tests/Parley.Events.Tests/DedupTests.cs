using static Parley.Events.Tests.Coding;

namespace Parley.Events.Tests;

/// <summary>One event per fact across title, body and captions, with every mention kept as evidence.</summary>
public class DedupTests
{
    const string Body = "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Moscow on Wednesday. The two leaders discussed trade.";

    [Fact]
    public void Title_and_body_are_one_event()
    {
        var events = Code(Body, title: "Putin Meets Erdogan in Moscow");
        var e = One(events, "CONSULT");
        Assert.Equal(0, e.Sentence);
        Assert.NotNull(e.Evidence);
        Assert.Contains(e.Evidence!, x => x.Where == "title" && x.Sentence == -1);
        Assert.Contains(e.Evidence!, x => x.Where == "body" && x.Sentence == 1);
    }

    [Fact]
    public void A_caption_that_repeats_the_body_adds_evidence_only()
    {
        var events = Code(Body, captions: ["Vladimir Putin (right) meets Recep Tayyip Erdogan at the Kremlin on Wednesday."]);
        var e = One(events, "CONSULT");
        Assert.Contains(e.Evidence!, x => x.Where == "caption" && x.Caption == 0);
    }

    [Fact]
    public void A_caption_with_a_new_fact_is_kept()
    {
        var events = Code(Body, captions: ["Erdogan praised Putin during a visit to Sochi last year."]);
        var s = One(events, "SUPPORT");
        Assert.Equal(-1, s.Sentence);
        Assert.Equal("caption", Assert.Single(s.Evidence!).Where);
        One(events, "CONSULT");
    }

    [Fact]
    public void Captions_are_skipped_without_an_actor_resolver()
    {
        var input = Input(Body, captions: ["Erdogan praised Putin during a visit to Sochi last year."], resolveExtra: false);
        Assert.DoesNotContain(Coding.EventCoder.Code(input), e => e.Type == "SUPPORT");
    }

    [Fact]
    public void Distinct_meetings_of_the_same_countries_stay_apart()
    {
        const string text = "Putin met Erdogan in Sochi on Monday. Five days earlier, Fidan travelled to Moscow and held talks with Lavrov.";
        var events = Code(text);
        Assert.Equal(2, events.Count(e => e.Type == "CONSULT"));
    }

    [Fact]
    public void Ids_are_sequential_and_bad_spans_are_skipped()
    {
        var input = Input(Body) with { Sentences = [new(0, 10_000), new(5, 2)] };
        Assert.Empty(Coding.EventCoder.Code(input));
        var events = Code(Body + " Erdogan praised Putin.");
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => "E" + i), events.Select(e => e.Id));
    }
}
