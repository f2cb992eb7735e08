using System.Runtime.InteropServices;

namespace Parley.Actors;

[Flags]
public enum TokenFlags : byte
{
    None = 0,
    Word = 1,
    /// <summary>First letter upper case.</summary>
    Cap = 2,
    /// <summary>Every letter upper case, at least two letters.</summary>
    AllCaps = 4,
    /// <summary>A dotted acronym (U.S., U.N.).</summary>
    Dotted = 8,
    /// <summary>The possessive 's split off a word.</summary>
    Possessive = 16,
    Punct = 32,
}

/// <summary>A token of a text: UTF-16 offsets (end exclusive), vocabulary id (-1: unknown word, -2: punctuation).</summary>
[StructLayout(LayoutKind.Auto)]
public struct Token
{
    public int Start;
    public int End;
    /// <summary>Start of a dropped name particle hyphen-joined before this word (al-Mekdad), else = Start.</summary>
    public int PrefixStart;
    public int Id;
    public TokenFlags Flags;
    public readonly bool IsWord => (Flags & TokenFlags.Word) != 0;
    public readonly bool IsCap => (Flags & TokenFlags.Cap) != 0;
}

/// <summary>
/// Splits text into word tokens and punctuation: letters/digits runs; dotted acronyms (U.S.) are one word;
/// a hyphen between words only joins them (Amir-Abdollahian = Amir Abdollahian); a possessive 's is its own
/// token; curly and straight apostrophes are the same. Words are keyed lower-cased with diacritics folded.
/// </summary>
public static class Tokenizer
{
    public const int Unknown = -1;
    public const int PunctId = -2;
    public const string PossessiveKey = "'s";

    static readonly char[] FoldTable = BuildFold();

    static char[] BuildFold()
    {
        var t = new char[0x250];
        for (var i = 0; i < t.Length; i++) t[i] = char.ToLowerInvariant((char)i);
        string[] groups =
        [
            "aàáâãäåāăąǎ", "cçćĉċč", "dďđ", "eèéêëēĕėęě", "gĝğġģ", "hĥħ", "iìíîïĩīĭįıİǐ", "jĵ", "kķ", "lĺļľŀł",
            "nñńņňŉ", "oòóôõöøōŏőǒ", "rŕŗř", "sśŝşšß", "tţťŧ", "uùúûüũūŭůűųǔ", "wŵ", "yýÿŷ", "zźżž",
        ];
        foreach (var g in groups)
            foreach (var ch in g)
            {
                t[ch] = g[0];
                var up = char.ToUpperInvariant(ch);
                if (up < t.Length) t[up] = g[0];
            }
        return t;
    }

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '`' or '\u02BC';

    /// <summary>Lower case, diacritics folded, apostrophes straight.</summary>
    public static char Fold(char c) =>
        c < 0x80 ? (c is >= 'A' and <= 'Z' ? (char)(c + 32) : c)
        : IsApostrophe(c) ? '\''
        : c < FoldTable.Length ? FoldTable[c] : char.ToLowerInvariant(c);

    public static string FoldWord(string w)
    {
        Span<char> buf = w.Length <= 128 ? stackalloc char[w.Length] : new char[w.Length];
        var n = FoldInto(w.AsSpan(), buf);
        return new string(buf[..n]);
    }

    /// <summary>Folds a word's characters into the buffer, skipping the dots of dotted acronyms; returns the length.</summary>
    internal static int FoldInto(ReadOnlySpan<char> word, Span<char> buf)
    {
        var n = 0;
        foreach (var c in word)
            if (c != '.') buf[n++] = Fold(c);
        return n;
    }

    /// <summary>A word of a phrase (build-time and key helper).</summary>
    public readonly record struct Word(string Key, string Surface, TokenFlags Flags, bool JoinedNext);

    /// <summary>The words of a phrase (allocating; for building tables, not for documents).</summary>
    public static List<Word> Words(string phrase)
    {
        var tokens = new List<Token>();
        Scan(phrase, tokens, null, null);
        var words = new List<Word>(tokens.Count);
        foreach (var t in tokens)
        {
            if ((t.Flags & TokenFlags.Punct) != 0) continue;
            var surface = phrase[t.Start..t.End];
            var joined = t.End < phrase.Length - 1 && phrase[t.End] == '-' && char.IsLetterOrDigit(phrase[t.End + 1]);
            words.Add(new Word((t.Flags & TokenFlags.Possessive) != 0 ? PossessiveKey : FoldWord(surface), surface, t.Flags, joined));
        }
        return words;
    }

    /// <summary>
    /// Tokenizes a document. With a vocabulary, word ids are looked up (variants mapped) and hyphen-joined
    /// particles dropped; without one, ids are left Unknown and nothing is dropped.
    /// </summary>
    internal static void Scan(string text, List<Token> into, Vocabulary? vocab, HashSet<string>? unused)
    {
        var s = text.AsSpan();
        Span<char> buf = stackalloc char[64];
        var pendingPrefix = -1;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c)) { i++; pendingPrefix = -1; continue; }
            if (!char.IsLetterOrDigit(c))
            {
                // a hyphen between two words joins them
                if (c == '-' && i > 0 && i + 1 < s.Length && char.IsLetterOrDigit(s[i - 1]) && char.IsLetterOrDigit(s[i + 1])) { i++; continue; }
                if (c == '-' && i > 0 && s[i - 1] == '.' && i + 1 < s.Length && char.IsLetter(s[i + 1])) { i++; continue; }   // U.S.-allied
                if (IsApostrophe(c) && into.Count > 0 && into[^1].End == i && i + 1 < s.Length && (s[i + 1] is 's' or 'S')
                    && (i + 2 >= s.Length || !char.IsLetterOrDigit(s[i + 2])) && (into[^1].Flags & TokenFlags.Word) != 0)
                {
                    into.Add(new Token { Start = i, End = i + 2, PrefixStart = i, Id = vocab?.PossessiveId ?? Unknown, Flags = TokenFlags.Possessive | TokenFlags.Word });
                    i += 2;
                    continue;
                }
                into.Add(new Token { Start = i, End = i + 1, PrefixStart = i, Id = PunctId, Flags = TokenFlags.Punct });
                pendingPrefix = -1;
                i++;
                continue;
            }
            var start = i;
            var flags = TokenFlags.Word;
            if (char.IsLetter(c) && i + 3 < s.Length + 0 && i + 2 < s.Length && s[i + 1] == '.' && char.IsLetter(s[i + 2]) && i + 3 < s.Length && s[i + 3] == '.')
            {
                // dotted acronym: (L.)+
                while (i + 1 < s.Length && char.IsLetter(s[i]) && s[i + 1] == '.') i += 2;
                flags |= TokenFlags.Dotted;
            }
            else
            {
                while (i < s.Length && (char.IsLetterOrDigit(s[i])
                       || IsApostrophe(s[i]) && i + 1 < s.Length && char.IsLetter(s[i + 1]) && !(s[i + 1] is 's' or 'S' && (i + 2 >= s.Length || !char.IsLetterOrDigit(s[i + 2])))))
                    i++;
            }
            var word = s[start..i];
            var letters = 0;
            var upper = 0;
            foreach (var ch in word)
                if (char.IsLetter(ch)) { letters++; if (char.IsUpper(ch)) upper++; }
            if (char.IsUpper(word[0])) flags |= TokenFlags.Cap;
            if (letters >= 2 && upper == letters) flags |= TokenFlags.AllCaps;
            var id = Unknown;
            var prefix = pendingPrefix >= 0 ? pendingPrefix : start;
            pendingPrefix = -1;
            if (vocab is not null)
            {
                var b = word.Length <= buf.Length ? buf : new char[word.Length];
                var n = FoldInto(word, b);
                id = vocab.IdOf(b[..n]);
                // a particle hyphen-joined to the next word is dropped; the next word's mention starts at it
                if (id >= 0 && vocab.IsParticle(id) && i + 1 < s.Length && s[i] == '-' && char.IsLetter(s[i + 1]))
                {
                    pendingPrefix = prefix;
                    i++;   // the hyphen
                    continue;
                }
            }
            into.Add(new Token { Start = start, End = i, PrefixStart = prefix, Id = id, Flags = flags });
        }
    }
}

/// <summary>Word ids of the gazetteer (variants share their canonical word's id). Frozen after building.</summary>
public sealed class Vocabulary
{
    readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    readonly List<string> _words = [];
    readonly HashSet<int> _particles = [];
    bool _frozen;

    public Vocabulary()
    {
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        PossessiveId = Add(Tokenizer.PossessiveKey);
    }

    public int PossessiveId { get; }
    public int Count => _words.Count;

    public int Add(string key)
    {
        if (_ids.TryGetValue(key, out var id)) return id;
        if (_frozen) throw new InvalidOperationException("vocabulary is frozen");
        id = _words.Count;
        _words.Add(key);
        _ids[key] = id;
        return id;
    }

    /// <summary>Makes <paramref name="variant"/> read as <paramref name="canonical"/>.</summary>
    public void AddVariant(string variant, string canonical) => _ids[variant] = Add(canonical);

    public void AddParticle(string key) => _particles.Add(Add(key));

    public void Freeze() => _frozen = true;

    public int IdOf(ReadOnlySpan<char> key) => _lookup.TryGetValue(key, out var id) ? id : Tokenizer.Unknown;
    public int IdOf(string key) => _ids.TryGetValue(key, out var id) ? id : Tokenizer.Unknown;
    public bool IsParticle(int id) => _particles.Contains(id);
    public string WordOf(int id) => _words[id];
}
