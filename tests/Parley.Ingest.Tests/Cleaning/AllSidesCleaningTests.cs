using System.IO.Compression;
using System.Text.Json;
using Parley.Ingest.Cleaning;
using Parley.TestSupport;
using Xunit.Abstractions;

namespace Parley.Ingest.Tests.Cleaning;

/// <summary>
/// Ordinary clean article text (the AllSides corpus in ../shared): the cleaner must keep the body.
/// Measured as the share of non-blank characters that stay in the paragraphs.
/// </summary>
public class AllSidesCleaningTests(ITestOutputHelper output)
{
    const int Articles = 400;

    static IEnumerable<(string Title, string Text)> Read(int count)
    {
        using var gz = new GZipStream(File.OpenRead(SharedData.PathOf("corpora/allsides-intl/allsides-intl.jsonl.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        string? line;
        var n = 0;
        while (n < count && (line = reader.ReadLine()) is not null)
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var text = root.TryGetProperty("text", out var t) ? t.GetString() : null;
            if (string.IsNullOrEmpty(text)) continue;
            n++;
            yield return (root.TryGetProperty("title", out var ti) ? ti.GetString() ?? "" : "", text);
        }
    }

    [SharedFact]
    public void Keeps_the_body_of_clean_articles()
    {
        var cleaner = TextCleaner.Load();
        long input = 0, kept = 0;
        var reasons = new Dictionary<string, int>();
        var heavyLosses = 0;
        var articles = 0;
        foreach (var (title, text) in Read(Articles))
        {
            articles++;
            var a = cleaner.Clean(text, title);
            long inChars = 0;
            foreach (var l in text.Split('\n')) inChars += l.Trim().Length;
            long keptChars = a.Paragraphs.Sum(p => (long)p.Length);
            input += inChars;
            kept += keptChars;
            if (keptChars < inChars / 2) heavyLosses++;
            foreach (var r in a.Removed) reasons[r.Reason] = reasons.GetValueOrDefault(r.Reason) + 1;
            Assert.NotEmpty(a.Paragraphs);
            Assert.Equal(title.Trim(), a.Title);
        }
        var share = (double)kept / input;
        output.WriteLine($"{articles} articles, kept {share:P2} of characters, {heavyLosses} lost more than half");
        foreach (var (reason, count) in reasons.OrderByDescending(r => r.Value)) output.WriteLine($"  {reason}: {count}");
        Assert.True(share >= 0.97, $"kept only {share:P2} of the body characters");
        Assert.True(heavyLosses <= articles / 100, $"{heavyLosses} articles lost more than half their text");
    }
}
