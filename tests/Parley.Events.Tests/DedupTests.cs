using static Parley.Events.Tests.Coding;

namespace Parley.Events.Tests;

/// <summary>One event per fact across title, body and captions, with every mention kept as evidence.</summary>
public class DedupTests
{
    const string Body = "Indian Prime Minister Narendra Modi met Russian President Vladimir Putin in New Delhi on Wednesday. The two leaders discussed trade.";

    [Fact]
    public void Title_and_body_are_one_event()
    {
        var events = Code(Body, title: "Modi Meets Putin in New Delhi");
        var e = One(events, "CONSULT");
        Assert.Equal(0, e.Sentence);
        Assert.NotNull(e.Evidence);
        Assert.Contains(e.Evidence!, x => x.Where == "title" && x.Sentence == -1);
        Assert.Contains(e.Evidence!, x => x.Where == "body" && x.Sentence == 1);
    }

    [Fact]
    public void A_caption_that_repeats_the_body_adds_evidence_only()
    {
        var events = Code(Body, captions: ["Narendra Modi meets Vladimir Putin in New Delhi on Wednesday."]);
        var e = One(events, "CONSULT");
        Assert.Contains(e.Evidence!, x => x.Where == "caption" && x.Caption == 0);
    }

    [Fact]
    public void A_caption_with_a_new_fact_is_kept()
    {
        var events = Code(Body, captions: ["Modi praised Putin during a visit to Vladivostok last year."]);
        var s = One(events, "SUPPORT");
        Assert.Equal(-1, s.Sentence);
        Assert.Equal("caption", Assert.Single(s.Evidence!).Where);
        One(events, "CONSULT");
    }

    [Fact]
    public void Captions_are_skipped_without_an_actor_resolver()
    {
        var input = Input(Body, captions: ["Modi praised Putin during a visit to Vladivostok last year."], resolveExtra: false);
        Assert.DoesNotContain(Coding.EventCoder.Code(input), e => e.Type == "SUPPORT");
    }

    [Fact]
    public void Distinct_meetings_of_the_same_countries_stay_apart()
    {
        const string text = "Biden met Trudeau in Ottawa on Monday. Two days earlier, Blinken flew to Ottawa and held talks with Canadian officials.";
        var events = Code(text);
        Assert.Equal(2, events.Count(e => e.Type == "CONSULT"));
    }

    [Fact]
    public void Ids_are_sequential_and_bad_spans_are_skipped()
    {
        var input = Input(Body) with { Sentences = [new(0, 10_000), new(5, 2)] };
        Assert.Empty(Coding.EventCoder.Code(input));
        var events = Code(Body + " Modi praised Putin.");
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => "E" + i), events.Select(e => e.Id));
    }
}
