namespace Parley.Time;

enum TokKind : byte { Word, Number, Ordinal, Complex, Punct, Clitic }

[Flags]
enum TokFlags : byte
{
    None = 0,
    Cap = 1,        // first letter upper-case
    AllCaps = 2,    // two or more letters, all upper-case
    Comma = 4,      // a number written with group commas ("2,000")
    Hyphen = 8,     // contains a hyphen
    Period = 16,    // directly followed by '.' ("Jan.")
}

/// <summary>A token of a sentence: its span, kind, lexicon id (-1 unknown) and numeric value.</summary>
struct Tok
{
    public int Start, End, Id, Num;
    public TokKind Kind;
    public TokFlags Flags;
    public readonly int Length => End - Start;
    public readonly bool Has(TokFlags f) => (Flags & f) != 0;
}

/// <summary>
/// One pass over a sentence's characters: words (with inner hyphens, initialisms "U.S.", "a.m",
/// contractions "won't"), numbers ("2,000"), ordinals ("23rd"), digit compounds ("2015-2017",
/// "6:49", "1/23/2019", "1990s", "'90s"), clitics ("'s", "'ll") and single punctuation marks.
/// </summary>
static class TimeTokenizer
{
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC';
    static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';
    static bool IsAlnum(char c) => char.IsLetterOrDigit(c);

    public static void Tokenize(string text, int start, int end, TimeLexicon lex, List<Tok> into)
    {
        into.Clear();
        var s = text.AsSpan();
        var i = start;
        while (i < end)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var leadingApostrophe = IsApostrophe(c) && i + 1 < end && char.IsAsciiDigit(s[i + 1]);
            if (IsAlnum(c) || leadingApostrophe)
            {
                var j = leadingApostrophe ? i + 1 : i;
                var flags = TokFlags.None;
                while (j < end)
                {
                    var ch = s[j];
                    if (IsAlnum(ch)) { j++; continue; }
                    if (j + 1 >= end || j == i || !IsAlnum(s[j + 1])) break;
                    var prev = s[j - 1];
                    var next = s[j + 1];
                    if (IsHyphen(ch)) { flags |= TokFlags.Hyphen; j++; continue; }
                    if (ch == '\u2013' && char.IsAsciiDigit(prev) && char.IsAsciiDigit(next)) { j++; continue; }
                    if (ch == '.' && char.IsLetter(prev) && char.IsLetter(next) && (j - 1 == i || !char.IsLetter(s[j - 2]))) { j++; continue; }
                    if (ch == '.' && char.IsAsciiDigit(prev) && char.IsAsciiDigit(next)) { j++; continue; }
                    if (ch == ',' && char.IsAsciiDigit(prev) && ThreeDigitsFollow(s, j + 1, end)) { flags |= TokFlags.Comma; j++; continue; }
                    if (ch is ':' or '/' && char.IsAsciiDigit(prev) && char.IsAsciiDigit(next)) { j++; continue; }
                    if (IsApostrophe(ch) && char.IsLetter(prev) && char.IsLetter(next))
                    {
                        var k = j + 1;
                        while (k < end && char.IsLetter(s[k])) k++;
                        if (IsClitic(s[(j + 1)..k])) break;
                        j++;
                        continue;
                    }
                    break;
                }
                into.Add(Classify(s, i, j, flags, lex));
                i = j;
                continue;
            }
            if (IsApostrophe(c) && into.Count > 0 && into[^1].End == i && i + 1 < end && char.IsLetter(s[i + 1]))
            {
                var k = i + 1;
                while (k < end && char.IsLetter(s[k])) k++;
                if (IsClitic(s[(i + 1)..k]))
                {
                    into.Add(new Tok { Start = i, End = k, Kind = TokKind.Clitic, Id = lex.CliticId(s[(i + 1)..k]), Num = -1 });
                    i = k;
                    continue;
                }
            }
            into.Add(new Tok { Start = i, End = i + 1, Kind = TokKind.Punct, Id = lex.IdOf(s.Slice(i, 1)), Num = -1 });
            i++;
        }
    }

    static bool IsClitic(ReadOnlySpan<char> rest) =>
        rest.Equals("s", StringComparison.OrdinalIgnoreCase) || rest.Equals("ll", StringComparison.OrdinalIgnoreCase) ||
        rest.Equals("re", StringComparison.OrdinalIgnoreCase) || rest.Equals("ve", StringComparison.OrdinalIgnoreCase) ||
        rest.Equals("d", StringComparison.OrdinalIgnoreCase) || rest.Equals("m", StringComparison.OrdinalIgnoreCase);

    static bool ThreeDigitsFollow(ReadOnlySpan<char> s, int k, int end) =>
        k + 3 <= end && char.IsAsciiDigit(s[k]) && char.IsAsciiDigit(s[k + 1]) && char.IsAsciiDigit(s[k + 2]) && (k + 3 == end || !char.IsAsciiDigit(s[k + 3]));

    static Tok Classify(ReadOnlySpan<char> s, int start, int end, TokFlags flags, TimeLexicon lex)
    {
        var w = s[start..end];
        var tok = new Tok { Start = start, End = end, Id = -1, Num = -1, Flags = flags };
        if (end < s.Length && s[end] == '.') tok.Flags |= TokFlags.Period;
        var digits = 0;
        var letters = 0;
        var upper = 0;
        foreach (var ch in w)
        {
            if (char.IsAsciiDigit(ch)) digits++;
            else if (char.IsLetter(ch)) { letters++; if (char.IsUpper(ch)) upper++; }
        }
        if (letters == 0 && digits == w.Length - CountCommas(w))
        {
            tok.Kind = TokKind.Number;
            tok.Num = ParseDigits(w);
            tok.Id = lex.NumberId(w);
            return tok;
        }
        if (digits > 0)
        {
            var lead = 0;
            while (lead < w.Length && char.IsAsciiDigit(w[lead])) lead++;
            if (lead == digits && w.Length - lead == 2 && IsOrdinalSuffix(w[lead..]))
            {
                tok.Kind = TokKind.Ordinal;
                tok.Num = ParseDigits(w[..lead]);
                return tok;
            }
            tok.Kind = TokKind.Complex;
            tok.Id = lex.NumberId(w);
            return tok;
        }
        tok.Kind = TokKind.Word;
        if (char.IsUpper(w[0])) tok.Flags |= TokFlags.Cap;
        if (letters >= 2 && upper == letters) tok.Flags |= TokFlags.AllCaps;
        tok.Id = lex.IdOf(w);
        return tok;
    }

    static int CountCommas(ReadOnlySpan<char> w)
    {
        var n = 0;
        foreach (var ch in w) if (ch == ',') n++;
        return n;
    }

    static bool IsOrdinalSuffix(ReadOnlySpan<char> x) =>
        x.Equals("st", StringComparison.OrdinalIgnoreCase) || x.Equals("nd", StringComparison.OrdinalIgnoreCase) ||
        x.Equals("rd", StringComparison.OrdinalIgnoreCase) || x.Equals("th", StringComparison.OrdinalIgnoreCase);

    /// <summary>The value of a digit string (commas skipped); -1 when it has more than nine digits.</summary>
    public static int ParseDigits(ReadOnlySpan<char> w)
    {
        var v = 0;
        var n = 0;
        foreach (var ch in w)
        {
            if (ch == ',') continue;
            if (!char.IsAsciiDigit(ch)) return -1;
            if (++n > 9) return -1;
            v = v * 10 + (ch - '0');
        }
        return n == 0 ? -1 : v;
    }
}
