using Parley.Ingest;

namespace Parley.Serve.Tests;

/// <summary>Articles written for these tests (our own words about public events), added to the demo corpus.</summary>
static class TestArticles
{
    public const string XssId = "fixture_markup_probe";
    public const string ScriptText = "<script>window.__pwned = 1</script>";
    public const string ImgText = "<img src=x onerror=\"window.__pwned = 2\">";

    public static IEnumerable<RawDocument> All()
    {
        yield return Doc(XssId, "Ministry says posted note was garbled in transit", "2021-06-02", "Example Wire", $"""
            Officials in Vienna published the text of a diplomatic note on Wednesday, but the posted version was garbled.

            The first line of the note, as it appeared on the ministry website, read {ScriptText} before the greeting.

            A second line contained {ImgText} where the signature should have been, the ministry said.

            A spokesperson said the original note had been sent by courier and that the error lay only in the web copy.
            """);
        yield return Doc("fixture_geneva_security_talks", "Lavrov and Blinken meet in Geneva as tensions over Ukraine rise", "2022-01-21", "Example Wire", """
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
    }

    static RawDocument Doc(string id, string title, string published, string outlet, string text) => new()
    {
        Id = id, Source = id + ".txt", Title = title, Published = published, Outlet = outlet, Text = text,
        ContentHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id + text))),
    };
}
