using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Parley.Core;
using Parley.Text;
using Parley.TestSupport;
using Xunit.Abstractions;

namespace Parley.Time.Tests;

/// <summary>
/// The tagger over the AllSides corpus (../shared): no exception and a sane number of expressions per
/// article. Prints throughput (one core) and counts; timings are information, not assertions.
/// <c>dotnet test tests/Parley.Time.Tests -c Release --filter AllSides --logger "console;verbosity=detailed"</c>
/// </summary>
public class AllSidesSanityTests(ITestOutputHelper output)
{
    [SharedFact]
    public void Tags_the_allsides_corpus()
    {
        var splitter = SentenceSplitter.Load();
        var docs = new List<(string Text, string? Date, List<TextSpan> Sentences)>();
        using (var gz = new GZipStream(File.OpenRead(SharedData.PathOf("corpora/allsides-intl/allsides-intl.jsonl.gz")), CompressionMode.Decompress))
        using (var reader = new StreamReader(gz))
        {
            while (reader.ReadLine() is { } line)
            {
                using var json = JsonDocument.Parse(line);
                var text = json.RootElement.GetProperty("text").GetString() ?? "";
                var date = json.RootElement.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                docs.Add((text, date, splitter.Split(text)));
            }
        }
        var tagger = TimeTagger.Load();
        foreach (var doc in docs) tagger.Tag(doc.Text, doc.Sentences, doc.Date);   // warm-up pass (JIT tiers)

        long chars = docs.Sum(d => (long)d.Text.Length), timexes = 0, resolved = 0, anchored = 0;
        var clock = Stopwatch.StartNew();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var doc in docs)
        {
            var found = tagger.Tag(doc.Text, doc.Sentences, doc.Date);
            timexes += found.Count;
            foreach (var t in found)
            {
                if (t.Value is not null) resolved++;
                if (t.Anchor is "published" or "dateline" or "text") anchored++;
                Assert.Equal(t.Text, doc.Text[t.Start..t.End]);
            }
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;

        var perArticle = timexes / (double)docs.Count;
        output.WriteLine($"{docs.Count} articles, {chars / 1e6:F1} M chars: {timexes:N0} timexes ({perArticle:F1}/article), " +
                         $"{resolved / (double)timexes:P0} with a value, {anchored:N0} anchored on publication/dateline/text");
        output.WriteLine($"1 thread: {chars / 1e6 / seconds:F1} M chars/s, {docs.Count / seconds:N0} articles/s ({seconds:F2} s wall); " +
                         $"per CPU second (fair on a busy machine): {chars / 1e6 / cpuSeconds:F1} M chars/s, {docs.Count / cpuSeconds:N0} articles/s");
        Assert.True(perArticle > 1, $"only {perArticle:F2} timexes per article");
        Assert.True(resolved > timexes / 2, "most timexes should have a value");
    }
}
