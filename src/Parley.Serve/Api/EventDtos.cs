using Parley.Core;
using Parley.Store;

namespace Parley.Serve.Api;

// Shapes of /api/events, /api/actors, /api/network and /api/timeline. Actor keys: see Parley.Store.ActorKey.

/// <summary>An event party with its actor key (a bare code when the record names no actor).</summary>
public sealed record PartyDto(string? Key, string? Name, string? Code, string? Country);

public sealed record EventListItem(string Ref, ArticleRefDto Article, EventDto Event, IReadOnlyList<PartyDto> Source,
    IReadOnlyList<PartyDto> Target, string? SentenceText);

public sealed record ActorListItem(string Key, string Name, string? Code, string? Country, string? Kind, long Articles, long Mentions);

public sealed record ActorEvents(long AsSource, long AsTarget, IReadOnlyList<EventListItem> Recent);

public sealed record ActorQuotes(long Count, IReadOnlyList<QuoteListItem> Recent);

/// <summary>Links into the rest of the API for this actor.</summary>
public sealed record ActorLinks(string Events, string Timeline, string Quotes);

public sealed record ActorDetail(
    string Key, bool Group, string Name, string? Code, string? Country, string? Kind, IReadOnlyList<string> Names,
    IReadOnlyList<ActorRole> Roles, long Articles, long Mentions, ActorEvents Events, ActorQuotes Quotes,
    IReadOnlyList<ActorListItem> Members, IReadOnlyList<object> Positions, ActorLinks Links);

public sealed record NetworkDto(string Level, string? From, string? To, string? Type, int Min, long Events,
    IReadOnlyList<NetworkNode> Nodes, IReadOnlyList<NetworkEdge> Edges);

/// <summary>Where a timeline entry is written: the article and the sentence (offsets are the event's span in the article text).</summary>
public sealed record TimelineSourceDto(string ArticleId, string? Title, string? Outlet, string? Published, int Sentence,
    string? SentenceText, int Start, int End, string? Where);

/// <summary>
/// One entry of the timeline: for now one stored event (id = its ref); the process layer will merge the same event
/// across articles into one entry with several sources.
/// </summary>
public sealed record TimelineEntry(
    string Id, string? Date, string? DateText, string? DateSource, string Type, string? Mode, string? Cameo, double? Goldstein,
    IReadOnlyList<PartyDto> Source, IReadOnlyList<PartyDto> Target, LocationRecord? Location, bool Negated, string Modality,
    IReadOnlyList<string>? Issues, IReadOnlyList<TimelineSourceDto> Sources);

static class EventDto2
{
    public static PartyDto Party(ActorRef r) => new(ActorKey.OfParty(r.Code, r.Name), r.Name, r.Code, r.Country);

    public static EventListItem Item(StoredEvent s) =>
        new(Dto.Ref(s.ArticleId, s.Event.Id), new ArticleRefDto(s.ArticleId, s.ContentHash, s.Title, s.Outlet, s.Published, s.Url),
            Dto.Event(s.ArticleId, s.Event), s.Event.Source.Select(Party).ToList(), s.Event.Target.Select(Party).ToList(), s.SentenceText);

    public static TimelineEntry Entry(StoredEvent s)
    {
        var e = s.Event;
        var where = e.Sentence >= 0 ? null : e.Evidence is { Count: > 0 } ev ? ev[0].Where : null;
        return new TimelineEntry(Dto.Ref(s.ArticleId, e.Id), e.Date, e.DateText, e.DateSource, e.Type, e.Mode, e.Cameo, e.Goldstein,
            e.Source.Select(Party).ToList(), e.Target.Select(Party).ToList(), e.Location, e.Negated, e.Modality, e.Issues,
            [new TimelineSourceDto(s.ArticleId, s.Title, s.Outlet, s.Published, e.Sentence, s.SentenceText, e.Start, e.End, where)]);
    }
}
