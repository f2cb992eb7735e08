using System.IO.Compression;
using System.Text.Json;
using Parley.Ingest.Cleaning;
using Parley.TestSupport;

namespace Parley.Ingest.Tests.Cleaning;

/// <summary>Inline hover cards (a full name glued to related headlines, closed by "MORE") on invented paragraphs.</summary>
public class InlineCardTests
{
    static readonly TextCleaner Cleaner = TextCleaner.Load();

    static Parley.Ingest.CleanedArticle Clean(string paragraph) =>
        Cleaner.Clean(paragraph + "\n\nA second paragraph closes the story.", "Test Title");

    [Fact]
    public void Card_after_a_name_is_cut_and_the_name_stays()
    {
        var a = Clean("Senate leader Ann Ortiz Ann Marie OrtizLawmakers weigh a new aid package Budget talks stall again MORE said on Tuesday that the vote would wait.");
        Assert.Equal("Senate leader Ann Ortiz said on Tuesday that the vote would wait.", a.Paragraphs[0]);
        var card = Assert.Single(a.Removed);
        Assert.Equal("inline-card", card.Reason);
        Assert.StartsWith("Ann Marie OrtizLawmakers", card.Text);
        Assert.EndsWith("MORE", card.Text);
    }

    [Fact]
    public void Name_with_a_nickname_in_parentheses_and_two_cards_in_one_paragraph()
    {
        var a = Clean("Envoy Tom Beck Thomas (Tom) Ray BeckCeasefire holds for a third day MORE met Secretary Lena Voss Lena Katrin VossTrade pact signed in Lisbon MORE (D-Ore.) on Friday.");
        Assert.Equal("Envoy Tom Beck met Secretary Lena Voss (D-Ore.) on Friday.", a.Paragraphs[0]);
        Assert.Equal(2, a.Removed.Count(r => r.Reason == "inline-card"));
    }

    [Fact]
    public void Surname_written_after_the_card()
    {
        var a = Clean("Spokeswoman Maria Lopez Maria Elena DiazTalks resume in Doha Envoy quits MORE Diaz told reporters the offer stands.");
        Assert.Equal("Spokeswoman Maria Lopez Diaz told reporters the offer stands.", a.Paragraphs[0]);
    }

    [Fact]
    public void Card_whose_headline_is_not_glued()
    {
        var a = Clean("Speaker Paul Reed Paul Adam Reed Pensions bill stalls in committee MORE (R-Ohio) promised a vote.");
        Assert.Equal("Speaker Paul Reed (R-Ohio) promised a vote.", a.Paragraphs[0]);
    }

    [Fact]
    public void Possessive_name_before_the_card()
    {
        var a = Clean("It was Ortiz's Ann Marie OrtizLawmakers weigh a new aid package MORE decision to wait.");
        Assert.Equal("It was Ortiz's decision to wait.", a.Paragraphs[0]);
    }

    [Theory]
    [InlineData("The MORE program, run by Jim McConnell, will add staff.")]                          // closer without a glued name
    [InlineData("Jim McConnell said the MORE initiative is funded.")]                                 // "McConnell" is not a repeated name
    [InlineData("Analysts at DeSantis Partners wrote that demand for MORE housing grew.")]           // glued case, no repeated name
    [InlineData("Ann Ortiz met Ann Lee and Ortiz Group staff; MORE talks follow.")]                   // a repeated first name that is no card
    [InlineData("Ann Ortiz said there is no more to add, and OrtizCorp agreed. MORE talks follow.")] // glued word but no name run before it
    public void Ordinary_text_is_left_alone(string paragraph)
    {
        var a = Clean(paragraph);
        Assert.Equal(paragraph, a.Paragraphs[0]);
        Assert.DoesNotContain(a.Removed, r => r.Reason == "inline-card");
    }

    /// <summary>Across the real corpus: every " MORE" closer preceded by a glued name goes, and no paragraph loses more than a card's length.</summary>
    [SharedFact]
    public void AllSides_cards_are_removed()
    {
        using var gz = new GZipStream(File.OpenRead(SharedData.PathOf("corpora/allsides-intl/allsides-intl.jsonl.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        int cards = 0, articlesWithCards = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            using var doc = JsonDocument.Parse(line);
            var text = doc.RootElement.TryGetProperty("text", out var t) ? t.GetString() : null;
            if (string.IsNullOrEmpty(text) || !text.Contains(" MORE", StringComparison.Ordinal)) continue;
            var a = Cleaner.Clean(text);
            var removed = a.Removed.Where(r => r.Reason == "inline-card").ToList();
            if (removed.Count == 0) continue;
            articlesWithCards++;
            cards += removed.Count;
            Assert.All(removed, r => Assert.True(r.Text.Length <= 710, r.Text));
            Assert.All(a.Paragraphs, p => Assert.DoesNotContain(" MORE ", p));
        }
        Assert.InRange(articlesWithCards, 90, 120);
        Assert.InRange(cards, 340, 450);
    }
}
