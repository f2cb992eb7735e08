using Parley.Core;
using Parley.Eval.PolNear;
using static Parley.Eval.Tests.PolNear.AnnFixture;

namespace Parley.Eval.Tests.PolNear;

public class PolNearGoldTests
{
    const string Text =
        "Rescue teams reached the flooded valley on Sunday. \"We are doing everything we can,\" the regional governor told reporters. " +
        "She said more pumps would arrive by Tuesday. It is expected that the river will fall within days. " +
        "The clip drew mockery online. \"The schools stay shut,\" the mayor said, \"until the water is gone.\"";

    static List<GoldContent> Gold(string ann, out List<PolNearProblem> problems)
    {
        problems = [];
        return PolNearGold.From(BratReader.Parse(ann, "doc_ab12.ann"), Text, problems);
    }

    static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    [Fact]
    public void BuildsContentsWithSourcesCuesAndNoSourceEntries()
    {
        var ann = Lines(
            T(1, "Source", Text, "the regional governor"),
            T(2, "Cue", Text, "told"),
            T(3, "Content", Text, "\"We are doing everything we can,\""),
            T(4, "Attribution", Text, "told"),
            "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
            "",
            T(5, "Source", Text, "She"),
            T(6, "Cue", Text, "said"),
            T(7, "Content", Text, "more pumps would arrive by Tuesday"),
            T(8, "Attribution", Text, "said"),
            "E2\tAttribution:T8 Cue:T6 Source:T5 Content:T7",
            T(9, "Cue", Text, "It is expected"),
            T(10, "Content", Text, "that the river will fall within days"),
            T(11, "Attribution-no-source", Text, "It is expected"),
            "E3\tAttribution-no-source:T11 Content:T10 Cue:T9",
            T(12, "Discuss", Text, "The clip drew mockery online"));

        var gold = Gold(ann, out var problems);

        Assert.Empty(problems);
        Assert.Equal(3, gold.Count);
        Assert.Equal([Span(Text, "\"We are doing everything we can,\"")], gold[0].Content);
        Assert.Equal([Span(Text, "the regional governor")], gold[0].Source);
        Assert.Equal("told", gold[0].Cue);
        Assert.True(gold[1].HasSource);
        Assert.Equal([Span(Text, "She")], gold[1].Source);
        Assert.False(gold[2].HasSource);
        Assert.Equal("it is expected", gold[2].Cue);
    }

    [Fact]
    public void Content2AddsFragmentsAndASharedContentIsOneGoldWithBothSources()
    {
        var ann = Lines(
            T(1, "Source", Text, "the mayor"),
            T(2, "Cue", Text, "said", 1),
            T(3, "Content", Text, "\"The schools stay shut,\""),
            T(4, "Content", Text, "\"until the water is gone.\""),
            T(5, "Attribution", Text, "said", 1),
            "E1\tAttribution:T5 Cue:T2 Source:T1 Content:T3 Content2:T4",
            T(6, "Source", Text, "the regional governor"),
            T(7, "Attribution", Text, "told"),
            "E2\tAttribution:T7 Source:T6 Content:T3");

        var gold = Assert.Single(Gold(ann, out var problems));

        Assert.Empty(problems);
        Assert.Equal([Span(Text, "\"The schools stay shut,\""), Span(Text, "\"until the water is gone.\"")], gold.Content);
        Assert.Equal([Span(Text, "the mayor"), Span(Text, "the regional governor")], gold.Source.OrderByDescending(s => s.Start));
        Assert.Equal("said", gold.Cue);
    }

    [Fact]
    public void DiscontinuousSpansAreRead()
    {
        var first = Span(Text, "\"The schools stay shut,\"");
        var second = Span(Text, "\"until the water is gone.\"");
        var ann = Lines(
            $"T1\tContent {first.Start} {first.End};{second.Start} {second.End}\t\"The schools stay shut,\" \"until the water is gone.\"",
            T(2, "Attribution-no-source", Text, "said", 1),
            "E1\tAttribution-no-source:T2 Content:T1");

        var gold = Assert.Single(Gold(ann, out var problems));
        Assert.Empty(problems);
        Assert.Equal([first, second], gold.Content);
        Assert.Equal(PolNearGold.NoCue, gold.Cue);
    }

    [Fact]
    public void ReportsBadReferencesOffsetsAndTextWithoutDroppingTheRest()
    {
        var ann = Lines(
            T(1, "Content", Text, "more pumps would arrive by Tuesday"),
            "E1\tAttribution:T9 Content:T1",
            $"T2\tContent 5000 5010\tbeyond the end",
            "E2\tAttribution:T1 Content:T2",
            $"T3\tSource {Brat(Text, "She")}\tHe",
            T(4, "Content", Text, "that the river will fall within days"));

        var gold = Gold(ann, out var problems);

        var messages = problems.Select(p => p.ToString()).ToList();
        Assert.Contains(messages, m => m.StartsWith("doc_ab12.ann:2: E1: Attribution points to T9, which is not defined"));
        Assert.Contains(messages, m => m.StartsWith("doc_ab12.ann:3: T2: offsets 5000-5010 are outside the text"));
        Assert.Contains(messages, m => m.StartsWith("doc_ab12.ann:5: T3: text \"He\" differs"));
        Assert.Contains(messages, m => m.StartsWith("doc_ab12.ann:6: T4: Content linked by no event"));
        Assert.Equal([Span(Text, "more pumps would arrive by Tuesday"), Span(Text, "that the river will fall within days")],
            gold.Select(g => g.Content[0]));
        Assert.All(gold, g => Assert.False(g.HasSource));
    }

    [Fact]
    public void CodePointOffsetsBecomeUtf16OffsetsAfterAnEmoji()
    {
        const string text = "Fans cheered 🎉 all night. The coach said the team was ready.";
        var ann = string.Join("\n",
            T(1, "Source", text, "The coach"),
            T(2, "Content", text, "the team was ready"),
            T(3, "Cue", text, "said"),
            "E1\tAttribution:T3 Source:T1 Content:T2 Cue:T3");
        Assert.Contains("\tSource 26 35\t", ann); // code points: the emoji counts once

        var problems = new List<PolNearProblem>();
        var gold = Assert.Single(PolNearGold.From(BratReader.Parse(ann, "e.ann"), text, problems));

        Assert.Empty(problems);
        Assert.Equal("the team was ready", text[gold.Content[0].Start..gold.Content[0].End]);
        Assert.Equal("The coach", text[gold.Source[0].Start..gold.Source[0].End]);
    }
}
