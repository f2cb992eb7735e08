using System.Globalization;
using Parley.Actors;
using Parley.Core;
using Parley.Events.Analysis;
using Parley.Events.Knowledge;

namespace Parley.Events;

/// <summary>
/// The events stage: PLOVER/CAMEO event coding of an article's sentences, title and captions, with source and
/// target resolved to the actors stage's actors, polarity, modality, date, location and within-article
/// de-duplication. Knowledge (knowledge/events) is loaded once; an instance is immutable and thread-safe.
/// </summary>
public sealed class EventCoder
{
    readonly EventKnowledge _kb;
    static readonly bool Debug = Environment.GetEnvironmentVariable("PARLEY_EVENTS_DEBUG") == "1";

    EventCoder(EventKnowledge kb) => _kb = kb;

    /// <summary>The shipped knowledge/events, with countries (demonyms, capitals) from the given actors knowledge base or the shipped one.</summary>
    public static EventCoder Load(ActorKnowledge? actors = null, string? directory = null) =>
        new(EventKnowledge.Load(directory ?? Parley.Core.Knowledge.PathOf("events"), actors ?? ActorKnowledge.LoadDefault()));

    /// <summary>The CAMEO codes the coder emits, with their labels, Goldstein scores and PLOVER types.</summary>
    public CameoTable Cameo => _kb.Cameo;

    /// <summary>The events of one article; body offsets are into <see cref="EventInput.Text"/>.</summary>
    public List<EventRecord> Code(EventInput input)
    {
        var ctx = new ArticleContext(_kb, input);
        var body = new List<Candidate>();
        for (var s = 0; s < input.Sentences.Count; s++)
        {
            var span = input.Sentences[s];
            if (span.Start < 0 || span.End > input.Text.Length || span.End <= span.Start) continue;
            var unit = UnitBuilder.Body(ctx, s, span);
            body.AddRange(Finish(unit, new UnitCoder(ctx, unit).Run()));
        }
        var extra = new List<Candidate>();
        if (!string.IsNullOrWhiteSpace(input.Title))
        {
            var actors = input.ResolveExtra?.Invoke(input.Title) ?? [];
            var unit = UnitBuilder.Extra(ctx, input.Title, "title", null, actors);
            extra.AddRange(Finish(unit, new UnitCoder(ctx, unit).Run()));
        }
        if (input.ResolveExtra is { } resolve)
            for (var c = 0; c < input.Captions.Count; c++)
            {
                var caption = input.Captions[c];
                if (string.IsNullOrWhiteSpace(caption)) continue;
                var unit = UnitBuilder.Extra(ctx, caption, "caption", c, resolve(caption));
                extra.AddRange(Finish(unit, new UnitCoder(ctx, unit).Run()));
            }
        var events = Merge(Link(body), extra);
        return Emit(events, input);
    }

    // ---------------------------------------------------------------- per unit

    /// <summary>Arguments made whole (compound sides split, recipients found or the event dropped), then dates and places.</summary>
    List<Candidate> Finish(Unit unit, List<Candidate> cands)
    {
        var kept = new List<Candidate>();
        if (Debug)
        {
            Console.Error.WriteLine($"[events] unit {unit.Where} {unit.Sentence}: refs {string.Join(" ", unit.Refs.Select(r => unit.Surface(r.First, r.Last) + "=" + string.Join("+", r.Parties.Select(p => p.Key))))}");
            foreach (var c in cands) Console.Error.WriteLine($"[events]   candidate {c}");
        }
        foreach (var c in cands)
        {
            c.Target.RemoveAll(t => c.Source.Exists(s => s.Identity == t.Identity));
            var type = _kb.Types[c.Type];
            if (type is null) continue;
            var complete = c.Source.Count > 0;
            if (complete && type.Symmetric && c.Target.Count == 0) complete = SplitCompound(c);
            if (complete && !type.Symmetric && c.Target.Count == 0 && type.NeedsTarget) complete = AgainstFallback(unit, c);
            if (complete && c.Source.Count == 1 && c.Target.Count == 1 && c.Source[0].Key == c.Target[0].Key && c.Source[0].Identity == c.Target[0].Identity) complete = false;
            // "visited U.S. troops", "defend America's interests": an act on one's own state is not an interaction
            if (complete && !type.Domestic && c.Target.Count > 0 && c.Target.TrueForAll(t => t.State && c.Source.Exists(s => s.Key == t.Key))) complete = false;
            if (!complete)
            {
                if (c.Anaphoric && unit.Where == "body") { c.Source.Clear(); c.Target.Clear(); kept.Add(c); }
                continue;
            }
            c.Anaphoric = false;
            if (c.Modality == "planned" && type.FutureType is { } ft && type.FutureCameo is { } fc)
            {
                c.Type = ft;
                c.Cameo = fc;
                c.Mode = null;
            }
            var sides = c.Source.Concat(c.Target).Select(p => p.Key).Distinct().Count();
            if (c.Type == "CONSULT" && c.Mode is null or "multilateral") c.Mode = sides >= 3 ? "multilateral" : null;
            kept.Add(c);
        }
        Dates(unit, kept);
        Places(unit, kept);
        foreach (var c in kept)
            if (c.Type == "CONSULT" && c.Mode is null && c.Location?.Country is { } lc && !c.Source.Concat(c.Target).Any(p => p.Key == lc)
                && c.Source.Concat(c.Target).All(p => p.Country is not null))
            {
                c.Mode = "third-party";
                c.Cameo = "044";
            }
        return kept;
    }

    /// <summary>"Putin and Erdogan met": the first-named side is the source, the others the target.</summary>
    static bool SplitCompound(Candidate c)
    {
        var keys = c.Source.Select(p => p.Key).Distinct().ToList();
        if (keys.Count >= 2)
        {
            var first = keys[0];
            c.Target = c.Source.Where(p => p.Key != first).ToList();
            c.Source = c.Source.Where(p => p.Key == first).ToList();
            return true;
        }
        return false;
    }

    /// <summary>A hostile act with no recipient of its own: the party after "against" in the sentence ("an offensive against ... – an offensive threatened by X").</summary>
    bool AgainstFallback(Unit unit, Candidate c)
    {
        // only for a participle with its agent and no patient: "an offensive threatened by X"
        if (_kb.Types[c.Type] is not { AgainstFallback: true } || c.Occ.Pattern.Part != Part.Verb || c.Occ.Last + 1 >= unit.Count || unit.Toks[c.Occ.Last + 1].Key != "by") return false;
        var keys = c.Source.Select(p => p.Key).ToHashSet();
        for (var k = 0; k + 1 < c.Occ.First; k++)
        {
            if (unit.Toks[k].Key != "against") continue;
            for (var j = k + 1; j < Math.Min(unit.Count, k + 7); j++)
                if (unit.RefOf(j) is { } r && !r.Parties.All(p => keys.Contains(p.Key)))
                {
                    c.Target = r.Parties.Where(p => !keys.Contains(p.Key)).ToList();
                    c.Confidence -= 0.1;
                    return true;
                }
        }
        return false;
    }

    /// <summary>
    /// A bare year used as a modifier ("a possible 2016 contender", "the 2020 summit", "China 2025 plan"):
    /// no preposition before it and a word after it, so it names something rather than dating the event.
    /// </summary>
    bool IsAttributiveYear(Unit unit, TimexRecord t)
    {
        if (t.Text.Length != 4 || t.Text.AsSpan().ContainsAnyExceptInRange('0', '9')) return false;
        var i = unit.Toks.FindIndex(k => k.Start == t.Start);
        if (i < 0) return false;
        if (i > 0 && _kb.Cues.Is(CueKind.Preposition, unit.Toks[i - 1])) return false;
        var j = i + 1;
        while (j < unit.Toks.Count && unit.Toks[j].IsQuote) j++;
        return j < unit.Toks.Count && unit.Toks[j].IsWord && !_kb.Cues.Is(CueKind.Coordinator, unit.Toks[j]);
    }

    static bool IsDateValue(string? v) =>
        v is { Length: >= 4 } && (char.IsAsciiDigit(v[0]) || v.StartsWith("XXXX", StringComparison.Ordinal))
        && v.Length <= 10 && (v.Length == 4 || v[4] == '-') && !v.Contains('W') && !v.Contains('T');

    /// <summary>Each event takes the time expression of its clause nearest its trigger, else an unclaimed one of its sentence.</summary>
    void Dates(Unit unit, List<Candidate> cands)
    {
        if (unit.Timexes.Count == 0) return;
        var claimed = new HashSet<TimexRecord>();
        foreach (var c in cands)
        {
            var from = unit.Toks[c.ClauseFirst].Start;
            var to = unit.Toks[Math.Max(c.ClauseFirst, c.ClauseEnd - 1)].End;
            var at = unit.Toks[c.Occ.First].Start;
            var best = unit.Timexes.Where(t => IsDateValue(t.Value) && t.Start >= from && t.End <= to && !DatesAnother(unit, at, t.Start) && !IsAttributiveYear(unit, t))
                .OrderBy(t => Math.Abs(t.Start - at)).FirstOrDefault();
            if (best is null) continue;
            c.Date = best.Value;
            c.DateText = best.Text;
            claimed.Add(best);
        }
        foreach (var c in cands)
        {
            if (c.Date is not null) continue;
            var at = unit.Toks[c.Occ.First].Start;
            var best = unit.Timexes.Where(t => IsDateValue(t.Value) && !claimed.Contains(t) && !DatesAnother(unit, at, t.Start) && !IsAttributiveYear(unit, t))
                .OrderBy(t => Math.Abs(t.Start - at)).FirstOrDefault();
            if (best is null) continue;
            c.Date = best.Value;
            c.DateText = best.Text;
        }
    }

    /// <summary>"agreed ... after Trump's announcement in December": a date inside a later "after/before" phrase dates that other happening.</summary>
    bool DatesAnother(Unit unit, int trigger, int timex)
    {
        if (timex < trigger) return false;
        foreach (var t in unit.Toks)
            if (t.Start > trigger && t.Start < timex && _kb.Cues.Is(CueKind.RelativeTime, t)) return true;
        return false;
    }

    /// <summary>A place after "in"/"at" in the event's clause (else its sentence); without places, a capital written after "in".</summary>
    void Places(Unit unit, List<Candidate> cands)
    {
        foreach (var c in cands)
        {
            var at = unit.Toks[c.Occ.First].Start;
            var from = unit.Toks[c.ClauseFirst].Start;
            var to = unit.Toks[Math.Max(c.ClauseFirst, c.ClauseEnd - 1)].End;
            PlaceMention? best = null;
            var bestScore = double.MaxValue;
            foreach (var p in unit.Places)
            {
                if (!AfterPlacePreposition(unit, p.Start)) continue;
                if (p.Start < from || p.End > to) continue;
                var score = Math.Abs(p.Start - at) + (p.Kind == "site" ? 50 : 0);
                if (score < bestScore) { best = p; bestScore = score; }
            }
            if (best is not null)
            {
                c.Location = new LocationRecord { Name = best.Name, Country = best.Country, Lat = best.Lat, Lon = best.Lon };
                continue;
            }
            Ref? cap = null;
            var capScore = int.MaxValue;
            foreach (var r in unit.Refs)
            {
                if (r.Capital is null) continue;
                var g = Grammar.Governed(_kb, unit, r);
                var visited = c.Mode == "visit" && c.Target.Exists(p => r.Parties.Exists(q => q.Identity == p.Identity));
                if (!visited && !(g.Prep is { } pr && _kb.Cues.Is(CueKind.PlacePreposition, pr))) continue;
                var pos = unit.Toks[r.First].Start;
                if (pos < from || pos > to) continue;
                var score = Math.Abs(pos - at);
                if (score < capScore) { cap = r; capScore = score; }
            }
            if (cap is not null)
                c.Location = new LocationRecord { Name = cap.Capital!, Country = cap.Parties.FirstOrDefault()?.Country };
        }
    }

    bool AfterPlacePreposition(Unit unit, int start)
    {
        var k = -1;
        for (var j = 0; j < unit.Count; j++)
            if (unit.Toks[j].Start >= start) { k = j; break; }
        if (k <= 0) return false;
        var prev = k - 1;
        if (prev >= 0 && unit.Toks[prev].Key == "the") prev--;
        return prev >= 0 && _kb.Cues.Is(CueKind.PlacePreposition, unit.Toks[prev]);
    }

    // ---------------------------------------------------------------- across units

    /// <summary>"During the talks" / "their meeting": a nominal mention without parties joins the latest event of its type told just before.</summary>
    static List<Candidate> Link(List<Candidate> body)
    {
        var complete = new List<Candidate>();
        foreach (var c in body)
        {
            if (!c.Anaphoric) { complete.Add(c); continue; }
            Candidate? antecedent = null;
            for (var j = complete.Count - 1; j >= 0; j--)
            {
                var e = complete[j];
                if (e.Unit.Sentence < c.Unit.Sentence - 3) break;
                if (e.Type == c.Type && !e.Negated) { antecedent = e; break; }
            }
            if (antecedent is null) continue;
            antecedent.Merged.Add(c);
            if (antecedent.Date is null && c.Date is not null) { antecedent.Date = c.Date; antecedent.DateText = c.DateText; }
            antecedent.Location ??= c.Location;
        }
        return complete;
    }

    /// <summary>One event per fact: same type, polarity and sides (either order for symmetric types) and compatible dates.</summary>
    List<Candidate> Merge(List<Candidate> body, List<Candidate> extra)
    {
        var events = new List<Candidate>();
        foreach (var c in body.Concat(extra))
        {
            var same = events.FirstOrDefault(e => SameFact(e, c));
            if (same is null)
            {
                events.Add(c);
                continue;
            }
            same.Merged.Add(c);
            if (same.Date is null && c.Date is not null) { same.Date = c.Date; same.DateText = c.DateText; }
            same.Location ??= c.Location;
            if (same.Modality != "asserted" && c.Modality == "asserted") same.Modality = "asserted";
            if (IsGeneric(same.Cameo) && !IsGeneric(c.Cameo) && _kb.Cameo[c.Cameo]?.Plover == same.Type)
            {
                same.Cameo = c.Cameo;
                same.Mode = c.Mode ?? same.Mode;
            }
            same.Confidence = Math.Min(0.95, Math.Max(same.Confidence, c.Confidence) + 0.05);
        }
        return events;
    }

    /// <summary>Two body mentions of one fact name a person in common, or are close and one of them names no person.</summary>
    static bool SamePeople(Candidate a, Candidate b)
    {
        var pa = a.Source.Concat(a.Target).Concat(a.Merged.SelectMany(m => m.Source.Concat(m.Target))).Where(p => p.Person).Select(p => p.Identity).ToHashSet();
        var pb = b.Source.Concat(b.Target).Where(p => p.Person).Select(p => p.Identity).ToHashSet();
        if (pa.Overlaps(pb)) return true;
        return (pa.Count == 0 || pb.Count == 0) && Math.Abs(a.Unit.Sentence - b.Unit.Sentence) <= 2;
    }

    static bool IsGeneric(string code) => code.Length == 3 && code[2] == '0';

    bool SameFact(Candidate a, Candidate b)
    {
        if (a.Type != b.Type || a.Negated != b.Negated) return false;
        if (a.Unit.Where == "body" && b.Unit.Where == "body" && !SamePeople(a, b)) return false;
        if (a.Date is not null && b.Date is not null && a.Date != b.Date) return false;
        var sa = Keys(a.Source);
        var ta = Keys(a.Target);
        var sb = Keys(b.Source);
        var tb = Keys(b.Target);
        if (sa.SetEquals(sb) && ta.SetEquals(tb)) return true;
        if (_kb.Types[a.Type]?.Symmetric == true)
        {
            if (sa.SetEquals(tb) && ta.SetEquals(sb)) return true;
            var ua = new HashSet<string>(sa); ua.UnionWith(ta);
            var ub = new HashSet<string>(sb); ub.UnionWith(tb);
            return ua.SetEquals(ub);
        }
        return false;
    }

    static HashSet<string> Keys(List<Party> parties) => parties.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

    List<EventRecord> Emit(List<Candidate> events, EventInput input)
    {
        var published = input.Published is { Length: >= 4 } pub ? pub[..Math.Min(10, pub.Length)] : null;
        var ordered = events.Where(e => e.Unit.Where == "body").OrderBy(e => e.Unit.Sentence).ThenBy(e => e.Occ.First)
            .Concat(events.Where(e => e.Unit.Where == "title"))
            .Concat(events.Where(e => e.Unit.Where == "caption")).ToList();
        var list = new List<EventRecord>(ordered.Count);
        foreach (var e in ordered)
        {
            var u = e.Unit;
            var rec = new EventRecord
            {
                Id = "E" + (list.Count + 1).ToString(CultureInfo.InvariantCulture),
                Type = e.Type,
                Mode = e.Mode,
                Cameo = e.Cameo,
                Goldstein = _kb.Cameo[e.Cameo]?.Goldstein,
                Source = e.Source.Select(Ref).ToList(),
                Target = e.Target.Select(Ref).ToList(),
                Date = e.Date ?? published,
                DateText = e.Date is not null ? e.DateText : null,
                DateSource = e.Date is not null ? "text" : published is not null ? "published" : null,
                Location = e.Location,
                Negated = e.Negated,
                Modality = e.Modality,
                Trigger = e.Trigger,
                Sentence = u.Where == "body" ? u.Sentence : -1,
                Start = u.Start,
                End = u.End,
                Confidence = Math.Round(Math.Clamp(e.Confidence, 0.2, 0.95), 2),
            };
            if (e.Merged.Count > 0 || u.Where != "body")
                rec.Evidence = [Evidence(e), .. e.Merged.Select(Evidence)];
            list.Add(rec);
        }
        return list;
    }

    static EvidenceRecord Evidence(Candidate c) => new()
    {
        Sentence = c.Unit.Where == "body" ? c.Unit.Sentence : -1,
        Start = c.Unit.Start,
        End = c.Unit.End,
        Where = c.Unit.Where,
        Caption = c.Unit.Caption,
        Trigger = c.Trigger,
    };

    static ActorRef Ref(Party p) => new() { Actor = p.ActorId, Name = p.Name, Code = p.Code, Country = p.Country };
}
