using Parley.Events.Knowledge;

namespace Parley.Events.Analysis;

/// <summary>
/// Codes one unit: finds trigger occurrences (support verb + noun, verb, noun, predicate adjective), lets
/// complement-taking triggers absorb the acts they govern, then builds each remaining occurrence's candidate
/// event with its arguments, polarity and modality.
/// </summary>
sealed class UnitCoder(ArticleContext ctx, Unit unit)
{
    readonly EventKnowledge _kb = ctx.Kb;
    readonly Cues _cues = ctx.Kb.Cues;
    readonly List<Tok> _t = unit.Toks;

    public List<Candidate> Run()
    {
        var occs = Find();
        Absorb(occs);
        ClauseVerb = nominal =>
        {
            var cs = unit.ClauseStart[nominal.First];
            var verbal = occs.LastOrDefault(x => x != nominal && !x.Absorbed && x.Last < nominal.First && x.First >= cs && x.Pattern.Part == Part.Verb);
            return verbal is null ? null : BuildVerbal(verbal);
        };
        var list = new List<Candidate>();
        foreach (var o in occs)
        {
            if (o.Absorbed) continue;
            try
            {
                if (Build(o) is { } c) list.Add(c);
            }
            catch (Exception ex) when (ex is IndexOutOfRangeException or ArgumentOutOfRangeException or InvalidOperationException)
            {
                // one odd sentence never costs the article its other events
            }
        }
        return list;
    }

    // ---------------------------------------------------------------- finding triggers

    List<Occurrence> Find()
    {
        var occs = new List<Occurrence>();
        var n = _t.Count;
        for (var i = 0; i < n;)
        {
            var t = _t[i];
            if (!t.IsWord || t.IsPossessive) { i++; continue; }
            if (NotTrigger(i) is var skip and > 0) { i = skip; continue; }
            var inRef = unit.RefOf(i);
            // support verb + nominal trigger: "held talks", "struck a deal", "provides military support"
            if (inRef is null && SupportAt(i) is { } sup)
            {
                occs.Add(sup);
                i = sup.Last + 1;
                continue;
            }
            var len = unit.TriggerAt(_kb, i, out var hits);
            if (len == 0 || hits is null) { i++; continue; }
            var last = i + len - 1;
            if ((_t[i].Flags & TokFlags.HyphenPrev) != 0 || last + 1 < n && (_t[last + 1].Flags & TokFlags.HyphenPrev) != 0) { i = last + 1; continue; }
            if (inRef is not null && !(inRef.IsOrg && last == inRef.Last && hits.Exists(h => h.Pattern.Part == Part.Noun)))
            {
                i++;
                continue;
            }
            if (Choose(i, last, hits) is { } hit)
            {
                occs.Add(new Occurrence { First = i, Last = last, Pattern = hit.Pattern, Form = hit.Form });
                i = last + 1;
            }
            else i++;
        }
        return occs;
    }

    /// <summary>End of a never-a-trigger phrase over token <paramref name="i"/> ("is to blame"), else 0.</summary>
    int NotTrigger(int i)
    {
        for (var s = Math.Max(0, i - 2); s <= i; s++)
        {
            var len = _cues.Match(CueKind.NotTrigger, _t, s, _t.Count, out _);
            if (len > 0 && s + len > i) return s + len;
        }
        return 0;
    }

    Occurrence? SupportAt(int i)
    {
        var n = _t.Count;
        if (_t[i].Info is not { SupportStart: true }) return null;
        var len = _kb.Lexicon.Supports.Longest(_t, i, n, out var sHits);
        if (len == 0 || sHits is null) return null;
        var j = i + len;
        for (var steps = 0; j < n && steps < 7; steps++)
        {
            var tl = unit.TriggerAt(_kb, j, out var hits);
            if (tl > 0 && hits is not null)
            {
                foreach (var h in hits)
                {
                    if (h.Pattern.Part != Part.Noun) continue;
                    foreach (var s in sHits)
                        if (s.Verb.Supports(h.Pattern))
                            return new Occurrence
                            {
                                First = j, Last = j + tl - 1, Pattern = h.Pattern, Form = h.Form, Support = s.Verb, SupportForm = s.Form,
                                SupportFirst = i, SupportLast = i + len - 1,
                            };
                }
                return null;
            }
            var ok = Grammar.NpWord(_kb, unit, j) || _t[j].Key == "and" || unit.RefOf(j) is { Kind: RefKind.Implicit or RefKind.Speaker } || unit.RefOf(j) is { PossessivePronoun: true };
            if (!ok) return null;
            j++;
        }
        return null;
    }

    /// <summary>Noun or verb reading of an ambiguous form ("talks", "attack", "meeting").</summary>
    LexHit? Choose(int first, int last, List<LexHit> hits)
    {
        LexHit? noun = null, verb = null, adj = null;
        foreach (var h in hits)
        {
            switch (h.Pattern.Part)
            {
                case Part.Noun: noun ??= h; break;
                case Part.Verb: verb ??= h; break;
                default: adj ??= h; break;
            }
        }
        if (adj is not null) return adj;
        var prev = first - 1;
        if (prev >= 0 && unit.RefOf(first) is { } own && own.First <= prev) return noun;
        // "his continued pressing of sanctions": a gerund heading an of-phrase is a noun we do not code
        if (noun is null && verb is { Form: var gf } && (gf & Form.Ing) != 0 && last + 1 < _t.Count && _t[last + 1].Key == "of") return null;
        if (noun is null) return verb is { } v0 && !Adjectival(first, v0) && !NounSlot(prev, v0) ? v0 : null;
        if (verb is null)
            // "to help restore": a bare singular after "to" is a verb we do not code
            return prev >= 0 && _t[prev].Key == "to" && (noun.Value.Form & Form.Plural) == 0 ? null : noun;
        var v = verb.Value;
        while (prev >= 0 && _t[prev].Key.EndsWith("ly", StringComparison.Ordinal) && _t[prev].Key.Length > 3 && unit.RefAt[prev] < 0) prev--;
        if (prev < 0 || _t[prev].IsPunct)
            // at the start: a participle opens an adjunct ("Meeting in Moscow, ..."), a plain form is a noun
            return (v.Form & Form.Ing) != 0 && prev < 0 ? v : noun;
        var pk = _t[prev].Key;
        if (_t[prev].IsPossessive || _cues.Is(CueKind.Determiner, pk) || (_t[prev].Flags & TokFlags.Digit) != 0 || _cues.Is(CueKind.NpModal, pk)) return noun;
        if (_cues.Is(CueKind.Modal, pk) || _cues.Is(CueKind.Aux, pk) || pk == "to" || _cues.Is(CueKind.Negation, pk)) return v;
        if (_cues.Is(CueKind.Be, pk)) return (v.Form & (Form.Ing | Form.Participle)) != 0 ? v : noun;
        if (unit.RefOf(prev) is { } r)
        {
            if (r.Kind == RefKind.Implicit || r.PossessivePronoun) return noun;
            // "resisted U.S. requests": a name right after a verb is its object, and modifies the noun after it
            if (r.First > 0 && _t[r.First - 1].IsWord && unit.RefAt[r.First - 1] < 0 && !_t[r.First - 1].IsCap
                && (!Grammar.NpWord(_kb, unit, r.First - 1) || _t[r.First - 1].Key.EndsWith("ed", StringComparison.Ordinal))
                && !_cues.Is(CueKind.Preposition, _t[r.First - 1]) && !_cues.Is(CueKind.Clause, _t[r.First - 1]) && !_cues.Is(CueKind.Determiner, _t[r.First - 1])
                && !_cues.Is(CueKind.Coordinator, _t[r.First - 1]) && (noun.Value.Form & Form.Plural) != 0) return noun;
            if ((v.Form & Form.Ing) != 0 && Grammar.Governed(_kb, unit, r).Any) return noun;
            return v;
        }
        if (_cues.Is(CueKind.Preposition, pk)) return noun;
        if ((v.Form & (Form.Past | Form.Participle)) != 0 && (noun.Value.Form & (Form.Singular | Form.Plural)) == 0) return v;
        return noun;
    }

    /// <summary>"constitutional order": a base form after a determiner or an adjective is a noun we do not code.</summary>
    bool NounSlot(int prev, LexHit v)
    {
        if (prev < 0 || (v.Form & Form.Base) == 0 || (v.Form & (Form.Past | Form.Third)) != 0) return false;
        var t = _t[prev];
        if (t.IsPossessive || _cues.Is(CueKind.Determiner, t) || (t.Flags & TokFlags.Digit) != 0) return true;
        return unit.RefAt[prev] < 0 && Grammar.NpWord(_kb, unit, prev) && !(t.Key.EndsWith("ly", StringComparison.Ordinal) && t.Key.Length > 3);
    }

    /// <summary>"the threatened offensive": a participle after a determiner is an adjective, not an act.</summary>
    bool Adjectival(int first, LexHit v)
    {
        if ((v.Form & (Form.Past | Form.Participle | Form.Ing)) == 0 || first == 0) return false;
        // "about 100 invited guests", "the negotiating period": a participle between a non-party and a plain noun
        if ((v.Form & (Form.Participle | Form.Ing)) != 0 && unit.RefAt[first - 1] < 0 && !_t[first - 1].IsPunct && !_cues.Is(CueKind.Be, _t[first - 1]) && !_cues.Is(CueKind.Aux, _t[first - 1])
            && first + 1 < _t.Count && unit.RefAt[first + 1] < 0 && _t[first + 1].IsWord && !_t[first + 1].IsCap && Grammar.NpWord(_kb, unit, first + 1)
            && !_cues.Is(CueKind.Determiner, _t[first + 1])) return true;
        return _cues.Is(CueKind.Determiner, _t[first - 1]) && first + 1 < _t.Count && _t[first + 1].IsWord && !_cues.Is(CueKind.Preposition, _t[first + 1]) && _t[first + 1].Key != "by";
    }

    // ---------------------------------------------------------------- complements

    /// <summary>"agreed to coordinate", "called on X to withdraw", "insists on the withdrawal of": the governed act is part of the governing one.</summary>
    void Absorb(List<Occurrence> occs)
    {
        foreach (var o in occs)
        {
            if (o.Absorbed || !o.Pattern.Has(PatternFlags.Comp) || o.Pattern.Part == Part.Noun) continue;
            var start = o.Last + 1;
            var end = start;
            var n = _t.Count;
            // "offered a message of support": an object, not a complement
            if (start < n && o.Pattern.Part == Part.Verb && !_cues.Is(CueKind.Preposition, _t[o.Last]) && _cues.Is(CueKind.Determiner, _t[start]) && unit.RefAt[start] < 0) continue;
            while (end < n && end < start + 24)
            {
                var t = _t[end];
                if (t.IsQuote || t.IsPunct && t.Key != ",") break;
                if (t.Key == "," && end > start + 1) break;
                if (_cues.Is(CueKind.Clause, t) && unit.RefAt[end] < 0 && !(t.Key == "that" && end <= start + 1)) break;
                end++;
            }
            o.CompStart = start;
            o.CompEnd = end;
            foreach (var p in occs)
            {
                if (p == o || p.First < start || p.First >= end || p.Absorbed) continue;
                if (p.Pattern.Part == Part.Noun && p.Support is null && CircumstanceBefore(p.First) is not null) continue;
                p.Absorbed = true;
                o.Inner ??= p;
            }
        }
    }

    /// <summary>The circumstance preposition ("during", "after", "in") governing a nominal at <paramref name="first"/>, if any.</summary>
    string? CircumstanceBefore(int first)
    {
        var k = first - 1;
        var steps = 0;
        while (k >= 0 && steps < 5 && (Grammar.NpWord(_kb, unit, k) || unit.RefOf(k) is { } r && (r.Possessive || r.PossessivePronoun || r.Kind == RefKind.Implicit) || _t[k].IsPossessive)
               && !_cues.Is(CueKind.Preposition, _t[k]))
        {
            k--;
            steps++;
        }
        if (k < 0) return null;
        // multi-word: "ahead of", "prior to", "on the sidelines of", "followed by"
        for (var s = Math.Max(0, k - 4); s <= k; s++)
        {
            var len = _cues.Match(CueKind.Circumstance, _t, s, k + 1, out _);
            if (len > 0 && s + len - 1 == k) return string.Join(' ', _t.Skip(s).Take(len).Select(x => x.Key));
        }
        return null;
    }

    // ---------------------------------------------------------------- building a candidate

    Candidate? Build(Occurrence o)
    {
        var p = o.Pattern;
        if (p.Has(PatternFlags.Copula)) return BuildCopula(o);
        if (p.Part == Part.Noun && o.Support is null) return BuildNominal(o, true);
        return BuildVerbal(o);
    }

    Candidate NewCandidate(Occurrence o, string trigger)
    {
        var cs = unit.ClauseStart[Math.Max(0, o.VerbFirst)];
        var code = o.Support?.Cameo ?? o.Pattern.Cameo;
        var cameo = _kb.Cameo[code]!;
        return new Candidate
        {
            Unit = unit, Occ = o, Type = cameo.Plover ?? o.Pattern.Type, Cameo = code,
            Mode = o.Support?.Cameo is not null ? cameo.Mode : o.Pattern.Mode,
            Trigger = trigger, ClauseFirst = cs, ClauseEnd = unit.ClauseEnd[o.Last],
        };
    }

    string TriggerText(Occurrence o) =>
        o.Support is { } && !o.Support.Nominal ? unit.Surface(o.SupportFirst, o.Last) : unit.Surface(o.First, o.Last);

    static List<Party> Parties(IEnumerable<Ref> refs)
    {
        var list = new List<Party>();
        foreach (var r in refs)
            foreach (var p in r.Parties)
                if (!list.Exists(x => x.Identity == p.Identity)) list.Add(p);
        return list;
    }

    /// <summary>A verb, a predicate adjective, or a support verb with its nominal trigger.</summary>
    Candidate? BuildVerbal(Occurrence o)
    {
        var p = o.Pattern;
        var c = NewCandidate(o, TriggerText(o));
        var vFirst = o.VerbFirst;
        var cs = c.ClauseFirst;
        var ce = c.ClauseEnd;
        if (p.Has(PatternFlags.NeedsHarm) && !HarmAfter(o)) return null;
        if (p.Has(PatternFlags.NeedsComp) && o.Inner is null && !(o.Last + 1 < _t.Count && _t[o.Last + 1].Key is "to" or "that")) return null;
        // "ordered the retrial of X": an order is coded through the act ordered, or as a demand on a party told "to" act
        if (p.Has(PatternFlags.Causative) && o.Inner is null && !OrderedParty(o)) return null;
        var passive = o.Support is null && p.Part == Part.Verb && IsPassive(o);
        List<Ref> subj;
        List<Ref> obj = [];
        if (passive)
        {
            var by = -1;
            for (var k = o.Last + 1; k < ce; k++)
                if (_t[k].Key == "by") { by = k; break; }
            subj = by >= 0 ? NpAfter(by + 1, Math.Min(ce, by + 10)) : [];
            if (ReducedRelative(o)) obj = Grammar.Antecedent(_kb, unit, o.First);
            else
            {
                obj = Grammar.Subject(_kb, unit, cs, vFirst);
                if (obj.Count == 0 && unit.Toks[cs].Key is var rk && _cues.Is(CueKind.Relative, rk)) obj = Grammar.Antecedent(_kb, unit, cs);
            }
        }
        else
        {
            subj = p.Has(PatternFlags.SubjFor) ? ForSubject(o) : SubjectFor(vFirst, cs, o);
            if (o.Support is null && p.Part == Part.Verb && !Agrees(o, subj)) return null;
            var direct = p.Object && !p.Has(PatternFlags.Intrans);
            IReadOnlySet<string> preps = p.Preps;
            if (o.Support is not null) { direct = false; }
            var from = o.Last + 1;
            (obj, _) = Grammar.Object(_kb, unit, from, ce, direct, preps);
            if (o.Support is not null)
            {
                // nominal trigger's own parties: "held talks with X", "provided support to X", "a deal between X and Y"
                var (left, poss) = LeftModifiers(o.First);
                var comps = Complements(o);
                if (subj.Count == 0 && poss.Count > 0) subj = poss;
                if (obj.Count == 0) obj = [.. comps.Target, .. comps.Participants];
                if (subj.Count == 0 && o.Support.Nominal)
                {
                    subj = comps.Participants;
                    obj = comps.Target;
                }
                foreach (var l in left)
                    if (!subj.Contains(l) && !obj.Contains(l)) obj.Add(l);
            }
        }
        if (p.Has(PatternFlags.Causative) && o.Inner is { } ordered
            && (ordered.Pattern.Part == Part.Noun && ordered.Support is null ? BuildNominal(ordered, false) : BuildVerbal(ordered)) is { } oc)
        {
            c.Type = oc.Type;
            c.Cameo = oc.Cameo;
            c.Mode = oc.Mode;
            if (obj.Count == 0) c.Target = oc.Target;
        }
        else if (p.Has(PatternFlags.Comp) && obj.Count == 0 && o.CompStart >= 0)
        {
            var sKeys = Parties(subj).Select(x => x.Key).ToHashSet();
            bool Other(Party x) => !sKeys.Contains(x.Key);
            if (o.Inner is { } inner && (inner.Pattern.Part == Part.Noun && inner.Support is null ? BuildNominal(inner, false) : BuildVerbal(inner)) is { } ic)
            {
                // asked to act: the one who is to act; agreeing or threatening to act: the one it is done to
                var agent = ic.Source.Where(Other).ToList();
                var patient = ic.Target.Where(Other).ToList();
                c.Target = p.Type == "REQUEST" ? (agent.Count > 0 ? agent : patient) : (patient.Count > 0 ? patient : []);
            }
            if (c.Target.Count == 0 && p.Type is "REQUEST" or "REJECT")
                obj = Grammar.FirstParty(_kb, unit, o.CompStart, Math.Min(o.CompEnd, o.CompStart + 5), r => r.Parties.Exists(Other)
                    && Grammar.Governed(_kb, unit, r).Prep is null);
        }
        if (p.Has(PatternFlags.NeedsTarget) && obj.Count == 0 && c.Target.Count == 0) return null;
        if (p.Has(PatternFlags.Host) && obj.Count > 0) (subj, obj) = (obj, subj);
        c.Source = Parties(subj);
        if (c.Target.Count == 0 || obj.Count > 0) c.Target = Parties(obj);
        Polarity(c, vFirst);
        Refine(c, o);
        c.Confidence = 0.8 - (passive ? 0.05 : 0) - (o.Support is not null ? 0.05 : 0);
        return c;
    }

    bool OrderedParty(Occurrence o)
    {
        var k = o.Last + 1;
        if (k >= _t.Count || unit.RefOf(k) is not { } r) return false;
        var chain = Grammar.Chain(_kb, unit, r, _t.Count);
        return chain[^1].Last + 1 < _t.Count && _t[chain[^1].Last + 1].Key == "to";
    }

    bool HarmAfter(Occurrence o)
    {
        for (var k = o.Last + 1; k < Math.Min(_t.Count, o.Last + 24); k++)
        {
            if (_t[k].Key is ";" || _t[k].IsQuote) break;
            if (_cues.Match(CueKind.Harm, _t, k, _t.Count, out _) > 0) return true;
        }
        return false;
    }

    /// <summary>
    /// "Mexico, meet Donald Trump": a bare base form with one singular subject and no auxiliary is not a finite verb
    /// (imperative, vocative, or a noun we do not code).
    /// </summary>
    bool Agrees(Occurrence o, List<Ref> subj)
    {
        if (subj.Count == 0) return true;
        var s = subj[^1];
        if (s.Last + 1 < _t.Count && _t[s.Last + 1].Key == "," && s.Last + 2 == o.First && (o.Form & Form.Base) != 0) return false;
        if ((o.Form & Form.Base) == 0 || (o.Form & (Form.Past | Form.Participle | Form.Third)) != 0) return true;
        if (subj.Count > 1 || subj[0].Plural || subj[0].Kind is RefKind.Group or RefKind.Speaker) return true;
        var prev = o.First - 1;
        while (prev >= 0 && _t[prev].Key.EndsWith("ly", StringComparison.Ordinal) && _t[prev].Key.Length > 3) prev--;
        if (prev < 0) return true;
        var pk = _t[prev].Key;
        if (_cues.Is(CueKind.Modal, pk) || _cues.Is(CueKind.Aux, pk) || _cues.Is(CueKind.Negation, pk) || pk == "to" || _cues.Is(CueKind.PluralPronoun, pk)) return true;
        return subj[0].Parties.Count > 1;
    }

    /// <summary>"it is inconceivable for us to withdraw": the party after "for".</summary>
    List<Ref> ForSubject(Occurrence o)
    {
        var k = o.Last + 1;
        if (k < _t.Count && _t[k].Key == "for" && unit.RefOf(k + 1) is { } r) return [r];
        return SubjectFor(o.First, unit.ClauseStart[o.First], o);
    }

    /// <summary>The subject of a verb at <paramref name="v"/>: its clause's subject, else the antecedent of a relative clause, else the clause it hangs from.</summary>
    List<Ref> SubjectFor(int v, int cs, Occurrence o)
    {
        // "the U.S. plans to talk to X" vs "the evolving plans to talk": an infinitive under a noun belongs to the noun's owner
        var to = v - 1;
        while (to >= 0 && _cues.Is(CueKind.Aux, _t[to]) && _t[to].Key != "to") to--;
        if (to > 0 && _t[to].Key == "to" && _cues.Is(CueKind.ToNoun, _t[to - 1]) && unit.RefAt[to - 1] < 0 && Grammar.NpWord(_kb, unit, to - 1))
        {
            var (_, owner) = LeftModifiers(to - 1);
            return owner;
        }
        if (to > 0 && _t[to].Key == "to" && to + 1 == v)
        {
            // "encouraged Qatar to support", "for China to reach": the party before "to" acts
            if (unit.RefOf(to - 1) is { PossessivePronoun: false, Possessive: false } ctl && ctl.Last == to - 1 && ControlledBy(ctl) is var gov and not null)
            {
                if (gov == "") return Grammar.Antecedent(_kb, unit, to, true);
                // "called Modi to congratulate him": a purpose infinitive belongs to the clause's subject
                return Grammar.Subject(_kb, unit, cs, v, nearFirst: false);
            }
            // "a resolution to call on": an infinitive under a common noun belongs to that noun
            if (NounBefore(to - 1)) return [];
        }
        // "uncertain of negotiating with the U.S.": a gerund after a preposition has no written subject
        if ((o.VerbForm & Form.Ing) != 0 && v > 0 && _cues.Is(CueKind.GerundPreposition, _t[v - 1])) return [];
        // "an editorial criticizing Trump": a participle right after a common noun modifies it
        if ((o.VerbForm & Form.Ing) != 0 && v > 0 && unit.RefAt[v - 1] < 0 && _t[v - 1].IsWord && Grammar.NpWord(_kb, unit, v - 1)
            && !_cues.Is(CueKind.Determiner, _t[v - 1]))
            return [];
        // "in the US imposing sanctions": the party right before a gerund is its subject
        if ((o.VerbForm & Form.Ing) != 0 && v > 0 && unit.RefOf(v - 1) is { PossessivePronoun: false } ger && ger.Last == v - 1 && !ger.Possessive)
            return Grammar.Antecedent(_kb, unit, v, true);
        var subj = Grammar.Subject(_kb, unit, cs, v);
        if (subj.Count > 0) return subj;
        var opener = _t[cs].Key;
        if (_cues.Is(CueKind.Relative, opener) && unit.RefAt[cs] < 0)
        {
            return Grammar.Antecedent(_kb, unit, cs);
        }
        // a participle opening the unit: "Meeting in Moscow, Putin and Erdogan vowed ..."
        if ((o.VerbForm & Form.Ing) != 0 && v == 0)
        {
            for (var k = v + 1; k < _t.Count; k++)
                if (_t[k].Key == ",") return Grammar.Subject(_kb, unit, k + 1, Math.Min(_t.Count, k + 12));
        }
        // ellipsis and adjuncts: ", but have agreed", ", saying ...", "to attack": the subject of the clause before
        if (cs > 0)
        {
            var prevEnd = cs;
            while (prevEnd > 0 && (_t[prevEnd - 1].IsPunct || _t[prevEnd - 1].IsQuote)) prevEnd--;
            if (prevEnd > 0)
            {
                var prevStart = unit.ClauseStart[prevEnd - 1];
                if (!(unit.InQuote(prevStart) ^ unit.InQuote(v)))
                {
                    var prev = Grammar.Subject(_kb, unit, prevStart, prevEnd);
                    if (prev.Count > 0 && (_cues.Is(CueKind.Continuation, opener) || _cues.Is(CueKind.Speech, opener) == false && (o.VerbForm & Form.Ing) != 0 || IsInfinitive(v)))
                        return prev;
                }
            }
        }
        if ((o.VerbForm & Form.Ing) != 0 || IsInfinitive(v))
        {
            // ", hailing ..." within the same clause as its subject
            return Grammar.Subject(_kb, unit, unit.ClauseStart[cs], v);
        }
        return [];
    }

    /// <summary>
    /// "urged Qatar to", "for China to": "" when the party before an infinitive is its subject, null when it is not
    /// a control position at all, and another value when it is the object of a verb that does not pass it on ("called Modi to congratulate him").
    /// </summary>
    string? ControlledBy(Ref ctl)
    {
        var gov = Grammar.Governed(_kb, unit, ctl).Prep;
        if (gov == "for") return "";
        if (gov is not null) return null;
        var chain = Grammar.Antecedent(_kb, unit, ctl.Last + 1, true);
        var k = (chain.Count > 0 ? chain[0].First : ctl.First) - 1;
        while (k >= 0 && (_cues.Is(CueKind.Determiner, _t[k]) || unit.RefOf(k) is { PossessivePronoun: true })) k--;
        if (k < 0) return "";
        for (var s = Math.Max(0, k - 1); s <= k; s++)
            if (_cues.MatchVerb(CueKind.ControlVerb, _t, s, k + 1, out _) == k + 1 - s) return "";
        // the subject of a clause ("Russia to" in a headline) or anything else that is not a verb
        return _t[k].IsWord && !_t[k].IsCap && unit.RefAt[k] < 0 && !_cues.Is(CueKind.Clause, _t[k]) && !_cues.Is(CueKind.Coordinator, _t[k]) ? "object" : "";
    }

    /// <summary>A common noun heading a phrase ("a resolution", "Council resolution", "its plan") at token <paramref name="k"/>.</summary>
    bool NounBefore(int k)
    {
        if (k < 1 || unit.RefAt[k] >= 0 || !_t[k].IsWord || _t[k].IsCap || !Grammar.NpWord(_kb, unit, k)) return false;
        var key = _t[k].Key;
        if (key.EndsWith("ed", StringComparison.Ordinal) || key.EndsWith("ing", StringComparison.Ordinal) || _cues.Is(CueKind.Determiner, _t[k])
            || _cues.Match(CueKind.Plan, _t, k, k + 2, out _) > 0 || _cues.MatchVerb(CueKind.Plan, _t, k, k + 2, out _) > 0) return false;
        var prev = _t[k - 1];
        return _cues.Is(CueKind.Determiner, prev) || prev.IsPossessive || unit.RefOf(k - 1) is { PossessivePronoun: false } r && r.Last == k - 1;
    }

    bool IsInfinitive(int v)
    {
        var k = v - 1;
        while (k >= 0 && _cues.Is(CueKind.Aux, _t[k]) && _t[k].Key != "to") k--;
        return k >= 0 && _t[k].Key == "to";
    }

    bool ReducedRelative(Occurrence o)
    {
        for (var k = o.First - 1; k >= Math.Max(0, o.First - 4); k--)
        {
            var key = _t[k].Key;
            if (_cues.Is(CueKind.Be, key)) return false;
            if (!(_cues.Is(CueKind.Aux, key) || _cues.Is(CueKind.Negation, key) || key.EndsWith("ly", StringComparison.Ordinal))) break;
        }
        return true;
    }

    bool IsPassive(Occurrence o)
    {
        if ((o.Form & Form.Participle) == 0) return false;
        for (var k = o.First - 1; k >= Math.Max(0, o.First - 4); k--)
        {
            var key = _t[k].Key;
            if (_cues.Is(CueKind.Be, key)) return true;
            if (!(_cues.Is(CueKind.Aux, key) || _cues.Is(CueKind.Negation, key) || key.EndsWith("ly", StringComparison.Ordinal))) break;
        }
        // reduced relative: "an offensive threatened by Erdogan"
        return o.Last + 1 < _t.Count && _t[o.Last + 1].Key == "by" && o.First > 0 && unit.RefAt[o.First - 1] < 0 && _t[o.First - 1].IsWord;
    }

    /// <summary>"X's withdrawal is a prerequisite": a demand by the reporter on X.</summary>
    Candidate? BuildCopula(Occurrence o)
    {
        var c = NewCandidate(o, TriggerText(o));
        var be = -1;
        for (var k = o.First - 1; k >= Math.Max(c.ClauseFirst, o.First - 5); k--)
        {
            if (_cues.Is(CueKind.Be, _t[k])) { be = k; break; }
            if (!Grammar.NpWord(_kb, unit, k)) break;
        }
        if (be < 0) return null;
        var target = Grammar.FirstParty(_kb, unit, c.ClauseFirst, be);
        var reporter = Reporter(o.First, out _);
        if (reporter is null || target.Count == 0) return null;
        c.Source = reporter;
        c.Target = Parties(target);
        Polarity(c, be);
        c.Confidence = 0.6;
        return c;
    }

    /// <summary>A nominal trigger without a support verb: "Erdogan's visit to Russia", "a meeting between X and Y", "during the talks".</summary>
    Candidate? BuildNominal(Occurrence o, bool eventiveOnly)
    {
        var p = o.Pattern;
        var c = NewCandidate(o, TriggerText(o));
        var circ = CircumstanceBefore(o.First);
        var (left, poss) = LeftModifiers(o.First);
        var comps = Complements(o);
        var explicitParties = comps.Participants.Count > 0;
        var occurs = OccurrenceVerbNear(o);
        var source = new List<Ref>(poss);
        var target = new List<Ref>(comps.Target);
        source.AddRange(comps.Source);
        var participants = new List<Ref>(left);
        participants.AddRange(comps.Participants);
        if (source.Count == 0 && participants.Count > 0) { source = participants; participants = []; }
        foreach (var r in participants)
            if (!source.Contains(r) && !target.Contains(r)) target.Add(r);

        var eventive = p.Has(PatternFlags.Event) && (circ is not null || occurs || explicitParties && !VerbObject(o.First) || poss.Count > 0 && target.Count > 0 || unit.Where != "body" && o.First <= 1)
            // "the withdrawal of Turkish forces began": a measure that is said to happen
            || p.Has(PatternFlags.Process) && !p.Has(PatternFlags.SupportOnly) && OccursAfter(o) && (source.Count > 0 || target.Count > 0);
        if (!eventive && eventiveOnly) return null;
        c.Anaphoric = (o.First > 0 && (_cues.Is(CueKind.Anaphoric, _t[o.First - 1]) || poss.Exists(r => r.PossessivePronoun))) || circ is not null;

        // no parties of its own: those of the clause around it
        if (source.Count == 0 && circ is not null)
        {
            var cs = unit.ClauseStart[o.First];
            var subjBefore = Grammar.Subject(_kb, unit, cs, o.First);
            if (subjBefore.Count > 0)
            {
                if (p.Type == "CONSULT" && target.Count == 0 && ClauseVerb?.Invoke(o) is { } verbal && verbal.Target.Count > 0)
                {
                    // "called on X in a telephone conversation": the talk is between the caller and X
                    c.Source = verbal.Source;
                    c.Target = verbal.Target;
                    Polarity(c, o.First);
                    c.Confidence = 0.7;
                    return c;
                }
                source = p.Type == "CONSULT" || target.Count > 0 ? subjBefore : [];
            }
            else
            {
                // "Following talks with X in Moscow, Putin said": the subject after the adjunct
                for (var k = o.Last + 1; k < _t.Count; k++)
                {
                    if (_t[k].Key != ",") continue;
                    var after = Grammar.Subject(_kb, unit, k + 1, Math.Min(_t.Count, k + 14));
                    // "in Bonn, Germany, Tillerson returned": the main subject is followed by its verb, not by a comma
                    if (after.Count > 0 && after[^1].Last + 1 < _t.Count && _t[after[^1].Last + 1].Key != ",")
                    {
                        source = after;
                        break;
                    }
                }
            }
        }
        if (source.Count == 0 && o.First > 0 && unit.ClauseStart[o.First] > 0)
        {
            // "Putin told a joint news conference with Erdogan": the reporting verb's subject
            var cs = unit.ClauseStart[o.First];
            var sv = cs - 1;
            if (_cues.MatchVerb(CueKind.Speech, _t, sv, cs, out _) > 0 || _cues.MatchVerb(CueKind.Speech, _t, Math.Max(0, sv - 1), cs, out _) == 2)
                source = Grammar.Subject(_kb, unit, unit.ClauseStart[sv], sv);
        }
        c.Source = Parties(source);
        c.Target = Parties(target);
        Polarity(c, o.First);
        NominalModality(c, o);
        Refine(c, o);
        c.Confidence = 0.7 - (circ is null && !occurs ? 0.05 : 0);
        return c;
    }

    /// <summary>"relaunching negotiations between X and Y": the noun phrase is the object of a verb we do not code.</summary>
    bool VerbObject(int first)
    {
        var k = first - 1;
        while (k >= 0 && (Grammar.NpWord(_kb, unit, k) || unit.RefAt[k] >= 0 || _t[k].IsPossessive) && !_cues.Is(CueKind.Preposition, _t[k])) k--;
        if (k < 0) return false;
        var t = _t[k];
        // "to revive stalled peace talks": "to" before a bare word is an infinitive
        if (t.Key == "to" && k + 1 < first && unit.RefAt[k + 1] < 0 && !_cues.Is(CueKind.Determiner, _t[k + 1]) && (_t[k + 1].Flags & TokFlags.Digit) == 0) return true;
        return !(t.IsPunct || _cues.Is(CueKind.Preposition, t) || _cues.Is(CueKind.Clause, t) || _cues.Is(CueKind.Be, t) || _cues.Is(CueKind.Coordinator, t)
                 || _cues.MatchVerb(CueKind.Speech, _t, k, k + 1, out _) > 0);
    }

    /// <summary>The verbal event of the clause before a nominal (set by <see cref="Run"/>).</summary>
    Func<Occurrence, Candidate?>? ClauseVerb;

    bool OccursAfter(Occurrence o)
    {
        for (var k = o.Last + 1; k < Math.Min(_t.Count, o.Last + 14); k++)
        {
            if (_t[k].IsPunct || _cues.Is(CueKind.Clause, _t[k])) return false;
            if (_cues.MatchVerb(CueKind.Occurrence, _t, k, _t.Count, out var f) > 0 && (f & (Form.Past | Form.Third | Form.Participle)) != 0) return true;
            if (_cues.Match(CueKind.Occurrence, _t, k, _t.Count, out _) > 0) return true;
        }
        return false;
    }

    bool OccurrenceVerbNear(Occurrence o)
    {
        var cs = unit.ClauseStart[o.First];
        var end = Math.Min(_t.Count, unit.ClauseEnd[o.Last] + 12);
        for (var k = cs; k < end; k++)
        {
            if (k > o.Last && (_t[k].IsQuote || _t[k].Key is ";" or ":")) break;
            if (_cues.MatchVerb(CueKind.Occurrence, _t, k, _t.Count, out var f) > 0 && (f & (Form.Past | Form.Third | Form.Participle)) != 0) return true;
        }
        return false;
    }

    /// <summary>Parties written before a nominal trigger: the possessor ("Erdogan's", "his") and modifiers ("Russian-Turkish", "Astana").</summary>
    (List<Ref> Left, List<Ref> Possessor) LeftModifiers(int first)
    {
        var left = new List<Ref>();
        var poss = new List<Ref>();
        var k = first - 1;
        for (var steps = 0; k >= 0 && steps < 6; steps++)
        {
            var t = _t[k];
            if (t.IsPossessive) { k--; continue; }
            if (unit.RefOf(k) is { } r)
            {
                if (r.PossessivePronoun || r.Possessive) { poss.Insert(0, r); break; }
                if (r.Last >= first || r.Capital is not null) { k = r.First - 1; continue; }
                left.Insert(0, r);
                k = r.First - 1;
                continue;
            }
            if (t.Key == "and" && left.Count > 0) { k--; continue; }
            if (Grammar.NpWord(_kb, unit, k) && !_cues.Is(CueKind.Determiner, t)) { k--; continue; }
            break;
        }
        return (left, poss);
    }

    sealed record NominalArgs(List<Ref> Source, List<Ref> Target, List<Ref> Participants);

    /// <summary>Prepositional complements after a nominal trigger: "of X", "with X", "to X", "between X and Y", "involving X", "by X".</summary>
    NominalArgs Complements(Occurrence o)
    {
        var p = o.Pattern;
        var args = new NominalArgs([], [], []);
        var n = _t.Count;
        var end = Math.Min(n, o.Last + 22);
        var k = o.Last + 1;
        while (k < end)
        {
            var t = _t[k];
            if (t.IsQuote || t.IsPunct && t.Key != ",") break;
            if (t.Key == "," && k == o.Last + 1)
            {
                // ", which involved X" / ", involving X"
                var j = k + 1;
                if (j < n && _cues.Is(CueKind.Relative, _t[j])) j++;
                if (_cues.MatchVerb(CueKind.ParticipantsVerb, _t, j, n, out _) is var pl and > 0)
                {
                    var refs = NpAfter(j + pl, end);
                    if (refs.Count > 0) { args.Participants.AddRange(refs); k = refs[^1].Last + 1; continue; }
                }
                break;
            }
            if (t.Key == ",") break;
            if (_cues.Is(CueKind.Relative, t) && unit.RefAt[k] < 0)
            {
                if (k != o.Last + 1) break;
                var pl = _cues.MatchVerb(CueKind.ParticipantsVerb, _t, k + 1, n, out _);
                if (pl == 0) break;
                var refs = NpAfter(k + 1 + pl, end);
                if (refs.Count > 0) { args.Participants.AddRange(refs); k = refs[^1].Last + 1; continue; }
                break;
            }
            var pv = _cues.MatchVerb(CueKind.ParticipantsVerb, _t, k, n, out var pform);
            if (pv > 0 && (pform & Form.Ing) != 0)
            {
                var refs = NpAfter(k + pv, end);
                if (refs.Count > 0) { args.Participants.AddRange(refs); k = refs[^1].Last + 1; continue; }
            }
            if (_cues.Is(CueKind.Preposition, t) && unit.RefAt[k] < 0)
            {
                var prep = t.Key;
                var refs = NpAfter(k + 1, end);
                if (refs.Count == 0)
                {
                    // a preposition before a plain noun phrase: skip it ("on specific action", "in the region")
                    k++;
                    while (k < end && (Grammar.NpWord(_kb, unit, k) || unit.RefOf(k) is { Kind: RefKind.Implicit }) && !_cues.Is(CueKind.Preposition, _t[k])) k++;
                    continue;
                }
                switch (prep)
                {
                    case var pp when _cues.Is(CueKind.ParticipantPreposition, pp): args.Participants.AddRange(refs); break;
                    case "by": args.Source.AddRange(refs); break;
                    case "of": (p.Has(PatternFlags.OfTarget) ? args.Target : args.Source).AddRange(refs); break;
                    case "from": (p.Has(PatternFlags.FromSource) ? args.Source : args.Target).AddRange(refs); break;
                    default:
                        if (p.Preps.Contains(prep)) args.Target.AddRange(refs);
                        break;
                }
                k = refs[^1].Last + 1;
                continue;
            }
            if (Grammar.NpWord(_kb, unit, k) || unit.RefOf(k) is { }) { k++; continue; }
            break;
        }
        return args;
    }

    /// <summary>The compound heading the noun phrase at <paramref name="k"/> (after determiners, adjectives, "the ministers of").</summary>
    List<Ref> NpAfter(int k, int end)
    {
        var steps = 0;
        while (k < end && steps < 7)
        {
            if (unit.RefOf(k) is { } r && r.First == k && !(r.PossessivePronoun && !r.Possessive))
                return Grammar.Chain(_kb, unit, r, end);
            if (Grammar.NpWord(_kb, unit, k) || _t[k].Key == "of" && k > 0 && !_t[k - 1].IsPunct) { k++; steps++; continue; }
            break;
        }
        return [];
    }

    // ---------------------------------------------------------------- polarity and modality

    void Polarity(Candidate c, int v)
    {
        var cs = unit.ClauseStart[Math.Max(0, v)];
        string? modal = null;
        for (var k = v - 1; k >= Math.Max(cs, v - 7); k--)
        {
            var key = _t[k].Key;
            if (_cues.Match(CueKind.Negation, _t, k, v, out _) > 0) { c.Negated = true; continue; }
            if (Cues.Value(CueKind.Modal, _t[k]) is { } m) { modal ??= m; continue; }
            if (_cues.Is(CueKind.Modal, key)) { modal ??= "planned"; continue; }
            if (key == "to")
            {
                if (k > 0 && Cues.Value(CueKind.ToNoun, _t[k - 1]) is { } tn)
                {
                    if (tn == "negated") c.Negated = true; else modal ??= tn;
                    break;
                }
                var planned = false;
                var aspect = -1;
                for (var s = Math.Max(cs, k - 2); s < k && !planned && aspect < 0; s++)
                {
                    if (AspectAt(s, k)) { aspect = s; break; }
                    if (_cues.MatchVerb(CueKind.Plan, _t, s, k + 1, out _) == k + 1 - s || _cues.Match(CueKind.Plan, _t, s, k + 1, out _) == k + 1 - s
                        || _cues.Match(CueKind.Modal, _t, s, k + 1, out var mv) == k + 1 - s && mv is not null)
                        planned = true;
                }
                // "will continue to battle", "has continued to send": the aspect verb's own auxiliaries decide
                if (aspect >= 0) { k = aspect; continue; }
                // a headline's "X to meet Y" is announced; a bare infinitive ("forced Iran to stop") is not a reported act
                if (unit.Where != "body" && k > 0 && unit.RefAt[k - 1] >= 0) planned = true;
                modal ??= planned ? "planned" : "hypothetical";
                continue;
            }
            if (_cues.Is(CueKind.Be, key) || _cues.Is(CueKind.Aux, key)) continue;
            if (key.EndsWith("ly", StringComparison.Ordinal) && key.Length > 3 && unit.RefAt[k] < 0) continue;
            // "failed to", "yet to" read as one cue from their first word
            if (k + 1 < v && _cues.Match(CueKind.Negation, _t, k, v, out _) > 0) { c.Negated = true; continue; }
            break;
        }
        if (modal == "planned" && unit.Conditional) modal = "hypothetical";
        if (modal is not null) c.Modality = modal;
        else if (unit.Conditional) c.Modality = "hypothetical";
        else if (ClaimFor(c, v)) c.Modality = "reported-claim";
    }

    /// <summary>An aspect verb ("continued to", "began to": a plan cue valued "inherit") from token <paramref name="s"/> to the "to" at <paramref name="to"/>.</summary>
    bool AspectAt(int s, int to) => _cues.Match(CueKind.Plan, _t, s, to + 1, out var value) == to + 1 - s && value == "inherit";

    void NominalModality(Candidate c, Occurrence o)
    {
        for (var k = o.First - 1; k >= Math.Max(0, o.First - 4); k--)
        {
            var key = _t[k].Key;
            if (key == "no") c.Negated = true;
            if (Cues.Value(CueKind.NpModal, _t[k]) is { } m && c.Modality == "asserted") c.Modality = m;
            if (!Grammar.NpWord(_kb, unit, k) && unit.RefAt[k] < 0 && !_t[k].IsPossessive) break;
        }
    }

    /// <summary>A reporter other than the parties ("the Kremlin said Turkey attacked"), a claim verb or "reportedly": a reported claim.</summary>
    bool ClaimFor(Candidate c, int v)
    {
        var cs = unit.ClauseStart[Math.Max(0, v)];
        for (var k = cs; k < unit.ClauseEnd[Math.Max(0, v)]; k++)
            if (_cues.Is(CueKind.Claim, _t[k])) return true;
        var reporter = Reporter(v, out var claimVerb);
        if (reporter is null) return false;
        if (claimVerb) return true;
        var keys = reporter.Select(p => p.Key).ToHashSet();
        return !c.Source.Exists(p => keys.Contains(p.Key)) && !c.Target.Exists(p => keys.Contains(p.Key));
    }

    /// <summary>Who reports the clause at token <paramref name="k"/>: the quotation's speaker, a reporting verb's subject, "according to X".</summary>
    List<Party>? Reporter(int k, out bool claimVerb)
    {
        claimVerb = false;
        if (unit.InQuote(k)) return ctx.QuoteSpeakers.GetValueOrDefault(unit.Quote[k]);
        var cs = unit.ClauseStart[k];
        for (var j = cs - 1; j >= 0; j--)
        {
            if (unit.InQuote(j)) continue;
            var sp = UnitBuilder.SpeechVerb(_kb, unit, j);
            if (sp > 0 && j + sp == cs || sp > 0 && j + sp + 1 == cs && _t[cs].Key == "that")
            {
                claimVerb = _cues.MatchVerb(CueKind.ClaimVerb, _t, j, cs, out _) > 0;
                var subj = Grammar.Subject(_kb, unit, unit.ClauseStart[j], j);
                return subj.Count > 0 ? Parties(subj) : claimVerb ? [] : null;
            }
        }
        for (var j = 0; j + 1 < _t.Count; j++)
            if (_cues.Match(CueKind.According, _t, j, _t.Count, out _) is var len and > 0 && unit.RefOf(j + len) is { } r)
                return r.Parties;
        return null;
    }

    /// <summary>More specific codes: modifiers ("military support" = 072) and absorbed complements ("vowed to attack" = THREATEN 138).</summary>
    void Refine(Candidate c, Occurrence o)
    {
        var from = o.Support is not null ? o.SupportLast + 1 : Math.Max(0, o.First - 4);
        for (var k = from; k < o.First; k++)
            if (_cues.Refine.TryGetValue(_t[k].Key, out var map) && map.TryGetValue(c.Type, out var code) && _kb.Cameo[code] is { } cc)
            {
                c.Cameo = code;
                if (cc.Mode is { } m && c.Type != "CONSULT") c.Mode ??= m;
                if (c.Type == "CONSULT" && cc.Mode is { } cm) c.Mode = cm;
            }
        if (o.Inner is { } inner && _cues.Inner.TryGetValue(c.Type + "+" + inner.Pattern.Type, out var tc) && _kb.Cameo[tc.Cameo] is { } ic)
        {
            c.Type = ic.Plover ?? tc.Type;
            c.Cameo = tc.Cameo;
            c.Mode = ic.Mode;
        }
    }
}
