using Parley.Ingest;

namespace Parley.Serve.Tests;

/// <summary>Articles written for these tests (our own words about public events), added to the demo corpus.</summary>
static class TestArticles
{
    public const string XssId = "fixture_markup_probe";
    public const string ScriptText = "<script>window.__pwned = 1</script>";
    public const string GenevaId = "fixture_geneva_security_talks";
    public const string GenevaSecondId = "fixture_geneva_talks_second_report";
    public const string AstanaId = "fixture_astana_twentieth_round";
    public const string ImgText = "<img src=x onerror=\"window.__pwned = 2\">";

    public static IEnumerable<RawDocument> All()
    {
        yield return Doc(XssId, "Ministry says posted note was garbled in transit", "2021-06-02", "Example Wire", $"""
            Officials in Vienna published the text of a diplomatic note on Wednesday, but the posted version was garbled.

            The first line of the note, as it appeared on the ministry website, read {ScriptText} before the greeting.

            A second line contained {ImgText} where the signature should have been, the ministry said.

            A spokesperson said the original note had been sent by courier and that the error lay only in the web copy.
            """);
        yield return Doc(GenevaId, "Lavrov and Blinken meet in Geneva as tensions over Ukraine rise", "2022-01-21", "Example Wire", """
            Russian Foreign Minister Sergei Lavrov and US Secretary of State Antony Blinken met in Geneva on Friday for talks on the security crisis around Ukraine.

            Lavrov said after the meeting that the conversation had been "frank and useful" but that Moscow still expected written answers to its proposals.

            Blinken told reporters that the United States would share its ideas with Russia in writing next week. "We are on a clearer path in terms of understanding each other's concerns," he said.

            The two sides agreed to keep talking, diplomats said, but no date was set for another meeting.
            """);
        yield return Doc("fixture_grain_deal_lapse", "Moscow lets Black Sea grain arrangement lapse", "2023-07-17", "Example Herald", """
            Russia said on Monday that it would stop taking part in the Black Sea grain arrangement, a year after it was agreed in Istanbul.

            Kremlin spokesman Dmitry Peskov said the deal would be suspended until Russian demands on its own exports were met.

            Turkish President Recep Tayyip Erdogan said he believed that Russian President Vladimir Putin wanted the arrangement to continue and that he would raise the matter with him.

            United Nations Secretary-General Antonio Guterres said the decision would hurt people in need everywhere.
            """);
        yield return Doc(GenevaSecondId, "Blinken and Lavrov hold talks in Geneva, agree to keep diplomacy going", "2022-01-21", "Example Courier", """
            US Secretary of State Antony Blinken met Russian Foreign Minister Sergei Lavrov in Geneva on January 21, 2022, in an attempt to ease the standoff over Russian troops massed near Ukraine.

            The meeting at a lakeside hotel lasted about ninety minutes, according to officials from both delegations.

            Blinken said Washington would put its response to Moscow's security demands on paper in the coming days, while Lavrov said Russia wanted concrete answers rather than promises.
            """);
        yield return Doc(AstanaId, "Astana talks on Syria end their twentieth round in the Kazakh capital", "2023-06-21", "Example Herald", """
            The twentieth round of the Astana talks on Syria was held in Astana on June 20 and 21, 2023, with delegations from Russia, Turkey and Iran taking part as guarantors of the process.

            Jordan, Iraq and Lebanon attended the meeting as observers, as did representatives of the United Nations.

            Turkey said it would withdraw its troops from northern Syria only if the threat from militant groups along the border was removed.

            Iran called for the withdrawal of all foreign forces from Syrian territory, the final statement said.

            Kazakhstan's deputy foreign minister said his country proposed that the Astana format end its meetings in the Kazakh capital, saying the talks had fulfilled their mission.
            """);
    }

    static RawDocument Doc(string id, string title, string published, string outlet, string text) => new()
    {
        Id = id, Source = id + ".txt", Title = title, Published = published, Outlet = outlet, Text = text,
        ContentHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id + text))),
    };
}
