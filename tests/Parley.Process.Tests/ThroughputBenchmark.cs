using System.Diagnostics;
using Parley.Core;
using Parley.Ingest.Sources;
using Parley.ProcessLayer;
using Parley.TestSupport;
using Xunit.Abstractions;

namespace Parley.Process.Tests;

/// <summary>
/// The two process stages alone on the AllSides corpus (../shared), over records the earlier stages prepared.
/// Runs only with PARLEY_BENCH=1: <c>PARLEY_BENCH=1 dotnet test tests/Parley.Process.Tests -c Release --filter ThroughputBenchmark</c>.
/// </summary>
public class ThroughputBenchmark(ITestOutputHelper output)
{
    [SharedFact]
    public void Process_stages_on_allsides()
    {
        if (Environment.GetEnvironmentVariable("PARLEY_BENCH") != "1") return;
        var kb = Parley.ProcessLayer.Knowledge.ProcessKnowledge.Load(Run.Shared.ActorEngine.Knowledge);
        var formats = new FormatTagger(kb);
        var positions = new PositionTagger(kb);
        var records = new InputReader().Read([SharedData.PathOf("corpora/allsides-intl/allsides-intl.jsonl.gz")]).Select(Run.Shared.Process).ToList();
        long ft = 0, pt = 0, sentences = 0, np = 0, nf = 0;
        for (var pass = 0; pass < 2; pass++)
        {
            ft = pt = sentences = np = nf = 0;
            foreach (var r in records)
            {
                var t0 = Stopwatch.GetTimestamp();
                nf += formats.Tag(new FormatInput(r.Text, r.Sentences, r.Actors, r.Events, r.Timexes, r.Places, r.Quotes, r.Published)).Count;
                var t1 = Stopwatch.GetTimestamp();
                np += positions.Tag(new PositionInput(r.Text, r.Sentences, r.Actors, r.Quotes, r.Events, r.Timexes, r.Published)).Positions.Count;
                pt += Stopwatch.GetTimestamp() - t1;
                ft += t1 - t0;
                sentences += r.Sentences.Count;
            }
        }
        double fs = (double)ft / Stopwatch.Frequency, ps = (double)pt / Stopwatch.Frequency;
        output.WriteLine($"{records.Count} articles, {sentences:N0} sentences: {nf} format records, {np} positions");
        output.WriteLine($"formats stage, 1 core: {records.Count / fs:N0} articles/s ({fs:F2} s); positions stage, 1 core: {records.Count / ps:N0} articles/s ({ps:F2} s)");
    }
}
