using System.Globalization;

namespace Parley.Merge;

/// <summary>
/// Cross-article event merge: mentions of one real-world event reported by several articles become one cluster.
/// Two mentions merge when: same PLOVER type, negation and modality class; compatible modes (a phone call is not a
/// visit); their actors overlap at country level on both sides (on the participant set for symmetric types);
/// compatible dates (two written days: the same day; month dates: overlapping intervals; a year alone is too vague to
/// merge; a publication-dated mention: within the type's window after the other date, two publication-dated ones a day
/// apart at most, never across two different written days); compatible
/// places (same place, same country, or one unknown); different articles. Clusters grow by the best-scoring links
/// first and never take in two mentions that conflict, so chains cannot join different days, places or modes.
/// The result depends only on the set of mentions, not their order.
/// </summary>
public static class EventMerger
{
    /// <summary>Compares two mentions (direction-insensitive: Compare(a, b) equals Compare(b, a) up to <see cref="MergeReason.With"/>).</summary>
    public static MergeDecision Compare(MergeEvent a, MergeEvent b, MergeRules? rules = null) =>
        Compare(Prep.Of(a), Prep.Of(b), rules ?? MergeRules.Default);

    /// <summary>Clusters the mentions. Every mention is in exactly one cluster; clusters come ordered by id.</summary>
    public static IReadOnlyList<EventCluster> Cluster(IEnumerable<MergeEvent> events, MergeRules? rules = null)
    {
        rules ??= MergeRules.Default;
        var all = events.GroupBy(e => e.Key).Select(g => Prep.Of(g.First())).OrderBy(p => p.E.Key).ToList();
        var index = new Dictionary<long, int>(all.Count);
        for (var i = 0; i < all.Count; i++) index[all[i].E.Key] = i;

        // candidate pairs: same bucket (type, negation, modality class), dates within reach, some shared country
        var links = new List<(int A, int B, MergeReason Reason)>();
        foreach (var bucket in all.Where(p => p.Lo is not null).GroupBy(p => p.Bucket))
        {
            var sorted = bucket.OrderBy(p => p.Lo!.Value).ThenBy(p => p.E.Key).ToList();
            for (var i = 0; i < sorted.Count; i++)
            {
                var a = sorted[i];
                var reach = a.Hi!.Value.AddDays(rules.Window(a.E.Type) + 1);
                for (var j = i + 1; j < sorted.Count && sorted[j].Lo!.Value <= reach; j++)
                {
                    var b = sorted[j];
                    if (!a.Countries.Overlaps(b.Countries)) continue;
                    var d = Compare(a, b, rules);
                    if (d.Merge) links.Add((index[a.E.Key], index[b.E.Key], d.Reason!));
                }
            }
        }
        links.Sort((x, y) =>
        {
            var c = y.Reason.Score.CompareTo(x.Reason.Score);
            if (c != 0) return c;
            c = Math.Min(all[x.A].E.Key, all[x.B].E.Key).CompareTo(Math.Min(all[y.A].E.Key, all[y.B].E.Key));
            return c != 0 ? c : Math.Max(all[x.A].E.Key, all[x.B].E.Key).CompareTo(Math.Max(all[y.A].E.Key, all[y.B].E.Key));
        });

        // greedy union, best links first, refusing any union that would put two conflicting mentions together
        var group = Enumerable.Range(0, all.Count).ToArray();
        var members = Enumerable.Range(0, all.Count).Select(i => new List<int> { i }).ToArray();
        var accepted = new List<(int A, int B, MergeReason Reason)>();
        foreach (var link in links)
        {
            int ga = group[link.A], gb = group[link.B];
            if (ga == gb) continue;
            if (members[ga].Any(x => members[gb].Any(y => Compare(all[x], all[y], rules).Conflict))) continue;
            var (keep, gone) = members[ga].Count >= members[gb].Count ? (ga, gb) : (gb, ga);
            foreach (var m in members[gone]) group[m] = keep;
            members[keep].AddRange(members[gone]);
            members[gone] = [];
            accepted.Add(link);
        }

        var adjacency = new Dictionary<int, List<(int Other, MergeReason Reason)>>();
        foreach (var (a, b, reason) in accepted)
        {
            (adjacency.TryGetValue(a, out var la) ? la : adjacency[a] = []).Add((b, reason));
            (adjacency.TryGetValue(b, out var lb) ? lb : adjacency[b] = []).Add((a, reason));
        }
        var clusters = new List<EventCluster>();
        foreach (var g in members.Where(m => m.Count > 0))
        {
            var ordered = g.OrderBy(i => all[i].E.Key).ToList();
            clusters.Add(Summarise(ordered.Select(i => all[i]).ToList(), Reasons(ordered, all, adjacency)));
        }
        return clusters.OrderBy(c => c.Id).ToList();
    }

    /// <summary>Each member's link to its parent in a breadth-first tree from the smallest key (neighbours by key).</summary>
    static Dictionary<long, MergeReason> Reasons(List<int> ordered, List<Prep> all, Dictionary<int, List<(int Other, MergeReason Reason)>> adjacency)
    {
        var reasons = new Dictionary<long, MergeReason> { [all[ordered[0]].E.Key] = new MergeReason { Rule = "seed", Type = all[ordered[0]].E.Type } };
        var queue = new Queue<int>();
        queue.Enqueue(ordered[0]);
        while (queue.Count > 0)
        {
            var x = queue.Dequeue();
            if (!adjacency.TryGetValue(x, out var next)) continue;
            foreach (var (y, reason) in next.OrderBy(n => all[n.Other].E.Key))
            {
                if (reasons.ContainsKey(all[y].E.Key)) continue;
                reasons[all[y].E.Key] = reason with { With = all[x].E.Key };
                queue.Enqueue(y);
            }
        }
        return reasons;
    }

    static EventCluster Summarise(List<Prep> ms, Dictionary<long, MergeReason> reasons)
    {
        static string? Most(IEnumerable<string?> values) => values.Where(v => v is not null)
            .GroupBy(v => v!, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();
        var first = ms[0].E;
        // date: the most supported written day, else the most precise written date, else the latest-supported publication date
        var written = ms.Where(m => m.Written && m.DateValue is not null).ToList();
        string? date, source;
        if (written.Count > 0)
        {
            var precision = written.Max(m => m.DateValue!.Length);
            date = Most(written.Where(m => m.DateValue!.Length == precision).Select(m => m.DateValue));
            source = "text";
        }
        else
        {
            date = ms.Select(m => m.DateValue).Where(d => d is not null).OrderBy(d => d, StringComparer.Ordinal).FirstOrDefault();
            source = date is null ? null : "published";
        }
        var place = Most(ms.Select(m => m.E.Place));
        return new EventCluster
        {
            Id = first.Key,
            Type = first.Type,
            Mode = Most(ms.Select(m => m.E.Mode)),
            Date = date,
            DateSource = source,
            Place = place,
            PlaceCountry = Most(ms.Where(m => place is null || m.E.Place == place).Select(m => m.E.PlaceCountry)) ?? Most(ms.Select(m => m.E.PlaceCountry)),
            Actors = ms.SelectMany(m => m.Countries).Distinct().Order(StringComparer.Ordinal).ToList(),
            SourceActors = ms.SelectMany(m => m.E.Source).Distinct().Order(StringComparer.Ordinal).ToList(),
            TargetActors = ms.SelectMany(m => m.E.Target).Distinct().Order(StringComparer.Ordinal).ToList(),
            Members = ms.Select(m => m.E.Key).ToList(),
            Reasons = reasons,
            Articles = ms.Select(m => m.E.Article).Distinct().Count(),
            Negated = first.Negated,
            Modality = first.Modality,
        };
    }

    static MergeDecision Compare(Prep a, Prep b, MergeRules rules)
    {
        static MergeDecision No(string failed, bool conflict) => new() { Failed = failed, Conflict = conflict };
        if (a.E.Key == b.E.Key) return new MergeDecision { Merge = true, Reason = new MergeReason { Rule = "same", Type = a.E.Type, Score = 1 } };
        if (a.E.Article == b.E.Article) return No("same article", true);
        if (a.Bucket != b.Bucket)
            return No(!string.Equals(a.E.Type, b.E.Type, StringComparison.OrdinalIgnoreCase) ? "type" : "negation or modality", true);
        // modes
        string modeRelation;
        var (ga, gb) = (rules.ModeGroup(a.E.Type, a.E.Mode), rules.ModeGroup(b.E.Type, b.E.Mode));
        if (ga is not null && gb is not null && ga != gb) return No($"mode ({a.E.Mode} vs {b.E.Mode})", true);
        modeRelation = ga is not null && ga == gb ? "same" : "unknown";
        // dates
        if (a.Lo is null || b.Lo is null) return No("no date", false);
        if (a.IsYear || b.IsYear) return No("year-only date", false);
        string dateRelation;
        double dateScore;
        var window = rules.Window(a.E.Type);
        if (a.Written && b.Written)
        {
            if (a.IsDay && b.IsDay)
            {
                if (a.Lo != b.Lo) return No("different days", true);
                (dateRelation, dateScore) = ("same-day", 1.0);
            }
            else
            {
                if (a.Hi < b.Lo || b.Hi < a.Lo) return No("dates do not overlap", true);
                (dateRelation, dateScore) = ("overlapping-partial", a.IsDay || b.IsDay ? 0.5 : 0.35);
            }
        }
        else
        {
            // dated by publication: the event happened on that day or up to `window` days before it (both by publication: a day apart at most)
            bool Reaches(Prep pub, Prep other) =>
                pub.Lo!.Value.AddDays(1) >= other.Lo!.Value && pub.Lo.Value.AddDays(-window) <= other.Hi!.Value;
            var ok = (a.Written, b.Written) switch
            {
                (false, true) => Reaches(a, b),
                (true, false) => Reaches(b, a),
                _ => Math.Abs(a.Lo!.Value.DayNumber - b.Lo!.Value.DayNumber) <= 1,
            };
            if (!ok) return No("outside the publication window", true);
            (dateRelation, dateScore) = ("within-publication-window", a.Lo == b.Lo ? 0.6 : 0.4);
        }
        // places
        string placeRelation;
        double placeScore;
        if (a.PlaceKey is not null && b.PlaceKey is not null && a.PlaceKey == b.PlaceKey) (placeRelation, placeScore) = ("same-place", 1.0);
        else if (a.E.PlaceCountry is not null && a.E.PlaceCountry == b.E.PlaceCountry) (placeRelation, placeScore) = ("same-country", 0.6);
        else if (a.PlaceKey is null || b.PlaceKey is null) (placeRelation, placeScore) = ("unknown", 0.3);
        else return No($"places ({a.E.Place} vs {b.E.Place})", true);
        // actors
        var shared = a.Countries.Intersect(b.Countries).Order(StringComparer.Ordinal).ToList();
        var strongDate = dateRelation == "same-day";
        switch (ActorsOverlap(a, b, rules.IsSymmetric(a.E.Type), strongDate))
        {
            case Overlap.Conflict: return No("actors", true);
            case Overlap.No: return No("actors", false);
        }
        var actorScore = (double)shared.Count / Math.Max(1, Math.Min(a.Countries.Count, b.Countries.Count));
        var score = Math.Round(0.4 * dateScore + 0.2 * placeScore + 0.3 * Math.Min(1, actorScore) + (modeRelation == "same" ? 0.1 : 0.05), 3);
        return new MergeDecision
        {
            Merge = true,
            Reason = new MergeReason
            {
                Rule = "merged", Type = a.E.Type.ToUpperInvariant(), SharedActors = shared, DateRelation = dateRelation,
                PlaceRelation = placeRelation, ModeRelation = modeRelation, Score = score,
            },
        };
    }

    enum Overlap { Yes, No, Conflict }

    /// <summary>
    /// Symmetric types: participant sets of two or more keys must share two (sharing fewer is a conflict, so no third
    /// mention can bridge them); a one-key set must lie in the other and needs the same written day. Directed types:
    /// sources must overlap and targets too (disjoint known sides conflict); a mention with no target needs the same written day.
    /// </summary>
    static Overlap ActorsOverlap(Prep a, Prep b, bool symmetric, bool sameDay)
    {
        if (symmetric)
        {
            var common = a.Countries.Count(b.Countries.Contains);
            var smaller = Math.Min(a.Countries.Count, b.Countries.Count);
            if (smaller >= 2) return common >= 2 ? Overlap.Yes : Overlap.Conflict;
            if (smaller == 0) return Overlap.No;
            return common == 1 && sameDay ? Overlap.Yes : Overlap.No;
        }
        if (a.Sources.Count == 0 || b.Sources.Count == 0) return Overlap.No;
        if (!a.Sources.Overlaps(b.Sources)) return Overlap.Conflict;
        if (a.Targets.Count > 0 && b.Targets.Count > 0) return a.Targets.Overlaps(b.Targets) ? Overlap.Yes : Overlap.Conflict;
        return a.Targets.Count == b.Targets.Count || sameDay ? Overlap.Yes : Overlap.No;
    }

    /// <summary>A mention with its derived keys, computed once.</summary>
    sealed class Prep
    {
        public required MergeEvent E;
        public required string Bucket;
        public DateOnly? Lo, Hi;
        public string? DateValue;
        public bool Written, IsDay, IsYear;
        public string? PlaceKey;
        public required HashSet<string> Sources, Targets, Countries;

        public static Prep Of(MergeEvent e)
        {
            var written = e.Date is not null && !string.Equals(e.DateSource, "published", StringComparison.OrdinalIgnoreCase);
            var value = Cut(e.Date) ?? Cut(e.Published);
            if (e.Date is null) written = false;
            var (lo, hi) = Interval(value);
            var modality = e.Modality is "asserted" or "reported-claim" ? "factual" : e.Modality;
            var sources = e.Source.Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);
            var targets = e.Target.Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);
            return new Prep
            {
                E = e,
                Bucket = $"{e.Type.ToUpperInvariant()}|{(e.Negated ? "neg" : "pos")}|{modality}",
                Lo = lo, Hi = hi, DateValue = lo is null ? null : value,
                Written = written, IsDay = value?.Length == 10, IsYear = value?.Length == 4,
                PlaceKey = string.IsNullOrWhiteSpace(e.Place) ? null : e.Place.Trim().ToLowerInvariant(),
                Sources = sources, Targets = targets,
                Countries = [.. sources, .. targets],
            };
        }

        static string? Cut(string? d) => d is { Length: > 10 } && d[10] == 'T' ? d[..10] : d;

        static (DateOnly?, DateOnly?) Interval(string? d)
        {
            if (d is null) return (null, null);
            var c = CultureInfo.InvariantCulture;
            if (d.Length == 10 && DateOnly.TryParseExact(d, "yyyy-MM-dd", c, DateTimeStyles.None, out var day)) return (day, day);
            if (d.Length == 7 && DateOnly.TryParseExact(d + "-01", "yyyy-MM-dd", c, DateTimeStyles.None, out var m)) return (m, m.AddMonths(1).AddDays(-1));
            if (d.Length == 4 && int.TryParse(d, NumberStyles.None, c, out var y) && y >= 1) return (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            return (null, null);
        }
    }
}
