using static Parley.Time.Tests.TestTagger;

namespace Parley.Time.Tests;

public class DatelineTests
{
    [Fact]
    public void A_dateline_date_is_resolved_with_the_publication_date()
    {
        var all = Tag("MOSCOW, Jan 23 (Reuters) - Russian President Vladimir Putin met his Turkish counterpart on Wednesday.", "2019-01-24");
        Assert.Equal("2019-01-23", all.Single(t => t.Text == "Jan 23").Value);
        Assert.Equal("2019-01-23", all.Single(t => t.Text == "on Wednesday").Value);
    }

    [Fact]
    public void Without_a_publication_date_a_dated_dateline_becomes_the_anchor()
    {
        var all = Tag("MOSCOW, Jan. 23, 2019 (Reuters) - Putin met Erdogan on Monday, days after talks on January 20.", null);
        Assert.Equal("2019-01-23", all[0].Value);
        var monday = all.Single(t => t.Text == "on Monday");
        Assert.Equal(("2019-01-21", "dateline"), (monday.Value, monday.Anchor));
        Assert.Equal("2019-01-20", all.Single(t => t.Text == "on January 20").Value);
    }

    [Fact]
    public void A_dateline_without_a_date_yields_no_timex_of_its_own()
    {
        var all = Tag("ANKARA (AP) — Turkish officials said on Monday that the talks were productive.", "2023-09-06");
        var t = Assert.Single(all);
        Assert.Equal(("on Monday", "2023-09-04"), (t.Text, t.Value));
    }

    [Fact]
    public void A_date_later_in_the_text_is_not_a_dateline()
    {
        var all = Tag("Officials met in Geneva.\n\nMOSCOW, Jan. 23, 2019 (Reuters) - A second text followed on Monday.", null);
        Assert.Equal("XXXX-WXX-1", all.Single(t => t.Text == "on Monday").Value);
    }
}
