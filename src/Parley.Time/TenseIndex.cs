using System.Runtime.InteropServices;

namespace Parley.Time;

/// <summary>
/// The tense around each token of a sentence, from knowledge/time/tense-cues.tsv. The sentence is cut
/// into clauses at punctuation and boundary words (and, that, which…). For a token: a future cue
/// earlier in its clause makes it future ("will meet on Monday", "would visit Ankara on Monday");
/// otherwise the nearest cue in its clause decides; a clause without cues takes the first cue of the
/// next clause, else the last cue of the previous one ("On Monday, Putin said…"); no cue at all is None.
/// Past cues: listed past forms (said, was, met) and lower-case words ending in -ed (not notpast ones);
/// future cues: will, would, shall, 'll, "is set to", "plans to", "next"…
/// </summary>
sealed class TenseIndex
{
    readonly int[] _clause;
    readonly List<(int Tok, Tense Tense)> _cues = [];

    TenseIndex(int n) => _clause = new int[n];

    /// <summary>Cues and clauses of a sentence; tokens inside time expressions (covered) are neither.</summary>
    public static TenseIndex Build(TimeLexicon lex, string text, List<Tok> tokens, bool[]? covered)
    {
        var toks = CollectionsMarshal.AsSpan(tokens);
        var index = new TenseIndex(toks.Length);
        var clause = 0;
        for (var k = 0; k < toks.Length; k++)
        {
            var t = toks[k];
            if (covered is not null && covered[k]) { index._clause[k] = clause; continue; }
            if (t.Kind == TokKind.Punct)
            {
                if (text[t.Start] is ',' or ';' or ':' or '(' or ')' or '[' or ']' or '"' or '\u201C' or '\u201D' or '\u2014' or '\u2013' or '-')
                    clause++;
                index._clause[k] = clause;
                continue;
            }
            var w = t.Id >= 0 ? lex[t.Id] : null;
            if (w is { Boundary: true }) clause++;
            index._clause[k] = clause;
            if (lex.TensePhrases.MatchForward(toks, k, out var end, out var phraseTense) && !Covered(covered, k, end))
            {
                index._cues.Add((k, phraseTense));
                for (var m = k + 1; m < end; m++) index._clause[m] = clause;
                k = end - 1;
                continue;
            }
            // a capitalised cue word is a name or a month ("May", "Will") unless it opens the sentence
            if (w is { Tense: not Tense.None } && (k == 0 || !t.Has(TokFlags.Cap))) index._cues.Add((k, w.Tense));
            else if (t.Kind == TokKind.Word && w is not { NotPast: true } && IsEdForm(text, t)) index._cues.Add((k, Tense.Past));
        }
        return index;
    }

    static bool Covered(bool[]? covered, int from, int to)
    {
        if (covered is null) return false;
        for (var k = from; k < to; k++) if (covered[k]) return true;
        return false;
    }

    static bool IsEdForm(string text, in Tok t) =>
        t.Length >= 4 && !t.Has(TokFlags.Cap) && !t.Has(TokFlags.Hyphen)
        && text[t.End - 1] == 'd' && text[t.End - 2] == 'e' && char.IsLower(text[t.Start]);

    public Tense At(int tok)
    {
        if (_cues.Count == 0 || tok < 0 || tok >= _clause.Length) return Tense.None;
        var c = _clause[tok];
        var best = -1;
        var bestDistance = int.MaxValue;
        foreach (var (k, tense) in _cues)
        {
            if (_clause[k] != c) continue;
            if (k < tok && tense == Tense.Future) return Tense.Future;
            var distance = k < tok ? (tok - k) * 2 : (k - tok) * 2 + 1;   // ties go to the cue before
            if (distance < bestDistance) { bestDistance = distance; best = k; }
        }
        if (best >= 0) return _cues.First(x => x.Tok == best).Tense;
        var last = _clause[^1];
        for (var d = 1; c + d <= last || c - d >= 0; d++)
        {
            foreach (var (k, tense) in _cues)
                if (_clause[k] == c + d) return tense;
            for (var x = _cues.Count - 1; x >= 0; x--)
                if (_clause[_cues[x].Tok] == c - d) return _cues[x].Tense;
        }
        return Tense.None;
    }
}
