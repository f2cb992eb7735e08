using Parley.Merge;

namespace Parley.Store;

/// <summary>Filters for <see cref="SqliteStore.Timeline"/>; unset filters match everything.</summary>
public sealed record TimelineQuery
{
    /// <summary>A party: CAMEO code or prefix, ISO3 country, or part of a name ("Putin").</summary>
    public string? Actor { get; init; }
    /// <summary>A second party that must take part too.</summary>
    public string? With { get; init; }
    /// <summary>An issue id of knowledge/process/issues.tsv named in a member's sentence.</summary>
    public string? Issue { get; init; }
    /// <summary>A PLOVER type.</summary>
    public string? Type { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    /// <summary>Negated events ("did not meet") are left out unless true.</summary>
    public bool IncludeNegated { get; init; }
    public int Limit { get; init; } = 200;
    public int Offset { get; init; }
}

/// <summary>Where a claim comes from: the article and its sentence.</summary>
public sealed record Evidence(string ArticleId, string? Title, string? Outlet, string? Published, string? Url, int Sentence, string? Text);

/// <summary>One mention of a merged event: the article's event, its evidence and why it was merged.</summary>
public sealed record TimelineMention
{
    /// <summary>The store's event rowid (what <see cref="MergeReason.With"/> refers to).</summary>
    public long Rowid { get; init; }
    public required string EventId { get; init; }
    public required Evidence Evidence { get; init; }
    public string? Trigger { get; init; }
    public string? Date { get; init; }
    public string? DateText { get; init; }
    public string? DateSource { get; init; }
    public string? Place { get; init; }
    public string? Mode { get; init; }
    public IReadOnlyList<string> Parties { get; init; } = [];
    public MergeReason? Reason { get; init; }
}

/// <summary>A merged event (cluster) with all its mentions.</summary>
public sealed record TimelineEntry
{
    public required long Cluster { get; init; }
    public required string Type { get; init; }
    public string? Mode { get; init; }
    /// <summary>As written (partial dates stay partial: "2023-06").</summary>
    public string? Date { get; init; }
    public string? DateSource { get; init; }
    public string? Place { get; init; }
    public string? PlaceCountry { get; init; }
    public IReadOnlyList<string> Actors { get; init; } = [];
    public IReadOnlyList<string> SourceActors { get; init; } = [];
    public IReadOnlyList<string> TargetActors { get; init; } = [];
    /// <summary>Distinct articles reporting it.</summary>
    public int Sources { get; init; }
    public bool Negated { get; init; }
    public string? Modality { get; init; }
    public IReadOnlyList<TimelineMention> Mentions { get; init; } = [];
}

/// <summary>Filters for <see cref="SqliteStore.Positions"/> and <see cref="SqliteStore.PositionMatrix"/>.</summary>
public sealed record PositionQuery
{
    public string? Issue { get; init; }
    /// <summary>The holder: ISO3 country, CAMEO code or prefix, or part of a name.</summary>
    public string? Actor { get; init; }
}

/// <summary>A stored stance of an actor on an issue with its evidence.</summary>
public sealed record StoredPosition
{
    /// <summary>The row key of the matrix: the holder's country, else its name.</summary>
    public required string Holder { get; init; }
    public string? ActorName { get; init; }
    public string? Code { get; init; }
    public string? Country { get; init; }
    public required string Issue { get; init; }
    public required string Stance { get; init; }
    public string? Cue { get; init; }
    public IReadOnlyList<string> Targets { get; init; } = [];
    public string? ConditionText { get; init; }
    public string? ConditionIssue { get; init; }
    public string? Date { get; init; }
    public string? DateSource { get; init; }
    public string? QuoteId { get; init; }
    public string? EventId { get; init; }
    public double Confidence { get; init; }
    public required Evidence Evidence { get; init; }
}

/// <summary>A member of a format: what the knowledge base says and what the texts say, with evidence dates.</summary>
public sealed record ProcessMember
{
    /// <summary>ISO3 country or actor code.</summary>
    public required string Member { get; init; }
    public string? Name { get; init; }
    /// <summary>The role the texts give (or the knowledge base's when no text states one).</summary>
    public required string Role { get; init; }
    /// <summary>The knowledge base's role, when it has the member.</summary>
    public string? KnownRole { get; init; }
    public string? KnownSince { get; init; }
    public string? KnownUntil { get; init; }
    /// <summary>kb | text | kb+text</summary>
    public required string Basis { get; init; }
    /// <summary>First and last dates the texts attest the role (publication dates of the evidence).</summary>
    public string? First { get; init; }
    public string? Last { get; init; }
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];
}

public sealed record ProcessRound
{
    public int Number { get; init; }
    public string? Date { get; init; }
    public string? Place { get; init; }
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];
}

/// <summary>A format-level change (launched, end-proposed, joined, …) or an outcome event linked to the format.</summary>
public sealed record ProcessFact
{
    /// <summary>A fact kind (end-proposed, …) or, for outcomes, the PLOVER type.</summary>
    public required string Kind { get; init; }
    public string? Label { get; init; }
    public string? Cue { get; init; }
    public string? Actor { get; init; }
    public string? Country { get; init; }
    public string? Date { get; init; }
    /// <summary>The merged event, for outcomes.</summary>
    public long? Cluster { get; init; }
    public int Sources { get; init; } = 1;
    public required Evidence Evidence { get; init; }
}

/// <summary>A multilateral format as one entity over all stored articles.</summary>
public sealed record ProcessView
{
    public required string Format { get; init; }
    public required string Name { get; init; }
    public string? Conflict { get; init; }
    public string? Start { get; init; }
    public string? End { get; init; }
    public string? Note { get; init; }
    /// <summary>Articles naming or implying the format.</summary>
    public int Articles { get; init; }
    public IReadOnlyList<ProcessMember> Members { get; init; } = [];
    public IReadOnlyList<ProcessRound> Rounds { get; init; } = [];
    public IReadOnlyList<ProcessFact> Facts { get; init; } = [];
    public IReadOnlyList<ProcessFact> Outcomes { get; init; } = [];
    /// <summary>Merged events the articles link to the format, in date order.</summary>
    public IReadOnlyList<TimelineEntry> Events { get; init; } = [];
}
