namespace Parley.Quotes;

/// <summary>
/// A quoted stretch of text: content offsets exclude the marks. <see cref="Close"/> is -1 when no closing mark
/// came before the paragraph ended (an unbalanced quote, or a paragraph of a multi-paragraph quote).
/// </summary>
public sealed record QuotedSpan(int Open, int Close, int ContentStart, int ContentEnd, bool ContinuesPrevious, bool ContinuesNext, int CloseWidth = 1)
{
    public int OuterEnd => Close >= 0 ? Close + CloseWidth : ContentEnd;
    public bool Contains(int pos) => pos >= Open && pos < OuterEnd;
}

/// <summary>Finds quoted spans: curly, straight, guillemet and single marks; unbalanced and multi-paragraph quotes.</summary>
public static class QuoteMarks
{
    public static List<QuotedSpan> Find(string text, QuoteLexicon lex)
    {
        var spans = new List<QuotedSpan>();
        var paraStart = 0;
        var previousOpenAtEnd = false;
        while (paraStart < text.Length)
        {
            var paraEnd = text.IndexOf('\n', paraStart);
            if (paraEnd < 0) paraEnd = text.Length;
            if (FirstNonSpace(text, paraStart, paraEnd) == paraEnd) { paraStart = paraEnd + 1; continue; }
            var before = spans.Count;
            var openEnded = ScanParagraph(text, paraStart, paraEnd, lex, spans);
            // News convention: a quote running on into the next paragraph re-opens it with a mark.
            if (spans.Count > before && previousOpenAtEnd && spans[before].Open == FirstNonSpace(text, paraStart, paraEnd))
                spans[before] = spans[before] with { ContinuesPrevious = true };
            if (openEnded && spans.Count > 0)
            {
                var next = NextParagraphStart(text, paraEnd);
                var continues = next < text.Length && lex.IsMark(text[next], out var o, out _, out _) && o;
                spans[^1] = spans[^1] with { ContinuesNext = continues };
            }
            previousOpenAtEnd = openEnded;
            paraStart = paraEnd + 1;
        }
        return spans;
    }

    /// <summary>Returns true when the paragraph ends inside an open quote (its span then runs to the paragraph end).</summary>
    static bool ScanParagraph(string text, int start, int end, QuoteLexicon lex, List<QuotedSpan> spans)
    {
        var open = -1;
        var openWidth = 1;
        var family = "";
        var openChar = '\0';
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (!lex.IsMark(c, out var canOpen, out var canClose, out var fam)) continue;
            // Two apostrophes ('') stand for a straight double mark in some newspapers' archives.
            var width = IsDoubledApostrophe(text, i, end) ? 2 : 1;
            if (width == 2) { fam = "double"; canOpen = canClose = true; c = '"'; }
            else if (fam == "single" && !SingleIsMark(text, i, start, end, open >= 0 && family == "single")) continue;
            if (open >= 0)
            {
                if (fam != family) continue;              // other families nest inside (single inside double)
                var closes = canClose && (!canOpen || ClosesByContext(text, i, end, width));
                if (!closes && canOpen && c == openChar && ClosesByContext(text, i, end, width)) closes = true;
                if (closes)
                {
                    Add(spans, text, open, i, open + openWidth, i, width);
                    open = -1;
                }
                else if (canOpen && OpensByContext(text, i, start, width))
                {
                    // A second opening mark of the family while one is open: the first was never closed.
                    Add(spans, text, open, -1, open + openWidth, SentenceEndBefore(text, open + openWidth, i));
                    open = i; openChar = c; openWidth = width;
                }
                i += width - 1;
                continue;
            }
            if (canOpen && (!canClose || OpensByContext(text, i, start, width)))
            {
                open = i; family = fam; openChar = c; openWidth = width;
            }
            i += width - 1;
        }
        if (open < 0) return false;
        Add(spans, text, open, -1, open + openWidth, TrimEnd(text, open + openWidth, end));
        return true;
    }

    static bool IsDoubledApostrophe(string text, int i, int end) =>
        text[i] == '\'' && i + 1 < end && text[i + 1] == '\'' && (i == 0 || text[i - 1] != '\'');

    static void Add(List<QuotedSpan> spans, string text, int open, int close, int contentStart, int contentEnd, int closeWidth = 1)
    {
        var s = contentStart;
        while (s < contentEnd && char.IsWhiteSpace(text[s])) s++;
        var e = TrimEnd(text, s, contentEnd);
        if (e > s) spans.Add(new QuotedSpan(open, close, s, e, false, false, closeWidth));
    }

    static int TrimEnd(string text, int start, int end)
    {
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == ',')) end--;
        return end;
    }

    static bool OpensByContext(string text, int i, int paraStart, int width = 1)
    {
        var prev = i > paraStart ? text[i - 1] : ' ';
        var next = i + width < text.Length ? text[i + width] : ' ';
        return !char.IsWhiteSpace(next) && (char.IsWhiteSpace(prev) || prev is '(' or '[' or '—' or '–' or '-' or ':' or '/' || i == paraStart);
    }

    static bool ClosesByContext(string text, int i, int paraEnd, int width = 1)
    {
        var prev = i > 0 ? text[i - 1] : ' ';
        var next = i + width < paraEnd ? text[i + width] : ' ';
        return !char.IsWhiteSpace(prev) && !char.IsLetterOrDigit(next);
    }

    /// <summary>A single mark is a quotation mark only at a word edge, not an apostrophe (don't, Russia's, officials').</summary>
    static bool SingleIsMark(string text, int i, int paraStart, int paraEnd, bool singleOpen)
    {
        var prev = i > paraStart ? text[i - 1] : ' ';
        var next = i + 1 < paraEnd ? text[i + 1] : ' ';
        if (char.IsLetterOrDigit(prev) && char.IsLetterOrDigit(next)) return false;   // don't, Russia’s
        if (!singleOpen) return !char.IsLetterOrDigit(prev) && char.IsLetter(next) && HasSingleClose(text, i + 1, paraEnd);
        if (prev == 's' && next == ' ' && i + 2 < paraEnd && char.IsLower(text[i + 2])) return false;  // officials' statements
        return !char.IsWhiteSpace(prev) && !char.IsLetterOrDigit(next);
    }

    static bool HasSingleClose(string text, int from, int paraEnd)
    {
        for (var j = from; j < paraEnd; j++)
            if (text[j] is '\'' or '’' && j > from + 1 && !char.IsLetterOrDigit(j + 1 < paraEnd ? text[j + 1] : ' ') && !char.IsWhiteSpace(text[j - 1]))
                return true;
        return false;
    }

    static int SentenceEndBefore(string text, int from, int limit)
    {
        for (var j = from; j < limit; j++)
            if (text[j] is '.' or '!' or '?' && (j + 1 >= limit || char.IsWhiteSpace(text[j + 1]))) return j + 1;
        return limit;
    }

    static int FirstNonSpace(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        return start;
    }

    static int NextParagraphStart(string text, int newline)
    {
        var i = newline;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i;
    }
}
