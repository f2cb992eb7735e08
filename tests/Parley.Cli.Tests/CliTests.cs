using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Parley.TestSupport;

namespace Parley.Cli.Tests;

public class CliTests
{
    static List<JsonElement> Lines(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public void ExtractReadsEveryInputKindAndReportsBadItemsWithoutStopping()
    {
        using var dir = new TempDir();
        dir.File("a/plain.txt", Fixtures.PlainArticle);
        dir.File("a/page.html", Fixtures.HtmlArticle);
        dir.File("b/wire.jsonl", Fixtures.JsonlLine("w1", "Talks resume", "2020-05-06", "Talks between the two delegations resumed in Vienna on Wednesday after a pause of several weeks.\n\nA spokesman said the next session would follow shortly.")
            + "\n{ this line is not json\n");
        using (var gz = new GZipStream(File.Create(Path.Combine(dir.Path, "b", "more.jsonl.gz")), CompressionLevel.Fastest))
            gz.Write(Encoding.UTF8.GetBytes(Fixtures.JsonlLine("w2", "Ceasefire holds", "2020-05-07", "The ceasefire along the front line held for a third consecutive day, monitors said on Thursday.") + "\n"));
        File.WriteAllBytes(Path.Combine(dir.Path, "b", "image.txt"), [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 1, 2, 3, 0, 0, 0]);
        dir.File("b/empty.txt", "");

        var run = ParleyProcess.Run(dir.Path, null, "extract", dir.Path);

        Assert.Equal(0, run.ExitCode);
        var records = Lines(run.Stdout);
        Assert.Equal(7, records.Count);
        var byId = records.ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Contains("Negotiators from both delegations", byId["plain"].GetProperty("text").GetString());
        Assert.DoesNotContain("Subscribe to our newsletter", byId["plain"].GetProperty("text").GetString());
        Assert.Equal("Example Herald", byId["page"].GetProperty("outlet").GetString());
        Assert.Equal("html-meta", byId["page"].GetProperty("published_source").GetString());
        Assert.Equal("2020-05-06", byId["w1"].GetProperty("published").GetString());
        Assert.Equal("input", byId["w1"].GetProperty("published_source").GetString());
        Assert.Equal("Ceasefire holds", byId["w2"].GetProperty("title").GetString());
        Assert.NotEqual(0, byId["image"].GetProperty("errors").GetArrayLength());
        Assert.NotEqual(0, byId["empty"].GetProperty("errors").GetArrayLength());
        var malformed = records.Single(r => r.GetProperty("source").GetString()!.EndsWith("wire.jsonl:2"));
        Assert.NotEqual(0, malformed.GetProperty("errors").GetArrayLength());
        Assert.Contains("image.txt", run.Stderr);
        Assert.Contains("wire.jsonl:2", run.Stderr);
        foreach (var r in records.Where(r => r.GetProperty("errors").GetArrayLength() == 0))
        {
            var text = r.GetProperty("text").GetString()!;
            foreach (var s in r.GetProperty("sentences").EnumerateArray())
            {
                int start = s.GetProperty("start").GetInt32(), end = s.GetProperty("end").GetInt32();
                Assert.InRange(start, 0, end);
                Assert.InRange(end, start, text.Length);
            }
        }
    }

    [Fact]
    public void ExtractExitsNonZeroOnlyWhenNothingCouldBeRead()
    {
        using var dir = new TempDir();
        dir.File("empty.txt", "");
        var run = ParleyProcess.Run(dir.Path, null, "extract", Path.Combine(dir.Path, "empty.txt"), Path.Combine(dir.Path, "missing.txt"));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(2, Lines(run.Stdout).Count);
        Assert.Contains("missing.txt", run.Stderr);
    }

    [Fact]
    public void ExtractReadsStdinAndWritesToOutFile()
    {
        using var dir = new TempDir();
        var outPath = Path.Combine(dir.Path, "out.jsonl");
        var run = ParleyProcess.Run(dir.Path, Fixtures.PlainArticle, "extract", "-", "--out", outPath, "--published", "2022-02-02");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stdout);
        var record = Assert.Single(Lines(File.ReadAllText(outPath)));
        Assert.Equal("2022-02-02", record.GetProperty("published").GetString());
        Assert.Equal("argument", record.GetProperty("published_source").GetString());
        Assert.Contains("prisoner", record.GetProperty("title").GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void PublishedFromOverridesAndBadDatesAreRejected()
    {
        using var dir = new TempDir();
        var article = dir.File("story.txt", Fixtures.PlainArticle);
        var map = dir.File("dates.tsv", "story.txt\t2019-07-08\n");
        var run = ParleyProcess.Run(dir.Path, null, "extract", article, "--published-from", map);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("2019-07-08", Lines(run.Stdout)[0].GetProperty("published").GetString());

        var bad = ParleyProcess.Run(dir.Path, null, "extract", article, "--published", "next tuesday");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("--published", bad.Stderr);
    }

    [Fact]
    public void IngestIsIdempotentByContentHash()
    {
        using var dir = new TempDir();
        dir.File("in/plain.txt", Fixtures.PlainArticle);
        dir.File("in/page.html", Fixtures.HtmlArticle);
        dir.File("in/empty.txt", "");
        var db = Path.Combine(dir.Path, "test.db");

        var first = JsonDocument.Parse(ParleyProcess.Run(dir.Path, null, "ingest", Path.Combine(dir.Path, "in"), "--db", db, "--json").Stdout).RootElement;
        Assert.Equal(2, first.GetProperty("inserted").GetInt32());
        Assert.Equal(1, first.GetProperty("unreadable").GetInt32());
        var statsBefore = JsonDocument.Parse(ParleyProcess.Run(dir.Path, null, "stats", "--db", db, "--json").Stdout).RootElement;

        var second = JsonDocument.Parse(ParleyProcess.Run(dir.Path, null, "ingest", Path.Combine(dir.Path, "in"), "--db", db, "--json").Stdout).RootElement;
        Assert.Equal(0, second.GetProperty("inserted").GetInt32());
        Assert.Equal(2, second.GetProperty("unchanged").GetInt32());
        var statsAfter = JsonDocument.Parse(ParleyProcess.Run(dir.Path, null, "stats", "--db", db, "--json").Stdout).RootElement;
        Assert.Equal(2, statsAfter.GetProperty("articles").GetInt32());
        Assert.Equal(statsBefore.GetProperty("articles").GetInt32(), statsAfter.GetProperty("articles").GetInt32());
        Assert.Equal(statsBefore.GetProperty("ingest_errors").GetInt32(), statsAfter.GetProperty("ingest_errors").GetInt32());
    }

    [Fact]
    public void DemoIngestsTheBundledCorpus()
    {
        using var dir = new TempDir();
        var run = ParleyProcess.Run(dir.Path, null, "demo", "--db", Path.Combine(dir.Path, "demo.db"), "--json");
        Assert.Equal(0, run.ExitCode);
        var summary = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.True(summary.GetProperty("inserted").GetInt32() >= 12, run.Stdout);
        Assert.Equal(0, summary.GetProperty("unreadable").GetInt32());
        Assert.True(summary.GetProperty("sentences").GetInt32() > 100);
        Assert.True(summary.GetProperty("actor_mentions").GetInt32() > 100, run.Stdout);
        Assert.Contains(summary.GetProperty("most_mentioned_people").EnumerateArray(), p => p.GetString()!.StartsWith("Vladimir Putin ("));
        Assert.True(summary.GetProperty("quotes").GetInt32() > 30, run.Stdout);
        Assert.Contains(summary.GetProperty("most_quoted").EnumerateArray(), p => p.GetString()!.StartsWith("Recep Tayyip Erdogan ("));
        Assert.True(summary.GetProperty("time_expressions").GetInt32() > 50, run.Stdout);
    }

    [SharedFact]
    public void EvalOnTheSeedsMeetsTheCleaningTargets()
    {
        var run = ParleyProcess.Run(Path.GetTempPath(), null, "eval", SharedData.PathOf("gold/seeds.gold.json"),
            "--inputs", SharedData.PathOf("seeds"), "--json");
        Assert.Equal(0, run.ExitCode);
        var metrics = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.StartsWith("1.00", metrics.GetProperty("body_includes").GetString());
        Assert.StartsWith("1.00", metrics.GetProperty("body_excludes").GetString());
        Assert.Contains("(5/5)", metrics.GetProperty("titles").GetString());
    }
}
