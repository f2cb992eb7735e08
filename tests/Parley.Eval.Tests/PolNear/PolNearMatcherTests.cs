using Parley.Core;
using Parley.Eval.PolNear;
using static Parley.Eval.Tests.PolNear.AnnFixture;

namespace Parley.Eval.Tests.PolNear;

public class PolNearMatcherTests
{
    const string Text =
        "\"The ceasefire must hold,\" Foreign Minister Lena Sorvik said on Monday. " +
        "She added that monitors would be sent to the border within a week. " +
        "Aid groups warned that food stocks were running low in the north.";

    static GoldContent Gold(string content, string? source = null, string cue = "said") =>
        new("T1", [Span(Text, content)], source is null ? [] : [Span(Text, source)], cue, 1);

    static QuoteRecord Quote(string phrase, SpeakerRecord? speaker = null, string kind = "direct") =>
        Quote(Span(Text, phrase), speaker, kind);

    static QuoteRecord Quote(TextSpan span, SpeakerRecord? speaker = null, string kind = "direct") =>
        new() { Id = "Q", Kind = kind, Text = Text[span.Start..span.End], Start = span.Start, End = span.End, Speaker = speaker };

    static SpeakerRecord SpeakerAt(string phrase, string? actor = null)
    {
        var s = Span(Text, phrase);
        return new SpeakerRecord { Text = phrase, Start = s.Start, End = s.End, Actor = actor, Name = actor };
    }

    static ActorRecord Actor(string id, params string[] mentions) => new()
    {
        Id = id,
        Name = id,
        Mentions = mentions.Select(m => new MentionRecord { Start = Span(Text, m).Start, End = Span(Text, m).End, Text = m }).ToList(),
    };

    [Fact]
    public void QuoteMarksAndSpacesDoNotCountAndExactBoundariesAreSeen()
    {
        GoldContent[] gold = [Gold("The ceasefire must hold,")];
        QuoteRecord[] predicted = [Quote("\"The ceasefire must hold,\" ")];

        Assert.Equal([(0, 0)], PolNearMatcher.Match(Text, gold, predicted, MatchRule.Strict));
        Assert.Equal([(0, 0)], PolNearMatcher.Match(Text, gold, predicted, MatchRule.Exact));
        Assert.Empty(PolNearMatcher.Match(Text, gold, [Quote("The ceasefire must hold")], MatchRule.Exact));
    }

    [Fact]
    public void OverlapBelowHalfOfTheGoldIsNoMatch()
    {
        GoldContent[] gold = [Gold("that monitors would be sent to the border within a week")];
        // 20 of the gold's 55 characters
        var predicted = Quote("monitors would be se");

        Assert.Empty(PolNearMatcher.Match(Text, gold, [predicted], MatchRule.Strict));
        Assert.Empty(PolNearMatcher.Match(Text, gold, [predicted], MatchRule.Lenient));
        Assert.Single(PolNearMatcher.Match(Text, gold, [Quote("that monitors would be sent to the border")], MatchRule.Strict));
    }

    [Fact]
    public void APredictionMuchLongerThanTheGoldMatchesOnlyLeniently()
    {
        GoldContent[] gold = [Gold("The ceasefire must hold,")];
        var whole = Quote(new TextSpan(0, Span(Text, "within a week").End));

        Assert.Empty(PolNearMatcher.Match(Text, gold, [whole], MatchRule.Strict));
        Assert.Equal([(0, 0)], PolNearMatcher.Match(Text, gold, [whole], MatchRule.Lenient));
    }

    [Fact]
    public void MatchingIsOneToOneAndPrefersTheLargerOverlap()
    {
        GoldContent[] gold = [Gold("that monitors would be sent to the border within a week")];
        QuoteRecord[] predicted =
        [
            Quote("that monitors would be sent to the border"),
            Quote("that monitors would be sent to the border within a week."),
        ];

        Assert.Equal([(0, 1)], PolNearMatcher.Match(Text, gold, predicted, MatchRule.Strict));

        var score = PolNearEvaluator.Score("d", Text, gold, new ArticleRecord { Id = "d", Source = "d", Quotes = [.. predicted] });
        Assert.Equal(1, score.Matched);
        Assert.Single(score.UnmatchedPredicted);
    }

    [Fact]
    public void DiscontinuousGoldCountsItsFragments()
    {
        var gold = new GoldContent("T1", [Span(Text, "The ceasefire must hold,"), Span(Text, "monitors would be sent to the border within a week")], [], "said", 1);

        // covers the second fragment only: 50 of 73 gold characters
        Assert.Single(PolNearMatcher.Match(Text, [gold], [Quote("monitors would be sent to the border within a week")], MatchRule.Strict));
        // covers the first only: 24 of 73
        Assert.Empty(PolNearMatcher.Match(Text, [gold], [Quote("The ceasefire must hold,")], MatchRule.Lenient));
    }

    [Fact]
    public void TheTextBetweenGoldFragmentsIsNotChargedToAPredictionThatSpansIt()
    {
        const string text = "\"We are not leaving,\" said Marta Quell, a spokeswoman for the striking dock workers' union, \"until the contract is signed.\"";
        var gold = new GoldContent("T1", [Span(text, "\"We are not leaving,\""), Span(text, "\"until the contract is signed.\"")], [], "said", 1);
        var whole = new QuoteRecord { Id = "Q", Kind = "mixed", Text = text, Start = 0, End = text.Length };

        // 48 gold characters in a 121-character trimmed span: a match only because the 73 between are not counted
        Assert.Single(PolNearMatcher.Match(text, [gold], [whole], MatchRule.Strict));
        // what lies outside the gold is still charged
        const string longer = text + " The port stayed closed for a third week and ships waited offshore.";
        Assert.Empty(PolNearMatcher.Match(longer, [gold], [new QuoteRecord { Id = "Q", Kind = "mixed", Text = longer, Start = 0, End = longer.Length }], MatchRule.Strict));
    }

    [Fact]
    public void AttributionBySpeakerSpan()
    {
        var gold = Gold("The ceasefire must hold,", source: "Foreign Minister Lena Sorvik");
        Assert.True(PolNearMatcher.Attributed(gold, Quote("The ceasefire must hold,", SpeakerAt("Lena Sorvik")), []));
        Assert.False(PolNearMatcher.Attributed(gold, Quote("The ceasefire must hold,", SpeakerAt("Aid groups")), []));
    }

    [Fact]
    public void AttributionThroughACoreferentMentionOfTheSpeakersActor()
    {
        // gold source is "She"; the extractor names the resolved actor and points at her full name
        var gold = Gold("that monitors would be sent to the border within a week", source: "She");
        var sorvik = Actor("sorvik", "Lena Sorvik", "She");
        var quote = Quote("that monitors would be sent to the border within a week", SpeakerAt("Foreign Minister Lena Sorvik", "sorvik"), "indirect");

        Assert.True(PolNearMatcher.Attributed(gold, quote, [Actor("other", "Aid groups"), sorvik]));
        Assert.False(PolNearMatcher.Attributed(gold, quote, [Actor("sorvik", "Lena Sorvik")]));
        // an actor id alone, no span, still counts through its mentions
        var idOnly = Quote("that monitors would be sent to the border within a week", new SpeakerRecord { Actor = "sorvik" });
        Assert.True(PolNearMatcher.Attributed(gold, idOnly, [sorvik]));
    }

    [Fact]
    public void AQuoteWithoutASpeakerIsWronglyAttributed()
    {
        var gold = Gold("The ceasefire must hold,", source: "Foreign Minister Lena Sorvik");
        Assert.False(PolNearMatcher.Attributed(gold, Quote("The ceasefire must hold,"), [Actor("sorvik", "Lena Sorvik")]));
    }

    [Fact]
    public void ScoreCountsAttributionOnlyForGoldWithASource()
    {
        GoldContent[] gold =
        [
            Gold("The ceasefire must hold,", source: "Foreign Minister Lena Sorvik"),
            Gold("that monitors would be sent to the border within a week", source: "She", cue: "added"),
            Gold("food stocks were running low in the north", cue: "warned"),
            Gold("that food stocks were running low", cue: "warned") with { Content = [Span(Text, "Aid groups warned")] },
        ];
        var record = new ArticleRecord
        {
            Id = "d",
            Source = "d",
            Quotes =
            [
                Quote("The ceasefire must hold,", SpeakerAt("Lena Sorvik")),
                Quote("that monitors would be sent to the border within a week", null, "indirect"),
                Quote("that food stocks were running low in the north", SpeakerAt("Aid groups"), "indirect"),
                Quote("on Monday", null, "mixed"),
            ],
        };

        var score = PolNearEvaluator.Score("d", Text, gold, record);

        Assert.Equal(4, score.Gold);
        Assert.Equal(3, score.Matched);
        Assert.Equal(2, score.AttributionTotal);
        Assert.Equal(1, score.AttributionCorrect);
        Assert.Equal([("said", true), ("added", true), ("warned", true), ("warned", false)], score.Cues);
        Assert.Equal([("direct", true), ("indirect", true), ("indirect", true), ("mixed", false)], score.Kinds);
        Assert.Equal(["[warned] Aid groups warned"], score.MissedGold);
        Assert.Equal(["[mixed] on Monday"], score.UnmatchedPredicted);
    }
}
