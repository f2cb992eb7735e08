using Parley.Core;
using static Parley.Events.Tests.Coding;

namespace Parley.Events.Tests;

/// <summary>Dates from the time expressions of the event's own clause, else the publication date; places after "in"/"at".</summary>
public class AnchorTests
{
    [Fact]
    public void Date_from_a_time_expression_in_the_clause()
    {
        const string text = "Lavrov visited Ankara on June 7.";
        var e = One(Code(text, "2023-06-10", timexes: [Timex(text, "on June 7", "2023-06-07")]), "CONSULT");
        Assert.Equal(("2023-06-07", "on June 7", "text"), (e.Date, e.DateText, e.DateSource));
    }

    [Theory]
    [InlineData("Senator Ruiz, a likely 2028 presidential hopeful, criticized Erdogan on Fox News.", "2028")]
    [InlineData("Beijing urged Washington to stop attacking its \u201cVision 2035\u201d industrial plan.", "2035")]
    public void A_year_that_modifies_a_noun_does_not_date_the_event(string text, string year)
    {
        var e = Code(text, "2025-03-02", timexes: [Timex(text, year, year)]).Single();
        Assert.Equal(("2025-03-02", "published"), (e.Date, e.DateSource));
    }

    [Fact]
    public void A_year_after_a_preposition_still_dates_the_event()
    {
        const string text = "Obama said he hoped to visit Havana in 2016.";
        var e = One(Code(text, "2015-12-17", timexes: [Timex(text, "2016", "2016")]), "CONSULT");
        Assert.Equal(("2016", "text"), (e.Date, e.DateSource));
    }

    [Fact]
    public void Publication_date_when_the_sentence_has_none()
    {
        var e = One(Code("Putin met Erdogan in Sochi.", "2023-09-05"), "CONSULT");
        Assert.Equal(("2023-09-05", (string?)null, "published"), (e.Date, e.DateText, e.DateSource));
        var undated = One(Code("Putin met Erdogan in Sochi.", null), "CONSULT");
        Assert.Null(undated.Date);
        Assert.Null(undated.DateSource);
    }

    [Fact]
    public void Each_clause_keeps_its_own_date()
    {
        const string text = "Britain and France agreed to coordinate in Libya after Obama's announcement in March that he would withdraw U.S. jets from Libya.";
        var events = Code(text, "2011-04-20", timexes: [Timex(text, "in March", "2011-03")]);
        Assert.Equal("2011-03", One(events, "RETREAT").Date);
        Assert.Equal("published", One(events, "AGREE").DateSource);
    }

    [Fact]
    public void Background_facts_are_dated_with_their_own_expression()
    {
        const string text = "Russia annexed Crimea from Ukraine in March 2014, and the two countries have been at odds since.";
        var e = One(Code(text, "2022-02-01", timexes: [Timex(text, "in March 2014", "2014-03")]), "COERCE");
        Assert.Equal(("COERCE RUS>UKR", "2014-03"), (Sides(e), e.Date));
    }

    [Fact]
    public void A_later_mention_in_the_same_story_dates_the_event()
    {
        const string text = "Biden and Trudeau held talks on trade. At a joint news conference in Ottawa on Friday, Biden praised the new agreement.";
        var e = One(Code(text, "2023-03-26", timexes: [Timex(text, "on Friday", "2023-03-24")]), "CONSULT");
        Assert.Equal("2023-03-24", e.Date);
        Assert.Equal(0, e.Sentence);
        Assert.Equal(2, e.Evidence?.Count);
    }

    [Fact]
    public void Location_from_a_place_after_in()
    {
        const string text = "Putin met Erdogan in Sochi on Monday.";
        var e = One(Code(text, places: [Place(text, "Sochi", "RUS", 43.6, 39.73)]), "CONSULT");
        Assert.Equal(("Sochi", "RUS", 43.6), (e.Location?.Name, e.Location?.Country, e.Location?.Lat));
    }

    [Fact]
    public void Location_prefers_the_city_over_a_site_it_contains()
    {
        const string text = "Modi meets with Putin at the Kremlin in Moscow.";
        var e = One(Code(text, places: [Place(text, "Kremlin", "RUS", 55.75, 37.62, "site"), Place(text, "Moscow", "RUS", 55.75, 37.62, "capital")]), "CONSULT");
        Assert.Equal("Moscow", e.Location?.Name);
    }

    [Fact]
    public void Third_country_meeting()
    {
        const string text = "Putin and Erdogan met in Astana.";
        var e = One(Code(text, places: [Place(text, "Astana", "KAZ", 51.17, 71.45, "capital")]), "CONSULT");
        Assert.Equal(("third-party", "044"), (e.Mode, e.Cameo));
    }
}
