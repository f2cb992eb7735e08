using static Parley.Events.Tests.Coding;

namespace Parley.Events.Tests;

/// <summary>One written sentence per kind of event: the PLOVER type, the sides' countries and the CAMEO code.</summary>
public class TypeTests
{
    [Theory]
    // CONSULT: meetings, talks, visits, calls, summits
    [InlineData("Russian President Vladimir Putin met with Turkish President Recep Tayyip Erdogan on Tuesday.", "CONSULT RUS>TUR", "040")]
    [InlineData("Turkish President Recep Tayyip Erdogan visited Baghdad last week.", "CONSULT TUR>IRQ", "042")]
    [InlineData("Sergei Lavrov travelled to Ankara for a one-day trip.", "CONSULT RUS>TUR", "042")]
    [InlineData("Erdogan held talks with Putin about grain exports.", "CONSULT TUR>RUS", "040")]
    [InlineData("Lavrov held discussions with Iranian officials in Tehran.", "CONSULT RUS>IRN", "040")]
    [InlineData("Putin spoke with Erdogan by phone on Friday.", "CONSULT RUS>TUR", "040")]
    [InlineData("Putin and Erdogan discussed the war in a phone call on Friday.", "CONSULT RUS>TUR", "041")]
    [InlineData("Putin hosted Iranian President Ebrahim Raisi in Moscow.", "CONSULT IRN>RUS", "043")]
    [InlineData("Lavrov and Fidan negotiated for six hours.", "CONSULT RUS>TUR", "046")]
    // AGREE: agreements, deals, road maps, ceasefires, intent
    [InlineData("Russia and Turkey agreed to conduct joint patrols.", "AGREE RUS>TUR", "031")]
    [InlineData("Putin and Erdogan struck a deal on the corridor.", "AGREE RUS>TUR", "030")]
    [InlineData("Israel and Hamas reached a ceasefire agreement after eleven days of fighting.", "AGREE ISR>PSE", "030")]
    [InlineData("Turkey pledged to supply Ukraine with drones.", "AGREE TUR>UKR", "033")]
    // SUPPORT: praise, welcome, backing, signing
    [InlineData("Erdogan praised Putin for his role in the grain talks.", "SUPPORT TUR>RUS", "051")]
    [InlineData("The Kremlin welcomed Turkey's decision.", "SUPPORT RUS>TUR", "051")]
    [InlineData("Turkey recognized Azerbaijan's claim to the region.", "SUPPORT TUR>AZE", "054")]
    [InlineData("Russia signed an agreement with Iran on gas supplies.", "SUPPORT RUS>IRN", "057")]
    // REQUEST: demands, appeals, calls on, proposals
    [InlineData("Macron called on Putin to halt the offensive.", "REQUEST FRA>RUS", "020")]
    [InlineData("Damascus demanded that Ankara withdraw its troops from the north.", "REQUEST SYR>TUR", "1056")]
    [InlineData("Lavrov urged Israel to show restraint.", "REQUEST RUS>ISR", "020")]
    [InlineData("Erdogan asked Putin for help with the negotiations.", "REQUEST TUR>RUS", "023")]
    // REJECT, THREATEN, ACCUSE
    [InlineData("Iran rejected the proposal by France.", "REJECT IRN>FRA", "120")]
    [InlineData("Syria refused to meet Turkish officials without a timetable.", "REJECT SYR>TUR", "125")]
    [InlineData("Erdogan threatened to launch a new offensive against Syria.", "THREATEN TUR>SYR", "138")]
    [InlineData("Putin warned NATO against sending troops to Ukraine.", "THREATEN RUS>IGOWSTNAT", "130")]
    [InlineData("Lavrov accused Washington of prolonging the war.", "ACCUSE RUS>USA", "112")]
    [InlineData("China condemned the sanctions imposed by Britain.", "ACCUSE CHN>GBR", "111")]
    // AID, COOPERATE
    [InlineData("Iran provides military support to the government of Venezuela.", "AID IRN>VEN", "072")]
    [InlineData("Germany sent humanitarian aid to Turkey after the earthquake.", "AID DEU>TUR", "073")]
    [InlineData("Russia and Iran cooperate closely in Syria.", "COOPERATE RUS>IRN", "060")]
    [InlineData("Turkey and Russia conducted joint patrols in northern Syria.", "COOPERATE TUR>RUS", "062")]
    // RETREAT, SANCTION, COERCE, MOBILIZE, PROTEST
    [InlineData("Russia withdrew its troops from Kherson.", null, null)]
    [InlineData("Russia withdrew its forces from Georgia in 2008.", "RETREAT RUS>GEO", "087")]
    [InlineData("The United States imposed new sanctions on Iran.", "SANCTION USA>IRN", "160")]
    [InlineData("Poland expelled Russian diplomats.", "SANCTION POL>RUS", "166")]
    [InlineData("Turkish police arrested two Iranian nationals.", "COERCE TUR>IRN", "173")]
    [InlineData("Russia deployed troops to the border with Ukraine.", "MOBILIZE RUS>UKR", "154")]
    // ASSAULT: attacks, killings, shelling
    [InlineData("Turkish forces shelled Syrian army positions.", "ASSAULT TUR>SYR", "194")]
    [InlineData("Israeli warplanes struck Lebanon overnight.", "ASSAULT ISR>LBN", "190")]
    [InlineData("Russia launched an offensive against Ukraine.", "ASSAULT RUS>UKR", "190")]
    [InlineData("Turkey carried out airstrikes against Iraq's Kurdish region.", "ASSAULT TUR>IRQ", "195")]
    public void Codes_the_type_sides_and_cameo(string sentence, string? expected, string? cameo)
    {
        var events = Code(sentence);
        if (expected is null)
        {
            // no recipient written: nothing to code
            Assert.True(events.Count == 0, Describe(events));
            return;
        }
        var type = expected.Split(' ')[0];
        var e = One(events, type);
        Assert.Equal(expected, Sides(e));
        Assert.Equal(cameo, e.Cameo);
        Assert.NotNull(e.Goldstein);
        Assert.Equal(Coding.EventCoder.Cameo[cameo!]!.Goldstein, e.Goldstein);
    }

    [Fact]
    public void Statements_and_plain_nouns_are_not_events()
    {
        Assert.Empty(Code("Putin said the economy was growing despite the sanctions."));
        Assert.Empty(Code("The talks are a sign of hope, Erdogan said."));
        Assert.Empty(Code("Cooperation between Moscow and Ankara is a cornerstone of regional stability."));
        Assert.Empty(Code("Ankara must restore constitutional order in the region."));
        Assert.Empty(Code("Obama and Abe spoke before about 100 invited guests in Hiroshima."));
        Assert.Empty(Code("Obama wants to revive stalled peace talks between Israel and the Palestinians."));
        Assert.Empty(Code("Turkey sent 200 troops last month."));
    }

    [Fact]
    public void A_warning_without_harm_is_not_a_threat()
    {
        Assert.Empty(Code("Lavrov warned that talks on Ukraine remained difficult."));
        Assert.Equal("THREATEN RUS>UKR", Sides(One(Code("Lavrov warned Ukraine of a military response."), "THREATEN")));
    }

    [Fact]
    public void Modes_of_consultation()
    {
        Assert.Equal("phone", One(Code("Putin had a telephone conversation with Erdogan on Monday."), "CONSULT").Mode);
        Assert.Equal("visit", One(Code("Fidan visited Moscow on Thursday."), "CONSULT").Mode);
        var summit = One(Code("Russia, Turkey and Iran held a summit in Tehran."), "CONSULT");
        Assert.Equal("multilateral", summit.Mode);
    }
}
