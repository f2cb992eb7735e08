using Parley.Actors;

namespace Parley.Events.Analysis;

[Flags]
enum TokFlags : ushort
{
    None = 0,
    Word = 1,
    Cap = 2,
    Punct = 4,
    /// <summary>The possessive 's (or a bare apostrophe after a plural).</summary>
    Possessive = 8,
    /// <summary>Joined to the previous word by a hyphen ("Syrian-Turkish", "U.S.-allied").</summary>
    HyphenPrev = 16,
    Quote = 32,
    Digit = 64,
    Dotted = 128,
}

/// <summary>A token: UTF-16 offsets into the unit's text (end exclusive), its folded key and shape.</summary>
readonly record struct Tok(int Start, int End, string Key, TokFlags Flags, Knowledge.WordInfo? Info = null)
{
    public bool IsWord => (Flags & TokFlags.Word) != 0;
    public bool IsPunct => (Flags & TokFlags.Punct) != 0;
    public bool IsCap => (Flags & TokFlags.Cap) != 0;
    public bool IsQuote => (Flags & TokFlags.Quote) != 0;
    public bool IsPossessive => (Flags & TokFlags.Possessive) != 0;
}

/// <summary>
/// Words, possessives, contractions and punctuation of a span of text. Keys are lower-cased with diacritics
/// folded and apostrophes straightened; "didn't" is "did" + "n't"; a hyphen between words is dropped and
/// marks the second word; dotted acronyms ("U.S.") are one token.
/// </summary>
static class Tokens
{
    public static List<Tok> Of(string text) => Of(text, 0, text.Length);

    public static List<Tok> Of(string text, int start, int end, Knowledge.Cues? words = null)
    {
        var list = new List<Tok>(Math.Max(8, (end - start) / 4));
        Scan(text, start, end, list, words);
        return list;
    }

    static bool IsQuoteChar(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' or '\u201F';

    /// <summary>Tokens of text[start..end]; with a word table, known words share its key string and carry its entry.</summary>
    public static void Scan(string text, int start, int end, List<Tok> into, Knowledge.Cues? words = null)
    {
        Span<char> buf = stackalloc char[64];
        var i = start;
        var hyphen = false;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; hyphen = false; continue; }
            if (!char.IsLetterOrDigit(c))
            {
                if (c == '-' && i > start && i + 1 < end && char.IsLetterOrDigit(text[i + 1]) && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '.'))
                {
                    hyphen = true;
                    i++;
                    continue;
                }
                if (Tokenizer.IsApostrophe(c) && into.Count > 0 && into[^1].End == i && into[^1].IsWord)
                {
                    // possessive 's, or a bare apostrophe after a plural ("ministers' meeting")
                    if (i + 1 < end && text[i + 1] is 's' or 'S' && (i + 2 >= end || !char.IsLetterOrDigit(text[i + 2])))
                    {
                        into.Add(new Tok(i, i + 2, "'s", TokFlags.Possessive | TokFlags.Word, words?.Find("'s")));
                        i += 2;
                        continue;
                    }
                    if (text[i - 1] is 's' or 'S' && (i + 1 >= end || !char.IsLetterOrDigit(text[i + 1])))
                    {
                        into.Add(new Tok(i, i + 1, "'s", TokFlags.Possessive | TokFlags.Word, words?.Find("'s")));
                        i++;
                        continue;
                    }
                }
                var flags = TokFlags.Punct | (IsQuoteChar(c) ? TokFlags.Quote : 0);
                var pk = c switch { '\u2013' or '\u2014' => "-", _ => null };
                var pinfo = words?.Find(pk is null ? text.AsSpan(i, 1) : pk.AsSpan());
                into.Add(new Tok(i, i + 1, pinfo?.Key ?? pk ?? c.ToString(), flags, pinfo));
                hyphen = false;
                i++;
                continue;
            }
            var s = i;
            var f = TokFlags.Word | (hyphen ? TokFlags.HyphenPrev : 0);
            hyphen = false;
            if (char.IsLetter(c) && i + 3 < end && text[i + 1] == '.' && char.IsLetter(text[i + 2]) && text[i + 3] == '.')
            {
                while (i + 1 < end && char.IsLetter(text[i]) && text[i + 1] == '.') i += 2;
                f |= TokFlags.Dotted;
            }
            else
            {
                while (i < end && (char.IsLetterOrDigit(text[i])
                       || Tokenizer.IsApostrophe(text[i]) && i + 1 < end && char.IsLetter(text[i + 1])
                          && !(text[i + 1] is 's' or 'S' && (i + 2 >= end || !char.IsLetterOrDigit(text[i + 2])))))
                    i++;
            }
            if (char.IsUpper(text[s])) f |= TokFlags.Cap;
            if (char.IsDigit(text[s])) f |= TokFlags.Digit;
            var len = i - s;
            var b = len <= buf.Length ? buf : new char[len];
            for (var k = 0; k < len; k++) b[k] = Tokenizer.Fold(text[s + k]);
            var key = b[..len];
            // contractions: did|n't, we|'ll, they|'re
            var cut = -1;
            if (len <= 2 || !key.Contains('\'')) { }
            else if (len > 3 && key.EndsWith("n't")) cut = len - 3;
            else if (len > 3 && (key.EndsWith("'ll") || key.EndsWith("'re") || key.EndsWith("'ve"))) cut = len - 3;
            else if (len > 2 && (key.EndsWith("'d") || key.EndsWith("'m"))) cut = len - 2;
            if (cut > 0)
            {
                var hs = key[..cut];
                var head = hs switch { "wo" => "will", "ca" => "can", "sha" => "shall", _ => null };
                var hinfo = words?.Find(head is null ? hs : head.AsSpan());
                into.Add(new Tok(s, s + cut, hinfo?.Key ?? head ?? new string(hs), f, hinfo));
                var tinfo = words?.Find(key[cut..]);
                into.Add(new Tok(s + cut, i, tinfo?.Key ?? new string(key[cut..]), TokFlags.Word, tinfo));
                continue;
            }
            var winfo = words?.Find(key);
            into.Add(new Tok(s, i, winfo?.Key ?? new string(key), f, winfo));
        }
    }

    /// <summary>The keys of a phrase of a knowledge table ("call on" → ["call", "on"]).</summary>
    public static string[] KeysOf(string phrase)
    {
        var toks = Of(phrase);
        var keys = new string[toks.Count];
        for (var k = 0; k < toks.Count; k++) keys[k] = toks[k].Key;
        return keys;
    }
}
