using System.Text.Json;
using Parley.TestSupport;

namespace Parley.Cli.Tests;

public class EvalPolNearCliTests
{
    static readonly string[] Keys =
    [
        "split", "documents", "multi_annotator_documents", "gold_contents", "gold_with_source", "predicted",
        "matched", "precision", "recall", "f1", "lenient_matched", "lenient_precision", "lenient_recall", "lenient_f1",
        "exact_matched", "exact_precision", "exact_recall", "exact_f1",
        "attribution_accuracy", "attribution_correct", "attribution_scored", "by_cue", "by_kind",
        "problems", "seconds", "total_seconds", "docs_per_second",
    ];

    [SharedFact]
    public void ScoresTheFirstDevDocumentsAsJson()
    {
        var run = ParleyProcess.Run(Path.GetTempPath(), null, "eval-polnear", "--dir", SharedData.PathOf("corpora/polnear"),
            "--limit", "3", "--worst", "2", "--verbose", "--json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var report = JsonDocument.Parse(run.Stdout).RootElement;
        foreach (var key in Keys) Assert.True(report.TryGetProperty(key, out _), $"missing \"{key}\" in {run.Stdout}");
        Assert.Equal("dev", report.GetProperty("split").GetString());
        Assert.Equal(3, report.GetProperty("documents").GetInt32());
        Assert.True(report.GetProperty("gold_contents").GetInt32() >= 10);
        Assert.InRange(report.GetProperty("f1").GetDouble(), 0, 1);
        var cues = report.GetProperty("by_cue");
        Assert.InRange(cues.GetArrayLength(), 1, 25);
        Assert.True(cues[0].TryGetProperty("recall", out _));
        var worst = report.GetProperty("worst");
        Assert.Equal(2, worst.GetArrayLength());
        Assert.True(worst[0].GetProperty("missed").GetInt32() >= worst[1].GetProperty("missed").GetInt32());
        Assert.True(worst[0].TryGetProperty("missed_gold", out _));
    }

    [Fact]
    public void ScoresASmallCorpusAndReportsItsBadLines()
    {
        using var dir = new TempDir();
        const string text = "The harbour master said the port would reopen on Friday.";
        dir.File("dev/text/wire_2016-05-01_port.txt", text);
        dir.File("dev/attributions/wire_2016-05-01_port_ab12.ann",
            "T1\tSource 0 18\tThe harbour master\n" +
            "T2\tCue 19 23\tsaid\n" +
            "T3\tContent 24 55\tthe port would reopen on Friday\n" +
            "T4\tAttribution 19 23\tsaid\n" +
            "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n" +
            "T5 Cue broken\n");
        dir.File("metadata.tsv", "filename\tpublication_date\ttitle\nwire_2016-05-01_port\t2016-05-01\tPort to reopen\n");

        var run = ParleyProcess.Run(dir.Path, null, "eval-polnear", "--dir", dir.Path, "--json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var report = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(1, report.GetProperty("documents").GetInt32());
        Assert.Equal(1, report.GetProperty("gold_contents").GetInt32());
        Assert.Equal(1, report.GetProperty("gold_with_source").GetInt32());
        Assert.Equal("said", report.GetProperty("by_cue")[0].GetProperty("cue").GetString());
        Assert.Contains("wire_2016-05-01_port_ab12.ann:6: not a brat annotation line", run.Stderr);
        Assert.Equal(1, report.GetProperty("problems").GetInt32()); // offsets and text agree
    }

    [Fact]
    public void AMissingDirectoryIsAClearErrorWithExitCode2()
    {
        using var dir = new TempDir();
        var missing = Path.Combine(dir.Path, "no-such-corpus");

        var run = ParleyProcess.Run(dir.Path, null, "eval-polnear", "--dir", missing, "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no PolNeAR dev split", run.Stderr);
        Assert.Contains(missing, run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void AnUnknownSplitIsRejected()
    {
        using var dir = new TempDir();
        var run = ParleyProcess.Run(dir.Path, null, "eval-polnear", "--dir", dir.Path, "--split", "test");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("test", run.Stderr);
    }
}
