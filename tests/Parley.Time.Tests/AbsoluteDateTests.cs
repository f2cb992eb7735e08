using static Parley.Time.Tests.TestTagger;

namespace Parley.Time.Tests;

public class AbsoluteDateTests
{
    [Theory]
    [InlineData("The two presidents signed the accord on January 23, 2019 in Moscow.", "on January 23, 2019", "2019-01-23")]
    [InlineData("The accord was signed in Moscow on 23 January 2019 after long talks.", "on 23 January 2019", "2019-01-23")]
    [InlineData("Negotiators resumed their work in June 2023 in Vienna.", "in June 2023", "2023-06")]
    [InlineData("In June 2023 negotiators resumed their work in Vienna.", "In June 2023", "2023-06")]
    [InlineData("The dam was finished in 2017 after a decade of work.", "in 2017", "2017")]
    [InlineData("Parliament approved the budget on 2019-01-05 by a narrow margin.", "on 2019-01-05", "2019-01-05")]
    [InlineData("The treaty of 12/25/2018 was broken within weeks.", "12/25/2018", "2018-12-25")]
    [InlineData("The dispute dates back to the 1990s, when the border was drawn.", "the 1990s", "199")]
    [InlineData("The region was calm in the early 2010s.", "in the early 2010s", "201")]
    [InlineData("The monarchy collapsed in the 19th century.", "in the 19th century", "18")]
    [InlineData("The talks were held in the spring of 2015 in Lausanne.", "in the spring of 2015", "2015-SP")]
    [InlineData("The 2016 election changed the debate.", "2016", "2016")]
    [InlineData("The war began after the Sept. 11 attacks on New York.", "Sept. 11", "2001-09-11")]
    [InlineData("Security was tightened after 9/11.", "after 9/11", "2001-09-11")]
    public void Explicit_dates_need_no_anchor(string sentence, string expression, string value)
    {
        var t = Find(sentence, "2023-09-06", expression);
        Assert.Equal(value, t.Value);
        Assert.Null(t.Anchor);
        Assert.Equal("date", t.Type);
    }

    [Fact]
    public void Offsets_point_at_the_expression_in_the_text()
    {
        const string text = "Officials met in Geneva.\n\nA second round opened on January 23, 2019 and closed in 2020.";
        var all = Tag(text, null);
        Assert.Equal(2, all.Count);
        foreach (var t in all) Assert.Equal(t.Text, text[t.Start..t.End]);
        Assert.All(all, t => Assert.Equal(1, t.Sentence));
    }

    [Theory]
    // year from the anchor: the closest, and in a past sentence not after publication
    [InlineData("The envoy arrived in Damascus on January 23.", "2019-01-23", "on January 23", "2019-01-23")]
    [InlineData("The envoy arrived in Damascus on January 23.", "2019-01-10", "on January 23", "2018-01-23")]
    [InlineData("The envoy will arrive in Damascus on January 23.", "2019-01-10", "on January 23", "2019-01-23")]
    [InlineData("The envoy will arrive in Damascus on January 5.", "2019-12-30", "on January 5", "2020-01-05")]
    [InlineData("Elections in the capital on January 5.", "2019-12-30", "on January 5", "2020-01-05")]
    [InlineData("A meeting of the defence ministers took place in Moscow on December 28.", "2023-05-10", "on December 28", "2022-12-28")]
    [InlineData("The envoy arrived on Jan. 23 for talks.", "2019-02-01", "on Jan. 23", "2019-01-23")]
    [InlineData("The vote is scheduled for Nov. 6.", "2019-01-23", "for Nov. 6", "2019-11-06")]
    public void Dates_without_a_year_take_it_from_the_publication_date(string sentence, string published, string expression, string value)
    {
        var t = Find(sentence, published, expression);
        Assert.Equal(value, t.Value);
        Assert.Equal("published", t.Anchor);
    }

    [Theory]
    [InlineData("The war has raged since 2011.", "since 2011", "2011", "after", null)]
    [InlineData("The rebels held the city between 2012 and 2014.", "between 2012 and 2014", "2012", null, "2014")]
    [InlineData("The 2015-2017 campaign changed the front line.", "2015-2017", "2015", null, "2017")]
    [InlineData("He served from 2009 to 2016 as governor.", "from 2009 to 2016", "2009", null, "2016")]
    [InlineData("In 2016-17 the army advanced slowly.", "In 2016-17", "2016", null, "2017")]
    [InlineData("The deal was signed in mid-2018.", "in mid-2018", "2018", "mid", null)]
    [InlineData("The mandate expires in late 2020.", "in late 2020", "2020", "end", null)]
    [InlineData("Troops should leave before 2025.", "before 2025", "2025", "before", null)]
    [InlineData("The fighting lasted for more than a decade.", "for more than a decade", "P1DE", "more_than", null)]
    public void Ranges_and_modifiers(string sentence, string expression, string value, string? mod, string? endValue)
    {
        var t = Find(sentence, "2023-09-06", expression);
        Assert.Equal(value, t.Value);
        Assert.Equal(mod, t.Mod);
        Assert.Equal(endValue, t.EndValue);
    }

    [Fact]
    public void A_range_without_a_year_on_its_start_borrows_the_end_year()
    {
        var t = Find("The talks ran from January to March 2019 in Astana.", "2023-09-06", "from January to March 2019");
        Assert.Equal("2019-01", t.Value);
        Assert.Equal("2019-03", t.EndValue);
    }

    [Fact]
    public void A_day_range_and_a_day_list_after_one_month()
    {
        var range = Find("The summit ran on September 20-21 in New York.", "2023-09-25", "on September 20-21");
        Assert.Equal(("2023-09-20", "2023-09-21"), (range.Value, range.EndValue));
        var list = Tag("Delegations met on September 20 and 21, 2022 in New York.", "2023-09-25");
        Assert.Equal(["on September 20=2022-09-20", "21, 2022=2022-09-21"], list.Select(t => $"{t.Text}={t.Value}"));
    }

    [Fact]
    public void Clock_times_take_the_day_of_their_sentence()
    {
        var all = Tag("The plane took off at 6:17 a.m. on Sunday from Surabaya.", "2014-12-29");
        Assert.Equal("2014-12-28T06:17", all.Single(t => t.Text == "at 6:17 a.m.").Value);
        Assert.Equal("time", all.Single(t => t.Text == "at 6:17 a.m.").Type);
        Assert.Equal("2014-12-28", all.Single(t => t.Text == "on Sunday").Value);
    }

    [Theory]
    [InlineData("The talks lasted three days.", "three days", "P3D")]
    [InlineData("A two-year truce followed the talks.", "two-year", "P2Y")]
    [InlineData("The rebels have held the town for years.", "for years", "PXY")]
    [InlineData("Over the past two years, the economy shrank.", "Over the past two years", "P2Y")]
    [InlineData("A 24-hour ceasefire began in the city.", "24-hour", "PT24H")]
    [InlineData("Sanctions were tightened over the past couple of years.", "over the past couple of years", "P2Y")]
    [InlineData("The siege lasted a few weeks.", "a few weeks", "PXW")]
    public void Durations(string sentence, string expression, string value)
    {
        var t = Find(sentence, "2023-09-06", expression);
        Assert.Equal(value, t.Value);
        Assert.Equal("duration", t.Type);
    }

    [Fact]
    public void Sets()
    {
        Assert.Equal("P1Y", Find("The leaders meet every year in Davos.", "2023-09-06", "every year").Value);
        Assert.Equal("XXXX-WXX-5", Find("Protesters gather each Friday near the palace.", "2023-09-06", "each Friday").Value);
        Assert.Equal("set", Find("Reports are published weekly by the mission.", "2023-09-06", "weekly").Type);
    }
}
