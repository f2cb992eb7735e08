using Parley.Core;
using Parley.Text;

namespace Parley.Time.Tests;

/// <summary>One tagger and splitter for all tests (both are immutable and thread-safe).</summary>
static class TestTagger
{
    public static readonly TimeTagger Tagger = TimeTagger.Load();
    static readonly SentenceSplitter Splitter = SentenceSplitter.Load();

    public static List<TimexRecord> Tag(string text, string? published) => Tagger.Tag(text, Splitter.Split(text), published);

    /// <summary>The one timex whose text is exactly <paramref name="expression"/>.</summary>
    public static TimexRecord Find(string text, string? published, string expression)
    {
        var all = Tag(text, published);
        var hit = all.Where(t => t.Text == expression).ToList();
        Assert.True(hit.Count == 1, $"expected one timex \"{expression}\" in \"{text}\"; got: {Describe(all)}");
        return hit[0];
    }

    public static string Describe(IEnumerable<TimexRecord> all) =>
        string.Join("; ", all.Select(t => $"[{t.Text}]={t.Value ?? "null"}"));
}
