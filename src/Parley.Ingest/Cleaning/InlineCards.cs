using Parley.Core;

namespace Parley.Ingest.Cleaning;

/// <summary>
/// Removes inline hover cards (<c>knowledge/inline-card-cues.tsv</c>): a name already written, then the
/// person's full name glued without a space to related headlines ("… Jane Roe Jane Q. RoeSenators weigh … MORE"),
/// closed by a cue word. A card is cut only when every part is there: the closer, a glued token whose
/// left part repeats a name written just before, and at most a few capitalised name words in between.
/// </summary>
internal sealed class InlineCards
{
    public const string FileName = "inline-card-cues.tsv";
    const string CardReason = "inline-card";
    const int MaxNameWords = 6;
    const int MaxNameLookBack = 120;

    readonly List<(string Closer, int MaxChars)> _closers = [];

    public static InlineCards Load()
    {
        var cards = new InlineCards();
        foreach (var row in Knowledge.ReadTable(FileName))
        {
            if (row.Length < 2 || row[0].Trim().Length == 0 || !int.TryParse(row[1], out var max) || max <= 0)
                throw new FormatException($"{FileName}: expected closer, max_card_chars: \"{string.Join('\t', row)}\"");
            cards._closers.Add((row[0].Trim(), max));
        }
        return cards;
    }

    /// <summary>The paragraph without its cards; each removed card goes to <paramref name="removed"/>.</summary>
    public string Strip(string paragraph, List<RemovedBlock> removed)
    {
        foreach (var (closer, maxChars) in _closers)
        {
            var from = 0;
            while (from < paragraph.Length)
            {
                var at = FindCloser(paragraph, closer, from);
                if (at < 0) break;
                var cardStart = FindCardStart(paragraph, Math.Max(0, at - maxChars), at);
                if (cardStart < 0) { from = at + closer.Length; continue; }
                var cardEnd = at + closer.Length;
                removed.Add(new RemovedBlock(paragraph[cardStart..cardEnd].Trim(), CardReason));
                var rest = paragraph.AsSpan(cardEnd).TrimStart();
                var keep = paragraph.AsSpan(0, cardStart).TrimEnd();
                var joiner = rest.Length > 0 && !IsClosingPunctuation(rest[0]) ? " " : "";
                paragraph = string.Concat(keep, joiner, rest);
                from = keep.Length;
            }
        }
        return paragraph;
    }

    /// <summary>The closer as a whole upper-case word after a space.</summary>
    static int FindCloser(string s, string closer, int from)
    {
        for (var i = s.IndexOf(closer, from, StringComparison.Ordinal); i >= 0; i = s.IndexOf(closer, i + 1, StringComparison.Ordinal))
        {
            var end = i + closer.Length;
            if (i > 0 && s[i - 1] == ' ' && (end == s.Length || !char.IsLetterOrDigit(s[end]))) return i;
        }
        return -1;
    }

    /// <summary>
    /// Where the card begins in s[lo..closer): right after the name as first written, found from the
    /// earliest glued token ("RoeSenators") whose left part ("Roe") also ends a word shortly before it.
    /// -1 when there is no such card.
    /// </summary>
    static int FindCardStart(string s, int lo, int closer)
    {
        for (var j = lo + 1; j < closer; j++)
        {
            if (!(char.IsLower(s[j - 1]) && (char.IsUpper(s[j]) || char.IsAsciiDigit(s[j])))) continue;
            var wordStart = j;
            while (wordStart > 0 && char.IsLetter(s[wordStart - 1])) wordStart--;
            if (j - wordStart < 2 || !char.IsUpper(s[wordStart])) continue;
            var name = s.AsSpan(wordStart, j - wordStart);
            var start = EarlierNameEnd(s, name, wordStart);
            if (start >= 0) return start;
        }
        return RepeatedNameStart(s, lo, closer);
    }

    /// <summary>
    /// A card whose headline is not glued to the name: "Jane Roe | Jane Q. Roe Senators weigh … MORE".
    /// The name as written (first, last) followed at once by the same first name and, within a few
    /// words, the same last name again; the card starts at the second first name.
    /// </summary>
    static int RepeatedNameStart(string s, int lo, int closer)
    {
        var words = new List<(int Start, int Length)>();
        for (var i = lo; i < closer;)
        {
            while (i < closer && s[i] == ' ') i++;
            var start = i;
            while (i < closer && s[i] != ' ') i++;
            if (i > start) words.Add(Bare(s, start, i));
        }
        bool Same(int a, int b) => s.AsSpan(words[a].Start, words[a].Length).Equals(s.AsSpan(words[b].Start, words[b].Length), StringComparison.Ordinal);
        bool Capital(int a) => words[a].Length > 1 && char.IsUpper(s[words[a].Start]);
        for (var k = 0; k + 3 < words.Count; k++)
        {
            if (!Capital(k) || !Capital(k + 1) || !Same(k, k + 2)) continue;
            for (var m = k + 3; m < Math.Min(words.Count, k + 3 + MaxNameWords - 2); m++)
            {
                if (Same(k + 1, m)) return words[k + 2].Start;
                if (!Capital(m)) break;
            }
        }
        return -1;
    }

    /// <summary>
    /// Where the card's full name begins, walking back over capitalised name words from the glued word:
    /// right after the surname as first written ("Jane Roe | Jane Q. RoeSenators"), or at the second
    /// copy of a repeated first name when the surname is written after the card
    /// ("Jane Ann | Jane Q. RoeSenators … MORE Roe"). -1 when neither is within reach.
    /// </summary>
    static int EarlierNameEnd(string s, ReadOnlySpan<char> surname, int gluedWordStart)
    {
        var floor = Math.Max(0, gluedWordStart - MaxNameLookBack);
        Span<(int Start, int Length)> seen = stackalloc (int, int)[MaxNameWords + 1];
        var words = 0;
        var i = gluedWordStart;
        while (i > floor && words <= MaxNameWords)
        {
            // Step back over the separator and one word.
            var end = i;
            while (end > floor && s[end - 1] == ' ') end--;
            if (end == i) break;
            var start = end;
            while (start > floor && s[start - 1] != ' ') start--;
            var bare = Bare(s, start, end);
            var word = s.AsSpan(bare.Start, bare.Length);
            if (word.Equals(surname, StringComparison.Ordinal) || IsPossessiveOf(word, surname)) return end;
            if (word.Length == 0 || !char.IsUpper(word[0])) return -1;
            foreach (var (st, len) in seen[..words])
                if (s.AsSpan(st, len).Equals(word, StringComparison.Ordinal)) return st;
            if (words == MaxNameWords) break;
            seen[words++] = bare;
            i = start;
        }
        return -1;
    }

    static (int Start, int Length) Bare(string s, int start, int end)
    {
        while (start < end && s[start] is '(' or '"' or '\'') start++;
        while (end > start && s[end - 1] is ')' or ',' or '.' or '"' or '\'') end--;
        return (start, end - start);
    }

    static bool IsPossessiveOf(ReadOnlySpan<char> word, ReadOnlySpan<char> name) =>
        word.Length == name.Length + 2 && word.StartsWith(name, StringComparison.Ordinal)
        && word[^1] == 's' && word[^2] is '\'' or '\u2019';

    static bool IsClosingPunctuation(char c) => c is ',' or '.' or ';' or ':' or ')' or '?' or '!';
}
