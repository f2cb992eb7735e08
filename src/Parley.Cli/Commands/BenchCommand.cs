using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Parley.Core;
using Parley.Events;
using Parley.Ingest;
using Parley.Ingest.Sources;
using Parley.Pipeline;
using Parley.Quotes;

namespace Parley.Cli.Commands;

/// <summary>
/// parley bench: throughput and allocation of each extract stage and of the whole pipeline on a real corpus.
/// Documents are read into memory once; each stage is then timed alone over inputs the stages before it
/// prepared (untimed), every stage recomputing its output from scratch on each pass. Time is the CPU time of
/// the measuring thread (the machine may be shared; workstation GC runs on that thread, so its cost counts),
/// repeated passes, median reported. The last rows run the whole pipeline on several threads (wall clock).
/// </summary>
static class BenchCommand
{
    public static Command Create()
    {
        var inputs = CommonOptions.Inputs();
        var limit = new Option<int>("--limit") { Description = "use only this many articles (0 = all)" };
        var repeat = new Option<int>("--repeat") { Description = "timed passes per stage; the median is reported", DefaultValueFactory = _ => 5 };
        var only = new Option<string?>("--stage") { Description = "time only this stage (read, clean, sentences, time, actors, places, quotes, events, formats, positions, json, pipeline)" };
        var threads = CommonOptions.Threads();
        var command = new Command("bench", "measure articles per CPU-second, MB/s and allocation of each extract stage and of the whole pipeline")
        {
            inputs, limit, repeat, only, threads, IngestCommand.Json,
        };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(inputs)!;
            var max = parse.GetValue(limit);
            var passes = Math.Max(1, parse.GetValue(repeat));
            var stage = parse.GetValue(only);
            var cores = Math.Max(1, parse.GetValue(threads));
            var pipeline = ArticlePipeline.Build();

            var docs = Read(paths, max);
            var bytes = docs.Sum(d => (long)d.ByteLength);
            // Stage inputs, prepared untimed by the stages before each one.
            var texts = docs.Select(d => d.HasContent ? string.Join("\n\n", pipeline.Clean(d).Paragraphs) : "").ToArray();
            var records = docs.Select(pipeline.Process).ToArray();
            var report = new Report().Add("input", string.Join(" ", paths)).Add("articles", docs.Count)
                .Add("input MB", Math.Round(bytes / 1e6, 1)).Add("passes per stage (median)", passes).Add("clock", Clock.Name);

            Stage[] stages =
            [
                new("read", () => Read(paths, max).Count),
                new("clean", () => docs.Sum(d => d.HasContent ? pipeline.Clean(d).Paragraphs.Count : 0)),
                new("sentences", () => texts.Sum(t => pipeline.Sentences(t).Count)),
                new("time", () => records.Sum(r => pipeline.Time(r.Text, r.Sentences, r.Published).Count)),
                new("actors", () => records.Sum(r => pipeline.Actors(r.Text, r.Sentences, r.Published).Count)),
                new("actors: tokens+gazetteer only", () => records.Sum(r => pipeline.ActorEngine.Gazetteer.Find(r.Text, new List<Parley.Actors.Token>(r.Text.Length / 5 + 8)).Count)),
                new("places", () => records.Sum(r => pipeline.Places(r.Text, r.Sentences, r.Actors).Count)),
                new("quotes", () => records.Sum(r => pipeline.Quotes(new QuoteInput(r.Text, r.Sentences, r.Actors, r.Title)).Count)),
                new("events", () => records.Sum(r => pipeline.Events(new EventInput(r.Text, r.Sentences, r.Actors, r.Timexes, r.Places, r.Published, r.Title, r.Captions)
                {
                    ResolveExtra = s => pipeline.Actors(s, pipeline.Sentences(s), r.Published),
                }).Count)),
                new("formats", () => records.Sum(r => pipeline.Formats(new Parley.ProcessLayer.FormatInput(r.Text, r.Sentences, r.Actors, r.Events, r.Timexes, r.Places, r.Quotes, r.Published)).Count)),
                new("positions", () => records.Sum(r => pipeline.Positions(new Parley.ProcessLayer.PositionInput(r.Text, r.Sentences, r.Actors, r.Quotes, r.Events, r.Timexes, r.Published)).Positions.Count)),
                new("json", () => records.Sum(r => RecordJson.Serialize(r).Length)),
                new("pipeline", () => docs.Sum(d => RecordJson.Serialize(pipeline.Process(d)).Length)),
            ];
            if (stage is not null && !stages.Any(s => s.Name == stage))
            {
                Console.Error.WriteLine($"parley bench: unknown stage '{stage}'");
                return 2;
            }
            // Warm-up: let the JIT reach its optimised tiers before anything is timed.
            foreach (var s in stages) if (stage is null || s.Name == stage) s.Measure();

            foreach (var s in stages)
            {
                if (stage is not null && s.Name != stage) continue;
                var result = Result.Median(Enumerable.Range(0, passes).Select(_ => s.Measure()).ToList(), docs.Count, bytes);
                var key = s.Name == "pipeline" ? "whole pipeline: clean→…→events→formats→positions+JSON (1 core)" : $"{s.Name} (1 core)";
                report.Add(key, result.ToString());
                Console.Error.WriteLine($"parley bench: {key}: {result}");
            }
            if (stage is null or "pipeline")
            {
                var parallel = Parallel(pipeline, docs, cores, bytes);
                var key = $"whole pipeline ({cores} threads, wall clock)";
                report.Add(key, parallel);
                Console.Error.WriteLine($"parley bench: {key}: {parallel}");
            }
            report.Write(parse.GetValue(IngestCommand.Json));
            return 0;
        });
        return command;
    }

    static List<RawDocument> Read(IReadOnlyList<string> paths, int limit)
    {
        var docs = new List<RawDocument>();
        foreach (var d in new InputReader().Read(paths))
        {
            if (limit > 0 && docs.Count >= limit) break;
            docs.Add(d);
        }
        return docs;
    }

    /// <summary>The whole pipeline on several threads: wall clock and the process's CPU time.</summary>
    static string Parallel(ArticlePipeline pipeline, List<RawDocument> docs, int threads, long bytes)
    {
        GC.Collect(2, GCCollectionMode.Forced, true, true);
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long sink = 0;
        System.Threading.Tasks.Parallel.ForEach(docs, new ParallelOptions { MaxDegreeOfParallelism = threads },
            d => Interlocked.Add(ref sink, RecordJson.Serialize(pipeline.Process(d)).Length));
        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        GC.KeepAlive(sink);
        return $"{docs.Count / wall:N0} articles/s, {bytes / wall / 1e6:N1} MB/s wall; {docs.Count / cpuSeconds:N0} articles per process CPU-second; " +
               $"peak working set {process.PeakWorkingSet64 / 1e6:N0} MB";
    }

    /// <summary>One stage over the whole input; <see cref="Measure"/> runs one pass on this thread.</summary>
    sealed record Stage(string Name, Func<long> Work)
    {
        public Pass Measure()
        {
            GC.Collect(2, GCCollectionMode.Forced, true, true);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var pause = GC.GetTotalPauseDuration();
            var cpu = Clock.Now();
            var sink = Work();
            var seconds = Clock.Now() - cpu;
            GC.KeepAlive(sink);
            return new Pass(seconds, GC.GetAllocatedBytesForCurrentThread() - allocated, (GC.GetTotalPauseDuration() - pause).TotalSeconds);
        }
    }

    readonly record struct Pass(double CpuSeconds, long Allocated, double GcSeconds);

    sealed record Result(double CpuSeconds, double MinSeconds, double MaxSeconds, long Allocated, double GcSeconds, int Articles, long Bytes)
    {
        public static Result Median(List<Pass> passes, int articles, long bytes)
        {
            var sorted = passes.OrderBy(p => p.CpuSeconds).ToList();
            var median = sorted[sorted.Count / 2];
            return new Result(median.CpuSeconds, sorted[0].CpuSeconds, sorted[^1].CpuSeconds, median.Allocated, median.GcSeconds, articles, bytes);
        }

        public override string ToString() =>
            $"{Articles / CpuSeconds:N0} articles per CPU-s, {Bytes / CpuSeconds / 1e6:N1} MB/s, {CpuSeconds * 1000:N0} ms " +
            $"(min {MinSeconds * 1000:N0}, max {MaxSeconds * 1000:N0}), {Allocated / (double)Math.Max(1, Articles) / 1e3:N1} kB allocated per article, GC pauses {GcSeconds * 1000:N0} ms";
    }

    /// <summary>CPU time of the calling thread (Linux: CLOCK_THREAD_CPUTIME_ID); elsewhere the process's CPU time.</summary>
    static class Clock
    {
        [StructLayout(LayoutKind.Sequential)]
        struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", EntryPoint = "clock_gettime")]
        static extern int ClockGetTime(int clock, out TimeSpec time);

        const int ThreadCpuTime = 3;
        static readonly bool Thread = OperatingSystem.IsLinux() && TryThread(out _);

        public static string Name => Thread ? "CPU time of the measuring thread" : "CPU time of the process";

        static bool TryThread(out double seconds)
        {
            seconds = 0;
            try
            {
                if (ClockGetTime(ThreadCpuTime, out var t) != 0) return false;
                seconds = t.Seconds + t.Nanoseconds / 1e9;
                return true;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                return false;
            }
        }

        public static double Now() =>
            Thread && TryThread(out var s) ? s : Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    }
}
