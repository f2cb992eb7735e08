using Parley.Core;

namespace Parley.Time.Tests;

public class TenseTests
{
    static Tense At(string sentence, string word) =>
        TestTagger.Tagger.TenseAt(sentence, new TextSpan(0, sentence.Length), sentence.IndexOf(word, StringComparison.Ordinal));

    [Theory]
    [InlineData("Putin met Erdogan in Sochi on Monday.", "Monday", Tense.Past)]
    [InlineData("The ministers were in Sochi on Monday.", "Monday", Tense.Past)]
    [InlineData("The leaders will meet in Sochi on Monday.", "Monday", Tense.Future)]
    [InlineData("The leaders are set to meet in Sochi on Monday.", "Monday", Tense.Future)]
    [InlineData("The leaders plan to meet in Sochi on Monday.", "Monday", Tense.Future)]
    [InlineData("The leaders are going to meet in Sochi on Monday.", "Monday", Tense.Future)]
    [InlineData("Erdogan said Putin would visit Turkey on Monday.", "Monday", Tense.Future)]
    [InlineData("On Monday, Erdogan said he will visit Moscow.", "Monday", Tense.Past)]
    [InlineData("The envoys, who arrived on Monday, will stay for a week.", "Monday", Tense.Past)]
    [InlineData("They talked on Monday and will talk again on Friday.", "Friday", Tense.Future)]
    [InlineData("They talked on Monday and will talk again on Friday.", "Monday", Tense.Past)]
    [InlineData("Talks in Geneva on Monday.", "Monday", Tense.None)]
    [InlineData("A united front in Geneva on Monday.", "Monday", Tense.None)]
    [InlineData("Theresa May in Geneva on Monday.", "Monday", Tense.None)]
    public void Tense_of_the_clause(string sentence, string word, Tense expected) =>
        Assert.Equal(expected, At(sentence, word));
}
