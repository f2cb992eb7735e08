using static Parley.Time.Tests.TestTagger;

namespace Parley.Time.Tests;

/// <summary>Numbers, names and words that look like dates but are not.</summary>
public class NotDateTests
{
    [Theory]
    [InlineData("Washington said it would withdraw some 2,000 U.S. troops from the area.", "2,000")]
    [InlineData("The 950-kilometre border runs along the river.", "950")]
    [InlineData("Resolution 2254 calls for elections under UN supervision.", "2254")]
    [InlineData("Resolution 2118 required the destruction of the stockpile.", "2118")]
    [InlineData("The 20th round of talks ended without a statement.", "20th")]
    [InlineData("COVID-19 spread quickly through the camps.", "19")]
    [InlineData("Two F-16 jets escorted the convoy.", "16")]
    [InlineData("For details call 202-555-0175 or 555-1234.", "555")]
    [InlineData("The army deployed 2000 troops to the border.", "2000")]
    [InlineData("Officials said the talks may resume.", "may")]
    [InlineData("May tried to rally her party behind the deal.", "May")]
    [InlineData("Prime Minister Theresa May spoke to reporters.", "May")]
    [InlineData("The march on the parliament was peaceful.", "march")]
    [InlineData("March on the palace, the crowd chanted.", "March")]
    [InlineData("The Sunday Times reported the story first.", "Sunday")]
    [InlineData("The Good Friday Agreement ended the conflict.", "Friday")]
    [InlineData("The Daily Mail and 60 Minutes reported the raid.", "Daily")]
    [InlineData("Jan Egeland visited the camp.", "Jan")]
    [InlineData("A 30-year-old man was arrested at the scene.", "30")]
    [InlineData("The fall of Aleppo shocked the region.", "fall")]
    [InlineData("The claim was repeated by Russia Today and USA Today.", "Today")]
    [InlineData("The envoy promised to return as soon as possible.", "soon")]
    [InlineData("The attacks targeted the liberty of daily life.", "daily")]
    public void Not_a_date(string sentence, string word)
    {
        var all = Tag(sentence, "2023-09-06");
        Assert.DoesNotContain(all, t => t.Text.Contains(word, StringComparison.Ordinal));
    }
}
