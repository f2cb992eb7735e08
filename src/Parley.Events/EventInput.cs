using Parley.Core;

namespace Parley.Events;

/// <summary>
/// What the events stage reads: the cleaned text and its sentences, the resolved actors, the time expressions
/// and places found in the text (either may be empty), the publication date, the title and the photo captions.
/// <see cref="ResolveExtra"/> resolves the actors of a title or caption string (they have no offsets in
/// <see cref="Text"/>); without it, captions are skipped and the title is coded with no actors of its own.
/// </summary>
public sealed record EventInput(
    string Text,
    IReadOnlyList<TextSpan> Sentences,
    IReadOnlyList<ActorRecord> Actors,
    IReadOnlyList<TimexRecord> Timexes,
    IReadOnlyList<PlaceMention> Places,
    string? Published,
    string? Title,
    IReadOnlyList<string> Captions)
{
    public Func<string, IReadOnlyList<ActorRecord>>? ResolveExtra { get; init; }
}
