using System.Buffers;
using Parley.Core;

namespace Parley.Text;

/// <summary>
/// Splits text into sentences in one pass over its characters. A sentence ends at '.', '?', '!'
/// or an ellipsis (plus any closing quotes and brackets) that is followed by whitespace and then
/// something that can start a sentence (not a lower-case letter); abbreviations, initials and
/// numbers are told apart with <c>knowledge/abbreviations.tsv</c>. A paragraph break ("\n\n")
/// always ends a sentence. Spans are UTF-16 offsets, end exclusive, trimmed of whitespace.
/// Immutable after <see cref="Load"/>; thread-safe.
/// </summary>
public sealed class SentenceSplitter
{
    static readonly SearchValues<char> Stops = SearchValues.Create(".?!…\n");

    readonly Abbreviations _abbreviations;

    public SentenceSplitter(Abbreviations abbreviations) => _abbreviations = abbreviations;

    public static SentenceSplitter Load() => new(Abbreviations.Load());

    public List<TextSpan> Split(string text)
    {
        var spans = new List<TextSpan>(Math.Max(4, text.Length / 120));
        var s = text.AsSpan();
        var start = -1;   // first character of the current sentence, -1 while between sentences
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '\n')
            {
                // a paragraph break: two newlines with only whitespace between
                var j = i + 1;
                while (j < s.Length && s[j] is ' ' or '\t' or '\r' or '\u00A0') j++;
                if (j < s.Length && s[j] == '\n')
                {
                    Close(s, spans, ref start, i);
                    i = j + 1;
                    continue;
                }
                i++;
                continue;
            }
            if (start < 0)
            {
                if (char.IsWhiteSpace(c)) { i++; continue; }
                start = i;
            }
            if (c is not ('.' or '?' or '!' or '…'))
            {
                // jump to the next character that can end a sentence or a paragraph
                var skip = s[(i + 1)..].IndexOfAny(Stops);
                i = skip < 0 ? s.Length : i + 1 + skip;
                continue;
            }
            // a terminator run ('.', "...", "?!") and its closing quotes/brackets
            var dot = i;
            var end = i + 1;
            while (end < s.Length && s[end] is '.' or '?' or '!' or '…') end++;
            while (end < s.Length && IsCloser(s[end])) end++;
            // a sentence end is followed by whitespace: not "3.5", "U.S.-led", "a.m.,"
            if (end < s.Length && char.IsWhiteSpace(s[end]) && IsBoundary(s, start, dot, end))
                Close(s, spans, ref start, end);
            i = end;
        }
        Close(s, spans, ref start, s.Length);
        return spans;
    }

    static void Close(ReadOnlySpan<char> s, List<TextSpan> spans, ref int start, int end)
    {
        if (start < 0) return;
        while (end > start && char.IsWhiteSpace(s[end - 1])) end--;
        if (end > start) spans.Add(new TextSpan(start, end));
        start = -1;
    }

    static bool IsCloser(char c) => c is '"' or '”' or '’' or '\'' or ')' or ']' or '»';
    static bool IsOpener(char c) => c is '"' or '“' or '‘' or '\'' or '(' or '[' or '«';

    /// <summary>
    /// Whether the terminator at <paramref name="dot"/> (its run and closers ending at
    /// <paramref name="end"/>, followed by whitespace) ends the sentence.
    /// </summary>
    bool IsBoundary(ReadOnlySpan<char> s, int sentenceStart, int dot, int end)
    {
        // what comes next: skip whitespace (a paragraph break is handled by the caller) and openers
        var k = end;
        while (k < s.Length && char.IsWhiteSpace(s[k]))
        {
            if (s[k] == '\n' && NextIsNewline(s, k)) return true;
            k++;
        }
        if (k >= s.Length) return true;
        while (k < s.Length && IsOpener(s[k])) k++;
        if (k >= s.Length) return true;
        var next = s[k];
        if (char.IsLower(next)) return false;   // "… he said", "... and then", "e.g. the"
        if (!char.IsLetterOrDigit(next) && next is not ('-' or '–' or '—')) return true;

        var c = s[dot];
        if (c != '.' || (dot + 1 < s.Length && s[dot + 1] == '.')) return true;   // ?, !, ellipsis

        // the word before a single period: back to whitespace or an opening quote/bracket
        var w = dot;
        while (w > sentenceStart && !char.IsWhiteSpace(s[w - 1]) && !IsOpener(s[w - 1])) w--;
        var word = s[w..dot];
        if (word.Length == 0) return true;
        // a list number opening the sentence: "1. The first point"
        if (w == sentenceStart && word.Length <= 2 && char.IsDigit(word[0]) && char.IsDigit(word[^1])) return false;
        // "Then-Capt.", "ex-Gov.": the abbreviation is the last part
        if (word.LastIndexOf('-') is var hyphen and >= 0 && hyphen < word.Length - 1) word = word[(hyphen + 1)..];
        var nextWord = NextWord(s, k);
        var nextIsDigit = char.IsDigit(next);

        if (_abbreviations.KindOf(word) is { } kind)
            return kind switch
            {
                AbbreviationKind.Title or AbbreviationKind.Never => false,
                AbbreviationKind.Number or AbbreviationKind.Month => !nextIsDigit,
                _ => _abbreviations.IsStarter(nextWord),
            };
        // an initial ("J. R. Smith") or an unlisted initialism ("D.C.", "R.I.")
        if ((word.Length == 1 && char.IsUpper(word[0])) || IsInitialism(word))
            return _abbreviations.IsStarter(nextWord);
        return true;
    }

    static bool NextIsNewline(ReadOnlySpan<char> s, int k)
    {
        var j = k + 1;
        while (j < s.Length && s[j] is ' ' or '\t' or '\r' or '\u00A0') j++;
        return j < s.Length && s[j] == '\n';
    }

    static ReadOnlySpan<char> NextWord(ReadOnlySpan<char> s, int k)
    {
        var e = k;
        while (e < s.Length && char.IsLetter(s[e])) e++;
        return s[k..e];
    }

    /// <summary>Letters in groups of one or two separated by periods: "U.S", "a.m", "D.C".</summary>
    static bool IsInitialism(ReadOnlySpan<char> word)
    {
        if (word.IndexOf('.') < 0) return false;
        var run = 0;
        foreach (var c in word)
        {
            if (c == '.') { if (run == 0) return false; run = 0; continue; }
            if (!char.IsLetter(c) || ++run > 2) return false;
        }
        return run > 0;
    }
}
