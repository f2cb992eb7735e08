using Parley.Events.Analysis;

namespace Parley.Events.Knowledge;

/// <summary>The kinds of cues.tsv (each is one bit of a word's cue mask).</summary>
enum CueKind
{
    Negation, Modal, Plan, NpModal, Condition, Claim, ClaimVerb, Speech, According, Occurrence, Circumstance,
    ParticipantsVerb, Clause, Relative, Coordinator, Preposition, PlacePreposition, Determiner, Anaphoric,
    PossessivePronoun, FirstPerson, PluralPronoun, Be, Aux, RoleNoun, AgentNoun, PluralHead, ModifierSuffix,
    GroupNoun, Number, Adjective, Harm, HeadNoun, NotTrigger, ToNoun, Adverb, PlaceNoun, ControlVerb,
    Subordinator, GerundPreposition, Continuation, RelativeTime, ParticipantPreposition, HeadPreposition, CompoundPreposition, FiniteAux,
    Pronoun,
}

/// <summary>What the tables know about one word: the cue kinds it is (alone) or starts (as a phrase), and whether a trigger or support verb starts with it.</summary>
sealed class WordInfo(string key)
{
    public string Key { get; } = key;
    public ulong Single;
    public ulong Starts;
    public bool TriggerStart;
    public bool SupportStart;
    /// <summary>Values of the kinds this word is alone (first row wins), null when none has one.</summary>
    public (CueKind Kind, string? Value)[]? Values;
    public bool Is(CueKind kind) => (Single & (1UL << (int)kind)) != 0;

    /// <summary>The value this word has as a cue of a kind, or null.</summary>
    public string? ValueOf(CueKind kind)
    {
        if (Values is { } values)
            foreach (var (k, v) in values)
                if (k == kind) return v;
        return null;
    }
    public bool MayStart(CueKind kind) => ((Single | Starts) & (1UL << (int)kind)) != 0;
}

/// <summary>
/// cues.tsv: closed word lists by kind. Every word of every table has one <see cref="WordInfo"/> (tokens carry
/// it, so most tests are a bit test); phrases sit in a trie per kind; verbal kinds are inflected.
/// </summary>
sealed class Cues
{
    static readonly HashSet<CueKind> Verbal = [CueKind.Speech, CueKind.Occurrence, CueKind.Plan, CueKind.ClaimVerb, CueKind.ParticipantsVerb, CueKind.ControlVerb];

    readonly Dictionary<string, WordInfo> _words = new(StringComparer.Ordinal);
    readonly Dictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    readonly PhraseTrie<(string? Value, Form Form)>[] _phrases = new PhraseTrie<(string?, Form)>[Enum.GetValues<CueKind>().Length];

    /// <summary>refine: modifier word → (type → cameo).</summary>
    public Dictionary<string, Dictionary<string, string>> Refine { get; } = new(StringComparer.Ordinal);
    /// <summary>inner: "OUTER+INNER" → (type, cameo).</summary>
    public Dictionary<string, (string Type, string Cameo)> Inner { get; } = new(StringComparer.Ordinal);

    Cues()
    {
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var k = 0; k < _phrases.Length; k++) _phrases[k] = new();
    }

    static CueKind KindOf(string name, string where)
    {
        var pascal = string.Concat(name.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
        return Enum.TryParse<CueKind>(pascal, out var k) ? k : throw new FormatException($"{where}: unknown cue kind '{name}'");
    }

    public static Cues Load(string path, Dictionary<string, Irregular> irregulars)
    {
        var cues = new Cues();
        foreach (var (line, cells) in Parley.Core.Knowledge.ReadRows(path))
        {
            if (cells.Length < 2) throw new FormatException($"{path}:{line}: expected kind, phrase[, value]");
            var name = cells[0].Trim();
            var phrase = cells[1].Trim();
            var value = cells.Length > 2 ? CameoTable.Blank(cells[2]) : null;
            switch (name)
            {
                case "refine":
                    cues.Refine[phrase] = (value ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries)
                        .Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
                    continue;
                case "inner":
                    var tc = (value ?? throw new FormatException($"{path}:{line}: inner needs TYPE=CODE")).Split('=');
                    cues.Inner[phrase] = (tc[0], tc[1]);
                    continue;
            }
            var kind = KindOf(name, $"{path}:{line}");
            var keys = Tokens.KeysOf(phrase);
            if (keys.Length == 0) continue;
            if (Verbal.Contains(kind) && !keys[0].EndsWith("ed", StringComparison.Ordinal) && !cues.Is(CueKind.Be, keys[0]))
                foreach (var (k, form) in Lexicon.Forms(phrase, Part.Verb, irregulars, true))
                    cues.Add(kind, k, value, form);
            else cues.Add(kind, keys, value, Form.Base);
            // role nouns name people in the plural too ("the foreign ministers of")
            if (kind == CueKind.RoleNoun && !Inflector.LooksPlural(keys[^1]))
            {
                var plural = (string[])keys.Clone();
                plural[^1] = Inflector.Plural(plural[^1]);
                cues.Add(kind, plural, value, Form.Plural);
            }
        }
        return cues;
    }

    void Add(CueKind kind, string[] keys, string? value, Form form)
    {
        var info = Word(keys[0]);
        if (keys.Length == 1)
        {
            // the first row of a kind for a word gives its value
            var bit = 1UL << (int)kind;
            if ((info.Single & bit) == 0 && value is not null) info.Values = [.. info.Values ?? [], (kind, value)];
            info.Single |= bit;
        }
        else info.Starts |= 1UL << (int)kind;
        _phrases[(int)kind].Add(keys, (value, form));
    }

    /// <summary>The table entry of a word, made on first use (loading only).</summary>
    public WordInfo Word(string key)
    {
        if (!_words.TryGetValue(key, out var info)) _words[key] = info = new WordInfo(key);
        return info;
    }

    /// <summary>The table entry of a written word, or null (lookup without allocating).</summary>
    public WordInfo? Find(ReadOnlySpan<char> key) => _lookup.TryGetValue(key, out var info) ? info : null;

    public bool Is(CueKind kind, string key) => _words.TryGetValue(key, out var info) && info.Is(kind);

    public bool Is(CueKind kind, in Tok t) => t.Info is { } info && info.Is(kind);

    public string? Value(CueKind kind, string key) => _words.TryGetValue(key, out var info) ? info.ValueOf(kind) : null;

    /// <summary><see cref="Value(CueKind, string)"/> of a token (its table entry, no lookup).</summary>
    public static string? Value(CueKind kind, in Tok t) => t.Info?.ValueOf(kind);

    /// <summary>Length (tokens) of the longest cue of a kind at token <paramref name="i"/>, 0 if none.</summary>
    public int Match(CueKind kind, List<Tok> toks, int i, int end, out string? value)
    {
        value = null;
        if (i >= end || toks[i].Info is not { } info || !info.MayStart(kind)) return 0;
        if ((info.Starts & (1UL << (int)kind)) == 0)
        {
            value = info.ValueOf(kind);
            return 1;
        }
        var len = _phrases[(int)kind].Longest(toks, i, end, out var values);
        if (len > 0) value = values![0].Value;
        return len;
    }

    /// <summary>Like <see cref="Match"/> but with the forms a verbal cue was written in.</summary>
    public int MatchVerb(CueKind kind, List<Tok> toks, int i, int end, out Form form)
    {
        form = Form.None;
        if (i >= end || i < 0 || toks[i].Info is not { } info || !info.MayStart(kind)) return 0;
        var len = _phrases[(int)kind].Longest(toks, i, end, out var values);
        if (len > 0) foreach (var v in values!) form |= v.Form;
        return len;
    }
}
