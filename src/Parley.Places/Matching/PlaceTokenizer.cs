using System.Runtime.InteropServices;
using Parley.Actors;

namespace Parley.Places.Matching;

[Flags]
public enum TokenShape : byte
{
    None = 0,
    Word = 1,
    /// <summary>first letter upper case</summary>
    Cap = 2,
    /// <summary>every letter upper case, at least two letters</summary>
    AllCaps = 4,
    /// <summary>hyphen-joined to the previous word (ez-Zor, Moscow-based)</summary>
    HyphenBefore = 8,
    /// <summary>first token of a line</summary>
    LineStart = 16,
    Punct = 32,
    /// <summary>the possessive 's</summary>
    Possessive = 64,
}

/// <summary>A token: UTF-16 offsets (end exclusive) and vocabulary id (-1: a word or sign the gazetteer does not know).</summary>
[StructLayout(LayoutKind.Auto)]
public struct PlaceToken
{
    public int Start;
    public int End;
    public int Id;
    public TokenShape Shape;
    public readonly bool Is(TokenShape s) => (Shape & s) != 0;
}

/// <summary>
/// Splits text into words and signs. Words are letter/digit runs with inner apostrophes (Sana'a, N'Djamena);
/// a hyphen between words is not a token but marks the next word (Deir ez-Zor = Deir ez Zor); a possessive 's
/// is its own token; every other non-space character is a one-character token. Keys are folded (lower case,
/// diacritics off) by the actors tokenizer's table, so "Şanlıurfa" and "Sanliurfa" read alike.
/// </summary>
public static class PlaceTokenizer
{
    public const int Unknown = -1;
    public const string PossessiveKey = "'s";

    public static void Scan(string text, List<PlaceToken> into, Vocabulary? vocab)
    {
        into.Clear();
        var s = text.AsSpan();
        Span<char> buf = stackalloc char[64];
        var lineStart = true;
        var hyphen = false;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                if (c == '\n') lineStart = true;
                hyphen = false;
                i++;
                continue;
            }
            var shape = lineStart ? TokenShape.LineStart : TokenShape.None;
            if (!char.IsLetterOrDigit(c))
            {
                if (c == '-' && i > 0 && i + 1 < s.Length && char.IsLetterOrDigit(s[i - 1]) && char.IsLetterOrDigit(s[i + 1]))
                {
                    hyphen = true;
                    i++;
                    continue;
                }
                if (Tokenizer.IsApostrophe(c) && into.Count > 0 && into[^1].End == i && into[^1].Is(TokenShape.Word)
                    && i + 1 < s.Length && s[i + 1] is 's' or 'S' && (i + 2 >= s.Length || !char.IsLetterOrDigit(s[i + 2])))
                {
                    into.Add(new PlaceToken { Start = i, End = i + 2, Id = vocab?.IdOf(PossessiveKey) ?? Unknown, Shape = shape | TokenShape.Possessive });
                    i += 2;
                    lineStart = hyphen = false;
                    continue;
                }
                var folded = Tokenizer.Fold(c);
                into.Add(new PlaceToken { Start = i, End = i + 1, Id = vocab?.IdOf(new ReadOnlySpan<char>(in folded)) ?? Unknown, Shape = shape | TokenShape.Punct });
                lineStart = hyphen = false;
                i++;
                continue;
            }
            var start = i;
            while (i < s.Length && (char.IsLetterOrDigit(s[i]) || Tokenizer.IsApostrophe(s[i]) && i + 1 < s.Length && char.IsLetter(s[i + 1])
                                    && !(s[i + 1] is 's' or 'S' && (i + 2 >= s.Length || !char.IsLetterOrDigit(s[i + 2])))))
                i++;
            var word = s[start..i];
            shape |= TokenShape.Word;
            if (hyphen) shape |= TokenShape.HyphenBefore;
            var letters = 0;
            var upper = 0;
            foreach (var ch in word)
                if (char.IsLetter(ch)) { letters++; if (char.IsUpper(ch)) upper++; }
            if (char.IsUpper(word[0])) shape |= TokenShape.Cap;
            if (letters >= 2 && upper == letters) shape |= TokenShape.AllCaps;
            var id = Unknown;
            if (vocab is not null && word.Length <= buf.Length)
            {
                for (var k = 0; k < word.Length; k++) buf[k] = Tokenizer.Fold(word[k]);
                id = vocab.IdOf(buf[..word.Length]);
            }
            into.Add(new PlaceToken { Start = start, End = i, Id = id, Shape = shape });
            lineStart = hyphen = false;
        }
    }

    /// <summary>The folded keys and surfaces of a phrase's tokens (for building tables, not for documents).</summary>
    public static List<(string Key, string Surface, TokenShape Shape)> Keys(string phrase)
    {
        var tokens = new List<PlaceToken>();
        Scan(phrase, tokens, null);
        var keys = new List<(string, string, TokenShape)>(tokens.Count);
        foreach (var t in tokens)
        {
            var surface = phrase[t.Start..t.End];
            keys.Add((t.Is(TokenShape.Possessive) ? PossessiveKey : FoldKey(surface), surface, t.Shape));
        }
        return keys;
    }

    /// <summary>A word's key: lower case, diacritics folded, apostrophes straight.</summary>
    public static string FoldKey(string w) => string.Create(w.Length, w, (span, src) =>
    {
        for (var k = 0; k < src.Length; k++) span[k] = Tokenizer.Fold(src[k]);
    });
}
