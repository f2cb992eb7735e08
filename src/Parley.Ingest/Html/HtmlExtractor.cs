using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Parley.Ingest.Html;

/// <summary>
/// Main-content extraction from news HTML: metadata from meta tags and JSON-LD, then the article
/// body by block scoring (text length, commas, link density, class/id cues propagated to
/// ancestors), sibling merging, and per-block boilerplate filtering, with a density fallback and
/// the page's JSON-LD articleBody when the primary path finds too little.
/// Built once by <see cref="Load"/>; holds only frozen tables, so one instance serves any number
/// of threads.
/// </summary>
public sealed class HtmlExtractor
{
    /// <summary>Raw markup nested deeper than this is flattened before parsing (see <see cref="NestingGuard"/>).</summary>
    const int NestingTrigger = 2_000;
    const int NestingKeep = 400;
    /// <summary>Pages larger than this (in chars) are cut before parsing.</summary>
    const int MaxHtmlChars = 16_000_000;

    readonly HtmlCues _cues;
    readonly HtmlParserOptions _parserOptions = new() { IsScripting = false, IsNotConsumingCharacterReferences = false };

    HtmlExtractor(HtmlCues cues) => _cues = cues;

    /// <summary>Loads <c>knowledge/html-cues.tsv</c> and builds the extractor.</summary>
    public static HtmlExtractor Load() => new(HtmlCues.Load());

    /// <summary>The version line of the cue file in use.</summary>
    public string? KnowledgeVersion => _cues.Version;

    /// <summary>Extracts body paragraphs, captions and metadata; problems go to <see cref="CleanedArticle.Errors"/>.</summary>
    public CleanedArticle Extract(string html, string? url = null)
    {
        var result = new CleanedArticle { Url = url };
        if (string.IsNullOrWhiteSpace(html))
        {
            result.Errors.Add("html: empty document");
            return result;
        }
        try
        {
            if (html.Length > MaxHtmlChars)
            {
                result.Errors.Add($"html: page of {html.Length} chars cut to {MaxHtmlChars}");
                html = html[..MaxHtmlChars];
            }
            html = MarkupSlimmer.Slim(html);
            var flat = NestingGuard.Flatten(html, NestingTrigger, NestingKeep, out var depth);
            if (!ReferenceEquals(flat, html))
                result.Errors.Add($"html: markup nested {depth} levels deep; tags past level {NestingKeep} ignored");
            var doc = new HtmlParser(_parserOptions).ParseDocument(flat);
            var ld = HtmlMetadata.ReadJsonLd(doc, result.Errors);
            HtmlMetadata.Fill(doc, result, url, _cues, ld);
            new ContentExtraction(_cues, doc, result, ld).Run();
            if (result.Paragraphs.Count == 0) result.Errors.Add("html: no article body found");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not InsufficientExecutionStackException)
        {
            result.Errors.Add($"html: extraction failed: {ex.GetType().Name}: {ex.Message}");
        }
        catch (InsufficientExecutionStackException)
        {
            result.Errors.Add("html: document too deeply nested to extract");
        }
        return result;
    }
}
