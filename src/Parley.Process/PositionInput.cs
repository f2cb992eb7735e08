using Parley.Core;

namespace Parley.ProcessLayer;

/// <summary>What the positions stage reads: the text, sentences, actors, quotes (with speakers), events, time expressions and the publication date.</summary>
public sealed record PositionInput(
    string Text,
    IReadOnlyList<TextSpan> Sentences,
    IReadOnlyList<ActorRecord> Actors,
    IReadOnlyList<QuoteRecord> Quotes,
    IReadOnlyList<EventRecord> Events,
    IReadOnlyList<TimexRecord> Timexes,
    string? Published);

/// <summary>The positions stage's output: positions, and the issues each quote and event concerns (by id).</summary>
public sealed class PositionResult
{
    public List<PositionRecord> Positions { get; } = [];
    public Dictionary<string, List<string>> QuoteIssues { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<string>> EventIssues { get; } = new(StringComparer.Ordinal);

    /// <summary>Sets <see cref="QuoteRecord.Issues"/> and <see cref="EventRecord.Issues"/> (null when none); returns the positions.</summary>
    public List<PositionRecord> ApplyIssues(IEnumerable<QuoteRecord> quotes, IEnumerable<EventRecord> events)
    {
        foreach (var q in quotes) q.Issues = QuoteIssues.GetValueOrDefault(q.Id);
        foreach (var e in events) e.Issues = EventIssues.GetValueOrDefault(e.Id);
        return Positions;
    }
}
