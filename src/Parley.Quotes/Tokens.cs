namespace Parley.Quotes;

public enum TokKind : byte { Word, Punct, Mark }

/// <summary>A token of the text: a word (letters, digits, inner apostrophes, hyphens and dots), punctuation or a quotation mark.</summary>
public readonly record struct Tok(int Start, int End, TokKind Kind)
{
    public int Length => End - Start;
}

public static class Tokens
{
    public static List<Tok> Scan(string text, QuoteLexicon lex)
    {
        var toks = new List<Tok>(text.Length / 5);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (char.IsLetterOrDigit(c))
            {
                var s = i++;
                while (i < text.Length)
                {
                    var d = text[i];
                    if (char.IsLetterOrDigit(d)) { i++; continue; }
                    var next = i + 1 < text.Length ? text[i + 1] : ' ';
                    // Inner joiners: don't, Russia's, al-Assad, 2,000, 3.5, U.S.
                    var joins = d switch
                    {
                        '\'' or '’' or '-' => char.IsLetterOrDigit(next),
                        ',' => char.IsDigit(text[i - 1]) && char.IsDigit(next),
                        '.' => char.IsDigit(text[i - 1]) && char.IsDigit(next) || IsDottedAcronym(text, s, i),
                        _ => false,
                    };
                    if (joins) { i++; continue; }
                    break;
                }
                // Mr. / Mrs. / Sen. / Gov. before a name: the dot belongs to the title.
                if (i < text.Length - 2 && text[i] == '.' && i - s <= 4 && char.IsUpper(text[s]) && text[i + 1] == ' ' && char.IsUpper(text[i + 2])
                    && IsTitleAbbreviation(text.AsSpan(s, i - s)))
                    i++;
                toks.Add(new Tok(s, i, TokKind.Word));
                continue;
            }
            if (c == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
            {
                toks.Add(new Tok(i, i + 2, TokKind.Mark));      // '' as a double quotation mark
                i += 2;
                continue;
            }
            var kind = lex.IsMark(c, out _, out _, out _) ? TokKind.Mark : TokKind.Punct;
            toks.Add(new Tok(i, i + 1, kind));
            i++;
        }
        return toks;
    }

    static bool IsTitleAbbreviation(ReadOnlySpan<char> w) =>
        w is "Mr" or "Mrs" or "Ms" or "Dr" or "Sen" or "Rep" or "Gov" or "Gen" or "Lt" or "Col" or "Sgt" or "Capt" or "Adm" or "Maj" or "Prof" or "Rev" or "St" or "Amb" or "Pres";

    // "U.S." / "U.N.": single letters separated by dots.
    static bool IsDottedAcronym(string text, int start, int dot)
    {
        for (var j = start; j < dot; j++)
            if (text[j] != '.' && !(char.IsUpper(text[j]) && (j + 1 == dot || text[j + 1] == '.'))) return false;
        return true;
    }
}
