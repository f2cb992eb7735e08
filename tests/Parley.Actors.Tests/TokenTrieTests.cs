using Parley.Actors;

namespace Parley.Actors.Tests;

public class TokenTrieTests
{
    /// <summary>Word ids per token; Accept drops values named in <see cref="Refuse"/>; hits are recorded.</summary>
    struct Walker(int[] ids, string? refuse = null) : ITrieWalker<string>
    {
        public List<(int First, int End, string[] Values)> Hits { get; } = [];
        public readonly int Count => ids.Length;
        public readonly int IdAt(int token) => ids[token];
        public readonly string[]? Accept(int first, string[] values)
        {
            var no = refuse;
            var kept = values.Where(v => v != no).ToArray();
            return kept.Length == 0 ? null : kept;
        }
        public readonly void Hit(int first, int end, string[] values) => Hits.Add((first, end, values));
    }

    static TokenTrie<string> Trie(params (int[] Path, string Value)[] phrases)
    {
        var trie = new TokenTrie<string>();
        foreach (var (path, value) in phrases)
        {
            var node = TokenTrie<string>.Root;
            foreach (var id in path) node = trie.Child(node, id);
            trie.SetValues(node, [.. trie.ValuesAt(node) ?? [], value]);
        }
        return trie;
    }

    [Fact]
    public void Longest_match_wins_and_matches_do_not_overlap()
    {
        // 1 = "united", 2 = "nations", 3 = "states"; text: united nations united states nations
        var trie = Trie(([1], "united"), ([1, 2], "UN"), ([1, 3], "US"), ([2], "nations"));
        var walker = new Walker([1, 2, 1, 3, 2]);
        trie.MatchLongest(ref walker);
        Assert.Equal(new[] { (0, 2, "UN"), (2, 4, "US"), (4, 5, "nations") }, walker.Hits.Select(h => (h.First, h.End, h.Values.Single())).ToArray());
    }

    [Fact]
    public void A_refused_longer_phrase_falls_back_to_the_shorter_one()
    {
        var trie = Trie(([1], "united"), ([1, 2], "UN"));
        var walker = new Walker([1, 2], refuse: "UN");
        trie.MatchLongest(ref walker);
        Assert.Equal(new[] { (0, 1, "united") }, walker.Hits.Select(h => (h.First, h.End, h.Values.Single())).ToArray());
    }

    [Fact]
    public void Unknown_words_break_a_phrase_and_next_finds_children()
    {
        var trie = Trie(([1, 2], "UN"));
        var walker = new Walker([1, -1, 2]);
        trie.MatchLongest(ref walker);
        Assert.Empty(walker.Hits);
        var child = trie.Next(TokenTrie<string>.Root, 1);
        Assert.True(child > 0);
        Assert.Equal(new[] { "UN" }, trie.ValuesAt(trie.Next(child, 2)));
        Assert.Equal(-1, trie.Next(child, 7));
        Assert.Equal(-1, trie.Next(child, -1));
    }
}
