using Parley.Events.Analysis;

namespace Parley.Events.Knowledge;

/// <summary>cues.tsv: closed word lists by kind, single words in sets, phrases in a trie (verbal kinds inflected).</summary>
sealed class Cues
{
    static readonly HashSet<string> Verbal = ["speech", "occurrence", "plan", "claim-verb", "participants-verb"];

    readonly Dictionary<string, Dictionary<string, string?>> _words = new(StringComparer.Ordinal);
    readonly PhraseTrie<(string Kind, string? Value, Form Form)> _phrases = new();
    readonly HashSet<string> _multiKinds = new(StringComparer.Ordinal);

    /// <summary>refine: modifier word → (type → cameo).</summary>
    public Dictionary<string, Dictionary<string, string>> Refine { get; } = new(StringComparer.Ordinal);
    /// <summary>inner: "OUTER+INNER" → (type, cameo).</summary>
    public Dictionary<string, (string Type, string Cameo)> Inner { get; } = new(StringComparer.Ordinal);

    public static Cues Load(string path, Dictionary<string, Irregular> irregulars)
    {
        var cues = new Cues();
        foreach (var (line, cells) in Parley.Core.Knowledge.ReadRows(path))
        {
            if (cells.Length < 2) throw new FormatException($"{path}:{line}: expected kind, phrase[, value]");
            var kind = cells[0].Trim();
            var phrase = cells[1].Trim();
            var value = cells.Length > 2 ? Knowledge.CameoTable.Blank(cells[2]) : null;
            switch (kind)
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
            var keys = Tokens.KeysOf(phrase);
            if (keys.Length == 0) continue;
            if (Verbal.Contains(kind) && !keys[0].EndsWith("ed", StringComparison.Ordinal) && !cues.Is("be", keys[0]))
            {
                foreach (var (k, form) in Lexicon.Forms(phrase, Part.Verb, irregulars, true))
                    cues.AddPhrase(kind, k, value, form);
            }
            else cues.AddPhrase(kind, keys, value, Form.Base);
        }
        return cues;
    }

    void AddPhrase(string kind, string[] keys, string? value, Form form)
    {
        if (keys.Length == 1)
        {
            if (!_words.TryGetValue(kind, out var set)) _words[kind] = set = new(StringComparer.Ordinal);
            set.TryAdd(keys[0], value ?? (form == Form.Base ? null : form.ToString()));
            if (form != Form.Base) set[keys[0]] = form.ToString();
        }
        else _multiKinds.Add(kind);
        _phrases.Add(keys, (kind, value, form));
    }

    public bool Is(string kind, string key) => _words.TryGetValue(kind, out var set) && set.ContainsKey(key);

    public string? Value(string kind, string key) => _words.TryGetValue(kind, out var set) ? set.GetValueOrDefault(key) : null;

    /// <summary>Length (tokens) of the longest cue of a kind at token <paramref name="i"/>, 0 if none.</summary>
    public int Match(string kind, IReadOnlyList<Tok> toks, int i, int end, out string? value)
    {
        value = null;
        if (i >= end) return 0;
        if (!_multiKinds.Contains(kind))
        {
            if (_words.TryGetValue(kind, out var set) && set.TryGetValue(toks[i].Key, out var v)) { value = v; return 1; }
            return 0;
        }
        var len = _phrases.Longest(toks, i, end, out var values, x => x.Kind == kind);
        if (len > 0) value = values![0].Value;
        return len;
    }

    /// <summary>Like <see cref="Match"/> but also the form of a verbal cue.</summary>
    public int MatchVerb(string kind, IReadOnlyList<Tok> toks, int i, int end, out Form form)
    {
        form = Form.None;
        var len = _phrases.Longest(toks, i, end, out var values, x => x.Kind == kind);
        if (len > 0) foreach (var v in values!) form |= v.Form;
        return len;
    }
}
