using Parley.Eval.Extraction;
using Parley.Ingest.Html;
using Parley.TestSupport;
using Xunit.Abstractions;

namespace Parley.Eval.Tests.Extraction;

public class ExtractionBenchmarkTests(ITestOutputHelper output)
{
    const double Eps = 1e-9;

    [Fact]
    public void Tokens_are_word_runs_with_case_kept()
    {
        Assert.Equal(["Hello", "world_2", "naïve", "café", "42"], ExtractionBenchmark.Tokenize("Hello, world_2! naïve—café (42)."));
        Assert.Empty(ExtractionBenchmark.Tokenize(""));
        Assert.Empty(ExtractionBenchmark.Tokenize(" ,.;! "));
    }

    [Fact]
    public void Shingles_are_four_grams_with_multiplicity()
    {
        var s = ExtractionBenchmark.Shingles("a b c d a b c d");
        // a b c d | b c d a | c d a b | d a b c | a b c d
        Assert.Equal(4, s.Count);
        Assert.Equal(2, s.Values.Max());
        Assert.Equal(5, s.Values.Sum());
    }

    [Fact]
    public void Short_texts_give_one_shorter_shingle_and_empty_text_none()
    {
        Assert.Single(ExtractionBenchmark.Shingles("two words"));
        Assert.Empty(ExtractionBenchmark.Shingles(""));
    }

    [Fact]
    public void Identical_texts_score_one()
    {
        var c = ExtractionBenchmark.Score("one two three four five", "one two three four five");
        Assert.Equal(1.0, c.Tp, 9);
        Assert.Equal(0.0, c.Fp, 9);
        Assert.Equal(0.0, c.Fn, 9);
        Assert.Equal(1.0, c.Precision);
        Assert.Equal(1.0, c.Recall);
    }

    [Fact]
    public void Partial_overlap_gives_exact_fractions()
    {
        // truth: a b c d e f → abcd bcde cdef (3); prediction: a b c d e x → abcd bcde bcdx... = abcd bcde cdex (3)
        var c = ExtractionBenchmark.Score("a b c d e f", "a b c d e x");
        // tp=2 fp=1 fn=1, normalised by 4
        Assert.Equal(0.5, c.Tp, 9);
        Assert.Equal(0.25, c.Fp, 9);
        Assert.Equal(0.25, c.Fn, 9);
        Assert.Equal(2.0 / 3, c.Precision, 9);
        Assert.Equal(2.0 / 3, c.Recall, 9);
    }

    [Fact]
    public void Extra_prediction_costs_precision_only()
    {
        // truth 1 shingle (a b c d); prediction a b c d e → abcd, bcde: tp=1 fp=1 fn=0 → /2
        var c = ExtractionBenchmark.Score("a b c d", "a b c d e");
        Assert.Equal(0.5, c.Tp, 9);
        Assert.Equal(0.5, c.Fp, 9);
        Assert.Equal(0.0, c.Fn, 9);
        Assert.Equal(0.5, c.Precision, 9);
        Assert.Equal(1.0, c.Recall, 9);
    }

    [Fact]
    public void Case_matters_and_punctuation_does_not()
    {
        Assert.Equal(1.0, ExtractionBenchmark.Score("Rain, rain; go away!", "Rain rain go away").Precision);
        Assert.Equal(0.0, ExtractionBenchmark.Score("rain rain go away", "Rain rain go away").Precision);
    }

    [Fact]
    public void Empty_prediction_and_empty_truth_follow_evaluate_py()
    {
        var nothingPredicted = ExtractionBenchmark.Score("a b c d", "");
        Assert.Equal(0.0, nothingPredicted.Precision);
        Assert.Equal(0.0, nothingPredicted.Recall);
        var bothEmpty = ExtractionBenchmark.Score("", "");
        Assert.Equal(1.0, bothEmpty.Precision);
        Assert.Equal(1.0, bothEmpty.Recall);
    }

    [Fact]
    public void Means_skip_pages_where_a_measure_is_undefined()
    {
        var pages = new[]
        {
            ExtractionBenchmark.Score("a b c d e f", "a b c d e x"), // P = R = 2/3
            ExtractionBenchmark.Score("a b c d", ""),                // tp+fp = 0: no precision; recall 0
            ExtractionBenchmark.Score("a b c d", "a b c d e"),       // P = 1/2, R = 1
        };
        var (p, r) = ExtractionBenchmark.Means(pages);
        Assert.Equal((2.0 / 3 + 0.5) / 2, p, 9);
        Assert.Equal((2.0 / 3 + 0 + 1) / 3, r, 9);
    }

    [SharedFact]
    public void Full_benchmark_reaches_f1_of_at_least_0_95()
    {
        var dir = SharedData.PathOf("corpora/article-extraction");
        var score = ExtractionBenchmark.Run(dir, HtmlExtractor.Load());
        output.WriteLine(ExtractionBenchmark.Describe(score));
        foreach (var worst in score.PerPage.OrderBy(p => Math.Min(p.Precision, p.Recall)).Take(10))
            output.WriteLine($"{worst.Id[..12]} P={worst.Precision:F3} R={worst.Recall:F3}");
        Assert.Equal(181, score.Pages);
        Assert.True(score.F1 >= 0.95, ExtractionBenchmark.Describe(score));
        Assert.True(score.Precision > Eps && score.Recall > Eps);
    }
}
