using Parley.Core;

namespace Parley.Eval.PolNear;

/// <summary>When a predicted quote's content counts as a gold content.</summary>
public enum MatchRule
{
    /// <summary>Overlap ≥ 50% of the gold span and ≥ 50% of the predicted span (the primary score).</summary>
    Strict,
    /// <summary>Overlap ≥ 50% of the gold span only.</summary>
    Lenient,
    /// <summary>Same boundaries after trimming.</summary>
    Exact,
}

/// <summary>
/// PolNeAR matching rules. Spans are trimmed of spaces and quote marks at both ends first; a
/// discontinuous gold content is the sum of its trimmed fragments, and a predicted span is not
/// charged for the text between them (one span can only cover <c>"A," he said, "B."</c> whole).
/// <list type="bullet">
/// <item>Content: one-to-one, greedy by overlap size (largest first; ties by gold then predicted
/// order). <see cref="MatchRule.Strict"/>: overlap ≥ 50% of the gold span AND ≥ 50% of the predicted
/// span; <see cref="MatchRule.Lenient"/>: ≥ 50% of the gold span; <see cref="MatchRule.Exact"/>:
/// identical trimmed boundaries (gold: first fragment start to last fragment end).</item>
/// <item>Attribution, over strict pairs whose gold has a Source: correct when the Source overlaps the
/// predicted speaker span, or any mention of the speaker's actor (speaker.actor → record.actors), which
/// covers coreference (gold "he", predicted actor whose mentions include that "he"). A quote with no
/// speaker is wrong.</item>
/// </list>
/// </summary>
public static class PolNearMatcher
{
    public static bool IsQuoteMark(char c) => c is '"' or '\'' or '`' or '“' or '”' or '„' or '‟' or '‘' or '’' or '‚' or '‛' or '«' or '»' or '‹' or '›' or '″' or '′';

    /// <summary>The span without spaces and quote marks at either end, clamped to the text.</summary>
    public static TextSpan Trim(string text, TextSpan span)
    {
        int start = Math.Clamp(span.Start, 0, text.Length), end = Math.Clamp(span.End, start, text.Length);
        while (start < end && (char.IsWhiteSpace(text[start]) || IsQuoteMark(text[start]))) start++;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || IsQuoteMark(text[end - 1]))) end--;
        return new TextSpan(start, end);
    }

    /// <summary>Matched (gold index, predicted index) pairs, each gold and each prediction used at most once.</summary>
    public static List<(int Gold, int Predicted)> Match(string text, IReadOnlyList<GoldContent> gold, IReadOnlyList<QuoteRecord> predicted, MatchRule rule)
    {
        var goldSpans = gold.Select(g => g.Content.Select(f => Trim(text, f)).Where(f => f.End > f.Start).OrderBy(f => f.Start).ToList()).ToList();
        var predSpans = predicted.Select(q => Trim(text, new TextSpan(q.Start, q.End))).ToList();
        var candidates = new List<(int Overlap, int Gold, int Predicted)>();
        for (var g = 0; g < goldSpans.Count; g++)
        {
            var fragments = goldSpans[g];
            if (fragments.Count == 0) continue;
            var goldLength = fragments.Sum(f => f.End - f.Start);
            for (var p = 0; p < predSpans.Count; p++)
            {
                var q = predSpans[p];
                var overlap = fragments.Sum(f => Overlap(f, q));
                // a record holds one span: the text between gold fragments ("A," he said, "B.") is not charged
                var predLength = q.End - q.Start;
                for (var k = 1; k < fragments.Count; k++)
                    predLength -= Overlap(new TextSpan(fragments[k - 1].End, Math.Max(fragments[k - 1].End, fragments[k].Start)), q);
                if (overlap == 0) continue;
                var ok = rule switch
                {
                    MatchRule.Strict => 2 * overlap >= goldLength && 2 * overlap >= predLength,
                    MatchRule.Lenient => 2 * overlap >= goldLength,
                    _ => q.Start == fragments.Min(f => f.Start) && q.End == fragments.Max(f => f.End),
                };
                if (ok) candidates.Add((overlap, g, p));
            }
        }
        candidates.Sort((a, b) => a.Overlap != b.Overlap ? b.Overlap.CompareTo(a.Overlap)
            : a.Gold != b.Gold ? a.Gold.CompareTo(b.Gold) : a.Predicted.CompareTo(b.Predicted));
        var goldUsed = new bool[gold.Count];
        var predUsed = new bool[predicted.Count];
        var pairs = new List<(int, int)>();
        foreach (var (_, g, p) in candidates)
        {
            if (goldUsed[g] || predUsed[p]) continue;
            goldUsed[g] = predUsed[p] = true;
            pairs.Add((g, p));
        }
        pairs.Sort();
        return pairs;
    }

    /// <summary>Whether the quote's speaker is the gold Source (by span or by any mention of its actor).</summary>
    public static bool Attributed(GoldContent gold, QuoteRecord quote, IReadOnlyList<ActorRecord> actors)
    {
        if (gold.Source.Count == 0 || quote.Speaker is not { } speaker) return false;
        if (speaker.Start is { } s && speaker.End is { } e && OverlapsSource(gold, new TextSpan(s, e))) return true;
        if (speaker.Actor is not { } actorId) return false;
        foreach (var actor in actors)
        {
            if (actor.Id != actorId) continue;
            foreach (var m in actor.Mentions)
                if (OverlapsSource(gold, new TextSpan(m.Start, m.End))) return true;
        }
        return false;
    }

    static bool OverlapsSource(GoldContent gold, TextSpan span)
    {
        foreach (var f in gold.Source)
            if (Overlap(f, span) > 0) return true;
        return false;
    }

    static int Overlap(TextSpan a, TextSpan b) => Math.Max(0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));
}
