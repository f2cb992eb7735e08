using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Parley.Ingest.Html;

namespace Parley.Eval.Extraction;

/// <summary>One benchmark page's shingle precision and recall.</summary>
public sealed record PageScore(string Id, double Precision, double Recall);

/// <summary>The benchmark result: mean precision/recall over pages, their harmonic mean, timing.</summary>
public sealed class ExtractionScore
{
    public double Precision { get; init; }
    public double Recall { get; init; }
    public double F1 { get; init; }
    public int Pages { get; init; }
    public IReadOnlyList<PageScore> PerPage { get; init; } = [];
    /// <summary>Seconds spent in <see cref="HtmlExtractor.Extract"/> alone (reading and unzipping excluded).</summary>
    public double ElapsedSeconds { get; init; }
    public double PagesPerSecond => ElapsedSeconds > 0 ? Pages / ElapsedSeconds : 0;
}

/// <summary>tp/fp/fn of one page, already divided by their sum as evaluate.py does.</summary>
public readonly record struct ShingleCounts(double Tp, double Fp, double Fn)
{
    /// <summary>1 when nothing was wrong, 0 when nothing was predicted correctly or at all.</summary>
    public double Precision => Fp == 0 && Fn == 0 ? 1 : Tp == 0 && Fp == 0 ? 0 : Tp / (Tp + Fp);
    public double Recall => Fp == 0 && Fn == 0 ? 1 : Tp == 0 && Fn == 0 ? 0 : Tp / (Tp + Fn);
}

/// <summary>
/// The scrapinghub article-extraction-benchmark metric (its evaluate.py): word tokens, 4-gram
/// shingles counted with multiplicity, per-page tp/fp/fn normalised by their sum, precision and
/// recall averaged over the pages where they are defined, F1 of the two means.
/// </summary>
public static class ExtractionBenchmark
{
    const int N = 4;

    /// <summary>Runs <paramref name="extractor"/> over every page of the benchmark directory and scores it.</summary>
    public static ExtractionScore Run(string benchmarkDir, HtmlExtractor extractor, IProgress<int>? progress = null)
    {
        var truthPath = Path.Combine(benchmarkDir, "ground-truth.json");
        using var truthDoc = JsonDocument.Parse(File.ReadAllBytes(truthPath));
        var counts = new List<ShingleCounts>();
        var ids = new List<string>();
        var watch = new Stopwatch();
        var done = 0;
        foreach (var page in truthDoc.RootElement.EnumerateObject())
        {
            var truth = page.Value.TryGetProperty("articleBody", out var body) && body.ValueKind == JsonValueKind.String ? body.GetString() ?? "" : "";
            var url = page.Value.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            var htmlPath = Path.Combine(benchmarkDir, "html", page.Name + ".html.gz");
            var html = ReadGzip(htmlPath);
            watch.Start();
            var article = extractor.Extract(html, url);
            watch.Stop();
            var predicted = string.Join("\n\n", article.Paragraphs);
            counts.Add(Score(truth, predicted));
            ids.Add(page.Name);
            progress?.Report(++done);
        }
        var (p, r) = Means(counts);
        return new ExtractionScore
        {
            Precision = p,
            Recall = r,
            F1 = p + r > 0 ? 2 * p * r / (p + r) : 0,
            Pages = counts.Count,
            PerPage = counts.Select((c, i) => new PageScore(ids[i], c.Precision, c.Recall)).ToList(),
            ElapsedSeconds = watch.Elapsed.TotalSeconds,
        };
    }

    /// <summary>Mean precision over pages with tp+fp &gt; 0 and mean recall over pages with tp+fn &gt; 0.</summary>
    public static (double Precision, double Recall) Means(IEnumerable<ShingleCounts> pages)
    {
        double pSum = 0, rSum = 0;
        int pN = 0, rN = 0;
        foreach (var c in pages)
        {
            if (c.Tp + c.Fp > 0) { pSum += c.Precision; pN++; }
            if (c.Tp + c.Fn > 0) { rSum += c.Recall; rN++; }
        }
        return (pN > 0 ? pSum / pN : 0, rN > 0 ? rSum / rN : 0);
    }

    /// <summary>Shingle tp/fp/fn of a prediction against the true text, normalised by their sum when positive.</summary>
    public static ShingleCounts Score(string truth, string predicted)
    {
        var t = Shingles(truth);
        var p = Shingles(predicted);
        long tp = 0, fp = 0, fn = 0;
        foreach (var (key, tc) in t)
        {
            var pc = p.GetValueOrDefault(key);
            tp += Math.Min(tc, pc);
            fn += Math.Max(0, tc - pc);
        }
        foreach (var (key, pc) in p)
            fp += Math.Max(0, pc - t.GetValueOrDefault(key));
        double sum = tp + fp + fn;
        return sum > 0 ? new ShingleCounts(tp / sum, fp / sum, fn / sum) : new ShingleCounts(0, 0, 0);
    }

    /// <summary>
    /// Word tokens as Python's <c>re.findall(r'\w+', text)</c> finds them: runs of Unicode letters,
    /// numbers and underscore, case kept.
    /// </summary>
    public static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text)) return tokens;
        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            var rune = Rune.GetRuneAt(text, i);
            var isWord = IsWord(rune);
            if (isWord && start < 0) start = i;
            else if (!isWord && start >= 0) { tokens.Add(text[start..i]); start = -1; }
            i += rune.Utf16SequenceLength;
        }
        if (start >= 0) tokens.Add(text[start..]);
        return tokens;
    }

    static bool IsWord(Rune r)
    {
        if (r.Value == '_') return true;
        switch (Rune.GetUnicodeCategory(r))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.OtherNumber:
                return true;
            default:
                return false;
        }
    }

    /// <summary>4-gram shingles with their counts; a text of 1–3 tokens gives its one shorter tuple.</summary>
    public static Dictionary<string, int> Shingles(string? text)
    {
        var tokens = Tokenize(text);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0) return result;
        var count = Math.Max(1, tokens.Count - N + 1);
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            sb.Clear();
            var end = Math.Min(tokens.Count, i + N);
            for (var j = i; j < end; j++)
            {
                if (j > i) sb.Append('\u0001');
                sb.Append(tokens[j]);
            }
            var key = sb.ToString();
            result[key] = result.GetValueOrDefault(key) + 1;
        }
        return result;
    }

    static string ReadGzip(string path)
    {
        using var file = File.OpenRead(path);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gz, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>A one-line summary for logs.</summary>
    public static string Describe(ExtractionScore s) => string.Create(CultureInfo.InvariantCulture,
        $"pages={s.Pages} precision={s.Precision:F4} recall={s.Recall:F4} f1={s.F1:F4} pages/s={s.PagesPerSecond:F0}");
}
