using Parley.Core;
using static Parley.Eval.Gold.GoldMetricNames;

namespace Parley.Eval.Gold;

/// <summary>
/// Scores extracted records against a gold file with the matching rules of
/// shared/spec/gold-format.md (<see cref="GoldMatching"/>). Matching is per document.
/// </summary>
public static class GoldEvaluator
{
    public static GoldReport Evaluate(GoldFile gold, Func<GoldDocument, ArticleRecord> extract)
    {
        var findings = new List<GoldFinding>();
        Count includes = default, excludes = default, titles = default, outlets = default;
        Count quotePrecision = default, quoteRecall = default, speakers = default;
        Count eventPrecision = default, eventRecall = default, eventDates = default, mustNot = default;

        foreach (var doc in gold.Documents)
        {
            var record = extract(doc);
            var name = doc.Doc;
            var body = GoldMatching.NormalizeText(record.Text);

            foreach (var s in doc.BodyIncludes)
                if (includes.Add(GoldMatching.BodyContains(body, s)) is false)
                    findings.Add(new(name, "missing include", s));
            foreach (var s in doc.BodyExcludes)
                if (excludes.Add(!GoldMatching.BodyContains(body, s)) is false)
                    findings.Add(new(name, "present exclude", s));

            if (doc.Title is not null && !titles.Add(GoldMatching.SameMetadata(record.Title, doc.Title)))
                findings.Add(new(name, "title mismatch", $"got \"{record.Title}\", want \"{doc.Title}\""));
            if (doc.HasOutlet && !outlets.Add(GoldMatching.SameMetadata(record.Outlet, doc.Outlet)))
                findings.Add(new(name, "outlet mismatch", $"got \"{record.Outlet}\", want \"{doc.Outlet}\""));

            ScoreQuotes(doc, record, findings, ref quotePrecision, ref quoteRecall, ref speakers);
            ScoreEvents(doc, record, findings, ref eventPrecision, ref eventRecall, ref eventDates, ref mustNot);
        }

        var metrics = new List<GoldMetric>
        {
            includes.Metric(BodyIncludes),
            excludes.Metric(BodyExcludes),
            titles.Metric(Titles),
            outlets.Metric(Outlets),
            quotePrecision.Metric(QuotePrecision, "predicted"),
            quoteRecall.Metric(QuoteRecall),
            F1(QuoteF1, quotePrecision, quoteRecall),
            speakers.Metric(SpeakerAccuracy, "matched"),
            eventPrecision.Metric(EventPrecision, "predicted"),
            eventRecall.Metric(EventRecall),
            F1(EventF1, eventPrecision, eventRecall),
            eventDates.Metric(EventDateAccuracy, "dated matches"),
            new GoldMetric(MustNotEvents, mustNot.Hits, $"{mustNot.Hits} violations / {mustNot.Total} checks"),
        };
        return new GoldReport { Metrics = metrics, Findings = findings };
    }

    static void ScoreQuotes(GoldDocument doc, ArticleRecord record, List<GoldFinding> findings,
        ref Count precision, ref Count recall, ref Count speakers)
    {
        foreach (var q in record.Quotes)
            if (!precision.Add(doc.Quotes.Any(g => GoldMatching.QuoteMatches(q.Text, g.Text))))
                findings.Add(new(doc.Doc, "unmatched predicted quote", Short(q.Text)));

        foreach (var g in doc.Quotes)
        {
            var matches = record.Quotes.Where(q => GoldMatching.QuoteMatches(q.Text, g.Text)).ToList();
            if (g.Required && !recall.Add(matches.Count > 0))
                findings.Add(new(doc.Doc, "unmatched gold quote", $"{g.Speaker}: {g.Text}"));
            if (matches.Count == 0) continue;
            if (!speakers.Add(matches.Any(q => GoldMatching.SpeakerMatches(q.Speaker?.Name, g))))
                findings.Add(new(doc.Doc, "wrong speaker",
                    $"got \"{string.Join("\" / \"", matches.Select(q => q.Speaker?.Name))}\", want \"{g.Speaker}\": {Short(g.Text)}"));
        }
    }

    static void ScoreEvents(GoldDocument doc, ArticleRecord record, List<GoldFinding> findings,
        ref Count precision, ref Count recall, ref Count dates, ref Count mustNot)
    {
        foreach (var e in record.Events)
            if (!precision.Add(doc.Events.Any(g => GoldMatching.EventMatches(e, g))))
                findings.Add(new(doc.Doc, "unmatched predicted event", Describe(e)));

        foreach (var g in doc.Events)
        {
            var matches = record.Events.Where(e => GoldMatching.EventMatches(e, g)).ToList();
            if (g.Required && !recall.Add(matches.Count > 0))
                findings.Add(new(doc.Doc, "unmatched gold event", Describe(g)));
            if (matches.Count == 0 || g.Date is null) continue;
            if (!dates.Add(matches.Any(e => e.Date == g.Date)))
                findings.Add(new(doc.Doc, "wrong event date",
                    $"got {string.Join("/", matches.Select(e => e.Date ?? "null"))}, want {g.Date}: {Describe(g)}"));
        }

        foreach (var g in doc.MustNotEvents)
        {
            var violated = record.Events.Any(e => GoldMatching.EventMatches(e, g));
            mustNot.Add(violated);
            if (violated) findings.Add(new(doc.Doc, "must-not event produced", Describe(g) + (g.Why is { } why ? $" ({why})" : "")));
        }
    }

    static GoldMetric F1(string name, Count precision, Count recall)
    {
        if (recall.Total == 0 && precision.Total == 0) return new(name, null, "n/a (nothing to score)");
        var p = precision.Value ?? 0;
        var r = recall.Value ?? 0;
        var f = p + r > 0 ? 2 * p * r / (p + r) : 0;
        return new(name, f, $"P {Fmt(precision.Value)} R {Fmt(recall.Value)}");
    }

    static string Fmt(double? v) => v is { } x ? x.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "n/a";

    static string Describe(GoldEvent e) =>
        $"{e.Type} [{string.Join(",", e.Source)}] -> [{string.Join(",", e.Target)}]" + (e.Anchor is { } a ? $" \"{Short(a)}\"" : "");

    static string Describe(EventRecord e) =>
        $"{e.Type} [{string.Join(",", GoldMatching.Countries(e.Source))}] -> [{string.Join(",", GoldMatching.Countries(e.Target))}]" +
        (e.Trigger is { } t ? $" \"{t}\"" : "");

    static string Short(string s) => s.Length <= 100 ? s : s[..97] + "...";

    /// <summary>Hits out of a total.</summary>
    struct Count
    {
        public int Hits;
        public int Total;

        /// <summary>Counts one item; returns whether it was a hit.</summary>
        public bool Add(bool hit)
        {
            Total++;
            if (hit) Hits++;
            return hit;
        }

        public readonly double? Value => Total == 0 ? null : (double)Hits / Total;

        public readonly GoldMetric Metric(string name, string? what = null) =>
            Total == 0
                ? new GoldMetric(name, null, what is null ? "n/a (0/0)" : $"n/a (0 {what})")
                : new GoldMetric(name, Value, $"{Hits}/{Total}");
    }
}
