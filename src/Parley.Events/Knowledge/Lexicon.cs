using Parley.Core;
using Parley.Events.Analysis;

namespace Parley.Events.Knowledge;

enum Part : byte { Verb, Noun, Adj }

[Flags]
enum PatternFlags : ushort
{
    None = 0,
    /// <summary>Takes a complement (to-infinitive, gerund, that-clause, on/for phrase) whose triggers it absorbs.</summary>
    Comp = 1,
    /// <summary>The subject hosts: the object is the visitor (the PLOVER actor).</summary>
    Host = 2,
    /// <summary>The direct object is one's own (troops, sanctions), never the recipient.</summary>
    Intrans = 4,
    /// <summary>No base form ("back", "hit" alone are too ambiguous).</summary>
    NoBase = 8,
    /// <summary>Noun naming an occurrence (talks, visit, attack): an event wherever it has its parties.</summary>
    Event = 16,
    /// <summary>Noun naming a relation or a measure (cooperation, deal, sanctions): an event only through a support verb.</summary>
    Process = 32,
    /// <summary>Predicate of a copula ("X's withdrawal is a prerequisite"): the reporter is the source, the copula subject the target.</summary>
    Copula = 64,
    /// <summary>Adjective whose subject follows "for" ("inconceivable for us to withdraw").</summary>
    SubjFor = 128,
    /// <summary>"of X" names the recipient ("the bombing of Aleppo").</summary>
    OfTarget = 256,
    /// <summary>"from X" names the source ("a request from the guarantors").</summary>
    FromSource = 512,
    NeedsTarget = 1024,
    /// <summary>Only with harm in view ("warned X against ..."): a cue of kind harm must follow.</summary>
    NeedsHarm = 2048,
    /// <summary>"ordered strikes on X": the ordered act, with the one who ordered it as the source.</summary>
    Causative = 4096,
    /// <summary>A noun that is an event only through a support verb ("sent troops", "supplied weapons").</summary>
    SupportOnly = 8192,
    /// <summary>An intention only with its act written ("vowed to attack", "pledged closer cooperation"); "offered accounts" is none.</summary>
    NeedsComp = 16384,
}

/// <summary>A patterns.tsv row.</summary>
sealed class Pattern
{
    public required string Phrase { get; init; }
    public Part Part { get; init; }
    public required string Cameo { get; init; }
    public required string Type { get; init; }
    public string? Mode { get; init; }
    /// <summary>The direct object may be the recipient.</summary>
    public bool Object { get; init; }
    /// <summary>Prepositions introducing the recipient (for nouns: the co-participants).</summary>
    public HashSet<string> Preps { get; init; } = [];
    public PatternFlags Flags { get; init; }
    public required string Where { get; init; }
    public bool Has(PatternFlags f) => (Flags & f) != 0;
    public override string ToString() => $"{Phrase} ({Part}, {Type} {Cameo})";
}

/// <summary>A trigger phrase found at a token: the pattern, the form it was written in, its length in tokens.</summary>
readonly record struct LexHit(Pattern Pattern, Form Form);

/// <summary>A support-verbs.tsv row.</summary>
sealed class SupportVerb
{
    public required string Phrase { get; init; }
    public HashSet<string> Types { get; init; } = new(StringComparer.Ordinal);
    public HashSet<string> Nouns { get; init; } = new(StringComparer.Ordinal);
    public string? Cameo { get; init; }
    /// <summary>A nominal support ("the establishment of"): no subject of its own.</summary>
    public bool Nominal { get; init; }

    public bool Supports(Pattern noun) =>
        Types.Contains(noun.Type) || Nouns.Contains(noun.Phrase) || noun.Mode is { } m && Types.Contains(m);
}

readonly record struct SupportHit(SupportVerb Verb, Form Form);

/// <summary>The trigger and support-verb tables, every form compiled into token tries.</summary>
sealed class Lexicon
{
    public PhraseTrie<LexHit> Triggers { get; } = new();
    public PhraseTrie<SupportHit> Supports { get; } = new();
    public List<Pattern> Patterns { get; } = [];

    public static Dictionary<string, Irregular> LoadIrregulars(string path)
    {
        var map = new Dictionary<string, Irregular>(StringComparer.Ordinal);
        static string[] Split(string[] cells, int k) =>
            k < cells.Length && cells[k].Trim().Length > 0 ? cells[k].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
        foreach (var (line, cells) in Parley.Core.Knowledge.ReadRows(path))
        {
            if (cells.Length < 3) throw new FormatException($"{path}:{line}: expected base, past, participle[, third_person, ing]");
            var b = cells[0].Trim();
            map[b] = new Irregular(b, Split(cells, 1), Split(cells, 2), Split(cells, 3), Split(cells, 4));
        }
        return map;
    }

    public static Lexicon Load(string patternsPath, string supportPath, Dictionary<string, Irregular> irregulars, CameoTable cameo)
    {
        var lex = new Lexicon();
        foreach (var (line, cells) in Parley.Core.Knowledge.ReadRows(patternsPath))
        {
            var where = $"{patternsPath}:{line}";
            if (cells.Length < 6) throw new FormatException($"{where}: expected phrase, part, cameo, plover, mode, target[, flags, notes]");
            var phrase = cells[0].Trim();
            var part = cells[1].Trim() switch
            {
                "verb" => Part.Verb, "noun" => Part.Noun, "adj" => Part.Adj,
                var p => throw new FormatException($"{where}: part must be verb, noun or adj, got '{p}'"),
            };
            var code = cells[2].Trim();
            var type = cells[3].Trim();
            if (cameo[code] is not { } known) throw new FormatException($"{where}: CAMEO code {code} is not in cameo.tsv");
            if (known.Plover != type) throw new FormatException($"{where}: {code} maps to {known.Plover} in cameo.tsv, not {type}");
            var flags = PatternFlags.None;
            var preps = new HashSet<string>(StringComparer.Ordinal);
            var obj = false;
            foreach (var t in cells[5].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                switch (t)
                {
                    case "-": break;
                    case "obj": obj = true; break;
                    case "of-target": flags |= PatternFlags.OfTarget; preps.Add("of"); break;
                    case "from-source": flags |= PatternFlags.FromSource; break;
                    default: preps.Add(t); break;
                }
            if (cells.Length > 6)
                foreach (var f in cells[6].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    flags |= f switch
                    {
                        "comp" => PatternFlags.Comp, "host" => PatternFlags.Host, "intrans" => PatternFlags.Intrans,
                        "base-" => PatternFlags.NoBase, "event" => PatternFlags.Event, "process" => PatternFlags.Process,
                        "copula" => PatternFlags.Copula, "subj-for" => PatternFlags.SubjFor, "needs-target" => PatternFlags.NeedsTarget,
                        "needs-harm" => PatternFlags.NeedsHarm, "causative" => PatternFlags.Causative, "support-only" => PatternFlags.SupportOnly, "needs-comp" => PatternFlags.NeedsComp,
                        _ => throw new FormatException($"{where}: unknown flag '{f}'"),
                    };
            if (part == Part.Noun && (flags & (PatternFlags.Event | PatternFlags.Process | PatternFlags.Copula)) == 0)
                throw new FormatException($"{where}: a noun needs the flag event, process or copula");
            var pattern = new Pattern
            {
                Phrase = phrase, Part = part, Cameo = code, Type = type, Mode = CameoTable.Blank(cells[4]),
                Object = obj, Preps = preps, Flags = flags, Where = where,
            };
            lex.Patterns.Add(pattern);
            foreach (var (keys, form) in Forms(phrase, part, irregulars, !pattern.Has(PatternFlags.NoBase)))
                lex.Triggers.Add(keys, new LexHit(pattern, form));
        }
        foreach (var (line, cells) in Parley.Core.Knowledge.ReadRows(supportPath))
        {
            var where = $"{supportPath}:{line}";
            if (cells.Length < 2) throw new FormatException($"{where}: expected verb, combines-with[, cameo, notes]");
            var phrase = cells[0].Trim();
            var types = new HashSet<string>(StringComparer.Ordinal);
            var nouns = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in cells[1].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                (item.All(char.IsUpper) ? types : nouns).Add(item);
            var code = cells.Length > 2 ? CameoTable.Blank(cells[2]) : null;
            if (code is not null && cameo[code] is null) throw new FormatException($"{where}: CAMEO code {code} is not in cameo.tsv");
            var nominal = phrase.EndsWith(" of", StringComparison.Ordinal);
            var sv = new SupportVerb { Phrase = phrase, Types = types, Nouns = nouns, Cameo = code, Nominal = nominal };
            if (nominal) lex.Supports.Add(Tokens.KeysOf(phrase), new SupportHit(sv, Form.Singular));
            else
                foreach (var (keys, form) in Forms(phrase, Part.Verb, irregulars, true))
                    lex.Supports.Add(keys, new SupportHit(sv, form));
        }
        return lex;
    }

    /// <summary>Every written form of a phrase: a verb inflects its first word, a noun its last.</summary>
    public static IEnumerable<(string[] Keys, Form Form)> Forms(string phrase, Part part, Dictionary<string, Irregular> irregulars, bool withBase)
    {
        var keys = Tokens.KeysOf(phrase);
        if (keys.Length == 0) yield break;
        if (part == Part.Adj) { yield return (keys, Form.Base); yield break; }
        var k = part == Part.Verb ? 0 : keys.Length - 1;
        var forms = part == Part.Verb ? Inflector.Verb(keys[k], irregulars.GetValueOrDefault(keys[k]), withBase) : Inflector.Noun(keys[k]);
        foreach (var (word, form) in forms)
        {
            var copy = (string[])keys.Clone();
            copy[k] = word;
            yield return (copy, form);
        }
    }
}
