using System.Diagnostics;
using System.Text;
using Parley.Core;

namespace Parley.Eval.PolNear;

/// <summary>
/// Quote extraction scored on PolNeAR (political news, brat attribution annotations). The delegate
/// annotates each raw .txt (id, text, publication date, title) so predicted offsets are gold offsets.
/// Matching rules: <see cref="PolNearMatcher"/>. A bad file or a failing delegate is reported as a
/// problem and never stops the run (a document whose delegate throws scores as no predictions).
/// </summary>
public static class PolNearEvaluator
{
    const int ExcerptLength = 90;

    public static PolNearReport Run(string dir, string split, Func<string, string, string?, string?, ArticleRecord> annotate,
        int limit = 0, IProgress<int>? progress = null)
    {
        var total = Stopwatch.StartNew();
        var problems = new List<PolNearProblem>();
        var listing = PolNearCorpus.List(dir, split, problems);
        var docs = limit > 0 ? listing.Take(limit).ToList() : listing;
        var scores = new List<DocumentScore>();
        var annotating = new Stopwatch();
        var strictUtf8 = new UTF8Encoding(false, true);
        var done = 0;
        foreach (var doc in docs)
        {
            progress?.Report(++done);
            string text;
            BratAnnotations ann;
            try
            {
                text = strictUtf8.GetString(File.ReadAllBytes(doc.TextPath));
                ann = BratReader.Parse(strictUtf8.GetString(File.ReadAllBytes(doc.AnnotationPath)), Path.GetFileName(doc.AnnotationPath));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
            {
                problems.Add(new(doc.Id, 0, $"unreadable ({ex.GetType().Name}: {ex.Message}); document skipped"));
                continue;
            }
            problems.AddRange(ann.Problems);
            var gold = PolNearGold.From(ann, text, problems);

            ArticleRecord record;
            annotating.Start();
            try
            {
                record = annotate(doc.Id, text, doc.Published, doc.Title);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                problems.Add(new(doc.Id + ".txt", 0, $"annotate failed ({ex.GetType().Name}: {ex.Message}); scored with no predictions"));
                record = new ArticleRecord { Id = doc.Id, Source = doc.Id, Text = text };
            }
            annotating.Stop();
            foreach (var error in record.Errors)
                problems.Add(new(doc.Id + ".txt", 0, $"pipeline: {error}"));
            scores.Add(Score(doc.Id, text, gold, record));
        }
        return new PolNearReport
        {
            Split = split,
            PerDocument = scores,
            MultiAnnotatorDocuments = docs.Count(d => d.AnnotationFiles > 1),
            Problems = problems,
            Seconds = annotating.Elapsed.TotalSeconds,
            TotalSeconds = total.Elapsed.TotalSeconds,
        };
    }

    /// <summary>Scores one document's predictions (<c>record.Quotes</c>, <c>record.Actors</c>) against its gold contents.</summary>
    public static DocumentScore Score(string id, string text, IReadOnlyList<GoldContent> gold, ArticleRecord record)
    {
        var quotes = record.Quotes;
        var strict = PolNearMatcher.Match(text, gold, quotes, MatchRule.Strict);
        var goldMatched = new bool[gold.Count];
        var predMatched = new bool[quotes.Count];
        int attributionTotal = 0, attributionCorrect = 0;
        foreach (var (g, p) in strict)
        {
            goldMatched[g] = predMatched[p] = true;
            if (!gold[g].HasSource) continue;
            attributionTotal++;
            if (PolNearMatcher.Attributed(gold[g], quotes[p], record.Actors)) attributionCorrect++;
        }
        return new DocumentScore
        {
            Id = id,
            Gold = gold.Count,
            GoldWithSource = gold.Count(g => g.HasSource),
            Predicted = quotes.Count,
            Matched = strict.Count,
            LenientMatched = PolNearMatcher.Match(text, gold, quotes, MatchRule.Lenient).Count,
            ExactMatched = PolNearMatcher.Match(text, gold, quotes, MatchRule.Exact).Count,
            AttributionTotal = attributionTotal,
            AttributionCorrect = attributionCorrect,
            MissedGold = gold.Where((_, i) => !goldMatched[i])
                .Select(g => $"[{g.Cue}] " + Excerpt(string.Join(" … ", g.Content.Select(f => Slice(text, f.Start, f.End))))).ToList(),
            UnmatchedPredicted = quotes.Where((_, i) => !predMatched[i])
                .Select(q => $"[{q.Kind}] " + Excerpt(Slice(text, q.Start, q.End))).ToList(),
            Cues = gold.Select((g, i) => (g.Cue, goldMatched[i])).ToList(),
            Kinds = quotes.Select((q, i) => (q.Kind, predMatched[i])).ToList(),
        };
    }

    static string Slice(string text, int start, int end)
    {
        start = Math.Clamp(start, 0, text.Length);
        return text[start..Math.Clamp(end, start, text.Length)];
    }

    static string Excerpt(string s)
    {
        s = PolNearGold.Collapse(s);
        return s.Length <= ExcerptLength ? s : s[..(ExcerptLength - 3)] + "...";
    }
}
