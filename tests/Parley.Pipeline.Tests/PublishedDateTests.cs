using Parley.Ingest;
using Parley.Pipeline;

namespace Parley.Pipeline.Tests;

/// <summary>Which publication date wins, and what published_source says about it.</summary>
public class PublishedDateTests
{
    const string WithDateline = "Envoys Meet In Lakeside Town\n\n4.5.2021 - 10:15\n\nThe envoys of the two governments met on Tuesday and agreed to resume talks next month.";
    const string Undated = "Envoys Meet In Lakeside Town\n\nThe envoys of the two governments met on Tuesday and agreed to resume talks next month.";

    static RawDocument Doc(string text, string? published = null) =>
        new() { Id = "envoys", Source = "in/envoys.txt", Text = text, Published = published };

    static (string?, string?) Run(RawDocument doc, PipelineOptions options)
    {
        var record = ArticlePipeline.Build(options).Process(doc);
        return (record.Published, record.PublishedSource);
    }

    [Fact]
    public void Dateline_in_the_text_is_used_when_nothing_else_says()
        => Assert.Equal(("2021-05-04T10:15:00", "text"), Run(Doc(WithDateline), new PipelineOptions()));

    [Fact]
    public void Input_field_beats_the_dateline()
        => Assert.Equal(("2021-05-01", "input"), Run(Doc(WithDateline, "May 1, 2021"), new PipelineOptions()));

    [Fact]
    public void Published_argument_is_only_a_fallback()
    {
        var options = new PipelineOptions { Published = "2020-01-02" };
        Assert.Equal(("2020-01-02", "argument"), Run(Doc(Undated), options));
        Assert.Equal(("2021-05-01", "input"), Run(Doc(Undated, "2021-05-01"), options));
    }

    [Fact]
    public void Published_from_map_overrides_everything_by_file_name()
    {
        var options = new PipelineOptions { PublishedByFile = new Dictionary<string, string> { ["envoys.txt"] = "2019-09-09" } };
        Assert.Equal(("2019-09-09", "argument"), Run(Doc(WithDateline, "2021-05-01"), options));
    }

    [Fact]
    public void Unknown_date_stays_null()
        => Assert.Equal(((string?)null, (string?)null), Run(Doc(Undated), new PipelineOptions()));

    [Fact]
    public void Published_map_reads_tsv_and_json_and_rejects_bad_dates()
    {
        var dir = Directory.CreateTempSubdirectory("parley-map-").FullName;
        try
        {
            var tsv = Path.Combine(dir, "m.tsv");
            File.WriteAllText(tsv, "# name\tdate\na.txt\t2020-03-04\nb.html\tMarch 5, 2020\n");
            Assert.Equal(new Dictionary<string, string> { ["a.txt"] = "2020-03-04", ["b.html"] = "2020-03-05" }, PipelineOptions.ReadPublishedMap(tsv));
            var json = Path.Combine(dir, "m.json");
            File.WriteAllText(json, """{"a.txt": "2020-03-04"}""");
            Assert.Equal("2020-03-04", PipelineOptions.ReadPublishedMap(json)["a.txt"]);
            File.WriteAllText(tsv, "a.txt\tsoon\n");
            var error = Assert.Throws<FormatException>(() => PipelineOptions.ReadPublishedMap(tsv));
            Assert.Contains(":1", error.Message);
        }
        finally { Directory.Delete(dir, true); }
    }
}
