using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Parley.Core;
using Xunit.Abstractions;

namespace Parley.Store.Tests;

/// <summary>
/// Store throughput with and without quotes, the v1 → v2 backfill and query latency on synthetic records.
/// Runs only with PARLEY_BENCH=1: <c>PARLEY_BENCH=1 dotnet test tests/Parley.Store.Tests -c Release --filter QuoteStoreBenchmark</c>
/// (PARLEY_BENCH_ARTICLES=N, default 20000).
/// </summary>
public sealed class QuoteStoreBenchmark(ITestOutputHelper output) : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("parley-qbench-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    static readonly (string Name, string Code, string Country)[] Speakers =
    [
        ("Vladimir Putin", "RUSGOV", "RUS"), ("Sergei Lavrov", "RUSGOV", "RUS"), ("Recep Tayyip Erdogan", "TURGOV", "TUR"),
        ("Antonio Guterres", "IGOUNO", "UN"), ("Emmanuel Macron", "FRAGOV", "FRA"), ("Olaf Scholz", "DEUGOV", "DEU"),
        ("Hakan Fidan", "TURGOV", "TUR"), ("Dmitry Peskov", "RUSGOV", "RUS"),
    ];

    static List<ArticleRecord> Records(int n, int quotesEach, int seed)
    {
        var rng = new Random(seed);
        var words = Enumerable.Range(0, 3000).Select(i => new string([.. Enumerable.Range(0, 3 + rng.Next(7)).Select(_ => (char)('a' + rng.Next(26)))])).ToArray();
        string Sentence(int len) => string.Join(' ', Enumerable.Range(0, len).Select(_ => words[rng.Next(words.Length)])) + ".";
        var list = new List<ArticleRecord>(n);
        for (var i = 0; i < n; i++)
        {
            var sentences = Enumerable.Range(0, 20).Select(_ => Sentence(12 + rng.Next(10))).ToList();
            var r = new ArticleRecord
            {
                Id = $"a{i}", Source = $"in/a{i}.txt", Title = Sentence(6), Outlet = $"Outlet {i % 40}",
                Published = $"{2015 + i % 10}-{1 + i % 12:D2}-{1 + i % 28:D2}", Text = string.Join(' ', sentences),
                ContentHash = $"{seed}-{i}",
            };
            var start = 0;
            foreach (var s in sentences) { r.Sentences.Add(new TextSpan(start, start + s.Length)); start += s.Length + 1; }
            for (var q = 0; q < quotesEach; q++)
            {
                var si = rng.Next(sentences.Count);
                var span = r.Sentences[si];
                var sp = Speakers[rng.Next(Speakers.Length)];
                var resolved = rng.Next(5) > 0;
                r.Quotes.Add(new QuoteRecord
                {
                    Id = $"Q{q + 1}", Kind = rng.Next(3) switch { 0 => "direct", 1 => "indirect", _ => "mixed" },
                    Text = r.Text[span.Start..span.End], Start = span.Start, End = span.End, Sentence = si, Cue = "said", Confidence = 0.8,
                    Speaker = new SpeakerRecord
                    {
                        Name = resolved ? sp.Name : null, Code = resolved ? sp.Code : null, Country = resolved ? sp.Country : null,
                        Text = resolved ? sp.Name : "officials", Actor = resolved ? "A1" : null,
                    },
                });
            }
            list.Add(r);
        }
        return list;
    }

    [Fact]
    public void Quote_store_throughput_and_query_latency()
    {
        if (Environment.GetEnvironmentVariable("PARLEY_BENCH") != "1") return;
        var n = int.TryParse(Environment.GetEnvironmentVariable("PARLEY_BENCH_ARTICLES"), out var v) ? v : 20000;

        // CPU seconds of this process (SQLite runs in it): steadier than wall time on a busy machine.
        static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        (double Wall, double Cpu) AddAll(string db, List<ArticleRecord> records)
        {
            GC.Collect();
            var (sw, cpu) = (Stopwatch.StartNew(), Cpu());
            using (var store = SqliteStore.Open(db)) foreach (var r in records) store.Add(r);
            return (sw.Elapsed.TotalSeconds, Cpu() - cpu);
        }

        var plain = Records(n, 0, 1);
        var withQuotes = Records(n, 5, 1);
        var p = AddAll(Path.Combine(_dir, "plain.db"), plain);
        var db = Path.Combine(_dir, "quotes.db");
        var q = AddAll(db, withQuotes);
        output.WriteLine($"add without quotes: {n / p.Wall:F0} articles/s wall, {n / p.Cpu:F0} per CPU second");
        output.WriteLine($"add with 5 quotes each: {n / q.Wall:F0} articles/s wall, {n / q.Cpu:F0} per CPU second ({5 * n / q.Cpu:F0} quotes per CPU second)");
        output.WriteLine($"db size with quotes: {new FileInfo(db).Length / 1048576.0:F1} MB (+wal)");

        using (var store = SqliteStore.Open(db))
        {
            void Time(string label, QuoteQuery query)
            {
                store.Quotes(query).ToList(); // warm
                var sw = Stopwatch.StartNew();
                const int runs = 20;
                var count = 0;
                for (var i = 0; i < runs; i++) count = store.Quotes(query).Count();
                output.WriteLine($"{label,-44} {sw.Elapsed.TotalMilliseconds / runs,8:F2} ms  ({count} rows)");
            }
            Time("first page, no filter", new QuoteQuery());
            Time("speaker 'lavrov'", new QuoteQuery { Speaker = "lavrov" });
            Time("speaker 'nobody' (scan, no match)", new QuoteQuery { Speaker = "nobody" });
            Time("actor 'RUS'", new QuoteQuery { Actor = "RUS" });
            Time("actor 'TURGOV' + kind direct", new QuoteQuery { Actor = "TURGOV", Kind = "direct" });
            var word = withQuotes[0].Quotes[0].Text.Split(' ')[0];
            Time($"about '{word}'", new QuoteQuery { About = word });
            Time("from 2019-03 to 2019-03", new QuoteQuery { From = "2019-03", To = "2019-03" });
            Time("speaker 'erdogan' + from 2020 + offset 500", new QuoteQuery { Speaker = "erdogan", From = "2020", Offset = 500 });
            var sw2 = Stopwatch.StartNew();
            var stats = store.GetStats();
            output.WriteLine($"GetStats: {sw2.Elapsed.TotalMilliseconds:F1} ms ({stats.Quotes} quotes, {stats.QuotesWithSpeaker} with speaker)");
        }

        // Back to version 1 (drop the quote tables), then time the migration's backfill.
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "DROP TABLE quotes_fts; DROP TABLE quotes; UPDATE schema_version SET version = 1;";
            cmd.ExecuteNonQuery();
        }
        var mig = Stopwatch.StartNew();
        using (var store = SqliteStore.Open(db))
        {
            mig.Stop();
            Assert.Equal(5L * n, store.GetStats().Quotes);
        }
        output.WriteLine($"v1 → v2 migration with backfill: {mig.Elapsed.TotalSeconds:F2} s for {n} articles ({n / mig.Elapsed.TotalSeconds:F0} articles/s)");
    }
}
