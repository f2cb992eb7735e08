namespace Parley.Store;

/// <summary>
/// Filters for <see cref="SqliteStore.SearchEvents"/>. An actor filter is either a CAMEO code, its prefix or an
/// ISO3 country ("RUS" matches RUSGOV and every party of country RUS), or an <see cref="ActorKey"/> ("RUSGOV_sergei-lavrov":
/// exactly that actor). Only the latest stored version of each article counts.
/// </summary>
public sealed record EventSearch
{
    /// <summary>A party on either side.</summary>
    public string? Actor { get; init; }
    public string? Source { get; init; }
    public string? Target { get; init; }
    /// <summary>Both set: one side matches A and the other B, in either direction.</summary>
    public string? DyadA { get; init; }
    public string? DyadB { get; init; }
    /// <summary>A PLOVER type or a CAMEO code prefix (2–4 digits).</summary>
    public string? Type { get; init; }
    /// <summary>Event date window (YYYY, YYYY-MM or YYYY-MM-DD, inclusive); an event matches when its date interval overlaps it.</summary>
    public string? From { get; init; }
    public string? To { get; init; }
    /// <summary>A place name (prefix, case-insensitive) or, as three capital letters, an ISO3 country of the event's location.</summary>
    public string? Location { get; init; }
    public string? Modality { get; init; }
    /// <summary>null: both; true: only negated events; false: none of them.</summary>
    public bool? Negated { get; init; }
    /// <summary>An issue id: events the positions stage tagged with it (read from the stored record).</summary>
    public string? Issue { get; init; }
    /// <summary>Leave out events without a dated interval.</summary>
    public bool DatedOnly { get; init; }
    /// <summary>Oldest first by the start of the date interval (the timeline); otherwise latest first, undated last.</summary>
    public bool Chronological { get; init; }
    public int Limit { get; init; } = 50;
    public int Offset { get; init; }
    /// <summary>Also count every match (<see cref="EventPage.Total"/>).</summary>
    public bool Count { get; init; } = true;
}

public sealed record EventPage(long? Total, IReadOnlyList<StoredEvent> Items);

/// <summary>Filters for <see cref="SqliteStore.SearchActors"/>.</summary>
public sealed record ActorSearch
{
    /// <summary>Case- and accent-insensitive substring of the name.</summary>
    public string? Name { get; init; }
    /// <summary>A CAMEO code or prefix, or ISO3 country.</summary>
    public string? Code { get; init; }
    public string? Kind { get; init; }
    public int Limit { get; init; } = 50;
    public int Offset { get; init; }
}

/// <summary>An actor (one <see cref="ActorKey"/>) over the articles that name it.</summary>
public sealed record ActorSummary(string Key, string Name, string? Code, string? Country, string? Kind, long Articles, long Mentions);

/// <summary>A role as the records give it, with how often and when.</summary>
public sealed record ActorRole(string Role, long Articles, string? FirstPublished, string? LastPublished);

/// <summary>Everything the store knows about one actor key (or a group: a bare code).</summary>
public sealed record ActorProfile(
    string Key, bool Group, string Name, string? Code, string? Country, string? Kind,
    IReadOnlyList<string> Names, IReadOnlyList<ActorRole> Roles, long Articles, long Mentions,
    long EventsAsSource, long EventsAsTarget, long Quotes,
    IReadOnlyList<StoredQuote> RecentQuotes, IReadOnlyList<ActorSummary> Members);

/// <summary>Filters for <see cref="SqliteStore.Network"/>.</summary>
public sealed record NetworkQuery
{
    /// <summary>"actor": one node per <see cref="ActorKey"/>; "country": per ISO3 country (else the code).</summary>
    public string Level { get; init; } = "country";
    public string? From { get; init; }
    public string? To { get; init; }
    public string? Type { get; init; }
    /// <summary>Only edges with at least this many events.</summary>
    public int Min { get; init; } = 1;
    /// <summary>At most this many edges, the busiest first.</summary>
    public int MaxEdges { get; init; } = 300;
    /// <summary>Event ids kept per edge (the largest |Goldstein| first).</summary>
    public int TopEvents { get; init; } = 3;
}

public sealed record NetworkNode(string Key, string Label, string? Code, string? Country, long Events, double GoldsteinSum);

/// <summary>
/// The events between two nodes, either direction (A &lt; B by key). Quad counts follow the PLOVER type
/// (knowledge/export/plover-quad.tsv), else the CAMEO root (cameo-quad.tsv).
/// </summary>
public sealed record NetworkEdge(
    string A, string B, long Count, long AToB, long BToA, double? MeanGoldstein, double GoldsteinSum,
    long VerbalCooperation, long MaterialCooperation, long VerbalConflict, long MaterialConflict,
    IReadOnlyList<string> TopEvents)
{
    public long Cooperation => VerbalCooperation + MaterialCooperation;
    public long Conflict => VerbalConflict + MaterialConflict;
}

public sealed record Network(IReadOnlyList<NetworkNode> Nodes, IReadOnlyList<NetworkEdge> Edges, long Events);
