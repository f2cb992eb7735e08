namespace Parley.Actors;

/// <summary>
/// knowledge/actors/name-variants.tsv: transliteration variants of name words (<c>variant	sergey	sergei</c>)
/// and name particles dropped when hyphen-joined to the next word (<c>particle	al</c>: al-Mekdad = Mekdad).
/// </summary>
public sealed class NameVariants
{
    public Dictionary<string, string> Words { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Particles { get; } = new(StringComparer.Ordinal);
    /// <summary>Words that, alone, are a surname only for a person already named in the article (May, Rice, Said).</summary>
    public HashSet<string> CommonWords { get; } = new(StringComparer.Ordinal);

    public static NameVariants Load(string path)
    {
        var nv = new NameVariants();
        foreach (var (lineNo, c) in Parley.Core.Knowledge.ReadRows(path))
        {
            switch (c[0])
            {
                case "variant" when c.Length >= 3:
                    nv.Words[Tokenizer.FoldWord(c[1])] = Tokenizer.FoldWord(c[2]);
                    break;
                case "particle" when c.Length >= 2:
                    nv.Particles.Add(Tokenizer.FoldWord(c[1]));
                    break;
                case "common" when c.Length >= 2:
                    nv.CommonWords.Add(Tokenizer.FoldWord(c[1]));
                    break;
                default:
                    throw new FormatException($"{path}:{lineNo}: expected 'variant<TAB>form<TAB>canonical', 'particle<TAB>word' or 'common<TAB>word'");
            }
        }
        return nv;
    }

    /// <summary>A comparison key for a name or phrase: folded words, variants mapped, hyphen-joined particles dropped.</summary>
    public string Key(string phrase)
    {
        var words = new List<string>();
        foreach (var t in Tokenizer.Words(phrase))
        {
            if (t.JoinedNext && Particles.Contains(t.Key)) continue;
            words.Add(Words.GetValueOrDefault(t.Key, t.Key));
        }
        return string.Join(' ', words);
    }
}

/// <summary>One coreference cue: kind (pronoun, head, counterpart, pair, govnoun, preposition, speech, article) and value.</summary>
public sealed record Cue(string Kind, string Phrase, string Value);

/// <summary>knowledge/actors/coref-cues.tsv: the closed-class words the resolver reads (kind, phrase, value).</summary>
public sealed class CorefCues
{
    public List<Cue> All { get; } = [];

    public static CorefCues Load(string path)
    {
        var cues = new CorefCues();
        foreach (var (lineNo, c) in Parley.Core.Knowledge.ReadRows(path))
        {
            if (c.Length < 2 || c[0].Length == 0 || c[1].Length == 0)
                throw new FormatException($"{path}:{lineNo}: expected kind<TAB>phrase[<TAB>value]");
            cues.All.Add(new Cue(c[0], c[1], c.Length > 2 ? c[2] : ""));
        }
        return cues;
    }
}
