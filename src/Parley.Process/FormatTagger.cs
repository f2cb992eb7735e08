using Parley.Actors;
using Parley.Core;
using Parley.ProcessLayer.Knowledge;
using Parley.ProcessLayer.Text;

namespace Parley.ProcessLayer;

/// <summary>
/// The formats stage: multilateral formats named in an article (cue table of knowledge/process/formats.tsv), their
/// numbered rounds, the members and roles the text states, format-level changes (launched, end proposed, ...) and the
/// events that belong to them. Knowledge is loaded once; an instance is immutable and thread-safe.
/// </summary>
public sealed class FormatTagger
{
    readonly ProcessKnowledge _kb;
    /// <summary>Sentences back a format named earlier still governs an unnamed round, role or change.</summary>
    const int Discourse = 3;

    public FormatTagger(ProcessKnowledge kb) => _kb = kb;

    public static FormatTagger Load(ActorKnowledge? actors = null, string? directory = null) =>
        new(ProcessKnowledge.Load(actors ?? ActorKnowledge.LoadDefault(), directory));

    public ProcessKnowledge Knowledge => _kb;

    sealed class Acc(FormatInfo info)
    {
        public readonly FormatInfo Info = info;
        public readonly FormatMentionRecord Record = new() { Format = info.Id, Name = info.Name };
        public readonly HashSet<string> Events = new(StringComparer.Ordinal);
    }

    readonly record struct Named(FormatInfo Format, int First, int Last);

    public List<FormatMentionRecord> Tag(FormatInput input)
    {
        var ix = new ArticleIndex(input.Text, input.Sentences, input.Actors, input.Timexes);
        var accs = new Dictionary<string, Acc>(StringComparer.Ordinal);
        Acc Get(FormatInfo f) => accs.TryGetValue(f.Id, out var a) ? a : accs[f.Id] = new Acc(f);
        var eventsBySentence = input.Events.Where(e => e.Sentence >= 0).ToLookup(e => e.Sentence);
        FormatInfo? recent = null;
        var recentSentence = -100;

        for (var s = 0; s < ix.Count; s++)
        {
            if (!ix.Valid(s)) continue;
            var toks = ix.Tokens(s);
            var named = new List<Named>();
            for (var i = 0; i < toks.Count;)
            {
                var len = _kb.FormatNames.Longest(toks, i, toks.Count, out var vals);
                if (len == 0) { i++; continue; }
                named.Add(new Named(vals![0], i, i + len - 1));
                i += len;
            }
            foreach (var n in named)
                Get(n.Format).Record.Mentions.Add(new FormatSpanRecord
                {
                    Text = input.Text[toks[n.First].Start..toks[n.Last].End], Start = toks[n.First].Start, End = toks[n.Last].End, Sentence = s,
                });
            if (named.Count > 0) { recent = named[^1].Format; recentSentence = s; }
            var context = named.Count > 0 ? named[0].Format : s - recentSentence <= Discourse ? recent : null;

            var rounds = Rounds(input, ix, s, toks, named, context, eventsBySentence[s]);
            foreach (var (f, r) in rounds) (Get(f).Record.Rounds ??= []).Add(r);
            var sentenceFormat = named.Count > 0 ? named[0].Format : rounds.Count > 0 ? rounds[0].Format : null;
            if (sentenceFormat is not null)
                foreach (var e in eventsBySentence[s]) Get(sentenceFormat).Events.Add(e.Id);
            if (context is null && sentenceFormat is null) continue;
            var owner = sentenceFormat ?? context!;
            Members(ix, s, toks, named, owner, Get(owner).Record, input.Published);
            if (sentenceFormat is not null) Facts(input, ix, s, toks, named, rounds, sentenceFormat, Get(sentenceFormat).Record, eventsBySentence[s]);
        }

        // events whose participants are exactly a format's active core, with no cue
        var inferred = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var e in input.Events)
        {
            if (e.Type is not ("CONSULT" or "AGREE") || accs.Values.Any(a => a.Events.Contains(e.Id))) continue;
            var sides = e.Source.Concat(e.Target).Select(r => r.Country).OfType<string>().ToHashSet(StringComparer.Ordinal);
            if (sides.Count < 3 || e.Source.Concat(e.Target).Any(r => r.Country is null)) continue;
            foreach (var f in _kb.Formats.Values)
                if (Core(f, e.Date ?? input.Published) is { } core && core.Any(c => c.SetEquals(sides)))
                {
                    var acc = Get(f);
                    (acc.Record.InferredEvents ??= []).Add(e.Id);
                }
        }

        var result = new List<FormatMentionRecord>();
        foreach (var a in accs.Values)
        {
            a.Record.Events = input.Events.Where(e => a.Events.Contains(e.Id)).Select(e => e.Id).ToList();
            foreach (var r in a.Record.Rounds ?? [])
                if (r.Event is { } id && !a.Record.Events.Contains(id)) a.Record.Events.Add(id);
            result.Add(a.Record);
        }
        return result;
    }

    /// <summary>The member sets an event may match: every active non-observer member, and the guarantors alone.</summary>
    List<HashSet<string>>? Core(FormatInfo f, string? date)
    {
        if (!_kb.Members.TryGetValue(f.Id, out var members)) return null;
        if (date is not null && !KbDate.Covers(f.Start, f.End, date)) return null;
        var active = members.Where(m => date is null || KbDate.Covers(m.Start, m.End, date)).ToList();
        var all = active.Where(m => m.Role is "guarantor" or "mediator" or "party" or "co-chair" or "member").Select(m => m.Member).ToHashSet(StringComparer.Ordinal);
        var guarantors = active.Where(m => m.Role == "guarantor").Select(m => m.Member).ToHashSet(StringComparer.Ordinal);
        var sets = new List<HashSet<string>>();
        if (all.Count >= 3) sets.Add(all);
        if (guarantors.Count >= 3) sets.Add(guarantors);
        return sets;
    }

    // ---------------------------------------------------------------- rounds

    List<(FormatInfo Format, RoundRecord Round)> Rounds(FormatInput input, ArticleIndex ix, int s, List<Tok> toks, List<Named> named,
        FormatInfo? context, IEnumerable<EventRecord> events)
    {
        var found = new List<(FormatInfo, RoundRecord)>();
        for (var i = 0; i < toks.Count; i++)
        {
            int? number = null;
            string? relative = null;
            int first = i, j;
            var n = _kb.Number(toks, i, toks.Count, out var nlen, out var ordinal);
            if (n is { } v && ordinal) { number = v; j = i + nlen; }
            else if (Cue(toks, i, FormatCueKind.Relative, out var rlen) is { } rel) { relative = rel.Value; j = i + rlen; }
            else if (Cue(toks, i, FormatCueKind.Round, out var nounLen) is { Value: "number-after" } && _kb.Number(toks, i + nounLen, toks.Count, out var alen, out _) is { } after)
            {
                // "round 20": the noun capitalised or in a format's sentence
                number = after;
                var end = i + nounLen + alen - 1;
                if (FormatOf(toks, named, i, end, context) is { } f0)
                    found.Add((f0, MakeRound(input, ix, s, toks, i, end, number, null, events)));
                i = end;
                continue;
            }
            else continue;
            // optional format name between the number and the noun ("the 20th Astana round")
            FormatInfo? inside = null;
            var nm = named.FirstOrDefault(x => x.First == j);
            if (nm.Format is not null) { inside = nm.Format; j = nm.Last + 1; }
            int last;
            if (Cue(toks, j, FormatCueKind.Round, out var nounLen2) is not null) last = j + nounLen2 - 1;
            else if (inside is not null && Cue(toks, nm.Last, FormatCueKind.Round, out _) is not null) last = nm.Last;
            else continue;
            var format = inside ?? FormatOf(toks, named, first, last, context);
            if (format is null) continue;
            found.Add((format, MakeRound(input, ix, s, toks, first, last, number, relative, events)));
            i = last;
        }
        return found;
    }

    /// <summary>The format a round belongs to: "of (the) FORMAT" right after it, else one named in the sentence, else the discourse format.</summary>
    static FormatInfo? FormatOf(List<Tok> toks, List<Named> named, int first, int last, FormatInfo? context)
    {
        var k = last + 1;
        if (k < toks.Count && toks[k].Key == "of")
        {
            k++;
            if (k < toks.Count && toks[k].Key == "the") k++;
            foreach (var n in named) if (n.First == k) return n.Format;
        }
        if (named.Count > 0) return named.OrderBy(n => Math.Abs(n.First - first)).First().Format;
        return context;
    }

    RoundRecord MakeRound(FormatInput input, ArticleIndex ix, int s, List<Tok> toks, int first, int last, int? number, string? relative, IEnumerable<EventRecord> events)
    {
        var start = toks[first].Start;
        if (first > 0 && toks[first - 1].Key == "the") start = toks[first - 1].Start;
        var r = new RoundRecord { Number = number, Relative = relative, Text = input.Text[start..toks[last].End], Start = start, End = toks[last].End, Sentence = s };
        var ev = events.Where(e => e.Type == "CONSULT").OrderBy(e => e.Trigger is null ? 1 : 0).FirstOrDefault()
                 ?? events.FirstOrDefault(e => e.Type is "AGREE" or "REQUEST");
        if (ev is not null && ev.Type == "CONSULT")
        {
            r.Event = ev.Id;
            r.Location = ev.Location?.Name;
        }
        if (RoundDate(ix, s) is { } d) { r.Date = d.Value; r.DateText = d.Text; }
        else if (ev is { Date: { } ed, DateSource: not "published" })
        {
            r.Date = ed;
            r.DateText = ev.DateText;
        }
        return r;
    }

    /// <summary>
    /// A date of the sentence; a bare day ("on the 20th ... of the month") takes its month from the last month named in the
    /// sentences just before, since the time stage anchors it on the publication month.
    /// </summary>
    (string Value, string Text)? RoundDate(ArticleIndex ix, int s)
    {
        var t = ix.TimexesBySentence[s].FirstOrDefault(x => ArticleIndex.IsDate(x.Value));
        if (t is null) return null;
        if (t.Value!.Length == 10 && DayOnly(t.Text))
            for (var p = s - 1; p >= Math.Max(0, s - 2); p--)
                foreach (var prev in ix.TimexesBySentence[p].AsEnumerable().Reverse())
                    if (prev.Value is { Length: >= 7 } pv && ArticleIndex.IsDate(pv) && !DayOnly(prev.Text))
                        return (pv[..7] + t.Value[7..], t.Text);
        return (t.Value, t.Text);
    }

    bool DayOnly(string text)
    {
        foreach (var tok in Tokens.Of(text))
        {
            if (tok.Punct) continue;
            if (_kb.Number(new List<Tok> { tok }, 0, 1, out _, out var ord) is not null && ord) continue;
            if (Cue(new List<Tok> { tok }, 0, FormatCueKind.DayWord, out _) is not null) continue;
            return false;
        }
        return true;
    }

    FormatCue? Cue(List<Tok> toks, int i, FormatCueKind kind, out int length)
    {
        length = 0;
        if (i >= toks.Count) return null;
        var len = _kb.FormatCues.Longest(toks, i, toks.Count, out var vals);
        if (len == 0) return null;
        foreach (var v in vals!)
            if (v.Kind == kind) { length = len; return v; }
        return null;
    }

    // ---------------------------------------------------------------- members

    void Members(ArticleIndex ix, int s, List<Tok> toks, List<Named> named, FormatInfo format, FormatMentionRecord record, string? published)
    {
        for (var i = 0; i < toks.Count; i++)
        {
            var role = Cue(toks, i, FormatCueKind.Role, out var rlen);
            if (role?.Value is null) continue;
            var found = new List<Mention>();
            // "... as (a|an|the)? (three)? ROLE"
            var k = i - 1;
            while (k >= 0 && (toks[k].Key is "a" or "an" or "the" || _kb.Number(toks, k, k + 1, out _, out var ord) is not null && !ord)) k--;
            if (k >= 0 && toks[k].Key == "as")
            {
                var b = k;
                // "X joined the FORMAT as an observer"
                var nm = named.FirstOrDefault(x => x.Last == b - 1);
                if (nm.Format is not null)
                {
                    var v = nm.First - 1;
                    if (v >= 0 && toks[v].Key == "the") v--;
                    if (v >= 0 && JoinBefore(toks, v) is { } jstart) b = jstart;
                }
                found = ListBefore(ix, toks, b, named);
            }
            else if (k >= 0 && toks[k].Key == ",")
            {
                // apposition: "Russia, Turkey and Iran, the three guarantors"
                found = ListBefore(ix, toks, k, named);
            }
            if (found.Count == 0)
            {
                // "the guarantors, Russia, Turkey and Iran" / "guarantor states Russia, Turkey and Iran"
                var f = i + rlen;
                if (f < toks.Count && toks[f].Key is "," or ":") f++;
                found = ListAfter(ix, toks, f, named);
            }
            foreach (var m in found)
                foreach (var a in ix.Expand(m.Actor))
                {
                    if (a.Kind is "person") continue;
                    if (record.Members?.Any(x => x.Actor.Actor == a.Id && x.Role == role.Value) == true) continue;
                    var known = KnownRole(format, a, published);
                    (record.Members ??= []).Add(new FormatMemberRecord
                    {
                        Actor = ArticleIndex.Ref(a), Role = role.Value, Cue = role.Phrase, KnownRole = known is not null && known != role.Value ? known : null,
                        Sentence = s, Start = m.Start, End = m.End,
                    });
                }
            i += rlen - 1;
        }
    }

    int? JoinBefore(List<Tok> toks, int v)
    {
        for (var st = Math.Max(0, v - 2); st <= v; st++)
            if (Cue(toks, st, FormatCueKind.Join, out var len) is not null && st + len - 1 == v) return st;
        return null;
    }

    string? KnownRole(FormatInfo f, ActorRecord a, string? date)
    {
        if (!_kb.Members.TryGetValue(f.Id, out var members)) return null;
        var key = MemberKey(a);
        return members.FirstOrDefault(m => m.Member == key && (date is null || KbDate.Covers(m.Start, m.End, date)))?.Role
               ?? members.FirstOrDefault(m => m.Member == key)?.Role;
    }

    /// <summary>A member's id in members.tsv: the ISO3 of a state, the organizations.tsv id of an organization.</summary>
    internal string? MemberKey(ActorRecord a) =>
        a.Kind == "state" ? a.Country : _kb.OrgIdByName.GetValueOrDefault(ProcessKnowledge.Fold(a.Name)) ?? a.Country;

    /// <summary>The actor list that ends just before token <paramref name="end"/>: mentions joined by commas, "and", list words.</summary>
    List<Mention> ListBefore(ArticleIndex ix, List<Tok> toks, int end, List<Named> named)
    {
        var list = new List<Mention>();
        var k = end - 1;
        while (k >= 0)
        {
            if (toks[k].Key is "," or "and" or "as" or "well") { k--; continue; }
            if (ListerEndingAt(toks, k) is { } ls) { k = ls - 1; continue; }
            if (named.Any(n => n.First <= k && n.Last >= k)) break;
            var m = ix.MentionCovering(toks[k].Start, toks[k].End);
            if (m is null) break;
            list.Insert(0, m.Value);
            k = ArticleIndex.TokenAt(toks, m.Value.Start) - 1;
        }
        return list;
    }

    List<Mention> ListAfter(ArticleIndex ix, List<Tok> toks, int from, List<Named> named)
    {
        var list = new List<Mention>();
        var k = from;
        while (k < toks.Count)
        {
            if (toks[k].Key is "," or "and") { k++; continue; }
            if (Cue(toks, k, FormatCueKind.Lister, out var len) is not null) { k += len; continue; }
            if (named.Any(n => n.First <= k && n.Last >= k)) break;
            var m = ix.MentionCovering(toks[k].Start, toks[k].End);
            if (m is null) break;
            list.Add(m.Value);
            var next = ArticleIndex.TokenAt(toks, m.Value.End);
            if (next <= k) break;
            k = next;
        }
        return list;
    }

    int? ListerEndingAt(List<Tok> toks, int k)
    {
        for (var st = Math.Max(0, k - 2); st <= k; st++)
            if (Cue(toks, st, FormatCueKind.Lister, out var len) is not null && st + len - 1 == k) return st;
        return null;
    }

    // ---------------------------------------------------------------- facts

    void Facts(FormatInput input, ArticleIndex ix, int s, List<Tok> toks, List<Named> named, List<(FormatInfo Format, RoundRecord Round)> rounds,
        FormatInfo format, FormatMentionRecord record, IEnumerable<EventRecord> events)
    {
        var anchors = named.Select(n => n.First).Concat(rounds.Select(r => ArticleIndex.TokenAt(toks, r.Round.Start))).ToList();
        for (var i = 0; i < toks.Count; i++)
        {
            var cue = Cue(toks, i, FormatCueKind.Fact, out var len) ?? Cue(toks, i, FormatCueKind.Join, out len);
            if (cue?.Value is null) continue;
            if (!anchors.Any(a => Math.Abs(a - i) <= 12)) { i += len - 1; continue; }
            var at = toks[i].Start;
            var ev = events.Where(e => e.Trigger is { Length: > 0 } tr && TriggerAt(input.Text, ix[s], tr) is { } to && Math.Abs(to - at) <= 30)
                .OrderBy(e => Math.Abs((TriggerAt(input.Text, ix[s], e.Trigger!) ?? 0) - at)).FirstOrDefault();
            ActorRef? actor = ev?.Source.FirstOrDefault();
            actor ??= SubjectBefore(ix, toks, i, named) is { } m ? ArticleIndex.Ref(m.Actor) : null;
            if (actor is null && input.Quotes.FirstOrDefault(q => q.Where is null && q.Start <= at && q.End > at)?.Speaker is { } sp && sp.Name is not null)
                actor = new ActorRef { Actor = sp.Actor, Name = sp.Name, Code = sp.Code, Country = sp.Country };
            var date = ix.TimexesBySentence[s].Where(t => ArticleIndex.IsDate(t.Value)).OrderBy(t => Math.Abs(t.Start - at) + (t.Start < at ? 20 : 0)).FirstOrDefault()?.Value
                       ?? (ev?.DateSource == "text" ? ev.Date : null);
            (record.Facts ??= []).Add(new FormatFactRecord
            {
                Kind = cue.Value, Cue = input.Text[toks[i].Start..toks[i + len - 1].End], Actor = actor, Event = ev?.Id, Date = date,
                Sentence = s, Start = toks[i].Start, End = toks[i + len - 1].End,
            });
            i += len - 1;
        }
    }

    static int? TriggerAt(string text, TextSpan sentence, string trigger)
    {
        var at = text.IndexOf(trigger, sentence.Start, sentence.End - sentence.Start, StringComparison.Ordinal);
        return at < 0 ? null : at;
    }

    /// <summary>The nearest actor mention before token i in its clause that is not a preposition's object or the format itself.</summary>
    Mention? SubjectBefore(ArticleIndex ix, List<Tok> toks, int i, List<Named> named)
    {
        for (var k = i - 1; k >= 0 && k >= i - 12; k--)
        {
            if (toks[k].Key is ";" or ":") break;
            if (named.Any(n => n.First <= k && n.Last >= k)) continue;
            if (ix.MentionCovering(toks[k].Start, toks[k].End) is not { } m) continue;
            var before = ArticleIndex.TokenAt(toks, m.Start) - 1;
            if (before >= 0 && _kb.Prepositions.Contains(toks[before].Key)) { k = before; continue; }
            return m;
        }
        return null;
    }
}
