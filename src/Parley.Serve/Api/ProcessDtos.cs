using Parley.Store;

namespace Parley.Serve.Api;

// Shapes of /api/positions and /api/processes (the process layer).

/// <summary>The article and sentence a claim comes from (open it at #/article/{article_id}?s={sentence}).</summary>
public sealed record EvidenceDto(string ArticleId, string? Title, string? Outlet, string? Published, string? Url, int Sentence, string? SentenceText)
{
    public static EvidenceDto Of(Evidence e) => new(e.ArticleId, e.Title, e.Outlet, e.Published, e.Url, e.Sentence, e.Text);
}

/// <summary>
/// A stance of an actor on an issue: supports | opposes | conditions (with the condition as written). holder is the
/// matrix row (the actor's country, else its name); actor_key the actor who said it. statements: in a matrix cell,
/// how many stances the holder took on the issue in all (see /api/positions/history).
/// </summary>
public sealed record PositionDto(string Holder, string? ActorName, string? ActorKey, string? Code, string? Country, string Issue,
    string Stance, string? Cue, IReadOnlyList<string> Targets, string? Condition, string? ConditionIssue, string? Date, string? DateSource,
    string? QuoteId, string? EventId, double Confidence, EvidenceDto Evidence, int? Statements = null);

public sealed record IssueLabelDto(string Id, string Label);

/// <summary>A row of the matrix: the holder and the names of the actors whose stances it sums up.</summary>
public sealed record PositionRowDto(string Holder, string? Country, IReadOnlyList<string> Names, int Issues);

/// <summary>Actor × issue: rows, columns (issues that have a stance) and one cell per filled pair (the latest stance).</summary>
public sealed record PositionMatrixDto(string? Issue, string? Actor, IReadOnlyList<PositionRowDto> Actors, IReadOnlyList<IssueLabelDto> Issues,
    IReadOnlyList<PositionDto> Cells);

public sealed record PositionHistoryDto(string Actor, string? Issue, IReadOnlyList<PositionDto> Items);

public sealed record ProcessListItem(string Id, string Name, string? Conflict, string? Start, string? End, int Articles);

public sealed record ProcessMemberDto(string Member, string? Name, string Role, string? KnownRole, string? KnownSince, string? KnownUntil,
    string Basis, string? First, string? Last, IReadOnlyList<EvidenceDto> Evidence);

public sealed record ProcessRoundDto(int Number, string? Date, string? Place, IReadOnlyList<EvidenceDto> Evidence);

/// <summary>A format-level change (launched, joined, end-proposed, …) or an outcome (PLOVER type; cluster = its timeline entry id).</summary>
public sealed record ProcessFactDto(string Kind, string? Label, string? Cue, string? Actor, string? Country, string? Date, string? Cluster,
    int Sources, EvidenceDto Evidence);

/// <summary>A merged event linked to the format (id: GET /api/timeline/{id}).</summary>
public sealed record ProcessEventDto(string Id, string? Date, string Type, string? Mode, string? Place, IReadOnlyList<string> Actors, int Sources,
    EvidenceDto? Evidence);

public sealed record ProcessDto(string Id, string Name, string? Conflict, string? Start, string? End, string? Note, int Articles,
    IReadOnlyList<ProcessMemberDto> Members, IReadOnlyList<ProcessRoundDto> Rounds, IReadOnlyList<ProcessFactDto> Changes,
    IReadOnlyList<ProcessFactDto> Outcomes, IReadOnlyList<ProcessEventDto> Events);

static class ProcessDto2
{
    static string Id(long cluster) => cluster.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static PositionDto Position(StoredPosition p, int? statements = null) =>
        new(p.Holder, p.ActorName, p.ActorName is null && p.Code is null ? null : ActorKey.OfParty(p.Code, p.ActorName), p.Code, p.Country, p.Issue,
            p.Stance, p.Cue, p.Targets, p.ConditionText, p.ConditionIssue, p.Date, p.DateSource, p.QuoteId, p.EventId, p.Confidence,
            EvidenceDto.Of(p.Evidence), statements);

    static ProcessFactDto Fact(ProcessFact f) =>
        new(f.Kind, f.Label, f.Cue, f.Actor, f.Country, f.Date, f.Cluster is { } c ? Id(c) : null, f.Sources, EvidenceDto.Of(f.Evidence));

    public static ProcessDto Process(ProcessView v) => new(v.Format, v.Name, v.Conflict, v.Start, v.End, v.Note, v.Articles,
        v.Members.Select(m => new ProcessMemberDto(m.Member, m.Name, m.Role, m.KnownRole, m.KnownSince, m.KnownUntil, m.Basis, m.First, m.Last,
            m.Evidence.Select(EvidenceDto.Of).ToList())).ToList(),
        v.Rounds.Select(r => new ProcessRoundDto(r.Number, r.Date, r.Place, r.Evidence.Select(EvidenceDto.Of).ToList())).ToList(),
        v.Facts.Select(Fact).ToList(), v.Outcomes.Select(Fact).ToList(),
        v.Events.Select(e => new ProcessEventDto(Id(e.Cluster), e.Date, e.Type, e.Mode, e.Place, e.Actors, e.Sources,
            e.Mentions.Count > 0 ? EvidenceDto.Of(e.Mentions[0].Evidence) : null)).ToList());
}
