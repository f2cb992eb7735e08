using static Parley.Time.Tests.TestTagger;

namespace Parley.Time.Tests;

/// <summary>Without a publication date, values stay partial or null: never invented.</summary>
public class UnknownAnchorTests
{
    [Theory]
    [InlineData("The envoy arrived on January 23.", "on January 23", "XXXX-01-23")]
    [InlineData("The envoys met on Monday.", "on Monday", "XXXX-WXX-1")]
    [InlineData("The vote took place in September.", "in September", "XXXX-09")]
    [InlineData("The ministers met on the 20th, officials said.", "on the 20th", "XXXX-XX-20")]
    public void Partial_values(string sentence, string expression, string value)
    {
        var t = Find(sentence, null, expression);
        Assert.Equal(value, t.Value);
        Assert.Equal("none", t.Anchor);
    }

    [Theory]
    [InlineData("The envoys met yesterday.", "yesterday")]
    [InlineData("The envoys met last week.", "last week")]
    [InlineData("The border closed three years ago.", "three years ago")]
    public void Null_values(string sentence, string expression)
    {
        var t = Find(sentence, null, expression);
        Assert.Null(t.Value);
        Assert.Equal("none", t.Anchor);
    }

    [Fact]
    public void Explicit_dates_do_not_need_an_anchor() =>
        Assert.Equal("2017", Find("The dam was finished in 2017.", null, "in 2017").Value);

    [Fact]
    public void A_malformed_publication_date_is_no_anchor() =>
        Assert.Equal("XXXX-01-23", Find("The envoy arrived on January 23.", "last Tuesday", "on January 23").Value);
}
