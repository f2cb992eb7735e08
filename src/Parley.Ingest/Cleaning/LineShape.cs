namespace Parley.Ingest.Cleaning;

/// <summary>
/// Shape tests on one trimmed line: length, final punctuation, Title Case, separators.
/// Pure functions over spans; no allocation.
/// </summary>
internal static class LineShape
{
    /// <summary>Words separated by whitespace.</summary>
    public static int CountWords(ReadOnlySpan<char> s)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) inWord = false;
            else if (!inWord) { inWord = true; words++; }
        }
        return words;
    }

    /// <summary>The last character that is not a closing quote or bracket.</summary>
    public static char LastSignificant(ReadOnlySpan<char> s)
    {
        for (var i = s.Length - 1; i >= 0; i--)
            if (s[i] is not ('"' or '\'' or '”' or '’' or '»' or ')' or ']' or ' '))
                return s[i];
        return '\0';
    }

    /// <summary>Ends like a sentence: period, question or exclamation mark, ellipsis (before closing quotes).</summary>
    public static bool EndsSentence(ReadOnlySpan<char> s) => LastSignificant(s) is '.' or '!' or '?' or '…';

    /// <summary>Ends with any punctuation that a headline would not carry (sentence end, colon, semicolon, comma).</summary>
    public static bool EndsPunctuated(ReadOnlySpan<char> s) => LastSignificant(s) is '.' or '!' or '?' or '…' or ':' or ';' or ',';

    /// <summary>Only dashes, rules, bullets or stars: a visual separator.</summary>
    public static bool IsSeparator(ReadOnlySpan<char> s)
    {
        if (s.Length == 0) return false;
        foreach (var c in s)
            if (c is not ('-' or '–' or '—' or '_' or '*' or '=' or '~' or '•' or '·' or '|' or '#' or ' ' or '+'))
                return false;
        return true;
    }

    /// <summary>
    /// Could be a headline: 2–30 words, not longer than 250 characters, starting with a capital,
    /// digit or quote, and not ending in a period, colon, semicolon or comma.
    /// </summary>
    public static bool IsHeadline(ReadOnlySpan<char> s, int words)
    {
        if (words is < 2 or > 30 || s.Length > 250) return false;
        var first = s[0];
        if (!(char.IsUpper(first) || char.IsDigit(first) || first is '"' or '“' or '\'' or '‘')) return false;
        var last = LastSignificant(s);
        if (last is ':' or ';' or ',') return false;
        if (HasInnerSentenceEnd(s)) return false;
        if (last == '.') return s.EndsWith("...") || s.EndsWith("…");
        return true;
    }

    /// <summary>
    /// Two sentences in one line: "word. Next" or "word? Next" inside it (not an ellipsis, not an
    /// abbreviation like "U.S." or "Inc." — the word before the stop must be lower case, 3+ letters).
    /// </summary>
    public static bool HasInnerSentenceEnd(ReadOnlySpan<char> s)
    {
        for (var i = 3; i < s.Length - 2; i++)
        {
            var c = s[i];
            if (c is not ('.' or '?' or '!') || s[i + 1] != ' ' || !char.IsUpper(s[i + 2])) continue;
            if (c == '.' && (s[i - 1] == '.' || !char.IsLower(s[i - 1]) || !char.IsLower(s[i - 2]) || !char.IsLetter(s[i - 3]))) continue;
            return true;
        }
        return false;
    }

    /// <summary>
    /// Title Case: every word that is not a minor word (a, of, with …) starts with a capital or a
    /// digit, and the first word does too; needs at least two such capitalised words.
    /// </summary>
    public static bool IsTitleCase(ReadOnlySpan<char> s, MinorWords minor)
    {
        var capitalised = 0;
        var first = true;
        foreach (var range in s.Split(' '))
        {
            var w = s[range].Trim("\"'“”‘’([");
            if (w.Length == 0) continue;
            var c = w[0];
            if (char.IsUpper(c) || char.IsDigit(c)) { capitalised++; first = false; continue; }
            if (!char.IsLetter(c)) { first = false; continue; }   // "&", "-"
            if (first || !minor.Contains(w.TrimEnd(",:;"))) return false;
        }
        return capitalised >= 2;
    }

    /// <summary>Contains a digit (datelines do).</summary>
    public static bool HasDigit(ReadOnlySpan<char> s) => s.IndexOfAnyInRange('0', '9') >= 0;
}

/// <summary>Lower-case minor words of Title Case (<c>knowledge/title-case-minor-words.tsv</c>).</summary>
internal sealed class MinorWords
{
    public const string FileName = "title-case-minor-words.tsv";

    readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    MinorWords(HashSet<string> words) => _lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static MinorWords Load()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in Parley.Core.Knowledge.ReadTable(FileName))
            if (row[0].Trim() is { Length: > 0 } w) set.Add(w);
        return new MinorWords(set);
    }

    public bool Contains(ReadOnlySpan<char> word) => _lookup.Contains(word);
}
