namespace Parley.Actors;

public enum EntryKind : byte
{
    CountryName, CountryAlias, Demonym, Metonym, OrgName, OrgAlias, PersonName, PersonAlias, Surname, Role, Cue,
}

/// <summary>How a word of an entry must be written in the text.</summary>
public enum CaseRule : byte
{
    /// <summary>any case (role titles, cues, lower-case words of names)</summary>
    Any,
    /// <summary>first letter upper case (names, demonyms)</summary>
    Cap,
    /// <summary>exactly as in the entry, dots aside (acronyms: US, U.S., UN, IS)</summary>
    Exact,
}

/// <summary>
/// One gazetteer phrase. Target: ISO3, org id, person name, role id, or the cue kind; Value: the cue's value.
/// </summary>
public sealed record GazetteerEntry(EntryKind Kind, string Target, string Phrase, CaseRule[] Case, string?[] Exact, string? Value = null);

/// <summary>A gazetteer match: tokens [FirstToken, EndToken), characters [Start, End), the entries whose case rules held.</summary>
public readonly record struct Match(int FirstToken, int EndToken, int Start, int End, GazetteerEntry[] Entries)
{
    public bool Has(EntryKind kind) => First(kind) is not null;

    public GazetteerEntry? First(EntryKind kind)
    {
        foreach (var e in Entries)
            if (e.Kind == kind) return e;
        return null;
    }

    /// <summary>The coreference cue of the given kind (coref-cues.tsv) among the entries, or null.</summary>
    public GazetteerEntry? Cue(string cueKind)
    {
        foreach (var e in Entries)
            if (e.Kind == EntryKind.Cue && e.Target == cueKind) return e;
        return null;
    }
}

/// <summary>
/// Every name the actors stage knows (countries, aliases, demonyms, metonyms, organizations, people, derived
/// surnames, role titles, coreference cues) compiled into one trie over word ids. <see cref="Find"/> walks it
/// once over a document's tokens and returns leftmost-longest, non-overlapping matches whose case rules hold.
/// Immutable after construction; thread-safe.
/// </summary>
public sealed class Gazetteer
{
    readonly Vocabulary _vocab = new();
    readonly TokenTrie<GazetteerEntry> _trie = new();
    public ActorKnowledge Knowledge { get; }
    public Vocabulary Vocabulary => _vocab;
    public int EntryCount { get; private set; }
    public int NodeCount => _trie.NodeCount;

    public Gazetteer(ActorKnowledge kb)
    {
        Knowledge = kb;
        foreach (var (variant, canonical) in kb.Variants.Words) _vocab.AddVariant(variant, canonical);
        foreach (var p in kb.Variants.Particles) _vocab.AddParticle(p);
        var building = new Dictionary<int, List<GazetteerEntry>>();
        void AddEntry(EntryKind kind, string target, string phrase, bool anyCase = false, string? value = null)
        {
            var words = Tokenizer.Words(phrase);
            var keep = words.Where(w => !(w.JoinedNext && kb.Variants.Particles.Contains(w.Key))).ToList();
            if (keep.Count == 0) return;
            var rules = new CaseRule[keep.Count];
            var exact = new string?[keep.Count];
            var node = 0;
            for (var k = 0; k < keep.Count; k++)
            {
                var w = keep[k];
                rules[k] = anyCase ? CaseRule.Any
                    : (w.Flags & (TokenFlags.AllCaps | TokenFlags.Dotted)) != 0 ? CaseRule.Exact
                    : (w.Flags & TokenFlags.Cap) != 0 ? CaseRule.Cap : CaseRule.Any;
                if (rules[k] == CaseRule.Exact) exact[k] = w.Surface.Replace(".", "");
                node = _trie.Child(node, _vocab.Add(kb.Variants.Words.GetValueOrDefault(w.Key, w.Key)));
            }
            if (!building.TryGetValue(node, out var list)) building[node] = list = [];
            var entry = new GazetteerEntry(kind, target, phrase, rules, exact, value);
            if (!list.Contains(entry)) { list.Add(entry); EntryCount++; }
        }

        foreach (var c in kb.Countries.Values)
        {
            AddEntry(EntryKind.CountryName, c.Iso3, c.Name);
            foreach (var a in c.Aliases) AddEntry(EntryKind.CountryAlias, c.Iso3, a);
            foreach (var d in c.Demonyms) AddEntry(EntryKind.Demonym, c.Iso3, d);
            foreach (var m in c.Metonyms.Concat(c.Capital is null ? [] : [c.Capital]))
            {
                AddEntry(EntryKind.Metonym, c.Iso3, m);
                if (m.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) AddEntry(EntryKind.Metonym, c.Iso3, m[4..]);
            }
        }
        foreach (var o in kb.Organizations.Values)
        {
            AddEntry(EntryKind.OrgName, o.Id, o.Name);
            if (o.Name.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) AddEntry(EntryKind.OrgName, o.Id, o.Name[4..]);
            foreach (var a in o.Aliases) AddEntry(EntryKind.OrgAlias, o.Id, a);
        }
        foreach (var p in kb.People.Values)
        {
            AddEntry(EntryKind.PersonName, p.Name, p.Name);
            foreach (var a in p.Aliases) AddEntry(EntryKind.PersonAlias, p.Name, a);
            var parts = p.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 1) AddEntry(EntryKind.Surname, p.Name, parts[^1]);
        }
        foreach (var r in kb.Roles.Values)
            foreach (var phrase in r.Phrases) AddEntry(EntryKind.Role, r.Role, phrase, anyCase: true);
        foreach (var cue in kb.Cues.All) AddEntry(EntryKind.Cue, cue.Kind, cue.Phrase, anyCase: true, cue.Value);
        foreach (var (node, list) in building) _trie.SetValues(node, [.. list]);
        _vocab.Freeze();
    }

    /// <summary>Tokenizes the text (into <paramref name="tokens"/>) and returns the matches in text order.</summary>
    public List<Match> Find(string text, List<Token> tokens)
    {
        tokens.Clear();
        Tokenizer.Scan(text, tokens, _vocab, null);
        var walker = new Walker(text, tokens, new List<Match>(Math.Max(4, tokens.Count / 8)));
        _trie.MatchLongest(ref walker);
        return walker.Matches;
    }

    readonly ref struct Walker(string text, List<Token> tokens, List<Match> matches) : ITrieWalker<GazetteerEntry>
    {
        readonly ReadOnlySpan<Token> _tokens = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
        public List<Match> Matches => matches;
        public int Count => _tokens.Length;
        public int IdAt(int token) => _tokens[token].Id;
        public GazetteerEntry[]? Accept(int first, GazetteerEntry[] values) => Passing(text, tokens, first, values);
        public void Hit(int first, int end, GazetteerEntry[] values) => matches.Add(new Match(first, end, tokens[first].PrefixStart, tokens[end - 1].End, values));
    }

    static GazetteerEntry[]? Passing(string text, List<Token> tokens, int first, GazetteerEntry[] entries)
    {
        var all = true;
        var any = false;
        foreach (var e in entries)
            if (CaseHolds(text, tokens, first, e)) any = true; else all = false;
        if (all) return entries;
        if (!any) return null;
        return entries.Where(e => CaseHolds(text, tokens, first, e)).ToArray();
    }

    static bool CaseHolds(string text, List<Token> tokens, int first, GazetteerEntry e)
    {
        for (var k = 0; k < e.Case.Length; k++)
        {
            var t = tokens[first + k];
            switch (e.Case[k])
            {
                case CaseRule.Cap when !t.IsCap:
                    return false;
                case CaseRule.Exact:
                    var want = e.Exact[k]!;
                    var m = 0;
                    for (var c = t.Start; c < t.End; c++)
                    {
                        if (text[c] == '.') continue;
                        if (m >= want.Length || text[c] != want[m]) return false;
                        m++;
                    }
                    if (m != want.Length) return false;
                    break;
            }
        }
        return true;
    }
}
