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
    readonly QuoteLexicon _lex;
    readonly HashSet<string> _capitals;

    /// <param name="capitals">Capital city names: a metonym mention that is a capital ("Damascus said") names
    /// the country as speaker; other metonyms ("the Kremlin") are reported as the institution written.</param>
    public QuoteExtractor(QuoteLexicon lexicon, IEnumerable<string>? capitals = null)
    {
        _lex = lexicon;
        _capitals = new HashSet<string>(capitals ?? [], StringComparer.OrdinalIgnoreCase);
    }

    public static QuoteExtractor Load(IEnumerable<string>? capitals = null) => new(QuoteLexicon.Load(), capitals);

    public QuoteLexicon Lexicon => _lex;

    /// <summary>The quotes of one article; offsets are into <see cref="QuoteInput.Text"/> (title quotes: into the title).</summary>
    public List<QuoteRecord> Extract(QuoteInput input)
    {
        if (input.Text.Length == 0 && input.Title is null) return [];
        var doc = new QuoteDocument(_lex, _capitals, input);
        return doc.Run();
    }
}
