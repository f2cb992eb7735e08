using System.Text.Json;
using AngleSharp.Dom;
using Parley.Ingest.Metadata;

namespace Parley.Ingest.Html;

/// <summary>Title, outlet, byline, date and URL from a page's meta tags, JSON-LD and markup.</summary>
internal static class HtmlMetadata
{
    static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "Report", "ScholarlyArticle", "TechArticle", "SocialMediaPosting",
    };

    /// <summary>The article object of the page's JSON-LD, if any.</summary>
    internal sealed class LdArticle
    {
        public string? Headline, Description, Published, Publisher, Body, Url;
        public List<string> Authors { get; } = [];
    }

    public static LdArticle? ReadJsonLd(IDocument doc, List<string> errors)
    {
        LdArticle? found = null;
        foreach (var script in doc.QuerySelectorAll("script[type='application/ld+json']"))
        {
            var json = script.TextContent;
            if (string.IsNullOrWhiteSpace(json) || json.Length > 5_000_000) continue;
            JsonDocument parsed;
            try
            {
                parsed = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            }
            catch (JsonException)
            {
                errors.Add("html: unreadable JSON-LD block skipped");
                continue;
            }
            using (parsed)
            {
                // breadth-first over objects and arrays (depth bounded by MaxDepth)
                var queue = new Queue<JsonElement>();
                queue.Enqueue(parsed.RootElement);
                while (queue.Count > 0 && found is null)
                {
                    var e = queue.Dequeue();
                    if (e.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var item in e.EnumerateArray()) queue.Enqueue(item);
                        continue;
                    }
                    if (e.ValueKind != JsonValueKind.Object) continue;
                    if (IsArticle(e)) { found = ReadArticle(e); break; }
                    if (e.TryGetProperty("@graph", out var graph)) queue.Enqueue(graph);
                    if (e.TryGetProperty("mainEntity", out var main)) queue.Enqueue(main);
                }
            }
            if (found is not null) break;
        }
        return found;
    }

    static bool IsArticle(JsonElement e)
    {
        if (!e.TryGetProperty("@type", out var type)) return false;
        if (type.ValueKind == JsonValueKind.String) return ArticleTypes.Contains(type.GetString() ?? "");
        if (type.ValueKind == JsonValueKind.Array)
            foreach (var t in type.EnumerateArray())
                if (t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString() ?? "")) return true;
        return false;
    }

    static LdArticle ReadArticle(JsonElement e)
    {
        var a = new LdArticle
        {
            Headline = Str(e, "headline") ?? Str(e, "name"),
            Description = Str(e, "description"),
            Published = Str(e, "datePublished") ?? Str(e, "dateCreated"),
            Body = Str(e, "articleBody"),
            Url = Str(e, "url"),
        };
        if (e.TryGetProperty("publisher", out var pub))
            a.Publisher = pub.ValueKind == JsonValueKind.String ? pub.GetString() : pub.ValueKind == JsonValueKind.Object ? Str(pub, "name") : null;
        if (e.TryGetProperty("author", out var author))
        {
            if (author.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in author.EnumerateArray()) AddAuthor(a.Authors, item);
            }
            else AddAuthor(a.Authors, author);
        }
        return a;
    }

    static void AddAuthor(List<string> authors, JsonElement e)
    {
        var name = e.ValueKind == JsonValueKind.String ? e.GetString() : e.ValueKind == JsonValueKind.Object ? Str(e, "name") : null;
        name = Text.Collapse(name);
        if (name is { Length: > 1 and < 120 } && !LooksLikeUrl(name) && !authors.Contains(name)) authors.Add(name);
    }

    static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static bool LooksLikeUrl(string s) => s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    /// <summary>content of the first meta tag whose property/name/itemprop is one of <paramref name="names"/>.</summary>
    public static string? Meta(Dictionary<string, string> metas, params string[] names)
    {
        foreach (var n in names)
            if (metas.TryGetValue(n, out var v) && !string.IsNullOrWhiteSpace(v)) return v.Trim();
        return null;
    }

    /// <summary>All meta tags keyed by lower-cased property, name or itemprop (first occurrence wins).</summary>
    public static Dictionary<string, string> Metas(IDocument doc)
    {
        var metas = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in doc.QuerySelectorAll("meta"))
        {
            var content = m.GetAttribute("content");
            if (content is null) continue;
            foreach (var attr in (ReadOnlySpan<string>)["property", "name", "itemprop"])
            {
                var key = m.GetAttribute(attr);
                if (key is { Length: > 0 }) metas.TryAdd(key.Trim().ToLowerInvariant(), content);
            }
        }
        return metas;
    }

    public static void Fill(IDocument doc, CleanedArticle result, string? url, HtmlCues cues, LdArticle? ld)
    {
        var metas = Metas(doc);

        // outlet
        result.Outlet = Text.Collapse(Meta(metas, "og:site_name") ?? ld?.Publisher ?? Meta(metas, "application-name", "publisher", "cxenseparse:site", "twitter:app:name:iphone"));

        // title
        var h1 = FirstText(doc, "article h1, main h1, [itemprop=headline], h1");
        var docTitle = Text.Collapse(doc.Title);
        var og = Text.Collapse(Meta(metas, "og:title", "twitter:title", "title"));
        string? title = StripSiteSuffix(Text.Collapse(ld?.Headline), result.Outlet);
        if (title is null && h1 is not null && h1.Length >= 8 && ((og?.Contains(h1, StringComparison.OrdinalIgnoreCase) ?? false) || (docTitle?.Contains(h1, StringComparison.OrdinalIgnoreCase) ?? false)))
            title = h1;
        title ??= StripSiteSuffix(og, result.Outlet) ?? (h1 is { Length: >= 8 } ? h1 : null) ?? StripSiteSuffix(docTitle, result.Outlet) ?? h1;
        result.Title = title;

        // byline
        var byline = Meta(metas, "author", "article:author", "byl", "dc.creator", "sailthru.author", "parsely-author");
        if (byline is not null && LooksLikeUrl(byline)) byline = null;
        if (ld is { Authors.Count: > 0 }) byline ??= string.Join(", ", ld.Authors);
        byline ??= FirstText(doc, "[rel=author], [itemprop=author] [itemprop=name], [itemprop=author]");
        if (byline is null)
        {
            foreach (var el in doc.QuerySelectorAll("[class*=byline], [class*=author]"))
            {
                var t = Text.Collapse(el.TextContent);
                if (t is { Length: > 2 and < 120 }) { byline = t; break; }
            }
        }
        result.Byline = CleanByline(Text.Collapse(byline));

        // date
        string? published = null;
        foreach (var raw in new[]
        {
            Meta(metas, "article:published_time", "og:article:published_time", "datepublished", "publishdate", "pubdate", "publish-date",
                "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published", "published_time"),
            ld?.Published,
            doc.QuerySelector("[itemprop=datePublished]") is { } ip ? ip.GetAttribute("datetime") ?? ip.GetAttribute("content") ?? ip.TextContent : null,
            doc.QuerySelector("time[datetime]")?.GetAttribute("datetime"),
            doc.QuerySelector("time[pubdate]")?.TextContent,
        })
        {
            published = DateNormalizer.Normalize(raw);
            if (published is not null) break;
        }
        if (published is not null) { result.Published = published; result.PublishedSource = "html-meta"; }

        // url
        var canonical = doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
        var ogUrl = Meta(metas, "og:url");
        result.Url = Absolute(canonical) ?? Absolute(ogUrl) ?? Absolute(ld?.Url) ?? url;
    }

    static string? Absolute(string? u) => u is { Length: > 0 } && LooksLikeUrl(u.Trim()) ? u.Trim() : null;

    static string? CleanByline(string? s)
    {
        if (s is null) return null;
        if (s.StartsWith("by ", StringComparison.OrdinalIgnoreCase)) s = s[3..].Trim();
        return s.Length is > 1 and < 200 ? s : null;
    }

    static string? FirstText(IDocument doc, string selector)
    {
        foreach (var el in doc.QuerySelectorAll(selector))
        {
            var t = Text.Collapse(el.TextContent);
            if (t is { Length: > 0 }) return t;
        }
        return null;
    }

    static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "];

    /// <summary>"Headline | Site" → "Headline" when the tail is the outlet or short like a site name.</summary>
    public static string? StripSiteSuffix(string? title, string? outlet)
    {
        if (title is null) return null;
        foreach (var sep in Separators)
        {
            var idx = title.LastIndexOf(sep, StringComparison.Ordinal);
            if (idx <= 0) continue;
            var head = title[..idx].Trim();
            var tail = title[(idx + sep.Length)..].Trim();
            // "Site | Headline"
            var headIsOutlet = outlet is not null && head.Equals(outlet, StringComparison.OrdinalIgnoreCase);
            if (headIsOutlet && tail.Length >= 10) return tail;
            var isOutlet = outlet is not null && (tail.Equals(outlet, StringComparison.OrdinalIgnoreCase) || tail.Contains(outlet, StringComparison.OrdinalIgnoreCase));
            if (head.Length >= 10 && (isOutlet || (tail.Length <= 30 && tail.Split(' ').Length <= 4)))
                return StripSiteSuffix(head, outlet);
        }
        return title;
    }
}
