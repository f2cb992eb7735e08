using Parley.Core;

namespace Parley.Store;

/// <summary>
/// Filters for <see cref="SqliteStore.Events"/>; unset (null or blank) filters match everything, set ones all apply.
/// Actor codes match as <see cref="QuoteQuery.Actor"/> does: a CAMEO code or its prefix ("RUS" matches RUSGOV), or an ISO3 country.
/// </summary>
public sealed record EventQuery
{
    /// <summary>A party on either side (source or target).</summary>
    public string? Actor { get; init; }
    /// <summary>A party on the source side.</summary>
    public string? Source { get; init; }
    /// <summary>A party on the target side.</summary>
    public string? Target { get; init; }
    /// <summary>A PLOVER type (case-insensitive, one of knowledge/export/plover-quad.tsv) or a CAMEO code prefix ("04", "042").</summary>
    public string? Type { get; init; }
    /// <summary>Earliest event date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD. An event matches when its date's interval overlaps the window.</summary>
    public string? From { get; init; }
    /// <summary>Latest event date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD.</summary>
    public string? To { get; init; }
    /// <summary>asserted | planned | hypothetical | reported-claim.</summary>
    public string? Modality { get; init; }
    /// <summary>Negated events ("did not meet") are records too and match by default; false leaves them out.</summary>
    public bool IncludeNegated { get; init; } = true;
    /// <summary>At most this many events; null = all (for exports, which stream).</summary>
    public int? Limit { get; init; } = 50;
    public int Offset { get; init; }

    public static readonly string[] Modalities = ["asserted", "planned", "hypothetical", "reported-claim"];
}

/// <summary>A stored event with the article it came from and the text it was coded from.</summary>
public sealed record StoredEvent
{
    public required string ArticleId { get; init; }
    public required string ContentHash { get; init; }
    public string? Title { get; init; }
    public string? Outlet { get; init; }
    public string? Published { get; init; }
    public string? Url { get; init; }
    /// <summary>When the article was stored (UTC, ISO 8601).</summary>
    public string? IngestedAt { get; init; }
    /// <summary>The event as the record had it.</summary>
    public required EventRecord Event { get; init; }
    /// <summary>The sentence (or headline, caption) the event was coded from, or null.</summary>
    public string? SentenceText { get; init; }
}

/// <summary>Filters for <see cref="SqliteStore.Actors"/>; unset filters match everything.</summary>
public sealed record ActorQuery
{
    /// <summary>Case- and accent-insensitive substring of the actor's canonical name.</summary>
    public string? Name { get; init; }
    /// <summary>A CAMEO code or its prefix, or an ISO3 country.</summary>
    public string? Code { get; init; }
    /// <summary>person | state | organization | … as the actors stage writes it (case-insensitive).</summary>
    public string? Kind { get; init; }
    public int Limit { get; init; } = 50;
    public int Offset { get; init; }
}

/// <summary>An actor aggregated over the articles that name it.</summary>
public sealed record StoredActor(string Name, string? Code, string? Country, string? Kind, long Articles, long Mentions);
