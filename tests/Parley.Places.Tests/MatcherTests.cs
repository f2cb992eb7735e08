using Parley.Places.Matching;

namespace Parley.Places.Tests;

/// <summary>The token trie over the shipped gazetteer: aliases, multi-word names, leftmost-longest, case.</summary>
public class MatcherTests
{
    static List<(string Text, string[] Ids)> Hits(string text)
    {
        var g = Shipped.Gazetteer;
        var tokens = new List<PlaceToken>();
        var candidates = new List<PlaceCandidate>();
        PlaceTokenizer.Scan(text, tokens, g.Vocabulary);
        g.Trie.Match(text, tokens, candidates);
        return candidates.Select(c => (text[tokens[c.FirstToken].Start..tokens[c.EndToken - 1].End],
            c.Forms.Select(f => g.EntryList[f.Entry].Id).Distinct().Order(StringComparer.Ordinal).ToArray())).ToList();
    }

    [Theory]
    [InlineData("Kiev", "ukr.kyiv")]
    [InlineData("Idleb", "syr.idlib")]
    [InlineData("Halab", "syr.aleppo")]
    [InlineData("Nur-Sultan", "kaz.astana")]
    [InlineData("Khankendi", "aze.stepanakert")]
    [InlineData("Kobane", "syr.kobani")]
    [InlineData("Şanlıurfa", "tur.sanliurfa")]
    [InlineData("Sana'a", "yem.sanaa")]
    [InlineData("Sana’a", "yem.sanaa")]
    public void Aliases_and_spellings_reach_the_entry(string written, string id)
    {
        var hit = Assert.Single(Hits($"They met in {written} yesterday."));
        Assert.Equal(written, hit.Text);
        Assert.Contains(id, hit.Ids);
    }

    [Theory]
    [InlineData("Deir ez-Zor")]
    [InlineData("Deir Ez-Zor")]
    [InlineData("Deir ez Zor")]
    [InlineData("Deir al-Zour")]
    [InlineData("Deir Ezzor")]
    [InlineData("Deir el-Zor")]
    public void Deir_ez_Zor_in_its_many_spellings(string written)
    {
        var hit = Assert.Single(Hits($"Airstrikes hit {written} overnight."));
        Assert.Equal(written, hit.Text);
        Assert.Equal(["syr.deir-ez-zor", "syr.deir-ez-zor-gov"], hit.Ids);
    }

    [Fact]
    public void Multi_word_names_win_over_their_first_word()
    {
        var hits = Hits("From Kurdistan Region officials to the Moscow region and Ras al-Ain, then Khan Younis.");
        Assert.Equal(["Kurdistan Region", "Moscow region", "Ras al-Ain", "Khan Younis"], hits.Select(h => h.Text));
        Assert.Equal(["irq.kurdistan-region"], hits[0].Ids);
        Assert.Equal(["rus.moscow-oblast"], hits[1].Ids);
    }

    [Fact]
    public void Leftmost_longest_and_no_overlaps()
    {
        // "Tel Aviv" not "Aviv"; "New York City" as one; "Gaza Strip" before "Gaza"
        var hits = Hits("Flights from Tel Aviv to New York City resumed; the Gaza Strip stayed closed.");
        Assert.Equal(["Tel Aviv", "New York City", "the Gaza Strip"], hits.Select(h => h.Text));
    }

    [Fact]
    public void Capitalised_names_must_be_capitalised()
    {
        Assert.Empty(Hits("He drove a van through the sham market of aleppo."));
        Assert.Equal(["Van"], Hits("Protests spread to Van.").Select(h => h.Text));
    }

    [Fact]
    public void All_caps_aliases_match_only_in_capitals()
    {
        Assert.Equal(["KRI"], Hits("Oil exports from the KRI resumed.").Select(h => h.Text));
        Assert.Empty(Hits("Oil exports from the Kri resumed."));
    }

    [Fact]
    public void Same_name_entries_stay_together_for_the_finder_to_choose()
    {
        var hit = Assert.Single(Hits("Clashes in Tripoli."));
        Assert.Equal(["lbn.tripoli-lbn", "lby.tripoli"], hit.Ids);
    }
}
