namespace Parley.Actors.Tests;

public class MatcherTests
{
    static List<(string Text, EntryKind Kind, string Target)> Find(string text)
    {
        var tokens = new List<Token>();
        return TestKb.Engine.Gazetteer.Find(text, tokens)
            .Where(m => !m.Has(EntryKind.Cue))
            .Select(m => (text[m.Start..m.End], m.Entries[0].Kind, m.Entries[0].Target)).ToList();
    }

    [Fact]
    public void Longest_match_wins_and_matches_do_not_overlap()
    {
        var found = Find("A Russian Foreign Ministry note reached the Russian embassy.");
        Assert.Equal(("Russian Foreign Ministry", EntryKind.OrgName, "RUSMFA"), found[0]);
        Assert.Equal(("Russian", EntryKind.Demonym, "RUS"), found[1]);
        Assert.Equal(2, found.Count);
    }

    [Fact]
    public void Acronyms_need_their_exact_case_and_names_a_capital()
    {
        Assert.Equal([("US", EntryKind.CountryAlias, "USA")], Find("Aid from the US arrived."));
        Assert.Empty(Find("He told us that this is over."));
        Assert.Equal([("IS", EntryKind.OrgAlias, "ISIL")], Find("IS fighters withdrew."));
        Assert.Equal([("U.S.", EntryKind.CountryAlias, "USA")], Find("The U.S.-allied forces"));
        Assert.Empty(Find("roast turkey and syrian cheese"));
        Assert.Equal("TUR", Assert.Single(Find("TURKEY WARNS")).Target);
    }

    [Fact]
    public void Offsets_are_character_offsets_into_the_text()
    {
        const string text = "Talks: “Erdoğan’s aides met Mevlüt Çavuşoğlu.”";
        var found = Find(text);
        Assert.Equal(("Erdoğan", EntryKind.Surname, "Recep Tayyip Erdogan"), found[0]);
        Assert.Equal(("Mevlüt Çavuşoğlu", EntryKind.PersonName, "Mevlut Cavusoglu"), found[1]);
        var tokens = new List<Token>();
        var m = TestKb.Engine.Gazetteer.Find(text, tokens).First(x => x.Has(EntryKind.Surname));
        Assert.Equal(text.IndexOf('E'), m.Start);
        Assert.Equal(text.IndexOf('’'), m.End);
    }

    [Fact]
    public void Hyphens_particles_and_variants()
    {
        Assert.Equal(("Amir Abdollahian", EntryKind.Surname, "Hossein Amir-Abdollahian"), Find("Amir Abdollahian spoke.")[0]);
        Assert.Equal(("Hossein Amir-Abdollahian", EntryKind.PersonName, "Hossein Amir-Abdollahian"), Find("Hossein Amir-Abdollahian spoke.")[0]);
        // the dropped particle still belongs to the mention
        Assert.Equal(("Faisal al-Miqdad", EntryKind.PersonName, "Faisal Mekdad"), Find("Faisal al-Miqdad spoke.")[0]);
        Assert.Equal(("al-Assad", EntryKind.Surname, "Bashar al-Assad"), Find("They backed al-Assad.")[0]);
        Assert.Equal(("Sergey Lavrov", EntryKind.PersonName, "Sergei Lavrov"), Find("Sergey Lavrov said")[0]);
    }

    [Fact]
    public void Possessive_s_is_split_and_apostrophes_are_unified()
    {
        Assert.Equal(("Russia's Foreign Ministry", EntryKind.OrgAlias, "RUSMFA"), Find("Russia's Foreign Ministry said")[0]);
        Assert.Equal(("Russia’s Foreign Ministry", EntryKind.OrgAlias, "RUSMFA"), Find("Russia’s Foreign Ministry said")[0]);
        Assert.Equal(("Syria", EntryKind.CountryName, "SYR"), Find("Syria’s north")[0]);
    }

    [Fact]
    public void The_gazetteer_is_shared_across_threads()
    {
        const string text = "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Ankara.";
        var expected = Find(text);
        Parallel.For(0, 64, _ => Assert.Equal(expected, Find(text)));
    }
}
