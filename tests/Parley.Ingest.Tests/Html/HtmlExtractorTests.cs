using System.Diagnostics;
using System.Text;
using Parley.Ingest.Html;

namespace Parley.Ingest.Tests.Html;

public class HtmlExtractorTests
{
    static readonly HtmlExtractor Extractor = HtmlExtractor.Load();

    [Fact]
    public void Body_is_the_article_paragraphs_in_reading_order()
    {
        var a = Extractor.Extract(HtmlFixtures.NewsPage);
        Assert.Equal(
            [HtmlFixtures.Para1, HtmlFixtures.Para2, HtmlFixtures.Para3, HtmlFixtures.Subhead, HtmlFixtures.Para4],
            a.Paragraphs);
    }

    [Fact]
    public void Chrome_is_left_out_and_recorded_with_a_reason()
    {
        var a = Extractor.Extract(HtmlFixtures.NewsPage);
        var text = string.Join("\n", a.Paragraphs);
        foreach (var chrome in new[] { "cookies", "Sport", "Share on Facebook", "Advertisement", "newsletter", "Ferry timetable", "Reader comment", "Copyright", "covers local politics", "do not read me" })
            Assert.DoesNotContain(chrome, text);
        var reasons = a.Removed.Select(r => r.Reason).ToHashSet();
        foreach (var reason in new[] { "navigation", "site-chrome", "share-bar", "advertisement", "newsletter", "related-links", "comments", "author-bio", "caption" })
            Assert.Contains(reason, reasons);
        Assert.Contains(a.Removed, r => r.Reason == "related-links" && r.Text.Contains("Ferry timetable"));
        Assert.All(a.Removed, r => Assert.True(r.Text.Length is > 0 and <= 201));
    }

    [Fact]
    public void An_embedded_post_quoted_in_the_story_stays_but_a_share_box_goes()
    {
        var html = $$"""
            <html><body><article>
            <p>{{HtmlFixtures.Para1}}</p>
            <div class="social-embed"><blockquote class="twitter-tweet"><p>The pier is staying! Best news this town has had in years, honestly.</p>— a harbour resident</blockquote></div>
            <p>{{HtmlFixtures.Para2}}</p>
            <div class="social-share"><a href="#">Share</a> <a href="#">Post</a> <a href="#">Mail</a></div>
            </article></body></html>
            """;
        var a = Extractor.Extract(html);
        Assert.Contains(a.Paragraphs, p => p.StartsWith("The pier is staying!"));
        Assert.DoesNotContain(a.Paragraphs, p => p.Contains("Mail"));
    }

    [Fact]
    public void The_cue_table_is_versioned_data()
    {
        Assert.False(string.IsNullOrEmpty(Extractor.KnowledgeVersion));
    }

    [Fact]
    public void Metadata_comes_from_meta_tags()
    {
        var a = Extractor.Extract(HtmlFixtures.NewsPage, "https://fallback.example/x");
        Assert.Equal("Council backs pier rebuild", a.Title);
        Assert.Equal("The Coastal Gazette", a.Outlet);
        Assert.Equal("Mara Lindqvist", a.Byline);
        Assert.Equal("2024-03-05T09:30:00Z", a.Published);
        Assert.Equal("html-meta", a.PublishedSource);
        Assert.Equal("https://gazette.example/news/pier-rebuild", a.Url);
        Assert.Equal("After three years of argument, the harbour will get its pier back.", a.Subtitle);
        Assert.Empty(a.Errors);
    }

    [Fact]
    public void Captions_are_kept_apart_from_the_body()
    {
        var a = Extractor.Extract(HtmlFixtures.NewsPage);
        Assert.Equal(["The pier at low tide last autumn."], a.Captions);
        Assert.Single(a.Removed, r => r.Reason == "caption");
        Assert.DoesNotContain(a.Paragraphs, p => p.Contains("low tide"));
    }

    [Fact]
    public void Json_ld_gives_headline_authors_publisher_and_date()
    {
        const string html = """
            <html><head>
            <title>Some page title - Hill Times</title>
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Hill Times"},
              {"@type":"NewsArticle","headline":"Snow closes the mountain pass for a week",
               "datePublished":"2023-12-01T07:15:00+01:00",
               "author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Tomas Berg"}],
               "publisher":{"@type":"Organization","name":"Hill Times"}}]}
            </script></head>
            <body><article>
            <p>Heavy snow closed the high mountain pass on Friday, and the road authority said it would stay shut for at least a week while crews cleared the drifts.</p>
            <p>Drivers heading north were told to use the valley road, which adds about an hour to the journey, and to carry chains, water and warm clothing.</p>
            </article></body></html>
            """;
        var a = Extractor.Extract(html);
        Assert.Equal("Snow closes the mountain pass for a week", a.Title);
        Assert.Equal("Ana Ruiz, Tomas Berg", a.Byline);
        Assert.Equal("Hill Times", a.Outlet);
        Assert.Equal("2023-12-01T06:15:00Z", a.Published);
        Assert.Equal(2, a.Paragraphs.Count);
    }

    [Fact]
    public void Time_element_byline_class_and_h1_fill_in_when_meta_is_missing()
    {
        const string html = """
            <html><head><title>Orchard growers count the cost of frost :: Valley Post</title></head><body>
            <div class="story">
              <h1>Orchard growers count the cost of frost</h1>
              <div class="byline">By Lena Okafor</div>
              <time datetime="2022-04-18">18 April</time>
              <p>A late frost has damaged much of the apple blossom in the valley, growers said on Monday, and some expect to lose half of this year's crop.</p>
              <p>The cold arrived after a warm fortnight had brought the trees into flower early, leaving the blossom exposed on two clear nights in a row.</p>
            </div></body></html>
            """;
        var a = Extractor.Extract(html, "https://valley.example/frost");
        Assert.Equal("Orchard growers count the cost of frost", a.Title);
        Assert.Equal("Lena Okafor", a.Byline);
        Assert.Equal("2022-04-18", a.Published);
        Assert.Equal("https://valley.example/frost", a.Url);
        Assert.Equal(2, a.Paragraphs.Count);
        Assert.DoesNotContain(a.Paragraphs, p => p.Contains("Lena Okafor"));
    }

    [Fact]
    public void A_page_whose_body_is_only_in_json_ld_falls_back_to_article_body()
    {
        const string html = """
            <html><head><script type="application/ld+json">
            {"@type":"NewsArticle","headline":"Library opens late on Thursdays",
             "articleBody":"The town library will stay open until nine on Thursdays from next month, the council said.\nThe change follows a survey in which most readers asked for evening hours, and it will be reviewed after a year."}
            </script></head><body><div id="app">Loading…</div></body></html>
            """;
        var a = Extractor.Extract(html);
        Assert.Equal(2, a.Paragraphs.Count);
        Assert.StartsWith("The town library will stay open", a.Paragraphs[0]);
    }

    [Fact]
    public void Hundred_thousand_nested_divs_neither_overflow_nor_stall()
    {
        var sb = new StringBuilder("<html><body>");
        for (var i = 0; i < 100_000; i++) sb.Append("<div>");
        sb.Append("<p>At the very bottom of a very deep page there is still a sentence worth reading, with a comma, and another one, to be sure.</p>");
        for (var i = 0; i < 100_000; i++) sb.Append("</div>");
        sb.Append("</body></html>");
        var watch = Stopwatch.StartNew();
        var a = Extractor.Extract(sb.ToString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.Contains(a.Paragraphs, p => p.StartsWith("At the very bottom"));
        Assert.Contains(a.Errors, e => e.Contains("nested"));
    }

    [Theory]
    [InlineData("<b>", "")]
    [InlineData("<table><tr><td>", "</td></tr></table>")]
    [InlineData("<ul><li>", "")]
    [InlineData("<div><p>", "")]
    [InlineData("<section>", "")]
    public void Other_pathological_nestings_stay_fast(string open, string close)
    {
        var sb = new StringBuilder("<html><body>");
        for (var i = 0; i < 100_000; i++) sb.Append(open);
        sb.Append("Deep in the pit lies one sentence, long enough to be read, with a comma, and a full stop.");
        for (var i = 0; i < 100_000; i++) sb.Append(close);
        var watch = Stopwatch.StartNew();
        var a = Extractor.Extract(sb.ToString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Contains(a.Paragraphs, p => p.StartsWith("Deep in the pit"));
    }

    [Fact]
    public void Deep_nesting_below_the_guard_is_parsed_as_is()
    {
        var sb = new StringBuilder("<html><body>");
        for (var i = 0; i < 1_500; i++) sb.Append("<span>");
        sb.Append("A sentence deep inside many spans, long enough to count as a paragraph of the page.");
        sb.Append("</body></html>");
        var a = Extractor.Extract(sb.ToString());
        Assert.Contains(a.Paragraphs, p => p.StartsWith("A sentence deep inside"));
    }

    [Fact]
    public void A_huge_page_is_extracted_in_reasonable_time()
    {
        var sb = new StringBuilder("<html><body><nav>");
        for (var i = 0; i < 20_000; i++) sb.Append("<a href='/l").Append(i).Append("'>Link number ").Append(i).Append("</a> ");
        sb.Append("</nav><article>");
        for (var i = 0; i < 3_000; i++) sb.Append("<p>").Append(HtmlFixtures.Para1).Append(' ').Append(i).Append("</p>");
        sb.Append("</article><script>").Append('x', 2_000_000).Append("</script></body></html>");
        var watch = Stopwatch.StartNew();
        var a = Extractor.Extract(sb.ToString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        Assert.Equal(3_000, a.Paragraphs.Count);
    }

    [Fact]
    public void A_document_with_head_only_has_no_body_but_keeps_its_title()
    {
        var a = Extractor.Extract("<html><head><title>Only a head</title><meta property='og:site_name' content='Quiet Press'></head></html>");
        Assert.Empty(a.Paragraphs);
        Assert.Equal("Only a head", a.Title);
        Assert.Equal("Quiet Press", a.Outlet);
        Assert.Contains(a.Errors, e => e.Contains("no article body"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n  ")]
    public void Empty_input_gives_an_error_not_an_exception(string html)
    {
        var a = Extractor.Extract(html);
        Assert.Empty(a.Paragraphs);
        Assert.Contains(a.Errors, e => e.Contains("empty"));
    }

    [Fact]
    public void Markup_without_text_says_no_body_was_found()
    {
        var a = Extractor.Extract("<html><head><title>Nothing here</title></head><body><nav><a href='/'>Home</a></nav><img src='x.png'></body></html>");
        Assert.Empty(a.Paragraphs);
        Assert.Equal("Nothing here", a.Title);
        Assert.Contains(a.Errors, e => e.Contains("no article body"));
    }

    [Fact]
    public void Broken_markup_still_yields_the_text()
    {
        const string html = "<html><body><div class='content'><p>The river rose by two metres overnight, flooding the lower streets, and the bridge was closed to traffic<p>Volunteers filled sandbags until dawn, and the water began to fall, slowly, by noon<div><b>unclosed bold <i>and italic</div></span></table>";
        var a = Extractor.Extract(html);
        Assert.Contains(a.Paragraphs, p => p.StartsWith("The river rose"));
        Assert.Contains(a.Paragraphs, p => p.StartsWith("Volunteers filled"));
    }

    [Fact]
    public void A_fragment_without_html_or_body_tags_is_read()
    {
        var a = Extractor.Extract("<p>Only a fragment, no html element and no body element, but the sentence is long, and it has commas.</p>");
        Assert.Single(a.Paragraphs);
    }

    [Fact]
    public void Unreadable_json_ld_is_reported_and_skipped()
    {
        var a = Extractor.Extract("<html><head><script type='application/ld+json'>{ not json</script></head><body><p>The ferry left on time this morning, for once, and the passengers cheered as it cleared the harbour wall.</p></body></html>");
        Assert.Contains(a.Errors, e => e.Contains("JSON-LD"));
        Assert.Single(a.Paragraphs);
    }

    [Fact]
    public void One_extractor_serves_many_threads_with_the_same_answer()
    {
        var expected = Extractor.Extract(HtmlFixtures.NewsPage).Paragraphs;
        var results = new List<string>[32];
        Parallel.For(0, results.Length, i => results[i] = Extractor.Extract(HtmlFixtures.NewsPage).Paragraphs);
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Theory]
    [InlineData("Pier rebuild approved | The Coastal Gazette", "The Coastal Gazette", "Pier rebuild approved")]
    [InlineData("Pier rebuild approved - Gazette", null, "Pier rebuild approved")]
    [InlineData("The Coastal Gazette | Pier rebuild approved", "The Coastal Gazette", "Pier rebuild approved")]
    [InlineData("Pier - the long story of a harbour's heart", null, "Pier - the long story of a harbour's heart")]
    public void Site_suffix_is_taken_off_titles(string raw, string? outlet, string expected) =>
        Assert.Equal(expected, HtmlMetadata.StripSiteSuffix(raw, outlet));

    [Fact]
    public void Removed_list_is_capped()
    {
        var sb = new StringBuilder("<html><body><article>");
        sb.Append("<p>").Append(HtmlFixtures.Para1).Append("</p><p>").Append(HtmlFixtures.Para2).Append("</p>");
        for (var i = 0; i < 500; i++) sb.Append("<div class='share'>Share item ").Append(i).Append("</div>");
        sb.Append("</article></body></html>");
        var a = Extractor.Extract(sb.ToString());
        Assert.True(a.Removed.Count <= 200);
        Assert.Equal(2, a.Paragraphs.Count);
    }
}
