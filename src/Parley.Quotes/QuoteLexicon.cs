using Parley.Core;

namespace Parley.Quotes;

[Flags]
public enum VerbFrames : byte
{
    None = 0,
    That = 1,
    Zero = 2,
    Np = 4,
    Inverted = 8,
    Object = 16,
}

/// <summary>A reporting verb form ("emphasized") with its lemma and the constructions it takes.</summary>
public sealed record SpeechVerb(string Form, string Lemma, VerbFrames Frames, string Kind)
{
    public bool IsParticiple => Form.EndsWith("ing", StringComparison.Ordinal);
    public bool IsCognition => Kind == "cognition";
    public bool IsRequest => Kind == "nominal-request";
}

public enum WordClass : byte { None, Adverb, Aux, Time, TimeNoun, Boundary, Determiner, Demonstrative, Preposition, Finite }

/// <summary>
/// The quotes stage's knowledge (knowledge/quotes): reporting verbs with frames, speech nouns, attribution
/// phrases, frame words and quotation marks. Loaded once; read-only afterwards.
/// </summary>
public sealed class QuoteLexicon
{
    readonly Dictionary<string, SpeechVerb> _verbs = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, List<string>> _nouns = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, HashSet<WordClass>> _words = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<char, (bool Open, bool Close, string Family)> _marks = [];

    public IReadOnlyList<(string[] Words, bool BeforeAllowed)> Phrases { get; private set; } = [];

    /// <summary>First letters (upper case) of the attribution phrases' first words; null when a phrase has no word.</summary>
    public System.Buffers.SearchValues<char>? PhraseInitials { get; private set; }

    public Dictionary<string, SpeechVerb>.AlternateLookup<ReadOnlySpan<char>> Verbs { get; }
    Dictionary<string, HashSet<WordClass>>.AlternateLookup<ReadOnlySpan<char>> WordLookup { get; }
    Dictionary<string, List<string>>.AlternateLookup<ReadOnlySpan<char>> NounLookup { get; }

    QuoteLexicon()
    {
        Verbs = _verbs.GetAlternateLookup<ReadOnlySpan<char>>();
        WordLookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        NounLookup = _nouns.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static QuoteLexicon Load(string? directory = null)
    {
        directory ??= Knowledge.PathOf("quotes");
        var lex = new QuoteLexicon();
        foreach (var (line, c) in Rows(directory, "speech-verbs.tsv", 4))
        {
            var frames = VerbFrames.None;
            foreach (var f in c[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                frames |= f switch
                {
                    "that" => VerbFrames.That,
                    "zero" => VerbFrames.Zero,
                    "np" => VerbFrames.Np,
                    "inv" => VerbFrames.Inverted,
                    "obj" => VerbFrames.Object,
                    _ => throw new FormatException($"speech-verbs.tsv:{line}: unknown frame \"{f}\""),
                };
            var lemma = c[0].Trim();
            var forms = c[1].Length > 0 ? c[1].Split('|', StringSplitOptions.TrimEntries) : Regular(lemma);
            // The lemma itself is a form (they say, will state) unless its -s form was left out on purpose (states: a noun).
            foreach (var form in forms.Append(lemma))
                lex._verbs.TryAdd(form, new SpeechVerb(form, lemma, frames, c[3].Trim()));
        }
        foreach (var (_, c) in Rows(directory, "speech-nouns.tsv", 1))
        {
            if (!lex._nouns.TryGetValue(c[0], out var links)) lex._nouns[c[0]] = links = [];
            if (c.Length > 1 && c[1].Trim().Length > 0) links.Add(c[1].Trim());
        }
        lex.Phrases = Rows(directory, "attribution-phrases.tsv", 2)
            .Select(r => (r.Cells[0].Split(' ', StringSplitOptions.RemoveEmptyEntries), r.Cells[1].Trim() == "before"))
            .ToList();
        lex.PhraseInitials = lex.Phrases.All(p => p.Words.Length > 0)
            ? System.Buffers.SearchValues.Create([.. lex.Phrases.Select(p => char.ToUpperInvariant(p.Words[0][0])).Distinct()])
            : null;
        foreach (var (line, c) in Rows(directory, "frame-words.tsv", 2))
        {
            var cls = c[1].Trim() switch
            {
                "adverb" => WordClass.Adverb,
                "aux" => WordClass.Aux,
                "time" => WordClass.Time,
                "time-noun" => WordClass.TimeNoun,
                "boundary" => WordClass.Boundary,
                "determiner" => WordClass.Determiner,
                "demonstrative" => WordClass.Demonstrative,
                "preposition" => WordClass.Preposition,
                "finite" => WordClass.Finite,
                var other => throw new FormatException($"frame-words.tsv:{line}: unknown class \"{other}\""),
            };
            if (!lex._words.TryGetValue(c[0], out var set)) lex._words[c[0]] = set = [];
            set.Add(cls);
        }
        foreach (var (line, c) in Rows(directory, "quote-marks.tsv", 3))
        {
            if (!c[0].StartsWith("U+", StringComparison.Ordinal))
                throw new FormatException($"quote-marks.tsv:{line}: expected a code point like U+201C");
            var ch = (char)Convert.ToInt32(c[0][2..], 16);
            var role = c[1].Trim();
            lex._marks[ch] = (role is "open" or "both", role is "close" or "both", c[2].Trim());
        }
        return lex;
    }

    static IEnumerable<(int Line, string[] Cells)> Rows(string directory, string file, int columns)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path)) throw new FileNotFoundException($"knowledge file missing: {path}", path);
        foreach (var (line, cells) in Knowledge.ReadRows(path))
        {
            if (cells.Length < columns)
                throw new FormatException($"{file}:{line}: expected {columns} tab-separated columns, found {cells.Length}");
            yield return (line, cells);
        }
    }

    static string[] Regular(string lemma)
    {
        var stem = lemma.EndsWith('e') ? lemma[..^1] : lemma;
        return [lemma + "s", stem + "ed", stem + "ing"];
    }

    public bool Is(ReadOnlySpan<char> word, WordClass cls) => WordLookup.TryGetValue(word, out var set) && set.Contains(cls);

    /// <summary>The link words of a speech noun ("of", "that"), or null when the word is not one.</summary>
    public IReadOnlyList<string>? SpeechNoun(ReadOnlySpan<char> word) => NounLookup.TryGetValue(word, out var links) ? links : null;

    public bool IsMark(char c, out bool open, out bool close, out string family)
    {
        if (_marks.TryGetValue(c, out var m)) { (open, close, family) = m; return true; }
        (open, close, family) = (false, false, "");
        return false;
    }
}
