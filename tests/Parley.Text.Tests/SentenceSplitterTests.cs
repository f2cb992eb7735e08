using Parley.Text;

namespace Parley.Text.Tests;

public class SentenceSplitterTests
{
    static readonly SentenceSplitter Splitter = SentenceSplitter.Load();

    static List<string> Split(string text) => Splitter.Split(text).Select(s => text[s.Start..s.End]).ToList();

    [Fact]
    public void Plain_sentences()
    {
        Assert.Equal(["The talks began on Monday.", "They ended a day later!", "Was anything agreed?"],
            Split("The talks began on Monday. They ended a day later! Was anything agreed?"));
    }

    [Theory]
    [InlineData("Mr. Lund met Gen. Arvik and Sen. Holm in the capital.")]
    [InlineData("Dr. Anna Berg spoke to Prof. Olsen on Jan. 23 about the plan.")]
    [InlineData("The U.N. envoy and the U.S. delegation arrived together.")]
    [InlineData("The bill, known as No. 2, passed after a long debate.")]
    [InlineData("Growth slowed to 3.5 percent in the third quarter.")]
    [InlineData("The report was written by J. R. Smith and colleagues.")]
    [InlineData("Talks resumed at 9 a.m. Tuesday in the old palace.")]
    [InlineData("The envoy flew to Washington, D.C. on Friday.")]
    [InlineData("Allies, e.g. Norland and Estavia, backed the plan.")]
    [InlineData("The memo was signed by then-Gen. Arvik in March.")]
    [InlineData("1. The first point of the plan concerns fishing.")]
    public void Abbreviations_initials_and_numbers_do_not_split(string sentence)
    {
        Assert.Equal([sentence], Split(sentence));
    }

    [Fact]
    public void Abbreviation_that_ends_a_sentence_splits_before_a_usual_starter()
    {
        Assert.Equal(["The troops came home to the U.S.", "The mission was over."],
            Split("The troops came home to the U.S. The mission was over."));
    }

    [Fact]
    public void Quote_with_comma_and_said_stays_one_sentence()
    {
        const string s = "\"We will defend our stability,\" he said.";
        Assert.Equal([s], Split(s + " "));
    }

    [Fact]
    public void Question_inside_quote_followed_by_lower_case_attribution_stays_one_sentence()
    {
        const string s = "\"Who will pay for it?\" she asked the minister.";
        Assert.Equal([s], Split(s));
    }

    [Fact]
    public void Sentence_ending_inside_closing_quote_splits_after_the_quote()
    {
        Assert.Equal(["She called the deal “a good start for the region.”", "He added that more work was needed."],
            Split("She called the deal “a good start for the region.” He added that more work was needed."));
        Assert.Equal(["He said: \"It is over.\"", "Then he left."],
            Split("He said: \"It is over.\" Then he left."));
    }

    [Fact]
    public void Ellipsis_mid_sentence_and_at_the_end()
    {
        Assert.Equal(["The talks were... difficult, an aide said."], Split("The talks were... difficult, an aide said."));
        Assert.Equal(["Peace, at last...", "Or so it seemed."], Split("Peace, at last... Or so it seemed."));
        Assert.Equal(["Peace, at last…", "Or so it seemed."], Split("Peace, at last… Or so it seemed."));
    }

    [Fact]
    public void Never_crosses_a_paragraph_break_and_trims_whitespace()
    {
        const string text = "  A headline without a stop\n\n  The first paragraph ends here.  \n \nThe second one";
        var spans = Splitter.Split(text);
        Assert.Equal(["A headline without a stop", "The first paragraph ends here.", "The second one"], spans.Select(s => text[s.Start..s.End]));
        Assert.All(spans, s => Assert.DoesNotContain("\n\n", text[s.Start..s.End]));
    }

    [Fact]
    public void Single_newline_is_whitespace()
    {
        Assert.Equal(["One sentence\nwrapped over two lines.", "Next."], Split("One sentence\nwrapped over two lines. Next."));
    }

    [Fact]
    public void Empty_and_whitespace_give_no_sentences()
    {
        Assert.Empty(Splitter.Split(""));
        Assert.Empty(Splitter.Split(" \n\n \t"));
    }

    [Fact]
    public void Spans_are_ordered_and_inside_the_text()
    {
        const string text = "Mr. Holm said no. The vote, set for Dec. 4, was delayed. \"Why now?\" asked one member. Others agreed!";
        var spans = Splitter.Split(text);
        Assert.Equal(4, spans.Count);
        for (var i = 0; i < spans.Count; i++)
        {
            Assert.True(spans[i].Start < spans[i].End);
            Assert.True(spans[i].End <= text.Length);
            if (i > 0) Assert.True(spans[i - 1].End <= spans[i].Start);
        }
    }
}
