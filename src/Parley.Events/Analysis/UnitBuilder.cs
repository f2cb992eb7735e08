using Parley.Core;
using Parley.Events.Knowledge;

namespace Parley.Events.Analysis;

/// <summary>Builds a <see cref="Unit"/>: tokens, actor references (resolved, implicit, numbered groups, open "they"), quotations, clauses.</summary>
static class UnitBuilder
{
    public static Unit Body(ArticleContext ctx, int sentence, TextSpan span)
    {
        var text = ctx.Input.Text;
        var unit = new Unit
        {
            Text = text, Start = span.Start, End = span.End, Where = "body", Sentence = sentence,
            Toks = DropAsides(Tokens.Of(text, span.Start, span.End, ctx.Kb.Cues)),
        };
        var mentions = new List<(MentionRecord, ActorRecord, int)>();
        var lo = LowerBound(ctx.Mentions, span.Start);
        for (var k = lo; k < ctx.Mentions.Count && ctx.Mentions[k].Mention.Start < span.End; k++)
            if (ctx.Mentions[k].Mention.End <= span.End) mentions.Add(ctx.Mentions[k]);
        foreach (var t in ctx.Input.Timexes)
            if (t.Start >= span.Start && t.End <= span.End) unit.Timexes.Add(t);
        foreach (var p in ctx.Input.Places)
            if (p.Start >= span.Start && p.End <= span.End) unit.Places.Add(p);
        Fill(ctx, unit, mentions, null);
        return unit;
    }

    /// <summary>The title or a caption, with the actors resolved in that string.</summary>
    public static Unit Extra(ArticleContext ctx, string text, string where, int? caption, IReadOnlyList<ActorRecord> actors)
    {
        var unit = new Unit { Text = text, Start = 0, End = text.Length, Where = where, Caption = caption, Toks = DropAsides(Tokens.Of(text, 0, text.Length, ctx.Kb.Cues)) };
        var byId = actors.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var mentions = new List<(MentionRecord, ActorRecord, int)>();
        foreach (var a in actors)
            foreach (var m in a.Mentions)
                if (m.Start >= 0 && m.End <= text.Length && m.Start < m.End) mentions.Add((m, a, -1));
        mentions.Sort((x, y) => x.Item1.Start.CompareTo(y.Item1.Start));
        var saveOpen = ctx.QuoteOpen;
        ctx.QuoteOpen = false;
        Fill(ctx, unit, mentions, byId);
        ctx.QuoteOpen = saveOpen;
        return unit;
    }

    /// <summary>Short parenthetical asides ("(right)", "(R-Ky.)", "(AP)") are not read.</summary>
    static List<Tok> DropAsides(List<Tok> toks)
    {
        var open = -1;
        for (var k = 0; k < toks.Count && open < 0; k++)
            if (toks[k].IsPunct && toks[k].Key == "(") open = k;
        if (open < 0) return toks;
        var kept = new List<Tok>(toks.Count);
        for (var k = 0; k < toks.Count; k++)
        {
            if (toks[k].Key == "(")
            {
                var close = -1;
                for (var j = k + 1; j < Math.Min(toks.Count, k + 8); j++)
                    if (toks[j].Key == ")") { close = j; break; }
                if (close > 0) { k = close; continue; }
            }
            kept.Add(toks[k]);
        }
        return kept;
    }

    static int LowerBound(List<(MentionRecord Mention, ActorRecord Actor, int Index)> list, int start)
    {
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (list[mid].Mention.Start < start) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    static void Fill(ArticleContext ctx, Unit unit, List<(MentionRecord M, ActorRecord A, int Index)> mentions, Dictionary<string, ActorRecord>? extra)
    {
        var kb = ctx.Kb;
        var cues = kb.Cues;
        var toks = unit.Toks;
        var n = toks.Count;
        unit.RefAt = new int[n];
        Array.Fill(unit.RefAt, -1);

        // 1. mentions of the actors stage: each token takes the longest mention over it
        Span<int> best = n <= 256 ? stackalloc int[n] : new int[n];
        Span<int> owner = n <= 256 ? stackalloc int[n] : new int[n];
        best.Clear();
        owner.Fill(-1);
        for (var mi = 0; mi < mentions.Count; mi++)
        {
            var m = mentions[mi].M;
            var len = m.End - m.Start;
            for (var k = FirstTokAt(toks, m.Start); k < n && toks[k].Start < m.End; k++)
                if (toks[k].End > m.Start && len > best[k]) { best[k] = len; owner[k] = mi; }
        }
        for (var k = 0; k < n;)
        {
            if (owner[k] < 0) { k++; continue; }
            var o = mentions[owner[k]];
            var last = k;
            while (last + 1 < n && owner[last + 1] >= 0 && ReferenceEquals(mentions[owner[last + 1]].M, o.M)) last++;
            var r = new Ref { First = k, Last = last, Kind = o.A.Members is { Count: > 0 } ? RefKind.Group : RefKind.Actor, Actor = o.A, Via = o.M.Via };
            r.Parties = extra is null ? ctx.CachedParties(o.Index) : ctx.PartiesOf(o.A, extra);
            var single = k == last;
            r.PossessivePronoun = single && cues.Is(CueKind.PossessivePronoun, toks[k]);
            r.Plural = r.Kind == RefKind.Group || single && cues.Is(CueKind.PluralPronoun, toks[k]);
            r.IsOrg = o.A.Kind == "org" || o.A.Kind == "group" && o.A.Members is null;
            if (o.A.Kind == "state" && o.M.Via == "metonym" && o.A.Country is { } iso && kb.Countries.TryGetValue(iso, out var ci)
                && ci.Capital is { } cap && kb.Capitals.TryGetValue(string.Join(' ', toks.Skip(k).Take(last - k + 1).Select(x => x.Key)), out var capOf) && capOf.Iso3 == iso)
                r.Capital = cap;
            AddRef(unit, r);
            k = last + 1;
        }

        // 2. demonyms left unresolved ("Turkish forces", "the Russian and Turkish ministers", "Syrian-Turkish")
        for (var k = 0; k < n; k++)
        {
            var t = toks[k];
            if (unit.RefAt[k] >= 0 || !t.IsCap || !kb.Demonyms.TryGetValue(t.Key, out var c)) continue;
            if (k + 1 < n && (toks[k + 1].Flags & TokFlags.HyphenPrev) != 0 && cues.Is(CueKind.ModifierSuffix, toks[k + 1])) continue;
            var last = k;
            string? agent = null;
            var plural = t.Key.EndsWith('s');
            for (var j = k + 1; j <= Math.Min(n - 1, k + 3); j++)
            {
                var len = cues.Match(CueKind.AgentNoun, toks, j, n, out var ag);
                if (len > 0) { last = j + len - 1; agent = ag; plural |= cues.Is(CueKind.PluralHead, toks[last]) || toks[last].Key.EndsWith('s'); break; }
                if (unit.RefAt[j] >= 0 || !toks[j].IsWord || cues.Is(CueKind.Preposition, toks[j]) || kb.Demonyms.ContainsKey(toks[j].Key)) break;
            }
            var name = unit.Text[t.Start..toks[last].End];
            var r = new Ref
            {
                First = k, Last = last, Kind = RefKind.Implicit, Plural = plural,
                Parties = [new Party(null, name, c.Cameo + (agent ?? ""), c.Iso3, State: true)],
            };
            AddRef(unit, r);
            k = last;
        }

        // 3. the modifier in "U.S.-allied" and the name in "pro-Maduro", "Anglo-American" are not parties
        for (var i = unit.Refs.Count - 1; i >= 0; i--)
        {
            var r = unit.Refs[i];
            var suffixed = r.Last + 1 < n && (toks[r.Last + 1].Flags & TokFlags.HyphenPrev) != 0 && cues.Is(CueKind.ModifierSuffix, toks[r.Last + 1]);
            var prefixed = (toks[r.First].Flags & TokFlags.HyphenPrev) != 0 && r.First > 0 && unit.RefAt[r.First - 1] < 0 && toks[r.First - 1].IsWord;
            if (suffixed || prefixed)
                for (var k = r.First; k <= r.Last; k++) unit.RefAt[k] = -1;
        }
        foreach (var r in unit.Refs)
            r.Possessive = r.Last + 1 < n && toks[r.Last + 1].IsPossessive;

        // 4. "the four countries": the latest group of that size (body only)
        if (unit.Where == "body")
            for (var k = 0; k + 1 < n; k++)
            {
                if (unit.RefAt[k] >= 0 || unit.RefAt[k + 1] >= 0) continue;
                var num = Cues.Value(CueKind.Number, toks[k]);
                // pairs are the actors stage's ("the two leaders"); a larger group named by its size is ours
                if (num is null || !int.TryParse(num, out var size) || size < 3 || !cues.Is(CueKind.GroupNoun, toks[k + 1])) continue;
                if (LatestGroup(ctx, size, toks[k].Start) is not (>= 0 and var gi)) continue;
                var g = ctx.Input.Actors[gi];
                AddRef(unit, new Ref { First = k, Last = k + 1, Kind = RefKind.Group, Actor = g, Parties = ctx.CachedParties(gi), Plural = true, Via = "group" });
                k++;
            }

        // 5. quotations and clauses
        Quotes(ctx, unit);
        Clauses(kb, unit);

        // 6. "they" the actors stage left open: the latest plural party, this sentence or the two before
        for (var k = 0; k < n; k++)
        {
            if (unit.RefAt[k] >= 0 || !cues.Is(CueKind.PluralPronoun, toks[k]) || unit.InQuote(k)) continue;
            List<Party>? parties = null;
            for (var j = unit.RefAt.Length > 0 ? k - 1 : -1; j >= 0 && parties is null; j--)
                if (unit.RefOf(j) is { Plural: true } pr && !Grammar.Governed(kb, unit, pr).Any) parties = pr.Parties;
            if (parties is null && unit.Where == "body")
                for (var j = ctx.Plurals.Count - 1; j >= 0; j--)
                    if (ctx.Plurals[j].Sentence >= unit.Sentence - 2 && ctx.Plurals[j].Sentence < unit.Sentence) { parties = ctx.Plurals[j].Parties; break; }
            if (parties is null) continue;
            AddRef(unit, new Ref
            {
                First = k, Last = k, Kind = RefKind.Group, Parties = parties, Plural = true, Via = "pronoun",
                PossessivePronoun = cues.Is(CueKind.PossessivePronoun, toks[k]),
            });
        }

        // 7. first person inside a quotation is the speaker
        for (var k = 0; k < n; k++)
        {
            if (unit.RefAt[k] >= 0 || !unit.InQuote(k) || !cues.Is(CueKind.FirstPerson, toks[k])) continue;
            if (!ctx.QuoteSpeakers.TryGetValue(unit.Quote[k], out var speaker)) continue;
            AddRef(unit, new Ref
            {
                First = k, Last = k, Kind = RefKind.Speaker, Parties = speaker, Via = "speaker",
                PossessivePronoun = cues.Is(CueKind.PossessivePronoun, toks[k]),
                Plural = Cues.Value(CueKind.FirstPerson, toks[k]) == "plural",
            });
        }

        unit.RefsChanged();
        // 8. remember this unit's plural subjects for later "they"
        if (unit.Where == "body")
            foreach (var r in unit.Refs)
                if (r.Plural && r.Kind != RefKind.Speaker && !r.PossessivePronoun && !Grammar.Governed(kb, unit, r).Any)
                    ctx.Plurals.Add((unit.Sentence, toks[r.First].Start, r.Parties));
    }

    /// <summary>Index (in the input's actors) of the group of that size mentioned latest before <paramref name="before"/>, or -1.</summary>
    static int LatestGroup(ArticleContext ctx, int size, int before)
    {
        var best = -1;
        var bestAt = -1;
        for (var i = 0; i < ctx.Input.Actors.Count; i++)
        {
            var a = ctx.Input.Actors[i];
            if (a.Members is not { } m || m.Count != size) continue;
            foreach (var men in a.Mentions)
                if (men.Start < before && men.Start > bestAt) { best = i; bestAt = men.Start; }
        }
        return best;
    }

    static void AddRef(Unit unit, Ref r)
    {
        var idx = unit.Refs.Count;
        unit.Refs.Add(r);
        for (var k = r.First; k <= r.Last; k++) unit.RefAt[k] = idx;
    }

    static int FirstTokAt(List<Tok> toks, int pos)
    {
        int lo = 0, hi = toks.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (toks[mid].End <= pos) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Quotation ids per token (a quotation may run over several sentences) and each quotation's speaker.</summary>
    static void Quotes(ArticleContext ctx, Unit unit)
    {
        var toks = unit.Toks;
        unit.Quote = new int[toks.Count];
        Array.Fill(unit.Quote, -1);
        var openedHere = new List<(int Id, int Open, int Close)>();
        var id = ctx.QuoteOpen ? ctx.QuoteId : -1;
        var openAt = ctx.QuoteOpen ? -1 : -2;
        for (var k = 0; k < toks.Count; k++)
        {
            var t = toks[k];
            if (t.IsQuote)
            {
                var c = unit.Text[t.Start];
                var opening = c is '\u201C' or '\u201E' or '\u00AB' || c == '"' && id < 0;
                if (c is '\u201D' or '\u00BB' && id < 0) opening = false;
                if (opening && id < 0)
                {
                    id = ++ctx.QuoteId;
                    openAt = k;
                }
                else if (id >= 0)
                {
                    openedHere.Add((id, openAt, k));
                    id = -1;
                }
                continue;
            }
            if (id >= 0) unit.Quote[k] = id;
        }
        if (id >= 0) openedHere.Add((id, openAt, toks.Count));
        ctx.QuoteOpen = id >= 0;
        foreach (var (qid, open, close) in openedHere)
        {
            if (ctx.QuoteSpeakers.ContainsKey(qid)) continue;
            var speaker = SpeakerAfter(unit, close) ?? (open >= 0 ? SpeakerBefore(ctx.Kb, unit, open) : null) ?? (open < 0 ? ctx.LastSpeaker : null);
            if (speaker is null) continue;
            ctx.QuoteSpeakers[qid] = speaker;
            ctx.LastSpeaker = speaker;
        }
    }

    /// <summary>"...," the Kremlin said / said Putin / Putin told reporters.</summary>
    static List<Party>? SpeakerAfter(Unit unit, int close)
    {
        for (var k = close + 1; k < Math.Min(unit.Count, close + 6); k++)
        {
            if (unit.InQuote(k) || unit.Toks[k].IsQuote) return null;
            if (unit.RefOf(k) is { PossessivePronoun: false } r) return r.Parties;
        }
        return null;
    }

    /// <summary>Putin said: "..." / he stated, "..." / ..., stating, "...": the subject of the clause before the quotation.</summary>
    static List<Party>? SpeakerBefore(EventKnowledge kb, Unit unit, int open)
    {
        for (var k = 0; k < open; k++)
        {
            if (unit.InQuote(k)) continue;
            if (unit.RefOf(k) is { } r && r.First == k && !r.PossessivePronoun && !Grammar.Governed(kb, unit, r).Any) return r.Parties;
        }
        return null;
    }

    static bool IsHardPunct(string key) => key.Length == 1 && key[0] is ';' or ':' or '(' or ')' or '[' or ']' or '-' or '?' or '!' or '\u2026';

    /// <summary>Clause spans: punctuation, clause words, quotation marks, and the complement after a reporting verb.</summary>
    static void Clauses(EventKnowledge kb, Unit unit)
    {
        var toks = unit.Toks;
        var n = toks.Count;
        Span<bool> starts = n < 512 ? stackalloc bool[n + 1] : new bool[n + 1];
        starts.Clear();
        starts[0] = true;
        for (var k = 0; k < n; k++)
        {
            var t = toks[k];
            if (t.IsQuote || t.IsPunct && (IsHardPunct(t.Key) || t.Key == "." && unit.Where != "body"))
            {
                starts[k] = true;
                starts[k + 1] = true;
                continue;
            }
            if (k > 0 && unit.InQuote(k) != unit.InQuote(k - 1)) starts[k] = true;
            if (kb.Cues.Is(CueKind.Clause, t) && unit.RefAt[k] < 0) starts[k] = true;
            if (kb.Cues.Is(CueKind.Condition, t)) unit.Conditional = true;
            if (SpeechVerb(kb, unit, k) is var sp and > 0) starts[Math.Min(n, k + sp)] = true;
        }
        unit.ClauseStart = new int[n];
        unit.ClauseEnd = new int[n];
        var cs = 0;
        for (var k = 0; k < n; k++)
        {
            if (starts[k]) cs = k;
            unit.ClauseStart[k] = cs;
        }
        var ce = n;
        for (var k = n - 1; k >= 0; k--)
        {
            unit.ClauseEnd[k] = ce;
            if (starts[k]) ce = k;
        }
    }

    /// <summary>
    /// Length of a reporting verb at <paramref name="k"/>: a past form, or a present form after its subject or an
    /// auxiliary ("Putin says", "will say") — "states" and "reports" are usually nouns. 0 if none.
    /// </summary>
    public static int SpeechVerb(EventKnowledge kb, Unit unit, int k)
    {
        var toks = unit.Toks;
        var n = toks.Count;
        var sp = kb.Cues.MatchVerb(CueKind.Speech, toks, k, n, out var form);
        if (sp == 0 || unit.RefAt[k] >= 0 || IsTriggerWord(kb, toks, k, n)) return 0;
        if ((form & (Form.Past | Form.Participle)) != 0) return sp;
        if ((form & (Form.Third | Form.Base)) == 0 || k == 0) return 0;
        var prev = toks[k - 1];
        return unit.RefAt[k - 1] >= 0 && !prev.IsPossessive || kb.Cues.Is(CueKind.Aux, prev) || kb.Cues.Is(CueKind.Modal, prev)
               || kb.Cues.Is(CueKind.Negation, prev) || prev.Key.EndsWith("ly", StringComparison.Ordinal) ? sp : 0;
    }

    static bool IsTriggerWord(EventKnowledge kb, List<Tok> toks, int k, int n) => toks[k].Info is { TriggerStart: true } && kb.Lexicon.Triggers.Longest(toks, k, n, out _) > 0;
}
