using Parley.Actors;

namespace Parley.ProcessLayer.Text;

/// <summary>A token: UTF-16 offsets into the text (end exclusive), its folded key and shape.</summary>
readonly record struct Tok(int Start, int End, string Key, bool Cap, bool Punct)
{
    public bool IsWord => !Punct;
    public bool IsDigit => Key.Length > 0 && char.IsAsciiDigit(Key[0]);
}

/// <summary>
/// Words and punctuation of a span: keys lower-cased, diacritics folded, apostrophes straight; a hyphen between two
/// word characters stays inside the word ("cross-border", "twenty-first"); the possessive 's (or a bare apostrophe
/// after a plural) is its own token "'s"; dotted acronyms lose their dots ("U.N." → "un").
/// </summary>
static class Tokens
{
    public static List<Tok> Of(string text) => Of(text, 0, text.Length);

    public static List<Tok> Of(string text, int start, int end)
    {
        var list = new List<Tok>(Math.Max(8, (end - start) / 5));
        Span<char> buf = stackalloc char[64];
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (!char.IsLetterOrDigit(c))
            {
                if (Tokenizer.IsApostrophe(c) && list.Count > 0 && list[^1].End == i && list[^1].IsWord)
                {
                    if (i + 1 < end && text[i + 1] is 's' or 'S' && (i + 2 >= end || !char.IsLetterOrDigit(text[i + 2])))
                    {
                        list.Add(new Tok(i, i + 2, "'s", false, false));
                        i += 2;
                        continue;
                    }
                    if (text[i - 1] is 's' or 'S')
                    {
                        list.Add(new Tok(i, i + 1, "'s", false, false));
                        i++;
                        continue;
                    }
                }
                list.Add(new Tok(i, i + 1, Tokenizer.IsApostrophe(c) ? "'" : c.ToString(), false, true));
                i++;
                continue;
            }
            var s = i;
            while (i < end)
            {
                var ch = text[i];
                if (char.IsLetterOrDigit(ch)) { i++; continue; }
                // inner hyphen, inner apostrophe (won't, n't) except a possessive, dotted acronym
                if (i + 1 < end && char.IsLetterOrDigit(text[i + 1]))
                {
                    if (ch is '-' or '\u2010' or '\u2011') { i++; continue; }
                    if (Tokenizer.IsApostrophe(ch) && !(text[i + 1] is 's' or 'S' && (i + 2 >= end || !char.IsLetterOrDigit(text[i + 2])))) { i++; continue; }
                    if (ch == '.' && i - s == 1 && i + 2 <= end && (i + 2 == end || text[i + 2] == '.')) { i++; continue; }
                }
                if (ch == '.' && i >= s + 2 && text[i - 2] == '.') { i++; break; }
                break;
            }
            var len = i - s;
            var b = len <= buf.Length ? buf : new char[len];
            var n = 0;
            for (var k = s; k < i; k++)
            {
                var ch = text[k];
                if (ch == '.') continue;
                b[n++] = ch is '\u2010' or '\u2011' ? '-' : Tokenizer.Fold(ch);
            }
            list.Add(new Tok(s, i, new string(b[..n]), char.IsUpper(text[s]), false));
        }
        return list;
    }

    /// <summary>The keys of a table phrase, tokenized like documents.</summary>
    public static string[] KeysOf(string phrase) => Of(phrase).Select(t => t.Key).ToArray();
}
