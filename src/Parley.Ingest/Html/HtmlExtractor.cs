namespace Parley.Ingest.Html;

// SHELL: replaced by the HTML helper.
public sealed class HtmlExtractor
{
    public static HtmlExtractor Load() => new();
    public CleanedArticle Extract(string html, string? url = null) => throw new NotImplementedException();
}
