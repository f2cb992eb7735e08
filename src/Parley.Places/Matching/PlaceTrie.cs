using Parley.Actors;

namespace Parley.Places.Matching;

/// <summary>One written form of an entry (its name or an alias) as the trie stores it, with per-word case rules.</summary>
public sealed record PlaceForm(int Entry, string Surface, CaseRule[] Case, string?[] Exact, bool NeedsCue);

/// <summary>A trie hit: tokens [FirstToken, EndToken) and the forms ending there whose case rules held.</summary>
public readonly record struct PlaceCandidate(int FirstToken, int EndToken, PlaceForm[] Forms);

/// <summary>
/// Every name and alias of the gazetteer compiled into a trie over word ids. <see cref="Match"/> walks it once
/// over a document's tokens: leftmost-longest, non-overlapping, case-sensitive for capitalised words (Moscow,
/// not moscow), exact for all-caps words (UAE), free for lower-case particles (Deir ez-Zor, Deir Ez-Zor).
/// Immutable after construction; thread-safe.
/// </summary>
public sealed class PlaceTrie
{
    readonly Vocabulary _vocab;
    readonly TokenTrie<PlaceForm> _trie = new();

    public int NodeCount => _trie.NodeCount;
    public int FormCount { get; }

    internal PlaceTrie(Vocabulary vocab, IReadOnlyList<PlaceEntry> entries, Func<string, bool> needsCue)
    {
        _vocab = vocab;
        var building = new Dictionary<int, List<PlaceForm>>();
        for (var e = 0; e < entries.Count; e++)
        {
            var entry = entries[e];
            foreach (var phrase in entry.Aliases.Prepend(entry.Name))
            {
                Add(e, phrase, building, needsCue);
                // "the Kremlin" is also written "Kremlin"; "The Hague" also "the Hague"
                if (phrase.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) Add(e, phrase[4..], building, needsCue);
            }
        }
        var count = 0;
        foreach (var (node, list) in building) { _trie.SetValues(node, [.. list]); count += list.Count; }
        FormCount = count;
    }

    void Add(int entry, string phrase, Dictionary<int, List<PlaceForm>> building, Func<string, bool> needsCue)
    {
        var keys = PlaceTokenizer.Keys(phrase);
        if (keys.Count == 0) return;
        var rules = new CaseRule[keys.Count];
        var exact = new string?[keys.Count];
        var node = 0;
        for (var k = 0; k < keys.Count; k++)
        {
            var (key, surface, shape) = keys[k];
            rules[k] = k == 0 && key == "the" ? CaseRule.Any
                : (shape & TokenShape.AllCaps) != 0 ? CaseRule.Exact
                : (shape & TokenShape.Cap) != 0 ? CaseRule.Cap : CaseRule.Any;
            if (rules[k] == CaseRule.Exact) exact[k] = surface;
            node = _trie.Child(node, _vocab.Add(key));
        }
        if (!building.TryGetValue(node, out var list)) building[node] = list = [];
        if (list.Any(f => f.Entry == entry && f.Case.SequenceEqual(rules))) return;
        list.Add(new PlaceForm(entry, phrase, rules, exact, keys.Count == 1 && needsCue(keys[0].Key)));
    }

    /// <summary>The candidates in text order.</summary>
    public void Match(string text, List<PlaceToken> tokens, List<PlaceCandidate> into)
    {
        into.Clear();
        var walker = new Walker(text, tokens, into);
        _trie.MatchLongest(ref walker);
    }

    readonly ref struct Walker(string text, List<PlaceToken> tokens, List<PlaceCandidate> into) : ITrieWalker<PlaceForm>
    {
        readonly ReadOnlySpan<PlaceToken> _tokens = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
        public int Count => _tokens.Length;
        public int IdAt(int token) => _tokens[token].Id;
        public PlaceForm[]? Accept(int first, PlaceForm[] values) => Passing(text, tokens, first, values);
        public void Hit(int first, int end, PlaceForm[] values) => into.Add(new PlaceCandidate(first, end, values));
    }

    /// <summary>The forms of a phrase whatever their case (lookups).</summary>
    public IEnumerable<PlaceForm> Lookup(string phrase)
    {
        var node = 0;
        foreach (var (key, _, _) in PlaceTokenizer.Keys(phrase))
        {
            node = _trie.Next(node, _vocab.IdOf(key));
            if (node < 0) return [];
        }
        return _trie.ValuesAt(node) ?? [];
    }

    static PlaceForm[]? Passing(string text, List<PlaceToken> tokens, int first, PlaceForm[] forms)
    {
        var all = true;
        var any = false;
        foreach (var f in forms)
            if (CaseHolds(text, tokens, first, f)) any = true; else all = false;
        if (all) return forms;
        if (!any) return null;
        return forms.Where(f => CaseHolds(text, tokens, first, f)).ToArray();
    }

    static bool CaseHolds(string text, List<PlaceToken> tokens, int first, PlaceForm f)
    {
        for (var k = 0; k < f.Case.Length; k++)
        {
            var t = tokens[first + k];
            switch (f.Case[k])
            {
                case CaseRule.Cap when !t.Is(TokenShape.Cap):
                    return false;
                case CaseRule.Exact when !text.AsSpan(t.Start, t.End - t.Start).SequenceEqual(f.Exact[k]):
                    return false;
            }
        }
        return true;
    }
}
