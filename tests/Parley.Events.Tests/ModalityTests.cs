using static Parley.Events.Tests.Coding;

namespace Parley.Events.Tests;

/// <summary>Negation, plans, conditions and reported claims.</summary>
public class ModalityTests
{
    [Theory]
    [InlineData("Turkey has not withdrawn its forces from Syria.", "RETREAT")]
    [InlineData("Russia didn't provide military aid to Armenia.", "AID")]
    [InlineData("Iran never threatened Israel with an attack, the minister said.", "THREATEN")]
    [InlineData("Erdogan failed to meet Putin in Sochi.", "CONSULT")]
    public void Negated(string sentence, string type)
    {
        var e = One(Code(sentence), type);
        Assert.True(e.Negated);
    }

    [Fact]
    public void Asserted_is_not_negated()
    {
        var e = One(Code("Turkey has withdrawn its forces from Syria."), "RETREAT");
        Assert.False(e.Negated);
        Assert.Equal("asserted", e.Modality);
    }

    [Fact]
    public void Plans_and_intentions()
    {
        var fight = One(Code("Macron said France and Britain will continue to fight Islamic State in Iraq."), "ASSAULT");
        Assert.Equal("planned", fight.Modality);
        Assert.Equal("ASSAULT FRA,GBR>IMGMUSISI", Sides(fight));
        // a future meeting is coded as an intention (PLOVER: AGREE)
        var talk = One(Code("Modi has said he would talk with Putin about oil prices."), "AGREE");
        Assert.Equal("planned", talk.Modality);
        Assert.Equal("036", talk.Cameo);
        Assert.Equal("AGREE IND>RUS", Sides(talk));
        Assert.Equal("planned", One(Code("Lavrov is scheduled to visit Ankara next month."), "AGREE").Modality);
    }

    [Fact]
    public void Aspect_verbs_keep_their_own_tense()
    {
        Assert.Equal("asserted", One(Code("The United States has continued to send aid to Mexico."), "AID").Modality);
        Assert.Equal("planned", One(Code("Turkey will continue to send aid to Syria."), "AGREE").Modality);
        // an -ing word before a noun is an adjective, and a gerund takes the party right before it
        Assert.Empty(Code("The two sides agreed on a short negotiating period."));
        Exactly(Code("Browder was instrumental in the United States imposing sanctions on Russia."), "SANCTION USA>RUS");
    }

    [Fact]
    public void Future_retreat_stays_a_retreat()
    {
        var e = One(Code("Biden said he would withdraw U.S. troops from Afghanistan.", "2021-04-14"), "RETREAT");
        Assert.Equal(("planned", "RETREAT USA>AFG"), (e.Modality, Sides(e)));
    }

    [Fact]
    public void Conditionals_are_hypothetical()
    {
        var e = One(Code("If talks fail, Turkey could launch an offensive against Syria."), "ASSAULT");
        Assert.Equal("hypothetical", e.Modality);
        Assert.Equal("hypothetical", One(Code("Russia might send troops to Belarus."), "MOBILIZE").Modality);
    }

    [Fact]
    public void Claims_by_a_third_party()
    {
        var e = One(Code("The Kremlin said Ukraine had shelled Belgorod with rockets, which Kyiv denied. Ukraine allegedly attacked Russia."), "ASSAULT");
        Assert.Equal("reported-claim", e.Modality);
        // a party reporting its own act asserts it
        Assert.Equal("asserted", One(Code("Erdogan said Turkey had sent aid to Syria."), "AID").Modality);
    }

    [Fact]
    public void An_infinitive_under_a_noun_of_reluctance_is_negated()
    {
        var e = One(Code("Trump's reluctance to criticize Putin surprised his allies."), "ACCUSE");
        Assert.True(e.Negated);
    }
}
