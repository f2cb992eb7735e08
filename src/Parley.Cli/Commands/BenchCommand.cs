using System.CommandLine;
using System.Diagnostics;
using Parley.Core;
using Parley.Events;
using Parley.Ingest;
using Parley.Ingest.Sources;
using Parley.Pipeline;

namespace Parley.Cli.Commands;

/// <summary>
/// parley bench: throughput and memory of each extract stage on a real corpus.
/// Each pass streams the whole input through one more stage (read; +clean; +sentences;
/// +metadata and actors; +JSON), so a stage's cost is the difference between consecutive passes.
/// </summary>
static class BenchCommand
{
    public static Command Create()
    {
        var inputs = CommonOptions.Inputs();
        var limit = new Option<int>("--limit") { Description = "stop after this many articles per pass (0 = all)" };
        var threads = CommonOptions.Threads();
        var command = new Command("bench", "measure articles/s, MB/s and memory of each extract stage, on one core and on all cores")
        {
            inputs, limit, threads, IngestCommand.Json,
        };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(inputs)!;
            var max = parse.GetValue(limit);
            var cores = Math.Max(1, parse.GetValue(threads));
            var pipeline = ArticlePipeline.Build();
            var report = new Report().Add("input", string.Join(" ", paths)).Add("cores", cores);
            Pass[] passes =
            [
                new("read", 1, _ => 0),
                new("read+clean", 1, d => pipeline.Clean(d).Paragraphs.Count),
                new("read+clean+sentences", 1, d => pipeline.Sentences(string.Join("\n\n", pipeline.Clean(d).Paragraphs)).Count),
                new("extract (+metadata, actors, events)", 1, d => pipeline.Process(d).Sentences.Count),
                new("extract+json", 1, d => RecordJson.Serialize(pipeline.Process(d)).Length),
                new("extract+json", cores, d => RecordJson.Serialize(pipeline.Process(d)).Length),
            ];
            var total = Pass.Count(paths, max);
            // Warm-up: let the JIT reach its optimised tiers before anything is timed.
            new Pass("warm-up", 1, d => RecordJson.Serialize(pipeline.Process(d)).Length).Run(paths, max, total);
            foreach (var pass in passes)
            {
                var result = pass.Run(paths, max, total);
                var key = pass.Threads == 1 ? $"{pass.Name} (1 core)" : $"{pass.Name} ({pass.Threads} threads)";
                report.Add(key, result.ToString());
                Console.Error.WriteLine($"parley bench: {key}: {result}");
            }
            var events = EventsAlone(pipeline, paths, max);
            report.Add("events stage alone (1 core)", events);
            Console.Error.WriteLine($"parley bench: events stage alone (1 core): {events}");
            report.Write(parse.GetValue(IngestCommand.Json));
            return 0;
        });
        return command;
    }

    /// <summary>The events stage timed on its own, over records the stages before it prepared (untimed).</summary>
    static string EventsAlone(ArticlePipeline pipeline, IReadOnlyList<string> paths, int limit)
    {
        var records = new List<ArticleRecord>();
        foreach (var d in new InputReader().Read(paths))
        {
            if (limit > 0 && records.Count >= limit) break;
            records.Add(pipeline.Process(d));
        }
        long found = 0;
        var clock = Stopwatch.StartNew();
        foreach (var r in records)
            found += pipeline.Events(new EventInput(r.Text, r.Sentences, r.Actors, r.Timexes, r.Places, r.Published, r.Title, r.Captions)
            {
                ResolveExtra = s => pipeline.Actors(s, pipeline.Sentences(s), r.Published),
            }).Count;
        var seconds = clock.Elapsed.TotalSeconds;
        return $"{records.Count / seconds:N0} articles/s, {records.Count:N0} articles in {seconds:F2} s, {found:N0} events ({(double)found / Math.Max(1, records.Count):F2} per article)";
    }

    sealed record Result(long Articles, long Bytes, double Seconds, long PeakHeap, long PeakWorkingSet, long[] HeapAtQuarters)
    {
        public override string ToString() =>
            $"{Articles / Seconds:N0} articles/s, {Bytes / Seconds / 1e6:N1} MB/s, {Articles:N0} articles in {Seconds:F2} s, " +
            $"peak managed heap {PeakHeap / 1e6:N0} MB, peak working set {PeakWorkingSet / 1e6:N0} MB, " +
            $"heap at 25/50/75/100%: {string.Join("/", HeapAtQuarters.Select(h => (h / 1e6).ToString("N0")))} MB";
    }

    sealed record Pass(string Name, int Threads, Func<RawDocument, int> Work)
    {
        public Result Run(IReadOnlyList<string> paths, int limit, long total)
        {
            GC.Collect(2, GCCollectionMode.Forced, true, true);
            var quarters = new long[4];
            long peakHeap = 0, count = 0, bytes = 0, sink = 0;
            using var sampler = new Timer(_ =>
            {
                var heap = GC.GetTotalMemory(false);
                if (heap > Interlocked.Read(ref peakHeap)) Interlocked.Exchange(ref peakHeap, heap);
            }, null, 0, 20);
            var docs = Limit(new InputReader().Read(paths), limit);
            var clock = Stopwatch.StartNew();
            IEnumerable<(RawDocument Doc, int Value)> work = Threads == 1
                ? docs.Select(d => (d, Work(d)))
                : docs.AsParallel().WithDegreeOfParallelism(Threads).WithMergeOptions(ParallelMergeOptions.NotBuffered).Select(d => (d, Work(d)));
            foreach (var (doc, value) in work)
            {
                sink += value;
                bytes += doc.ByteLength;
                var n = ++count;
                for (var q = 0; q < 4; q++)
                    if (quarters[q] == 0 && n >= total * (q + 1) / 4) quarters[q] = GC.GetTotalMemory(false);
            }
            var seconds = clock.Elapsed.TotalSeconds;
            GC.KeepAlive(sink);
            return new Result(count, bytes, seconds, Interlocked.Read(ref peakHeap), Process.GetCurrentProcess().PeakWorkingSet64, quarters);
        }

        static IEnumerable<RawDocument> Limit(IEnumerable<RawDocument> docs, int limit) => limit > 0 ? docs.Take(limit) : docs;

        public static long Count(IReadOnlyList<string> paths, int limit)
        {
            long n = 0;
            foreach (var _ in Limit(new InputReader().Read(paths), limit)) n++;
            return Math.Max(n, 1);
        }
    }
}
