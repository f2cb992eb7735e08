using System.Diagnostics;
using Parley.Ingest.Sources;
using Parley.TestSupport;
using Xunit.Abstractions;

namespace Parley.Ingest.Tests.Sources;

/// <summary>Memory is measured process-wide, so these run alone, after the parallel tests.</summary>
[CollectionDefinition(nameof(MemoryMeasuring), DisableParallelization = true)]
public sealed class MemoryMeasuring;

[Collection(nameof(MemoryMeasuring))]
public class CorpusStreamingTests(ITestOutputHelper output)
{
    [SharedFact]
    public void Streams_the_AllSides_corpus_with_bounded_memory()
    {
        var path = SharedData.PathOf("corpora/allsides-intl/allsides-intl.jsonl.gz");
        var fileSize = new FileInfo(path).Length;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(true);
        long peakLive = 0, chars = 0;
        var reader = new InputReader();
        var ids = new HashSet<string>();
        var count = 0;
        var withErrors = 0;
        var sw = Stopwatch.StartNew();
        foreach (var doc in reader.Read([path]))
        {
            count++;
            chars += doc.Text?.Length ?? 0;
            if (doc.Errors.Count > 0) withErrors++;
            ids.Add(doc.Id);
            Assert.StartsWith(path + ":", doc.Source);
            Assert.Equal(64, doc.ContentHash?.Length);
            if (count % 500 == 0) peakLive = Math.Max(peakLive, GC.GetTotalMemory(true) - baseline);
        }
        sw.Stop();
        output.WriteLine($"{count} articles, {chars / 1e6:0.0} M chars, {sw.Elapsed.TotalSeconds:0.00} s, peak live delta {peakLive / 1e6:0.0} MB");

        Assert.Equal(5216, count);
        Assert.Equal(0, withErrors);
        Assert.Equal(fileSize, reader.BytesConsumed);
        Assert.Equal(fileSize, InputReader.TotalInputBytes([path]));
        // The corpus is ~12 MB compressed and ~33 MB decompressed; streaming keeps one item live at a time.
        // (The id set itself is ~0.5 MB.)
        Assert.True(peakLive < 8_000_000, $"live memory grew by {peakLive} bytes");
    }
}
