using Parley.Core;
using Parley.Store;

namespace Parley.Serve.Api;

// The API's JSON shapes (snake_case on the wire). Quote and event refs are stable: "{article id}#{Q3|E3}".

public sealed record Page<T>(long? Total, int Offset, int Limit, int? NextOffset, IReadOnlyList<T> Items);

public sealed record ArticleListItem(
    string Id, string ContentHash, string? Title, string? Outlet, string? Published, string? Url,
    int TextLength, int Quotes, string? Snippet, IReadOnlyList<SnippetPart>? SnippetParts);

/// <summary>A piece of a search snippet; <see cref="Match"/> marks a matched term.</summary>
public sealed record SnippetPart(string Text, bool Match);

public sealed record SentenceDto(int Index, int Start, int End);

/// <summary>One actor mention with what it resolves to.</summary>
public sealed record MentionDto(int Start, int End, string Text, string Actor, string Name, string? Kind, string? Code,
    string? Country, string? Role, string? Via, int Sentence);

public sealed record ActorDto(string Id, string Name, string? Kind, string? Code, string? Country, string? Role,
    IReadOnlyList<string>? Members, int Mentions);

public sealed record QuoteDto(string Ref, string Id, string Kind, string Text, int Start, int End, int Sentence,
    string? Where, SpeakerRecord? Speaker, string? Cue, double Confidence);

public sealed record EventDto(string Ref, string Id, string Type, string? Mode, string? Cameo, double? Goldstein,
    IReadOnlyList<ActorRef> Source, IReadOnlyList<ActorRef> Target, string? Date, string? DateText, string? DateSource,
    LocationRecord? Location, bool Negated, string Modality, string? Trigger, int Sentence, int Start, int End,
    double Confidence, IReadOnlyList<EvidenceRecord>? Evidence, IReadOnlyList<string>? Issues = null);

public sealed record ArticleDetail(
    string Id, string ContentHash, string Source, string? Title, string? Subtitle, string? Outlet, string? Byline,
    string? Published, string? PublishedSource, string? Url, string Text, IReadOnlyList<string> Captions,
    IReadOnlyList<SentenceDto> Sentences, IReadOnlyList<ActorDto> Actors, IReadOnlyList<MentionDto> Mentions,
    IReadOnlyList<QuoteDto> Quotes, IReadOnlyList<EventDto> Events, IReadOnlyList<TimexRecord> Timexes,
    IReadOnlyList<PlaceMention> Places, IReadOnlyList<string> Errors);

public sealed record ArticleRefDto(string Id, string ContentHash, string? Title, string? Outlet, string? Published, string? Url);

public sealed record QuoteListItem(string Ref, ArticleRefDto Article, QuoteDto Quote, string? SentenceText);

public sealed record OutletCount(string Outlet, long Count);

public sealed record StatsDto(long Articles, long DistinctOutlets, IReadOnlyList<OutletCount> TopOutlets,
    string? PublishedFrom, string? PublishedTo, IReadOnlyDictionary<string, long> ByPublishedSource,
    long IngestErrors, long Quotes, long QuotesWithSpeaker, bool IngestEnabled);

public sealed record IngestItem(string? Id, string? Title, string? Text, string? Html, string? Published, string? Url, string? Outlet);

public sealed record IngestResult(int Index, string Id, string? ContentHash, string Result, IReadOnlyList<string> Errors);

public sealed record IngestResponse(int Inserted, int Unchanged, int Failed, IReadOnlyList<IngestResult> Items);

static class Dto
{
    public static string Ref(string articleId, string itemId) => articleId + "#" + itemId;

    public static QuoteDto Quote(string articleId, QuoteRecord q) =>
        new(Ref(articleId, q.Id), q.Id, q.Kind, q.Text, q.Start, q.End, q.Sentence, q.Where, q.Speaker, q.Cue, q.Confidence);

    public static EventDto Event(string articleId, EventRecord e) =>
        new(Ref(articleId, e.Id), e.Id, e.Type, e.Mode, e.Cameo, e.Goldstein, e.Source, e.Target, e.Date, e.DateText, e.DateSource,
            e.Location, e.Negated, e.Modality, e.Trigger, e.Sentence, e.Start, e.End, e.Confidence, e.Evidence, e.Issues);

    public static ArticleDetail Article(ArticleRecord r, string contentHash)
    {
        var sentences = r.Sentences.Select((s, i) => new SentenceDto(i, s.Start, s.End)).ToList();
        var mentions = new List<MentionDto>();
        foreach (var a in r.Actors)
            foreach (var m in a.Mentions)
                mentions.Add(new MentionDto(m.Start, m.End, m.Text, a.Id, a.Name, a.Kind, a.Code, a.Country, a.Role, m.Via, SentenceOf(r.Sentences, m.Start)));
        mentions.Sort((x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : y.End.CompareTo(x.End));
        return new ArticleDetail(
            r.Id, contentHash, Path.IsPathRooted(r.Source) ? Path.GetFileName(r.Source) : r.Source, r.Title, r.Subtitle, r.Outlet, r.Byline, r.Published, r.PublishedSource, r.Url, r.Text, r.Captions,
            sentences,
            r.Actors.Select(a => new ActorDto(a.Id, a.Name, a.Kind, a.Code, a.Country, a.Role, a.Members, a.Mentions.Count)).ToList(),
            mentions,
            r.Quotes.Select(q => Quote(r.Id, q)).ToList(),
            r.Events.Select(e => Event(r.Id, e)).ToList(),
            r.Timexes, r.Places, r.Errors);
    }

    /// <summary>Index of the sentence containing <paramref name="offset"/>, or -1.</summary>
    static int SentenceOf(List<TextSpan> sentences, int offset)
    {
        int lo = 0, hi = sentences.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (offset < sentences[mid].Start) hi = mid - 1;
            else if (offset >= sentences[mid].End) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    public static ArticleListItem ListItem(ArticleSummary a) =>
        new(a.Id, a.ContentHash, a.Title, a.Outlet, a.Published, a.Url, a.TextLength, a.Quotes,
            a.Snippet?.Replace(SqliteStore.SnippetMarkStart.ToString(), "").Replace(SqliteStore.SnippetMarkEnd.ToString(), ""),
            a.Snippet is null ? null : SnippetParts(a.Snippet));

    static List<SnippetPart> SnippetParts(string snippet)
    {
        var parts = new List<SnippetPart>();
        var pos = 0;
        while (pos < snippet.Length)
        {
            var open = snippet.IndexOf(SqliteStore.SnippetMarkStart, pos);
            if (open < 0) { parts.Add(new(snippet[pos..], false)); break; }
            if (open > pos) parts.Add(new(snippet[pos..open], false));
            var close = snippet.IndexOf(SqliteStore.SnippetMarkEnd, open + 1);
            if (close < 0) close = snippet.Length;
            parts.Add(new(snippet[(open + 1)..close], true));
            pos = close + 1;
        }
        return parts;
    }

    public static QuoteListItem QuoteItem(StoredQuote s) =>
        new(Ref(s.ArticleId, s.Quote.Id), new ArticleRefDto(s.ArticleId, s.ContentHash, s.Title, s.Outlet, s.Published, s.Url),
            Quote(s.ArticleId, s.Quote), s.SentenceText);
}
