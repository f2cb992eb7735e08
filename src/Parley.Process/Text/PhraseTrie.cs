namespace Parley.ProcessLayer.Text;

/// <summary>
/// Phrases as sequences of token keys ('*' = any one word), longest match at a token position.
/// A phrase word written capitalised in its table must be capitalised in the text. Frozen after loading.
/// </summary>
sealed class PhraseTrie<T>
{
    sealed class Node
    {
        public Dictionary<string, Node>? Next;
        public Node? Any;
        public List<(T Value, bool[] Caps)>? Values;
    }

    readonly Node _root = new();
    public int Count { get; private set; }

    /// <summary>Adds a table phrase; returns false when it has no words.</summary>
    public bool Add(string phrase, T value)
    {
        var toks = Tokens.Of(phrase);
        if (toks.Count == 0) return false;
        var node = _root;
        foreach (var t in toks)
        {
            if (t.Key == "*")
            {
                node = node.Any ??= new Node();
                continue;
            }
            node.Next ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Next.TryGetValue(t.Key, out var child)) node.Next[t.Key] = child = new Node();
            node = child;
        }
        node.Values ??= [];
        node.Values.Add((value, toks.Select(t => t.Cap && t.Key.Length > 1).ToArray()));
        Count++;
        return true;
    }

    /// <summary>The longest phrase starting at token <paramref name="i"/> (ending before <paramref name="end"/>): its length in tokens and values.</summary>
    public int Longest(List<Tok> toks, int i, int end, out List<T>? values)
    {
        values = null;
        var best = 0;
        Walk(toks, i, i, end, _root, ref best, ref values);
        return best;
    }

    void Walk(List<Tok> toks, int first, int j, int end, Node node, ref int best, ref List<T>? values)
    {
        if (j >= end) return;
        var t = toks[j];
        if (t.Punct && t.Key is not ("-" or "+")) return;
        if (node.Next is not null && node.Next.TryGetValue(t.Key, out var child)) Visit(toks, first, j, end, child, ref best, ref values);
        if (node.Any is { } any && t.IsWord) Visit(toks, first, j, end, any, ref best, ref values);
    }

    void Visit(List<Tok> toks, int first, int j, int end, Node child, ref int best, ref List<T>? values)
    {
        if (child.Values is { } vs && j - first + 1 > best)
        {
            List<T>? ok = null;
            foreach (var (v, caps) in vs)
                if (CapsMatch(toks, first, caps)) (ok ??= []).Add(v);
            if (ok is not null) { best = j - first + 1; values = ok; }
        }
        Walk(toks, first, j + 1, end, child, ref best, ref values);
    }

    static bool CapsMatch(List<Tok> toks, int first, bool[] caps)
    {
        for (var k = 0; k < caps.Length; k++)
            if (caps[k] && !toks[first + k].Cap) return false;
        return true;
    }
}
