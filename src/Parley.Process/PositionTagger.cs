using Parley.Actors;
using Parley.Core;
using Parley.ProcessLayer.Knowledge;
using Parley.ProcessLayer.Text;

namespace Parley.ProcessLayer;

/// <summary>
/// The positions stage: for each quote (its speaker), each event (its source actors) and each statement sentence
/// ("the Syrian government insists on ..."), the issues of knowledge/process/issues.tsv it concerns and the holder's
/// stance on them — supports, opposes, or conditions (with the condition and its issue) — dated and linked to the
/// evidence. Knowledge is loaded once; an instance is immutable and thread-safe.
/// </summary>
public sealed class PositionTagger
{
    readonly ProcessKnowledge _kb;

    public PositionTagger(ProcessKnowledge kb) => _kb = kb;

    public static PositionTagger Load(ActorKnowledge? actors = null, string? directory = null) =>
        new(ProcessKnowledge.Load(actors ?? ActorKnowledge.LoadDefault(), directory));

    internal sealed record IssueHit(IssueCue Cue, int First, int Last)
    {
        public bool Used { get; set; }
    }

    internal sealed record StanceHit(StanceCue Cue, int First, int Last);

    /// <summary>One stance found in a token range: the issue words, the stance, its cue and the condition.</summary>
    internal sealed record Finding(IssueHit Hit, string Stance, StanceHit? Cue, string CueText, (int First, int Last, string? Issue)? Condition, double Confidence);

    public PositionResult Tag(PositionInput input)
    {
        var ix = new ArticleIndex(input.Text, input.Sentences, input.Actors, input.Timexes);
        var result = new PositionResult();
        var quoted = new List<(int Start, int End)>();

        foreach (var q in input.Quotes)
        {
            if (q.Where is not null || q.Start < 0 || q.End > input.Text.Length || q.Start >= q.End) continue;
            quoted.Add((q.Start, q.End));
            var holder = q.Speaker is { Name: not null } sp ? new ActorRef { Actor = sp.Actor, Name = sp.Name, Code = sp.Code, Country = sp.Country } : null;
            var conf = 0.7;
            var s0 = q.Sentence >= 0 ? q.Sentence : ix.SentenceOf(q.Start);
            if (holder is null && s0 >= 0 && NearestBefore(ix, s0, q.Start) is { } m)
            {
                holder = ArticleIndex.Ref(m.Actor);
                conf = 0.45;
            }
            var issues = new SortedSet<string>(StringComparer.Ordinal);
            for (var s = Math.Max(0, s0); s < ix.Count && ix.Valid(s) && ix[s].Start < q.End; s++)
            {
                if (ix[s].End <= q.Start) continue;
                var toks = ix.Tokens(s);
                int a = ArticleIndex.TokenAt(toks, q.Start), b = ArticleIndex.TokenAt(toks, q.End);
                var hits = Issues(toks, a, b);
                foreach (var h in hits) issues.Add(h.Cue.Issue.Id);
                if (holder is null) continue;
                foreach (var f in Analyze(toks, a, b, hits, null))
                {
                    var who = f.Cue is { } c && (c.Cue.Verb ? SubjectBefore(ix, toks, c.First, a) : PossessorBefore(ix, toks, c.First, a) ?? VerbSubjectBefore(ix, toks, c.First, a)) is { } subj
                        ? ArticleIndex.Ref(subj.Actor) : holder;
                    var (date, source) = SentenceDate(ix, s, input.Published);
                    foreach (var h in Holders(ix, who))
                        Add(result.Positions, Make(input.Text, toks, s, h, f, date, source, conf, q.Id, null));
                }
            }
            if (issues.Count > 0) result.QuoteIssues[q.Id] = [.. issues];
        }

        foreach (var e in input.Events)
        {
            if (e.Sentence < 0 || !ix.Valid(e.Sentence)) continue;
            var s = e.Sentence;
            var toks = ix.Tokens(s);
            var hits = Issues(toks, 0, toks.Count);
            if (hits.Count == 0) continue;
            result.EventIssues[e.Id] = hits.Select(h => h.Cue.Issue.Id).Distinct().OrderBy(x => x, StringComparer.Ordinal).ToList();
            var trig = TriggerToken(input.Text, ix[s], toks, e.Trigger);
            var (a, b) = ClauseOf(toks, trig);
            // what a quote says is its speaker's; the event's own words are outside quotes
            var clauseHits = hits.Where(h => h.First >= a && h.Last < b && !quoted.Exists(r => r.Start <= toks[h.First].Start && toks[h.First].Start < r.End)).ToList();
            if (clauseHits.Count == 0) continue;
            string? typeStance = e.Type switch
            {
                "REQUEST" or "DEMAND" or "AGREE" or "SUPPORT" => "supports",
                "REJECT" => "opposes",
                _ => null,
            };
            if (e.Negated && typeStance is not null) typeStance = typeStance == "supports" ? "opposes" : null;
            var findings = Analyze(toks, a, b, clauseHits, typeStance, trig);
            var holders = e.Source.ToList();
            if (e.Type is "AGREE" or "CONSULT" or "COOPERATE") holders.AddRange(e.Target);
            var date = e.Date;
            var source = e.DateSource == "published" ? "published" : e.Date is null ? null : "event";
            if (date is null) (date, source) = SentenceDate(ix, s, input.Published);
            foreach (var f in findings)
                foreach (var h in holders)
                    Add(result.Positions, Make(input.Text, toks, s, h, f, date, source, f.Cue is null ? 0.5 : 0.65, null, e.Id));
        }

        // statements: a stance verb with an actor subject, outside quotes
        for (var s = 0; s < ix.Count; s++)
        {
            if (!ix.Valid(s)) continue;
            var toks = ix.Tokens(s);
            var hits = Issues(toks, 0, toks.Count);
            if (hits.Count == 0) continue;
            foreach (var f in Analyze(toks, 0, toks.Count, hits, null))
            {
                if (f.Cue is not { Cue.Verb: true } c) continue;
                var at = toks[c.First].Start;
                if (quoted.Exists(r => r.Start <= at && at < r.End)) continue;
                if (SubjectBefore(ix, toks, c.First, 0) is not { } subj) continue;
                var (date, source) = SentenceDate(ix, s, input.Published);
                foreach (var h in Holders(ix, ArticleIndex.Ref(subj.Actor)))
                    Add(result.Positions, Make(input.Text, toks, s, h, f, date, source, 0.6, null, null));
            }
        }
        // a quote's position and the event coded from the same words: one piece of evidence
        foreach (var p in result.Positions)
        {
            if (p.Quote is null || p.Event is not null || p.Actor.Country is not { } country) continue;
            p.Event = input.Events.Where(e => e.Sentence == p.Sentence && e.Source.Exists(x => x.Country == country))
                .OrderBy(e => e.Type is "REQUEST" or "DEMAND" or "REJECT" or "AGREE" or "SUPPORT" ? 0 : 1).FirstOrDefault()?.Id;
        }
        result.Positions.Sort((x, y) => x.Sentence != y.Sentence ? x.Sentence.CompareTo(y.Sentence) : x.Start.CompareTo(y.Start));
        return result;
    }

    // ---------------------------------------------------------------- analysis of a token range

    /// <summary>The issue cues in [a, b): longest match, confirmed where the cue needs it, same-issue cues close together merged.</summary>
    internal List<IssueHit> Issues(List<Tok> toks, int a, int b)
    {
        var hits = new List<IssueHit>();
        for (var i = a; i < b;)
        {
            var len = _kb.IssueCues.Longest(toks, i, b, out var vals);
            if (len == 0) { i++; continue; }
            var cue = vals!.FirstOrDefault(v => !v.NeedsConfirm || Confirmed(toks, v.Issue.Id, i, i + len - 1, a, b));
            if (cue is not null)
            {
                if (hits.Count > 0 && hits[^1].Cue.Issue == cue.Issue && i - hits[^1].Last <= 4)
                    hits[^1] = hits[^1] with { Last = i + len - 1 };
                else hits.Add(new IssueHit(cue, i, i + len - 1));
            }
            i += len;
        }
        return hits;
    }

    bool Confirmed(List<Tok> toks, string issue, int first, int last, int a, int b)
    {
        if (!_kb.Confirm.TryGetValue(issue, out var phrases) || phrases.Count == 0) return true;
        for (var p = Math.Max(a, first - 6); p <= Math.Min(b - 1, last + 6); p++)
        {
            if (p >= first && p <= last) continue;
            foreach (var ph in phrases)
                if (PhraseAt(toks, p, b, ph)) return true;
        }
        return false;
    }

    bool PhraseAt(List<Tok> toks, int p, int b, string[] phrase)
    {
        var k = p;
        foreach (var w in phrase)
        {
            if (k >= b) return false;
            if (w == "@country")
            {
                var len = _kb.Countries.Longest(toks, k, b, out _);
                if (len == 0) return false;
                k += len;
                continue;
            }
            if (w != "*" && toks[k].Key != w) return false;
            k++;
        }
        return true;
    }

    List<StanceHit> Stances(List<Tok> toks, int a, int b, List<IssueHit> hits)
    {
        var list = new List<StanceHit>();
        for (var i = a; i < b;)
        {
            var len = _kb.StanceCues.Longest(toks, i, b, out var vals);
            if (len == 0 || hits.Exists(h => i <= h.Last && i + len - 1 >= h.First)) { i++; continue; }
            list.Add(new StanceHit(vals![0], i, i + len - 1));
            i += len;
        }
        return list;
    }

    bool IsBreak(Tok t) => _kb.ClauseBreaks.Contains(t.Key);
    bool IsNegator(Tok t) => _kb.Negators.Contains(t.Key) || t.Key.EndsWith("n't", StringComparison.Ordinal);

    /// <summary>The stances in [a, b) over the given issue hits; <paramref name="fallback"/> is the stance of issues no cue governs (an event's type).</summary>
    internal List<Finding> Analyze(List<Tok> toks, int a, int b, List<IssueHit> hits, string? fallback, int fallbackFrom = 0)
    {
        foreach (var h in hits) h.Used = false;
        var stances = Stances(toks, a, b, hits);
        var findings = new List<Finding>();
        int ClauseStart(int i) { while (i > a && !IsBreak(toks[i - 1])) i--; return i; }
        int ClauseEnd(int i) { while (i < b && !IsBreak(toks[i])) i++; return i; }

        // conditions first
        foreach (var c in stances.Where(x => x.Cue.Kind is StanceKind.ConditionAfter or StanceKind.ConditionBefore))
        {
            int cs = ClauseStart(c.First), ce = ClauseEnd(c.Last + 1);
            var before = hits.LastOrDefault(h => !h.Used && h.Last < c.First && h.First >= cs);
            var after = hits.FirstOrDefault(h => !h.Used && h.First > c.Last && h.Last < ce);
            if (c.Cue.Kind == StanceKind.ConditionAfter)
            {
                var condEnd = ce;
                var nextCond = stances.FirstOrDefault(x => x.First > c.Last && x.First < ce && x.Cue.Kind is StanceKind.ConditionAfter or StanceKind.ConditionBefore);
                if (nextCond is not null) condEnd = nextCond.First;
                if (condEnd <= c.Last + 1) continue;
                // "until 2016" is a time, not a condition
                if (toks[c.Last + 1].IsDigit || toks.Skip(c.Last + 1).Take(condEnd - c.Last - 1).Count(t => t.IsWord) < 2) continue;
                var cond = (c.Last + 1, condEnd - 1, after is not null && after.First < condEnd ? after.Cue.Issue.Id : null);
                if (before is not null)
                {
                    var gov = Governing(toks, stances, before, cs, c.First);
                    var text = gov is null ? Phrase(toks, c) : Phrase(toks, gov) + " … " + Phrase(toks, c);
                    findings.Add(new Finding(before, "conditions", gov ?? c, text, cond, 0.7));
                    before.Used = true;
                }
                // whoever sets a condition wants it met; without a conditioned issue ("a world without X") nothing is said
                if (before is not null && after is not null && after.First < condEnd && !after.Cue.Inverted)
                {
                    findings.Add(new Finding(after, "supports", c, Phrase(toks, c), null, before is null ? 0.55 : 0.45));
                    after.Used = true;
                }
            }
            else
            {
                // "X is a prerequisite for Y": X is demanded, Y depends on X
                if (before is null) continue;
                findings.Add(new Finding(before, before.Cue.Inverted ? "opposes" : "supports", c, Phrase(toks, c), null, 0.65));
                before.Used = true;
                if (after is not null)
                {
                    var condLast = before.Last;
                    while (condLast + 1 < c.First && !_kb.Copulas.Contains(toks[condLast + 1].Key)) condLast++;
                    var condFirst = before.First;
                    while (condFirst > cs && condFirst > before.First - 3 && (toks[condFirst - 1].Key is "the" or "a" or "an" || _kb.Countries.Longest(toks, condFirst - 1, condFirst, out _) > 0)) condFirst--;
                    findings.Add(new Finding(after, "conditions", c, Phrase(toks, c), (condFirst, condLast, before.Cue.Issue.Id), 0.65));
                    after.Used = true;
                }
            }
        }

        foreach (var h in hits)
        {
            if (h.Used) continue;
            int cs = ClauseStart(h.First), ce = ClauseEnd(h.Last + 1);
            var gov = Governing(toks, stances, h, cs, h.First);
            var confidence = 0.7;
            if (gov is null)
            {
                // copular predicate after the issue: "the withdrawal ... is not feasible"
                gov = stances.FirstOrDefault(x => x.First > h.Last && x.First < ce && x.First - h.Last <= 8 && x.Cue.Kind is StanceKind.Supports or StanceKind.Opposes
                    && !hits.Exists(o => o != h && o.First > h.Last && o.First < x.First)
                    && Enumerable.Range(h.Last + 1, x.First - h.Last - 1).Any(k => toks[k].Key != "," && _kb.Copulas.Contains(toks[k].Key)));
                confidence = 0.6;
            }
            string? stance;
            if (gov is null)
            {
                // "will not withdraw" without a cue: the issue word itself negated
                if (h.First > cs && Negated(toks, h.First, cs)) stance = h.Cue.Inverted ? null : "opposes";
                else stance = h.First > fallbackFrom ? fallback is null ? null : h.Cue.Inverted ? (fallback == "supports" ? "opposes" : "supports") : fallback : null;
                confidence = 0.5;
                if (stance is null) continue;
            }
            else
            {
                stance = gov.Cue.Kind == StanceKind.Supports ? "supports" : "opposes";
                if (Negated(toks, gov.First, cs)) stance = stance == "supports" ? "opposes" : null;
                // "end its support for X": an opposing cue over a supporting one
                else if (stance == "supports" && stances.LastOrDefault(x => x.Last < gov.First && x.First >= cs && gov.First - x.Last <= 3) is { Cue.Kind: StanceKind.Opposes } outer)
                {
                    stance = "opposes";
                    gov = outer;
                }
                if (stance is null) continue;
                if (h.Cue.Inverted) stance = stance == "supports" ? "opposes" : "supports";
            }
            findings.Add(new Finding(h, stance, gov, gov is null ? "" : Phrase(toks, gov), null, confidence));
            h.Used = true;
        }
        return findings;
    }

    /// <summary>The nearest supports/opposes cue before the issue in its clause, within 10 words.</summary>
    static StanceHit? Governing(List<Tok> toks, List<StanceHit> stances, IssueHit h, int clauseStart, int before) =>
        stances.LastOrDefault(x => x.Last < before && x.First >= clauseStart && h.First - x.Last <= 10 && x.Cue.Kind is StanceKind.Supports or StanceKind.Opposes);

    bool Negated(List<Tok> toks, int at, int clauseStart)
    {
        for (var k = at - 1; k >= Math.Max(clauseStart, at - 3); k--)
            if (IsNegator(toks[k])) return true;
        return false;
    }

    static string Phrase(List<Tok> toks, StanceHit c) => string.Join(' ', toks.Skip(c.First).Take(c.Last - c.First + 1).Select(t => t.Key));

    // ---------------------------------------------------------------- records

    PositionRecord Make(string text, List<Tok> toks, int s, ActorRef holder, Finding f, string? date, string? dateSource, double confidence, string? quote, string? ev)
    {
        var p = new PositionRecord
        {
            Actor = holder, Issue = f.Hit.Cue.Issue.Id, Stance = f.Stance, Cue = f.CueText.Length == 0 ? null : f.CueText,
            Date = date, DateSource = dateSource, Quote = quote, Event = ev, Sentence = s,
            Start = toks[f.Hit.First].Start, End = toks[f.Hit.Last].End,
            Confidence = Math.Round(Math.Min(confidence, f.Confidence + (confidence - 0.6)), 2),
        };
        if (f.Condition is { } c)
            p.Condition = new ConditionRecord { Text = text[toks[c.First].Start..toks[c.Last].End], Start = toks[c.First].Start, End = toks[c.Last].End, Issue = c.Issue };
        var targets = Targets(toks, f.Hit);
        if (targets.Count > 0) p.Targets = targets;
        return p;
    }

    /// <summary>Countries named with a target head word next to the issue ("Turkish forces", "Turkish withdrawal", "withdrawal of Turkish military units").</summary>
    List<string> Targets(List<Tok> toks, IssueHit h)
    {
        var found = new List<string>();
        if (!_kb.TargetHeads.TryGetValue(h.Cue.Issue.Id, out var heads) || heads.Count == 0) return found;
        for (var p = Math.Max(0, h.First - 2); p <= Math.Min(toks.Count - 1, h.Last + 6); p++)
        {
            var len = _kb.Countries.Longest(toks, p, toks.Count, out var vals);
            if (len == 0) continue;
            if (p > 0 && toks[p - 1].Key is "from" or "in" or "into" or "on") { p += len - 1; continue; }
            for (var k = p + len; k < Math.Min(toks.Count, p + len + 3); k++)
                if (heads.Contains(toks[k].Key))
                {
                    if (!found.Contains(vals![0].Iso3)) found.Add(vals[0].Iso3);
                    break;
                }
            p += len - 1;
        }
        return found;
    }

    /// <summary>Merges a position into the list: one per holder, issue, stance and sentence; evidence ids and the best confidence kept.</summary>
    static void Add(List<PositionRecord> list, PositionRecord p)
    {
        var key = p.Actor.Country ?? p.Actor.Actor ?? p.Actor.Name;
        var same = list.Find(x => x.Sentence == p.Sentence && x.Issue == p.Issue && x.Stance == p.Stance && (x.Actor.Country ?? x.Actor.Actor ?? x.Actor.Name) == key);
        if (same is null)
        {
            // one holder, one issue, one sentence: a cue-based stance beats an event type's default
            var other = list.Find(x => x.Sentence == p.Sentence && x.Issue == p.Issue && (x.Actor.Country ?? x.Actor.Actor ?? x.Actor.Name) == key);
            if (other is not null && other.Cue is null && p.Cue is not null) list.Remove(other);
            else if (other is not null && other.Cue is not null && p.Cue is null) { other.Event ??= p.Event; return; }
            list.Add(p);
            return;
        }
        same.Quote ??= p.Quote;
        same.Event ??= p.Event;
        same.Condition ??= p.Condition;
        same.Targets ??= p.Targets;
        if (p.Confidence > same.Confidence) same.Confidence = p.Confidence;
    }

    (string? Date, string? Source) SentenceDate(ArticleIndex ix, int s, string? published)
    {
        var t = ix.TimexesBySentence[s].FirstOrDefault(x => ArticleIndex.IsDate(x.Value));
        if (t is not null) return (t.Value, "text");
        return published is { Length: >= 4 } ? (published.Length >= 10 ? published[..10] : published, "published") : (null, null);
    }

    (int, int) ClauseOf(List<Tok> toks, int at)
    {
        int a = at, b = at;
        while (a > 0 && !IsBreak(toks[a - 1])) a--;
        while (b < toks.Count && !IsBreak(toks[b])) b++;
        return (a, b);
    }

    static int TriggerToken(string text, TextSpan sentence, List<Tok> toks, string? trigger)
    {
        if (trigger is null) return 0;
        var at = text.IndexOf(trigger, sentence.Start, sentence.End - sentence.Start, StringComparison.Ordinal);
        return at < 0 ? 0 : Math.Min(ArticleIndex.TokenAt(toks, at), Math.Max(0, toks.Count - 1));
    }

    /// <summary>The nearest actor mention before token i (not before <paramref name="floor"/>) that is not a preposition's object.</summary>
    Mention? SubjectBefore(ArticleIndex ix, List<Tok> toks, int i, int floor)
    {
        for (var k = i - 1; k >= floor && k >= i - 10; k--)
        {
            if (IsBreak(toks[k]) || toks[k].Key is ":" or "\"" or "\u201c" or "\u201d") return null;
            if (ix.MentionCovering(toks[k].Start, toks[k].End) is not { } m) continue;
            var before = ArticleIndex.TokenAt(toks, m.Start) - 1;
            var possessive = k + 1 < toks.Count && toks[k + 1].Key == "'s" && k + 2 == i;
            if (!possessive && before >= 0 && _kb.Prepositions.Contains(toks[before].Key)) { k = before; continue; }
            if (m.Actor.Kind is "person" or "state" or "org" or "group" or null) return m;
        }
        return null;
    }

    /// <summary>"its desire to", "Ankara's call for": the mention right before a nominal cue.</summary>
    HashSet<string> Possessives => _kb.Possessives;

    /// <summary>A group holder ("Russia and Turkey") stands for its members.</summary>
    static IEnumerable<ActorRef> Holders(ArticleIndex ix, ActorRef holder) =>
        ix.Actor(holder.Actor) is { Members.Count: > 0 } g ? ix.Expand(g).Select(ArticleIndex.Ref) : [holder];

    /// <summary>"The government insists on the necessity of X": a nominal cue's holder is the subject of a stance verb before it in its clause.</summary>
    Mention? VerbSubjectBefore(ArticleIndex ix, List<Tok> toks, int i, int floor)
    {
        for (var k = i - 1; k >= floor && !IsBreak(toks[k]); k--)
        {
            var len = _kb.StanceCues.Longest(toks, k, i, out var vals);
            if (len > 0 && vals![0].Verb && vals[0].Kind is StanceKind.Supports or StanceKind.Opposes) return SubjectBefore(ix, toks, k, floor);
        }
        return null;
    }

    Mention? PossessorBefore(ArticleIndex ix, List<Tok> toks, int i, int floor)
    {
        var k = i - 1;
        if (k < floor) return null;
        if (toks[k].Key == "'s") k--;
        else if (!Possessives.Contains(toks[k].Key)) return null;
        return k < floor ? null : ix.MentionCovering(toks[k].Start, toks[k].End);
    }

    /// <summary>For a quote with no speaker: the nearest actor mention before it in its sentence.</summary>
    static Mention? NearestBefore(ArticleIndex ix, int s, int quoteStart)
    {
        Mention? best = null;
        foreach (var m in ix.MentionsIn(ix[s].Start, quoteStart))
            if (m.End <= quoteStart && (best is null || m.Start > best.Value.Start)) best = m;
        return best;
    }
}
