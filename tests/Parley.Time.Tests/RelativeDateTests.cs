using static Parley.Time.Tests.TestTagger;

namespace Parley.Time.Tests;

/// <summary>Relative expressions anchored on the publication date and the tense of their clause.</summary>
public class RelativeDateTests
{
    // 2023-09-06 is a Wednesday (ISO week 36); 2023-09-04 a Monday.
    const string Wednesday = "2023-09-06";
    const string Monday = "2023-09-04";

    [Theory]
    [InlineData("The foreign ministers met in Ankara on Monday.", Wednesday, "2023-09-04")]
    [InlineData("The foreign ministers will meet in Ankara on Monday.", Wednesday, "2023-09-11")]
    [InlineData("Erdogan said Putin would visit Ankara on Monday.", Wednesday, "2023-09-11")]
    [InlineData("On Monday, the Kremlin said it would send a delegation.", Wednesday, "2023-09-04")]
    [InlineData("The talks, which will be held in Geneva, began on Monday.", Wednesday, "2023-09-04")]
    // published on a Monday: a past "on Monday" is that same day, a future one the next Monday
    [InlineData("The foreign ministers met in Ankara on Monday.", Monday, "2023-09-04")]
    [InlineData("The foreign ministers will meet in Ankara on Monday.", Monday, "2023-09-11")]
    public void Weekdays_follow_the_tense_of_their_clause(string sentence, string published, string value)
    {
        var t = Find(sentence, published, sentence.Contains("On Monday") ? "On Monday" : "on Monday");
        Assert.Equal(value, t.Value);
        Assert.Equal("published", t.Anchor);
    }

    [Theory]
    [InlineData("A vote in the assembly on Friday.", "on Friday", "2023-09-08")]   // no tense: the closest Friday
    [InlineData("A vote in the assembly on Monday.", "on Monday", "2023-09-04")]
    [InlineData("The ministers met last Monday in Riyadh.", "last Monday", "2023-09-04")]
    [InlineData("The ministers will meet next Friday in Riyadh.", "next Friday", "2023-09-08")]
    [InlineData("Shelling resumed Monday night in the north.", "Monday night", "2023-09-04TNI")]
    public void Weekday_variants(string sentence, string expression, string value) =>
        Assert.Equal(value, Find(sentence, Wednesday, expression).Value);

    [Theory]
    [InlineData("Officials met yesterday in Doha.", "yesterday", "2023-09-05")]
    [InlineData("Officials meet today in Doha.", "today", "2023-09-06")]
    [InlineData("Officials will meet tomorrow in Doha.", "tomorrow", "2023-09-07")]
    [InlineData("Lavrov last week rejected the proposal.", "last week", "2023-W35")]
    [InlineData("The council will meet next month to review the plan.", "next month", "2023-10")]
    [InlineData("This year the economy shrank.", "This year", "2023")]
    [InlineData("The economy grew last year.", "last year", "2022")]
    [InlineData("Earlier this month, the army launched an offensive.", "Earlier this month", "2023-09")]
    [InlineData("The border was closed three years ago.", "three years ago", "2020")]
    [InlineData("The envoys met two weeks ago in Oman.", "two weeks ago", "2023-W34")]
    [InlineData("Erdogan visited Moscow last October.", "last October", "2022-10")]
    [InlineData("The ceasefire held over the weekend.", "over the weekend", "2023-W35-WE")]
    [InlineData("Yesterday morning, the army shelled the town.", "Yesterday morning", "2023-09-05TMO")]
    [InlineData("The plan was revised last summer.", "last summer", "2023-SU")]   // the summer just ended
    public void Deictic_expressions(string sentence, string expression, string value)
    {
        var t = Find(sentence, Wednesday, expression);
        Assert.Equal(value, t.Value);
        Assert.Equal("published", t.Anchor);
    }

    [Fact]
    public void Last_summer_during_a_summer_is_the_year_before() =>
        Assert.Equal("2022-SU", Find("The plan was revised last summer.", "2023-07-10", "last summer").Value);

    [Theory]
    [InlineData("2023-12-01", "2023-10")]
    [InlineData("2023-10-15", "2022-10")]
    public void Last_october_is_the_previous_october_before_publication(string published, string value) =>
        Assert.Equal(value, Find("Erdogan visited Moscow last October.", published, "last October").Value);

    [Theory]
    [InlineData("The two sides struck a deal in September.", "2023-08-10", "2022-09")]
    [InlineData("The two sides will sign a deal in September.", "2023-08-10", "2023-09")]
    [InlineData("The two sides struck a deal in September.", "2023-09-06", "2023-09")]
    [InlineData("The two sides will sign a deal in March.", "2023-09-06", "2024-03")]
    public void A_bare_month_follows_the_tense(string sentence, string published, string value) =>
        Assert.Equal(value, Find(sentence, published, sentence.Contains("March") ? "in March" : "in September").Value);

    [Fact]
    public void Expressions_relative_to_another_date_in_the_sentence()
    {
        var all = Tag("The envoy landed in Geneva on March 3 and the talks opened two days later.", "2021-03-10");
        Assert.Equal("2021-03-03", all.Single(t => t.Text == "on March 3").Value);
        var later = all.Single(t => t.Text == "two days later");
        Assert.Equal(("2021-03-05", "text"), (later.Value, later.Anchor));

        var prior = Find("The attack came five days prior to January 23.", "2019-02-01", "five days prior to January 23");
        Assert.Equal(("2019-01-18", "text"), (prior.Value, prior.Anchor));

        Assert.Equal("1998", Find("In 1997 the group was banned, and the following year its leader fled.", null, "the following year").Value);
        // "before" takes an object: two years before the bombing, not before 2011
        Assert.Null(Find("The murders of 2011 happened two years before the bombing.", "2013-05-10", "two years before").Value);
    }

    [Fact]
    public void Without_a_date_in_the_sentence_a_text_relative_expression_stays_unresolved()
    {
        var t = Find("The talks opened two days later.", "2021-03-10", "two days later");
        Assert.Null(t.Value);
        Assert.Equal("none", t.Anchor);
    }

    [Theory]
    [InlineData("The ministers met on the 20th and 21st of the month.", "2023-09-25", "2023-09-20", "2023-09-21")]
    [InlineData("The ministers met on the 20th and 21st of the month.", "2023-09-10", "2023-08-20", "2023-08-21")]
    [InlineData("The ministers will meet on the 20th and 21st of the month.", "2023-09-10", "2023-09-20", "2023-09-21")]
    public void Days_of_the_month(string sentence, string published, string first, string second)
    {
        var all = Tag(sentence, published);
        Assert.Equal(["on the 20th", "21st of the month"], all.Select(t => t.Text));
        Assert.Equal([first, second], all.Select(t => t.Value));
    }

    [Theory]
    [InlineData("He recently asked the government for help.", "recently", "PAST_REF")]
    [InlineData("The talks will resume soon.", "soon", "FUTURE_REF")]
    [InlineData("Fighting has intensified in recent weeks.", "in recent weeks", "PAST_REF")]
    public void Vague_references(string sentence, string expression, string value)
    {
        var t = Find(sentence, Wednesday, expression);
        Assert.Equal(value, t.Value);
        Assert.Null(t.Anchor);
    }

    [Fact]
    public void Ahead_of_a_date_marks_it_before()
    {
        var t = Find("Diplomats will gather in Brussels ahead of Monday's vote.", Wednesday, "ahead of Monday");
        Assert.Equal(("2023-09-11", "before"), (t.Value, t.Mod));
        // a plain preposition before a possessive belongs to the noun: "in today's world"
        Assert.Equal("today", Assert.Single(Tag("Trade matters in today's world.", Wednesday)).Text);
    }
}
