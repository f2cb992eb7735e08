using Parley.Events.Analysis;

namespace Parley.Events.Knowledge;

/// <summary>Phrases as sequences of token keys; longest match at a token position. Frozen after loading.</summary>
sealed class PhraseTrie<T>
{
    sealed class Node
    {
        public Dictionary<string, Node>? Next;
        public List<T>? Values;
    }

    readonly Node _root = new();

    /// <summary>The first words of the phrases.</summary>
    public IEnumerable<string> FirstKeys => _root.Next?.Keys ?? Enumerable.Empty<string>();

    public void Add(IReadOnlyList<string> keys, T value)
    {
        if (keys.Count == 0) return;
        var node = _root;
        foreach (var k in keys)
        {
            node.Next ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Next.TryGetValue(k, out var child)) node.Next[k] = child = new Node();
            node = child;
        }
        node.Values ??= [];
        node.Values.Add(value);
    }

    /// <summary>The values of the longest phrase starting at token <paramref name="i"/> (before <paramref name="end"/>), and its length in tokens.</summary>
    public int Longest(List<Tok> toks, int i, int end, out List<T>? values, Func<T, bool>? accept = null)
    {
        values = null;
        var best = 0;
        var node = _root;
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(toks);
        for (var j = i; j < end && node.Next is not null; j++)
        {
            if (!node.Next.TryGetValue(span[j].Key, out node)) break;
            if (node.Values is { } v && (accept is null || v.Exists(x => accept(x))))
            {
                values = accept is null ? v : v.FindAll(x => accept(x));
                best = j - i + 1;
            }
        }
        return best;
    }

    /// <summary>Every phrase length with values starting at token <paramref name="i"/>, shortest first.</summary>
    public IEnumerable<(int Length, List<T> Values)> All(List<Tok> toks, int i, int end)
    {
        var node = _root;
        for (var j = i; j < end && node.Next is not null; j++)
        {
            if (!node.Next.TryGetValue(toks[j].Key, out node)) yield break;
            if (node.Values is { } v) yield return (j - i + 1, v);
        }
    }
}
