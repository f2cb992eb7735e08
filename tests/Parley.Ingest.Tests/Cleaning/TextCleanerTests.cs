using Parley.Ingest;
using Parley.Ingest.Cleaning;

namespace Parley.Ingest.Tests.Cleaning;

/// <summary>Hand-written fixtures (invented articles) for each kind of block the cleaner drops.</summary>
public class TextCleanerTests
{
    static readonly TextCleaner Cleaner = TextCleaner.Load();

    const string BodyOne = "The foreign ministers of Norland and Estavia met in the lakeside town of Varrow on Tuesday to discuss a disputed fishing zone.";
    const string BodyTwo = "Officials on both sides described the talks as frank, and a second round is planned for the spring.";
    const string BodyThree = "Neither government published the text of the draft agreement.";

    static CleanedArticle Clean(string text, string? title = null) => Cleaner.Clean(text, title);

    static string Reason(CleanedArticle a, string text) =>
        a.Removed.Single(r => r.Text == text).Reason;

    [Fact]
    public void Clean_article_loses_nothing()
    {
        var text = string.Join("\n\n", BodyOne, BodyTwo, BodyThree);
        var a = Clean(text, "Norland and Estavia Hold Fishing Talks");
        Assert.Equal("Norland and Estavia Hold Fishing Talks", a.Title);
        Assert.Equal([BodyOne, BodyTwo, BodyThree], a.Paragraphs);
        Assert.Empty(a.Removed);
        Assert.Empty(a.Captions);
        Assert.Null(a.Subtitle);
        Assert.Null(a.Outlet);
    }

    [Fact]
    public void Title_is_first_headline_line_after_chrome_and_separators()
    {
        var text = "Skip to content\n-\nNorland and Estavia Hold Fishing Talks\n-\n\n" + BodyOne + "\n\n" + BodyTwo;
        var a = Clean(text);
        Assert.Equal("Norland and Estavia Hold Fishing Talks", a.Title);
        Assert.Equal("site-chrome", Reason(a, "Skip to content"));
        Assert.Equal(2, a.Removed.Count(r => r.Reason == "separator"));
        Assert.Equal([BodyOne, BodyTwo], a.Paragraphs);
    }

    [Fact]
    public void Repeated_title_is_removed_and_the_line_between_is_the_subtitle()
    {
        const string title = "Fishing Talks Stall Over Quota Question";
        const string standfirst = "The two neighbours could not agree on catch limits, a ministry spokesperson said.";
        var text = $"Logo Wide\n\n{title}\n\n{standfirst}\n{title}\n\n{BodyOne}\n\n{BodyTwo}";
        var a = Clean(text);
        Assert.Equal(title, a.Title);
        Assert.Equal(standfirst, a.Subtitle);
        Assert.Equal("duplicate-title", Reason(a, title));
        Assert.Equal("site-chrome", Reason(a, "Logo Wide"));
        Assert.Equal([BodyOne, BodyTwo], a.Paragraphs);
    }

    [Fact]
    public void Unpunctuated_long_line_under_the_title_is_a_standfirst()
    {
        const string standfirst = "A quiet dispute over fishing rights has become the first test of the new coalition in Norland";
        var a = Clean($"Fishing Talks Stall Over Quota Question\n{standfirst}\n{BodyOne}\n{BodyTwo}");
        Assert.Equal(standfirst, a.Subtitle);
        Assert.Equal([BodyOne, BodyTwo], a.Paragraphs);
    }

    [Fact]
    public void Title_hint_wins_and_its_copy_in_the_text_is_removed()
    {
        var a = Clean($"Fishing talks stall over quota question\n\n{BodyOne}\n\n{BodyTwo}", "Fishing Talks Stall Over Quota Question");
        Assert.Equal("Fishing Talks Stall Over Quota Question", a.Title);
        Assert.Equal("duplicate-title", a.Removed.Single().Reason);
        Assert.Equal([BodyOne, BodyTwo], a.Paragraphs);
    }

    [Fact]
    public void Dateline_sets_published_and_agency_line_names_the_outlet()
    {
        var text = $"Fishing Talks Stall Over Quota Question\n\nSDA\n\n4.2.2025 - 08:15\n\n{BodyOne}\n\n{BodyTwo}\n\nSDA";
        var a = Clean(text);
        Assert.Equal("2025-02-04T08:15:00", a.Published);
        Assert.Equal("text", a.PublishedSource);
        Assert.Equal("SDA", a.Outlet);
        Assert.Equal("dateline", Reason(a, "4.2.2025 - 08:15"));
        Assert.All(a.Removed.Where(r => r.Text == "SDA"), r => Assert.Equal("agency-signoff", r.Reason));
        Assert.Equal([BodyOne, BodyTwo], a.Paragraphs);
    }

    [Fact]
    public void Photo_caption_goes_to_captions_with_its_copy_and_credit_removed()
    {
        const string caption = "ARCHIVE - The Norland delegation arrives at the harbour in Varrow. Photo: Jo Bakker/Harbour Press";
        var text = $"Fishing Talks Stall Over Quota Question\n\n{caption}\n{caption}\nKeystone\n\n{BodyOne}\n\n{BodyTwo}";
        var a = Clean(text);
        Assert.Equal([caption], a.Captions);
        Assert.Contains(a.Removed, r => r.Text == caption && r.Reason == "caption");
        Assert.Contains(a.Removed, r => r.Text == caption && r.Reason == "duplicate-line");
        Assert.Equal("photo-credit", Reason(a, "Keystone"));
        Assert.Null(a.Outlet);
        Assert.Equal([BodyOne, BodyTwo], a.Paragraphs);
    }

    [Fact]
    public void A_line_printed_twice_in_a_row_is_a_caption()
    {
        const string caption = "Estavian fishing boats (left) wait in the harbour of Varrow on March 3.";
        var a = Clean($"Fishing Talks Stall Over Quota Question\n\n{caption}\n{caption}\n\n{BodyOne}\n\n{BodyTwo}");
        Assert.Equal([caption], a.Captions);
        Assert.Equal([BodyOne, BodyTwo], a.Paragraphs);
    }

    [Fact]
    public void Image_copyright_line_is_a_caption()
    {
        const string caption = "Image copyright Harbour Press Image caption Boats wait in the harbour";
        var a = Clean($"{BodyOne}\n\n{caption}\n\n{BodyTwo}", "Fishing Talks");
        Assert.Equal([caption], a.Captions);
        Assert.Equal([BodyOne, BodyTwo], a.Paragraphs);
    }

    [Fact]
    public void Trailing_chrome_block_with_lone_category_words_is_removed()
    {
        var text = $"Fishing Talks Stall Over Quota Question\n{BodyOne}\n{BodyTwo}\nNorth-Agencies\nYou May Also Like\nPopular Posts\nCaricature\nopinion\nReport\nads\nNewsletter\nSubscribe to our list for weekly updates!";
        var a = Clean(text);
        Assert.Equal([BodyOne, BodyTwo], a.Paragraphs);
        Assert.Equal("agency-signoff", Reason(a, "North-Agencies"));
        foreach (var chrome in new[] { "You May Also Like", "Popular Posts", "Caricature", "opinion", "Report", "ads", "Newsletter", "Subscribe to our list for weekly updates!" })
            Assert.Equal("site-chrome", Reason(a, chrome));
        Assert.Null(a.Outlet);
    }

    [Fact]
    public void Category_words_inside_the_body_are_kept()
    {
        var a = Clean($"{BodyOne}\n\nReport\n\n{BodyTwo}", "Fishing Talks");
        Assert.Equal([BodyOne, "Report", BodyTwo], a.Paragraphs);
    }

    [Fact]
    public void Translation_notice_is_legal_and_names_the_outlet()
    {
        const string notice = "This article was translated and edited by The Harbour Monitor. The Harbour Monitor has not verified the content of this story.";
        var a = Clean($"Logo Wide\n\nFishing Talks Stall Over Quota Question\n\n{BodyOne}\n\n{BodyTwo}\n\n{notice}\n\nHelpful keywords");
        Assert.Equal("legal-notice", Reason(a, notice));
        Assert.Equal("site-chrome", Reason(a, "Helpful keywords"));
        Assert.Equal("The Harbour Monitor", a.Outlet);
        Assert.Equal([BodyOne, BodyTwo], a.Paragraphs);
    }

    [Fact]
    public void Footer_notices_and_reporting_credit_are_removed_and_name_the_outlet()
    {
        var text = string.Join("\n\n",
            "Accessibility links", "Breaking News", "Fishing Talks Stall Over Quota Question", BodyOne, BodyTwo,
            "With reporting by AFP and Reuters",
            "NRB has been declared an \"undesirable organization\" by the Estavian government.",
            "If you are in Russia or nearby, please note the legal risks of sharing this page.",
            "To find out more, click here.");
        var a = Clean(text);
        Assert.Equal([BodyOne, BodyTwo], a.Paragraphs);
        Assert.Equal("agency-signoff", Reason(a, "With reporting by AFP and Reuters"));
        Assert.Equal("legal-notice", Reason(a, "To find out more, click here."));
        Assert.Equal(3, a.Removed.Count(r => r.Reason == "legal-notice"));
        Assert.Equal("NRB", a.Outlet);
    }

    [Fact]
    public void A_body_sentence_about_undesirable_organizations_is_kept()
    {
        const string para = "Last year the ministry said the charity had been declared an undesirable organization, a label it rejects.";
        var a = Clean($"{BodyOne}\n\n{para}\n\n{BodyTwo}", "Fishing Talks");
        Assert.Equal([BodyOne, para, BodyTwo], a.Paragraphs);
    }

    [Fact]
    public void Title_case_link_between_paragraphs_is_a_related_headline_but_sentence_case_subhead_stays()
    {
        const string related = "Estavia Opens New Border Crossing in the North";
        const string subhead = "Fishermen worry about the coming season";
        var a = Clean($"{BodyOne}\n\n{related}\n\n{BodyTwo}\n\n{subhead}\n\n{BodyThree}", "Fishing Talks");
        Assert.Equal("related-headline", Reason(a, related));
        Assert.Equal([BodyOne, BodyTwo, subhead, BodyThree], a.Paragraphs);
    }

    [Fact]
    public void Repeated_paragraph_is_dropped_once()
    {
        var a = Clean($"{BodyOne}\n\n{BodyTwo}\n\n{BodyOne}\n\n{BodyThree}", "Fishing Talks");
        Assert.Equal([BodyOne, BodyTwo, BodyThree], a.Paragraphs);
        Assert.Equal("duplicate-line", a.Removed.Single().Reason);
    }

    [Fact]
    public void Byline_above_the_body_is_taken()
    {
        var a = Clean($"Fishing Talks Stall Over Quota Question\n\nBy Mara Lindqvist\n\n{BodyOne}\n\n{BodyTwo}");
        Assert.Equal("Mara Lindqvist", a.Byline);
        Assert.Equal("byline", Reason(a, "By Mara Lindqvist"));
        Assert.Equal([BodyOne, BodyTwo], a.Paragraphs);
    }

    [Fact]
    public void Hard_wrapped_lines_are_joined()
    {
        var text = "Fishing Talks Stall Over Quota Question\n\nThe foreign ministers of Norland and Estavia met on Tuesday to\ndiscuss a disputed fishing zone near the coast.\n\n" + BodyTwo;
        var a = Clean(text);
        Assert.Equal("The foreign ministers of Norland and Estavia met on Tuesday to discuss a disputed fishing zone near the coast.", a.Paragraphs[0]);
    }

    [Fact]
    public void Empty_text_gives_an_empty_article()
    {
        var a = Clean("  \n\n ");
        Assert.Empty(a.Paragraphs);
        Assert.Null(a.Title);
    }

    [Fact]
    public void Cleaner_is_reusable_across_threads()
    {
        var text = $"Fishing Talks Stall Over Quota Question\n\n{BodyOne}\n\n{BodyTwo}\n\nSDA";
        var results = Enumerable.Range(0, 64).AsParallel().Select(_ => Cleaner.Clean(text)).ToList();
        Assert.All(results, a => { Assert.Equal("SDA", a.Outlet); Assert.Equal(2, a.Paragraphs.Count); });
    }

    [Fact]
    public void Body_only_text_without_title_keeps_its_first_line()
    {
        const string first = "Norland said on Friday it would send its fishing fleet back to sea. Estavia did not comment.";
        var a = Clean($"{first}\n\n{BodyTwo}");
        Assert.Null(a.Title);
        Assert.Equal([first, BodyTwo], a.Paragraphs);
        Assert.Empty(a.Removed);
    }

    [Fact]
    public void Two_sentences_on_a_line_are_not_a_headline()
    {
        Assert.False(LineShape.IsHeadline("Talks failed again today. Both sides blamed the weather", 9));
        Assert.True(LineShape.IsHeadline("U.S. Envoy Arrives in Varrow for Talks", 7));
        Assert.True(LineShape.IsHeadline("Closer Ties... Norland Seeks a New Deal", 7));
    }

    [Theory]
    [InlineData("Estavia Opens New Border Crossing in the North", true)]
    [InlineData("Fishermen worry about the coming season", false)]
    [InlineData("the Quiet Harbour", false)]
    public void Title_case_detection(string line, bool expected)
    {
        Assert.Equal(expected, LineShape.IsTitleCase(line, Minor));
    }

    static readonly MinorWords Minor = MinorWords.Load();

    [Theory]
    [InlineData("cleaning-cues.tsv")]
    [InlineData("outlet-cues.tsv")]
    [InlineData("title-case-minor-words.tsv")]
    public void Knowledge_files_carry_a_version(string file)
    {
        Assert.NotNull(Parley.Core.Knowledge.VersionOf(file));
    }
}
