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
public sealed record ActorLinks(string Events, string Timeline, string Quotes, string? Positions = null);

public sealed record ActorDetail(
    string Key, bool Group, string Name, string? Code, string? Country, string? Kind, IReadOnlyList<string> Names,
    IReadOnlyList<ActorRole> Roles, long Articles, long Mentions, ActorEvents Events, ActorQuotes Quotes,
    IReadOnlyList<ActorListItem> Members, IReadOnlyList<PositionDto> Positions, ActorLinks Links);

public sealed record NetworkDto(string Level, string? From, string? To, string? Type, int Min, long Events,
    IReadOnlyList<NetworkNode> Nodes, IReadOnlyList<NetworkEdge> Edges);

/// <summary>Why a source sits in its merged entry: the rule, the source it was linked to (its ref) and what they share.</summary>
public sealed record MergeReasonDto(string Rule, string? With, IReadOnlyList<string> SharedActors, string? DateRelation,
    string? PlaceRelation, string? ModeRelation, double Score, string Text);

/// <summary>
/// Where a timeline entry is written: the article and the sentence (offsets are the event's span in the article text),
/// the event's ref, the date as this article gives it, and (with explain) why it was merged.
/// </summary>
public sealed record TimelineSourceDto(string ArticleId, string? Title, string? Outlet, string? Published, int Sentence,
    string? SentenceText, int Start, int End, string? Where, string? Ref = null, string? Date = null, string? DateText = null,
    string? Trigger = null, MergeReasonDto? Reason = null);

/// <summary>
/// One entry of the timeline: one real-world event merged across articles (id = the cluster id); sources are every
/// article that reports it, each with its sentence.
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
}
