namespace Parley.Actors;

/// <summary>
/// What <see cref="TokenTrie{T}.MatchLongest"/> walks: the tokens' word ids, which values of a node hold at a
/// token (case rules), and where hits go. A (ref) struct, so the walk is specialised for each caller.
/// </summary>
public interface ITrieWalker<T>
{
    /// <summary>Number of tokens.</summary>
    int Count { get; }

    /// <summary>Word id of token <paramref name="token"/>, or -1 for a word no phrase has.</summary>
    int IdAt(int token);

    /// <summary>The values (all, some or none: null) that hold for a phrase starting at token <paramref name="first"/>.</summary>
    T[]? Accept(int first, T[] values);

    /// <summary>A leftmost-longest match over tokens [first, end).</summary>
    void Hit(int first, int end, T[] values);
}

/// <summary>
/// Phrases as sequences of word ids (a <see cref="Vocabulary"/>'s), with values at the nodes where phrases end.
/// Shared by the actors gazetteer and the places gazetteer: built once, then <see cref="MatchLongest"/> walks it
/// over a document's tokens, leftmost-longest and non-overlapping. Thread-safe once built.
/// </summary>
public sealed class TokenTrie<T> where T : class
{
    readonly Dictionary<long, int> _next = [];
    readonly List<T[]?> _values = [null];

    /// <summary>The root node.</summary>
    public const int Root = 0;

    public int NodeCount => _values.Count;

    /// <summary>The child of <paramref name="node"/> along word <paramref name="id"/>, made if missing (building only).</summary>
    public int Child(int node, int id)
    {
        var edge = ((long)node << 32) | (uint)id;
        if (!_next.TryGetValue(edge, out var child))
        {
            child = _values.Count;
            _values.Add(null);
            _next[edge] = child;
        }
        return child;
    }

    /// <summary>Sets the values of a node (building only).</summary>
    public void SetValues(int node, T[] values) => _values[node] = values;

    /// <summary>The child along word <paramref name="id"/>, or -1.</summary>
    public int Next(int node, int id) => id >= 0 && _next.TryGetValue(((long)node << 32) | (uint)id, out var child) ? child : -1;

    /// <summary>The values of phrases ending at <paramref name="node"/>, or null.</summary>
    public T[]? ValuesAt(int node) => _values[node];

    /// <summary>Leftmost-longest, non-overlapping matches in token order; a phrase counts only where the walker accepts some of its values.</summary>
    public void MatchLongest<TWalker>(ref TWalker walker) where TWalker : struct, ITrieWalker<T>, allows ref struct
    {
        var n = walker.Count;
        var i = 0;
        while (i < n)
        {
            var node = Root;
            var bestEnd = -1;
            T[]? best = null;
            for (var j = i; j < n; j++)
            {
                var id = walker.IdAt(j);
                if (id < 0 || !_next.TryGetValue(((long)node << 32) | (uint)id, out node)) break;
                if (_values[node] is { } values && walker.Accept(i, values) is { } ok)
                {
                    bestEnd = j + 1;
                    best = ok;
                }
            }
            if (best is null) { i++; continue; }
            walker.Hit(i, bestEnd, best);
            i = bestEnd;
        }
    }
}
