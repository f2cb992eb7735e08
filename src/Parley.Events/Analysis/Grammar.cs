using Parley.Events.Knowledge;

namespace Parley.Events.Analysis;

/// <summary>What governs a reference: the preposition before it, and whether it sits under a role noun ("ministers of X").</summary>
readonly record struct Governance(string? Prep, bool RoleOf)
{
    public bool Any => Prep is not null;
}

/// <summary>
/// Shallow grammar over a unit's tokens, enough to find an event's arguments without a parser: what a reference
/// is governed by, compounds ("X, Y and Z", "X as well as Y"), the subject of a clause and the object of a trigger.
/// </summary>
static class Grammar
{
    /// <summary>A word that may sit inside a noun phrase before its head (determiners, adjectives, numbers).</summary>
    public static bool NpWord(EventKnowledge kb, Unit unit, int k) =>
        unit.NpWordCache(k) switch { > 0 => true, < 0 => false, _ => unit.SetNpWord(k, ComputeNpWord(kb, unit, k)) };

    static bool ComputeNpWord(EventKnowledge kb, Unit unit, int k)
    {
        var t = unit.Toks[k];
        if (t.IsPunct) return false;
        if (unit.RefOf(k) is { } r) return r.PossessivePronoun;
        var c = kb.Cues;
        if (c.Is(CueKind.Determiner, t)) return true;
        if (c.Is(CueKind.Adverb, t) || c.Is(CueKind.Pronoun, t)) return false;
        if ((t.Flags & TokFlags.Digit) != 0) return true;
        if (t.IsCap && (t.Flags & TokFlags.HyphenPrev) == 0 && k > 0 && unit.Where != "title") return false;
        if (c.Is(CueKind.Preposition, t) || c.Is(CueKind.Be, t) || c.Is(CueKind.Aux, t) || c.Is(CueKind.Modal, t) || c.Is(CueKind.Clause, t)
            || c.Is(CueKind.Coordinator, t) || c.Is(CueKind.Negation, t) || c.Is(CueKind.Speech, t)) return false;
        if (t.IsPossessive) return false;
        if (t.Key.Length > 5 && t.Key.EndsWith("ing", StringComparison.Ordinal) && !c.Is(CueKind.Adjective, t)) return false;
        if (unit.TriggerAt(kb, k, out _) > 0) return false;
        if (unit.SupportAt(kb, k) > 0) return false;
        return true;
    }

    /// <summary>The preposition governing a reference (looking back over noun-phrase words), seen through role nouns.</summary>
    public static Governance Governed(EventKnowledge kb, Unit unit, Ref r) => GovernedAt(kb, unit, r.First, 0);

    static Governance GovernedAt(EventKnowledge kb, Unit unit, int first, int depth)
    {
        var k = first - 1;
        var skipped = 0;
        var words = 0;
        // determiners and at most one adjective ("much of northern Syria"); more words mean a new phrase ("at the same time Trump")
        while (k >= 0 && skipped < 4 && NpWord(kb, unit, k) && !kb.Cues.Is(CueKind.Preposition, unit.Toks[k]))
        {
            var tk = unit.Toks[k];
            if (!kb.Cues.Is(CueKind.Determiner, tk) && (tk.Flags & (TokFlags.Digit | TokFlags.HyphenPrev)) == 0 && unit.RefAt[k] < 0 && ++words > 1) return default;
            k--;
            skipped++;
        }
        if (k < 0) return default;
        var t = unit.Toks[k];
        // "in Bonn, Germany": a country after a place name and a comma shares the place's governor
        if (t.Key == "," && k == first - 1 && k > 0 && unit.RefAt[k - 1] < 0 && unit.Toks[k - 1].IsCap && depth < 2
            && unit.RefOf(first) is { Actor.Kind: "state" } country && (country.Last + 1 >= unit.Count || unit.Toks[country.Last + 1].IsPunct))
            return GovernedAt(kb, unit, k - 1, depth + 1);
        // "the U.N. General Assembly": a name right after another name shares its governor
        if (k == first - 1 && unit.RefOf(k) is { PossessivePronoun: false, Possessive: false } prevRef && depth < 2 && !t.IsPunct)
            return GovernedAt(kb, unit, prevRef.First, depth + 1);
        if (!kb.Cues.Is(CueKind.Preposition, t) || unit.RefAt[k] >= 0) return default;
        // "killed around 16 Syrian Kurds": before a number it approximates, it governs nothing
        if (k + 1 < unit.Count && (unit.Toks[k + 1].Flags & TokFlags.Digit) != 0) return default;
        if ((t.Key == "of" || t.Key == "with" && kb.Cues.Is(CueKind.PlaceNoun, unit.Toks[Math.Max(0, k - 1)])) && depth < 2 && k > 0 && IsRoleNoun(kb, unit, k - 1, out var roleStart))
        {
            var outer = GovernedAt(kb, unit, roleStart, depth + 1);
            return new Governance(outer.Prep, true);
        }
        // "two-word" prepositions: "prior to", "ahead of", "according to"
        if (k > 0 && kb.Cues.Match(CueKind.CompoundPreposition, unit.Toks, k - 1, k + 1, out _) == 2)
            return new Governance(unit.Toks[k - 1].Key + " " + t.Key, false);
        return new Governance(t.Key, false);
    }

    /// <summary>Token <paramref name="k"/> ends a role noun phrase ("the defence ministers"); its first token.</summary>
    static bool IsRoleNoun(EventKnowledge kb, Unit unit, int k, out int start)
    {
        start = k;
        var key = unit.Toks[k].Key;
        var singular = key.EndsWith("ies") ? key[..^3] + "y" : key.EndsWith('s') ? key[..^1] : key;
        if (!kb.Cues.Is(CueKind.RoleNoun, key) && !kb.Cues.Is(CueKind.RoleNoun, singular) && !kb.Cues.Is(CueKind.PlaceNoun, key)) return false;
        while (start - 1 >= 0 && NpWord(kb, unit, start - 1)) start--;
        return true;
    }

    /// <summary>Length in tokens of a coordinator at <paramref name="k"/> (", and", "as well as"), 0 if none.</summary>
    static int Coordinator(EventKnowledge kb, Unit unit, int k, int end) => kb.Cues.Match(CueKind.Coordinator, unit.Toks, k, end, out _);

    /// <summary>The compound starting at <paramref name="r"/>: "X, Y and Z", "X and his counterpart, Y", "Syrian-Turkish".</summary>
    public static List<Ref> Chain(EventKnowledge kb, Unit unit, Ref r, int limit)
    {
        var chain = new List<Ref> { r };
        var cur = r;
        while (true)
        {
            var k = cur.Last + 1;
            if (k >= limit) break;
            Ref? next = null;
            if (unit.RefOf(k) is { } adj && (unit.Toks[k].Flags & TokFlags.HyphenPrev) != 0 && adj != cur) next = adj;
            else
            {
                var c = Coordinator(kb, unit, k, limit);
                if (c == 0) break;
                var j = k + c;
                var skipped = 0;
                while (j < limit && skipped < 4 && unit.RefOf(j) is not { PossessivePronoun: false } && NpWord(kb, unit, j)) { j++; skipped++; }
                // "Syrian Kurds, America's top partner": a possessive opens an apposition, not a new party
                if (j < limit && unit.RefOf(j) is { PossessivePronoun: false, Possessive: false } cand && cand.First == j) next = cand;
            }
            if (next is null || next == cur) break;
            chain.Add(next);
            cur = next;
        }
        return chain;
    }

    /// <summary>A reference that can be a party: not a possessive determiner of a following noun, not inside another quotation state.</summary>
    static bool Candidate(Unit unit, Ref r, int at) =>
        !r.PossessivePronoun && unit.InQuote(r.First) == unit.InQuote(at);

    /// <summary>The subject of the clause [from, before): the leftmost ungoverned reference and its compound.</summary>
    public static List<Ref> Subject(EventKnowledge kb, Unit unit, int from, int before, bool nearFirst = true)
    {
        // a party right before the verb group ("Iran is pressing", "Russia and Turkey also agreed", "Fidan, travelled")
        var j = nearFirst ? before - 1 : -1;
        while (j >= from && (kb.Cues.Is(CueKind.Aux, unit.Toks[j]) || kb.Cues.Is(CueKind.Modal, unit.Toks[j]) || kb.Cues.Is(CueKind.Be, unit.Toks[j])
               || kb.Cues.Is(CueKind.Negation, unit.Toks[j]) || unit.RefAt[j] < 0 && unit.Toks[j].Key.EndsWith("ly", StringComparison.Ordinal) && unit.Toks[j].Key.Length > 3))
            j--;
        if (j >= from && unit.Toks[j].Key == "," && j - 1 >= from && unit.RefOf(j - 1) is { } app && Governed(kb, unit, app) is { Any: false }) j--;
        // an unknown name right before the verb is the subject ("Xi asking Trump"): none of ours
        if (j > from && j < before && unit.RefAt[j] < 0 && unit.Toks[j].IsCap && unit.Toks[j].IsWord && unit.Where == "body" && !kb.Cues.Is(CueKind.Adverb, unit.Toks[j])
            && j + 1 < unit.Count && !unit.Toks[j + 1].IsPunct) return [];
        if (j >= from && unit.RefOf(j) is { } near && near.Last == j && Candidate(unit, near, before) && !near.Possessive
            && SubjectGovernor(kb, Governed(kb, unit, near).Prep))
        {
            var chain = Antecedent(kb, unit, near.Last + 1, true);
            if (chain.Count > 0 && chain[0].First >= from)
            {
                // a subject opening with an apposition ("Turkey's Foreign Minister, Hakan Fidan,"): the same party
                return chain;
            }
        }
        for (var k = Math.Max(0, from); k < before; k++)
        {
            if (unit.RefOf(k) is not { } r || r.First != k || !Candidate(unit, r, before)) continue;
            var g = Governed(kb, unit, r);
            if (g.Any || Modifier(kb, unit, r, true)) continue;
            if (r.Possessive && Apposed(kb, unit, r, before) is { } head) r = head;
            return Chain(kb, unit, r, before);
        }
        return [];
    }

    /// <summary>No governor, or a subordinating conjunction ("since Trump announced").</summary>
    static bool SubjectGovernor(EventKnowledge kb, string? prep) => prep is null || kb.Cues.Is(CueKind.Subordinator, prep);

    /// <summary>"Mr. Trump's national security adviser, John Bolton, said": the party the possessive phrase names.</summary>
    static Ref? Apposed(EventKnowledge kb, Unit unit, Ref poss, int before)
    {
        var k = poss.Last + 2;
        for (var steps = 0; k < before && steps < 7; steps++, k++)
        {
            if (unit.RefOf(k) is { PossessivePronoun: false } r && r != poss && !Modifier(kb, unit, r)) return r;
            if (!(unit.Toks[k].Key == "," || NpWord(kb, unit, k))) return null;
        }
        return null;
    }

    /// <summary>The antecedent of a relative clause opening at <paramref name="rel"/> ("Syrian Kurds who ...").</summary>
    public static List<Ref> Antecedent(EventKnowledge kb, Unit unit, int rel, bool governedOk = false)
    {
        var k = rel - 1;
        if (k >= 0 && unit.Toks[k].Key == ",") k--;
        if (k < 0 || unit.RefOf(k) is not { } r || r.PossessivePronoun) return [];
        if (!governedOk && Governed(kb, unit, r) is { Any: true, RoleOf: false }) return [];
        // walk back to the start of a compound ending here
        var first = r;
        for (var j = r.First - 1; j >= 0; j--)
        {
            if (unit.RefOf(j) is { PossessivePronoun: false } p && p != first)
            {
                if (Governed(kb, unit, p) is { Any: true, RoleOf: false }) break;
                var chain = Chain(kb, unit, p, r.Last + 1);
                if (chain.Contains(r)) { first = p; j = p.First; continue; }
                break;
            }
            if (!(unit.Toks[j].Key is "," or "and" || NpWord(kb, unit, j))) break;
        }
        return Chain(kb, unit, first, r.Last + 1);
    }

    /// <summary>
    /// The recipient after a trigger: the first reference that is the direct object (when the pattern takes one) or
    /// follows one of the pattern's prepositions, before the clause ends; places ("in Moscow") are skipped.
    /// </summary>
    public static (List<Ref> Refs, string? Prep) Object(EventKnowledge kb, Unit unit, int from, int limit, bool direct, IReadOnlySet<string> preps)
    {
        limit = Math.Min(limit, from + 16);
        var open = true;
        for (var k = from; k < limit; k++)
        {
            var t = unit.Toks[k];
            // the direct-object slot closes at the first word that cannot sit in a noun phrase before its party
            if (t.IsWord && unit.RefAt[k] < 0 && !NpWord(kb, unit, k) && !kb.Cues.Is(CueKind.Preposition, t) && !kb.Cues.Is(CueKind.Aux, t)) open = false;
            if (t.IsPunct && t.Key != "," || t.IsQuote) break;
            if (t.Key == ",")
            {
                if (k + 1 < limit && unit.RefOf(k + 1) is { PossessivePronoun: false }) continue;
                break;
            }
            if (k > from && (kb.Cues.Is(CueKind.Continuation, t) || t.Key == "or") && unit.RefOf(k + 1) is null && !(k + 1 < limit && NpWord(kb, unit, k + 1))) break;
            if (unit.RefAt[k] < 0 && k > from && unit.TriggerAt(kb, k, out var th) > 0 && !NpWord(kb, unit, k - 1)
                && th!.TrueForAll(h => h.Pattern.Part != Knowledge.Part.Noun)) break;
            if (unit.RefOf(k) is not { } r || r.First != k || r.PossessivePronoun) continue;
            var g = Governed(kb, unit, r);
            var prep = g.Prep;
            if (Modifier(kb, unit, r)) continue;
            // the governing preposition must lie after the trigger
            if (prep is not null && !PrepBetween(unit, from, k, prep)) prep = null;
            var ok = prep is null ? direct && open : preps.Contains(prep) || direct && kb.Cues.Is(CueKind.HeadPreposition, prep) && HeadBefore(kb, unit, from, k, prep);
            if (ok)
            {
                var chain = Chain(kb, unit, r, limit);
                // "warned the US will abandon the deal": the party is the subject of a clause, not the object
                if (prep is null && chain[^1].Last + 1 < unit.Count && unit.Toks[chain[^1].Last + 1] is var nx
                    && (kb.Cues.Is(CueKind.Modal, nx) || kb.Cues.Is(CueKind.FiniteAux, nx) || kb.Cues.Is(CueKind.Be, nx)))
                    return ([], null);
                return (chain, prep);
            }
            if (prep is null && !direct && !g.RoleOf) continue;
        }
        return ([], null);
    }

    /// <summary>A name before a common noun only modifies it ("the Russia investigation", "U.S.-Russian relations").</summary>
    public static bool Modifier(EventKnowledge kb, Unit unit, Ref r, bool implicitToo = false)
    {
        if (r.Kind is RefKind.Speaker || r.Possessive || r.PossessivePronoun || r.Kind == RefKind.Implicit && !implicitToo) return false;
        var k = r.Last + 1;
        if (k >= unit.Count) return false;
        var t = unit.Toks[k];
        // "a Trump Organization executive": a name inside a longer unknown name
        if (r.Kind != RefKind.Implicit && t.IsWord && t.IsCap && unit.Where == "body" && unit.RefAt[k] < 0 && !kb.Cues.Is(CueKind.Adverb, t)
            && (t.Flags & TokFlags.HyphenPrev) == 0) return true;
        if (!t.IsWord || t.IsCap && unit.Where != "title" || t.IsPossessive || unit.RefAt[k] >= 0) return false;
        if (kb.Cues.Is(CueKind.HeadNoun, t) || t.Key.EndsWith("ly", StringComparison.Ordinal) || t.Key.EndsWith("ed", StringComparison.Ordinal)) return false;
        if (unit.TriggerAt(kb, k, out var hits) > 0 && hits!.Exists(h => h.Pattern.Part == Knowledge.Part.Noun)
            && !(k + 1 < unit.Count && unit.Toks[k + 1].Key is "to" or "with")) return true;
        return NpWord(kb, unit, k) && !kb.Cues.Is(CueKind.Determiner, t) && (t.Flags & TokFlags.Digit) == 0;
    }

    /// <summary>"rejected the idea of X": only noun-phrase words between the trigger and the "of" before the party.</summary>
    static bool HeadBefore(EventKnowledge kb, Unit unit, int from, int refFirst, string prep)
    {
        var of = refFirst - 1;
        while (of > from && unit.Toks[of].Key != prep) of--;
        if (of <= from) return false;
        var participles = 0;
        for (var k = from; k < of; k++)
        {
            if (NpWord(kb, unit, k) || unit.TriggerAt(kb, k, out var h) > 0 && h!.Exists(x => x.Pattern.Part == Knowledge.Part.Noun)) continue;
            // "the sanctions imposed by Britain"
            if (prep != "of" && unit.Toks[k].Key.EndsWith("ed", StringComparison.Ordinal) && ++participles == 1) continue;
            return false;
        }
        return true;
    }

    static bool PrepBetween(Unit unit, int from, int to, string prep)
    {
        var last = prep.Contains(' ') ? prep[(prep.IndexOf(' ') + 1)..] : prep;
        for (var k = from; k < to; k++)
            if (unit.Toks[k].Key == last) return true;
        return false;
    }

    /// <summary>First ungoverned-or-argument reference in [from, limit) that is not a place ("in Syria"); used for complements.</summary>
    public static List<Ref> FirstParty(EventKnowledge kb, Unit unit, int from, int limit, Func<Ref, bool>? accept = null)
    {
        for (var k = from; k < limit; k++)
        {
            if (unit.RefOf(k) is not { } r || r.First != k || r.PossessivePronoun && !r.Possessive) continue;
            var g = Governed(kb, unit, r);
            if (g.Prep is { } p && kb.Cues.Is(CueKind.PlacePreposition, p)) continue;
            if (Modifier(kb, unit, r)) continue;
            if (accept is not null && !accept(r)) continue;
            return Chain(kb, unit, r, limit);
        }
        return [];
    }
}
