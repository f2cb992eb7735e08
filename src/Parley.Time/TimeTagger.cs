using Parley.Core;

namespace Parley.Time;

/// <summary>
/// The time stage: finds time expressions in article text and normalises them TIMEX3-style, anchored
/// on the publication date and the tense of the clause (see <see cref="Resolver"/> and
/// <see cref="TenseIndex"/>). Knowledge comes from knowledge/time/*.tsv. Built once with
/// <see cref="Load"/>; holds no per-document state, so one instance may serve several threads.
/// </summary>
public sealed class TimeTagger
{
    readonly TimeLexicon _lex;

    TimeTagger(TimeLexicon lex) => _lex = lex;

    /// <summary>Loads knowledge/time (or a directory with the same files).</summary>
    public static TimeTagger Load(string? directory = null) => new(TimeLexicon.Load(directory));

    /// <summary>
    /// The time expressions of an article, in text order. <paramref name="published"/> is YYYY-MM-DD
    /// (or YYYY-MM, YYYY); when it is null a dated dateline at the start ("MOSCOW, Jan. 23, 2019 (Reuters) -")
    /// is the anchor instead, else relative expressions keep partial values ("XXXX-01-23") or none.
    /// </summary>
    public List<TimexRecord> Tag(string text, IReadOnlyList<TextSpan> sentences, string? published)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        var anchor = TimeAnchor.Parse(published);
        var results = new List<TimexRecord>();
        var tokens = new List<Tok>(64);
        var parsed = new List<Parsed>();
        for (var si = 0; si < sentences.Count; si++)
        {
            var span = sentences[si];
            var start = Math.Clamp(span.Start, 0, text.Length);
            var end = Math.Clamp(span.End, start, text.Length);
            if (end <= start) continue;
            TimeTokenizer.Tokenize(text, start, end, _lex, tokens);
            parsed.Clear();
            new Scanner(_lex, text, tokens).Scan(parsed);
            if (parsed.Count == 0) continue;
            if (si == 0 && Dateline(text, tokens, parsed) is { } dateline && !anchor.Known && dateline.Year >= 0 && dateline.Day > 0)
                anchor = new TimeAnchor(new DateOnly(dateline.Year, dateline.Month, dateline.Day), Gran.Day, "dateline");
            Emit(text, tokens, parsed, anchor, si, results);
        }
        return results;
    }

    /// <summary>The time expressions of one sentence (for stages that work sentence by sentence).</summary>
    public List<TimexRecord> Resolve(string text, TextSpan sentence, string? published, int sentenceIndex = 0)
    {
        var results = new List<TimexRecord>();
        var start = Math.Clamp(sentence.Start, 0, text.Length);
        var end = Math.Clamp(sentence.End, start, text.Length);
        var tokens = new List<Tok>(64);
        TimeTokenizer.Tokenize(text, start, end, _lex, tokens);
        var parsed = new List<Parsed>();
        new Scanner(_lex, text, tokens).Scan(parsed);
        if (parsed.Count > 0) Emit(text, tokens, parsed, TimeAnchor.Parse(published), sentenceIndex, results);
        return results;
    }

    /// <summary>The tense the stage reads at a character offset of a sentence (past, future or none).</summary>
    public Tense TenseAt(string text, TextSpan sentence, int offset)
    {
        var tokens = new List<Tok>(64);
        TimeTokenizer.Tokenize(text, Math.Clamp(sentence.Start, 0, text.Length), Math.Clamp(sentence.End, 0, text.Length), _lex, tokens);
        var k = tokens.FindIndex(t => t.End > offset);
        return k < 0 ? Tense.None : TenseIndex.Build(_lex, text, tokens, null).At(k);
    }

    void Emit(string text, List<Tok> tokens, List<Parsed> parsed, TimeAnchor anchor, int sentence, List<TimexRecord> into)
    {
        TenseIndex? tense = null;
        Tense TenseOf(int tok)
        {
            if (tense is null)
            {
                var covered = new bool[tokens.Count];
                foreach (var p in parsed)
                    for (var k = p.T0; k < p.T1 && k < covered.Length; k++) covered[k] = true;
                tense = TenseIndex.Build(_lex, text, tokens, covered);
            }
            return tense.At(tok);
        }
        Resolver.ResolveSentence(parsed, 0, parsed.Count, anchor, TenseOf);
        foreach (var p in parsed)
        {
            var start = tokens[p.T0].Start;
            var end = tokens[p.T1 - 1].End;
            into.Add(new TimexRecord
            {
                Text = text[start..end],
                Value = p.Value,
                Start = start,
                End = end,
                Sentence = sentence,
                Type = p.Type,
                Anchor = p.Anchor,
                Mod = Resolver.Mod(p),
                EndValue = p.EndValue,
            });
        }
    }

    /// <summary>
    /// A dateline's date: capitalised place words (and commas) from the sentence start, a month-day date,
    /// then within a few tokens an agency in parentheses or a dash ("MOSCOW, Jan 23 (Reuters) -").
    /// </summary>
    Parsed? Dateline(string text, List<Tok> tokens, List<Parsed> parsed)
    {
        var p = parsed[0];
        if (p is not { Kind: PKind.Date, Month: > 0, Day: > 0 } || p.T0 == 0 || p.T0 > 8) return null;
        if (!tokens[0].Has(TokFlags.AllCaps)) return null;
        for (var k = 0; k < p.T0; k++)
        {
            var t = tokens[k];
            var ok = t.Kind == TokKind.Word && t.Has(TokFlags.Cap) || t.Id == _lex.Comma || t.Id == _lex.Dot;
            if (!ok) return null;
        }
        for (var k = p.T1; k < Math.Min(tokens.Count, p.T1 + 5); k++)
        {
            var t = tokens[k];
            if (t.Id == _lex.OpenParen || t.Kind == TokKind.Punct && text[t.Start] is '-' or '\u2013' or '\u2014')
            {
                p.Dateline = true;
                return p;
            }
        }
        return null;
    }
}
