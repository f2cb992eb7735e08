using Parley.Core;

namespace Parley.Quotes;

/// <summary>What the quotes stage reads: the cleaned text, its sentences and the resolved actors.</summary>
public sealed record QuoteInput(string Text, IReadOnlyList<TextSpan> Sentences, IReadOnlyList<ActorRecord> Actors, string? Title = null);

/// <summary>
/// The quotes stage: direct, reported and mixed speech with speakers resolved to the actors stage's
/// mentions. Knowledge (speech verbs and nouns) is loaded once; one instance serves many threads.
/// </summary>
public sealed class QuoteExtractor
{
    public static QuoteExtractor Load() => new();

    /// <summary>The quotes of one article; offsets are into <see cref="QuoteInput.Text"/>.</summary>
    public List<QuoteRecord> Extract(QuoteInput input) => [];
}
