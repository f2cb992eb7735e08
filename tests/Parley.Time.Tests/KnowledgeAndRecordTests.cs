using Parley.Core;
using Parley.Pipeline;
using static Parley.Time.Tests.TestTagger;

namespace Parley.Time.Tests;

public class KnowledgeAndRecordTests
{
    static string CopyKnowledge()
    {
        var dir = Directory.CreateTempSubdirectory("parley-time-kb-").FullName;
        foreach (var f in Directory.GetFiles(Knowledge.PathOf("time"), "*.tsv")) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        return dir;
    }

    [Fact]
    public void Behaviour_comes_from_the_knowledge_files()
    {
        const string sentence = "The summit 2019 communique was long.";
        Assert.Contains(Tag(sentence, null), t => t.Text == "2019");
        var dir = CopyKnowledge();
        try
        {
            File.AppendAllText(Path.Combine(dir, "not-dates.tsv"), "before\tsummit\tnumber\n");
            File.AppendAllText(Path.Combine(dir, "relative.tsv"), "day\tthe other day\t-2\n");
            var custom = TimeTagger.Load(dir);
            Assert.Empty(custom.Tag(sentence, [new TextSpan(0, sentence.Length)], null));
            const string other = "We spoke the other day.";
            Assert.Equal("2023-09-04", Assert.Single(custom.Tag(other, [new TextSpan(0, other.Length)], "2023-09-06")).Value);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void A_bad_knowledge_row_names_its_file_and_line()
    {
        var dir = CopyKnowledge();
        try
        {
            File.AppendAllText(Path.Combine(dir, "months.tsv"), "brumaire\tten\tfree\n");
            var ex = Assert.Throws<FormatException>(() => TimeTagger.Load(dir));
            Assert.Contains("months.tsv:", ex.Message);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Optional_fields_are_left_out_of_the_record_json_when_null()
    {
        var record = new ArticleRecord { Id = "a", Source = "a" };
        record.Timexes.Add(new TimexRecord { Text = "on Monday", Value = "2023-09-04", Start = 3, End = 12 });
        record.Timexes.Add(new TimexRecord { Text = "2015-2017", Value = "2015", Start = 20, End = 29, Sentence = 1, Type = "date", EndValue = "2017" });
        var json = RecordJson.Serialize(record);
        Assert.Contains("{\"text\":\"on Monday\",\"value\":\"2023-09-04\",\"start\":3,\"end\":12}", json);
        Assert.Contains("\"sentence\":1,\"type\":\"date\",\"end_value\":\"2017\"}", json);
        Assert.Equal("2017", RecordJson.Deserialize(json)!.Timexes[1].EndValue);
    }

    [Fact]
    public void Odd_input_never_throws()
    {
        var rnd = new Random(7);
        const string alphabet = "0123456789-–/:,.' ’aJnMyTusdhe()Q\u0660\u00A0\n";
        for (var k = 0; k < 3000; k++)
        {
            var chars = new char[rnd.Next(1, 60)];
            for (var c = 0; c < chars.Length; c++) chars[c] = alphabet[rnd.Next(alphabet.Length)];
            var text = new string(chars);
            TestTagger.Tagger.Tag(text, [new TextSpan(0, text.Length), new TextSpan(-5, 400)], k % 2 == 0 ? "2020-02-29" : null);
        }
        Assert.Null(Find("The vote was on February 29.", "2023-03-10", "on February 29").Value);
        Assert.DoesNotContain(Tag("The code 2019-02-30 is no date.", null), t => t.Value is not null && t.Value.StartsWith("2019-02-30", StringComparison.Ordinal));
        Assert.Empty(TestTagger.Tagger.Tag("", [], "2020-01-01"));
    }

    [Fact]
    public void One_sentence_can_be_resolved_on_its_own()
    {
        const string text = "Intro. The envoys met on Monday in Doha.";
        var t = Assert.Single(TestTagger.Tagger.Resolve(text, new TextSpan(7, text.Length), "2023-09-06", sentenceIndex: 1));
        Assert.Equal(("on Monday", "2023-09-04", 1, text.IndexOf("on Monday", StringComparison.Ordinal)), (t.Text, t.Value, t.Sentence, t.Start));
    }

    [Fact]
    public void Tagging_is_thread_safe()
    {
        const string text = "The ministers met on Monday and will meet again next month, officials said on January 23.";
        var expected = TestTagger.Describe(Tag(text, "2023-09-06"));
        Parallel.For(0, 200, _ => Assert.Equal(expected, TestTagger.Describe(Tag(text, "2023-09-06"))));
    }

    [Fact]
    public void The_pipeline_fills_timexes_before_actors()
    {
        var pipeline = ArticlePipeline.Build();
        var record = pipeline.Annotate("t1", "The foreign ministers met in Ankara on Monday. They will meet again next month.", "2023-09-06");
        Assert.Empty(record.Errors);
        Assert.Equal(["on Monday=2023-09-04", "next month=2023-10"], record.Timexes.Select(t => $"{t.Text}={t.Value}"));
        Assert.Equal([0, 1], record.Timexes.Select(t => t.Sentence ?? -1));
    }
}
