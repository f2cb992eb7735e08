using Parley.Core;

namespace Parley.Places.Tests;

/// <summary>Which names are places: sentences written for these tests, run through sentences, actors and places.</summary>
public class FinderTests
{
    static PlaceMention One(List<PlaceMention> found, string text)
    {
        var matches = found.Where(p => p.Text == text).ToList();
        Assert.True(matches.Count == 1, $"expected one place '{text}', found: [{string.Join(", ", found.Select(p => p.Text))}]");
        return matches[0];
    }

    static void None(List<PlaceMention> found, string text) =>
        Assert.DoesNotContain(found, p => p.Text == text);

    [Fact]
    public void Meeting_in_Sochi_is_a_place_with_coordinates()
    {
        const string text = "Putin met Erdogan in Sochi on Monday.";
        var p = One(Shipped.Places(text), "Sochi");
        Assert.Equal(("Sochi", "city", "RUS", 0), (p.Name, p.Kind, p.Country, p.Sentence));
        Assert.Equal(43.6, p.Lat!.Value, 1);
        Assert.Equal(39.7, p.Lon!.Value, 1);
        Assert.Equal(text.IndexOf("Sochi", StringComparison.Ordinal), p.Start);
        Assert.Equal(p.Start + 5, p.End);
    }

    [Fact]
    public void A_capital_speaking_for_its_government_is_not_a_place()
    {
        Assert.Empty(Shipped.Places("Damascus rejected the proposal."));
        Assert.Empty(Shipped.Places("Ankara said the operation would continue, and Moscow agreed."));
        Assert.Empty(Shipped.Places("Russia and Turkey agreed on a ceasefire."));
        Assert.Empty(Shipped.Places("The Kremlin said the talks were useful."));
    }

    [Fact]
    public void The_Kremlin_in_Moscow_is_two_places()
    {
        var found = Shipped.Places("The two leaders met at the Kremlin in Moscow on January 23.");
        Assert.Equal(["the Kremlin", "Moscow"], found.Select(p => p.Text));
        Assert.Equal("site", found[0].Kind);
        Assert.Equal(("capital", "RUS"), (found[1].Kind, found[1].Country));
    }

    [Fact]
    public void The_province_of_Idlib_selects_the_province()
    {
        var p = One(Shipped.Places("They discussed the northwestern Syrian province of Idlib."), "Idlib");
        Assert.Equal(("Idlib", "province", "SYR"), (p.Name, p.Kind, p.Country));
        var after = One(Shipped.Places("Shelling continued across Idlib province."), "Idlib");
        Assert.Equal("province", after.Kind);
        var city = One(Shipped.Places("A market in Idlib was hit."), "Idlib");
        Assert.Equal("city", city.Kind);
    }

    [Fact]
    public void Northern_Syria_is_a_place()
    {
        var p = One(Shipped.Places("About 2,000 U.S. troops in northern Syria will leave."), "Syria");
        Assert.Equal(("country", "SYR"), (p.Kind, p.Country));
        None(Shipped.Places("About 2,000 U.S. troops in northern Syria will leave."), "U.S.");
        One(Shipped.Places("Kurdish forces control much of northeastern Syria."), "Syria");
    }

    [Fact]
    public void Visiting_a_capital_makes_it_a_place()
    {
        var p = One(Shipped.Places("The Iranian foreign minister visited Damascus on August 30."), "Damascus");
        Assert.Equal(("capital", "SYR"), (p.Kind, p.Country));
    }

    [Fact]
    public void A_capital_kept_as_a_place_even_when_the_actors_stage_read_it()
    {
        // the actors stage reads "Moscow" as a metonym here; the preposition wins
        var found = Shipped.Places("Erdogan was accompanied in Moscow by his foreign minister.");
        One(found, "Moscow");
    }

    [Fact]
    public void Datelines_are_places()
    {
        var found = Shipped.Places("MOSCOW (Reuters) - Russia said on Tuesday it would resume the talks.\n\nBEIRUT, May 2 - Officials met again.");
        Assert.Equal(["MOSCOW", "BEIRUT"], found.Select(p => p.Text));
        Assert.All(found, p => Assert.Equal("capital", p.Kind));
    }

    [Fact]
    public void Coordinated_places_share_the_cue()
    {
        var found = Shipped.Places("Talks were held in Sochi, Russia, and later in Geneva and Vienna.");
        Assert.Equal(["Sochi", "Russia", "Geneva", "Vienna"], found.Select(p => p.Text));
        var provinces = Shipped.Places("Rebels hold parts of the Idlib and Aleppo provinces.");
        Assert.Equal(["province", "province"], provinces.Select(p => p.Kind));
    }

    [Fact]
    public void Towns_are_places_without_a_preposition()
    {
        var found = Shipped.Places("Manbij remained calm while Kobani braced for an offensive.");
        Assert.Equal(["Manbij", "Kobani"], found.Select(p => p.Name));
    }

    [Fact]
    public void Names_inside_longer_names_are_not_places()
    {
        None(Shipped.Places("He told the Moscow Times that he had left."), "Moscow");
        None(Shipped.Places("A Moscow-based analyst and pro-Kremlin bloggers disagreed."), "Moscow");
        None(Shipped.Places("A Moscow-based analyst and pro-Kremlin bloggers disagreed."), "Kremlin");
        None(Shipped.Places("U.S.-allied fighters advanced."), "U.S.");
    }

    [Fact]
    public void Countries_used_as_modifiers_are_not_places()
    {
        Assert.Empty(Shipped.Places("Moscow was accused of meddling in U.S. elections."));
        Assert.Empty(Shipped.Places("Senators argued over the Iran nuclear deal in the hearing."));
        None(Shipped.Places("Reporters gathered at North Korea's embassy in Beijing."), "North Korea");
        One(Shipped.Places("Reporters gathered at North Korea's embassy in Beijing."), "Beijing");
        One(Shipped.Places("Fighting resumed in Syria's north."), "Syria");
        Assert.Empty(Shipped.Places("The crisis at the U.S. southern border deepened."));
        One(Shipped.Places("Troops massed in Syria north of Raqqa."), "Syria");
        One(Shipped.Places("Ukrainian troops advanced in Russia's Kursk region."), "Russia");
    }

    [Fact]
    public void Documents_formats_and_topics_named_after_places_are_not_places()
    {
        Assert.Empty(Shipped.PlacesWithoutActors("Both sides endorsed the Geneva communique and the Astana format."));
        Assert.Empty(Shipped.PlacesWithoutActors("The memo was not about Benghazi at all."));
        Assert.Empty(Shipped.PlacesWithoutActors("Jane Doe, New York Times"));
        One(Shipped.PlacesWithoutActors("The guarantors met in Astana again."), "Astana");
    }

    [Fact]
    public void A_capitalised_noun_before_a_name_is_part_of_that_name()
    {
        // "Base" in a base's proper name is no place-type cue; "the capital Damascus" is
        Assert.Empty(Shipped.PlacesWithoutActors("The ceremony at Marine Corps Base Hawaii was short."));
        One(Shipped.Places("Protesters marched in the capital Damascus."), "Damascus");
    }

    [Fact]
    public void Weak_prepositions_before_governments_are_not_places()
    {
        Assert.Empty(Shipped.Places("He sent a message to Damascus about the prisoners."));
        Assert.Empty(Shipped.Places("When it comes to Syria, the president is cautious."));
        Assert.Empty(Shipped.Places("Seoul reached out to Pyongyang again."));
        Assert.Empty(Shipped.Places("Analysts dismissed the latest posturing from the Kremlin."));
        Assert.Empty(Shipped.Places("According to Ankara, the talks failed."));
        One(Shipped.Places("She travelled to Ankara for the talks."), "Ankara");
        One(Shipped.Places("Turkish forces will not withdraw from Syria."), "Syria");
    }

    [Fact]
    public void Common_words_need_a_cue()
    {
        Assert.Empty(Shipped.Places("Van drivers protested. Batman fans cheered."));
        var p = One(Shipped.Places("An earthquake struck near Van on Friday."), "Van");
        Assert.Equal(("city", "TUR"), (p.Kind, p.Country));
    }

    [Fact]
    public void Same_name_places_are_told_by_the_countries_of_the_article()
    {
        var lebanon = One(Shipped.Places("Lebanese troops deployed in Tripoli after clashes with Hezbollah supporters in Lebanon."), "Tripoli");
        Assert.Equal("LBN", lebanon.Country);
        var libya = One(Shipped.Places("Libyan militias clashed in Tripoli."), "Tripoli");
        Assert.Equal("LBY", libya.Country);
        var state = One(Shipped.Places("Voters in Georgia and Florida went to the polls."), "Georgia");
        Assert.Equal(("province", "USA"), (state.Kind, state.Country));
        var caucasus = One(Shipped.Places("Russian troops are still stationed in Georgia, near Tbilisi."), "Georgia");
        Assert.Equal(("country", "GEO"), (caucasus.Kind, caucasus.Country));
    }

    [Fact]
    public void Arabic_article_is_part_of_the_mention()
    {
        var p = One(Shipped.PlacesWithoutActors("Coalition jets struck targets near al-Raqqa."), "al-Raqqa");
        Assert.Equal("Raqqa", p.Name);
    }

    [Fact]
    public void Sentence_index_points_at_the_sentence()
    {
        var found = Shipped.Places("The talks ended. A new round opens in Geneva next week. Officials flew to Doha.");
        Assert.Equal([("Geneva", 1), ("Doha", 2)], found.Select(p => (p.Text, p.Sentence)));
    }

    [Fact]
    public void Empty_and_odd_text_does_not_throw()
    {
        Assert.Empty(Shipped.Gazetteer.Find("", []));
        Assert.Empty(Shipped.Gazetteer.Find("in", []));
        Assert.Single(Shipped.Gazetteer.Find("in Sochi", []));
        Shipped.Gazetteer.Find(new string('-', 5000) + " ’s 's in the of , and", [new(0, 10)]);
    }
}
