using Parley.Core;

namespace Parley.ProcessLayer;

/// <summary>
/// What the formats stage reads: the text, its sentences, the actors stage's actors, the events stage's events,
/// time expressions and places (either may be empty), the quotes (for who says a format changes) and the publication date.
/// </summary>
public sealed record FormatInput(
    string Text,
    IReadOnlyList<TextSpan> Sentences,
    IReadOnlyList<ActorRecord> Actors,
    IReadOnlyList<EventRecord> Events,
    IReadOnlyList<TimexRecord> Timexes,
    IReadOnlyList<PlaceMention> Places,
    IReadOnlyList<QuoteRecord> Quotes,
    string? Published);
