using Parley.Core;
using Parley.Ingest.Metadata;

namespace Parley.Ingest.Cleaning;

/// <summary>
/// Cleans scraped plain text into an article: title, standfirst, body paragraphs, captions, and a
/// record of every block it dropped and why. Decisions come from line shape (length, final
/// punctuation, Title Case), position (head zone before the first body paragraph, trailing
/// boilerplate block), repetition, and the versioned cue lists in <c>knowledge/</c>.
/// Built once by <see cref="Load"/>; immutable afterwards, so one instance serves any number of
/// threads and documents.
/// </summary>
public sealed class TextCleaner
{
    readonly CleaningCues _cues;
    readonly OutletCues _outlets;
    readonly MinorWords _minor;
    readonly InlineCards _cards;

    TextCleaner(CleaningCues cues, OutletCues outlets, MinorWords minor, InlineCards cards)
    {
        _cards = cards;
        _cues = cues;
        _outlets = outlets;
        _minor = minor;
    }

    /// <summary>Reads the cue tables from <c>knowledge/</c> and compiles them.</summary>
    public static TextCleaner Load()
    {
        var outlets = OutletCues.Load();
        return new TextCleaner(CleaningCues.Load(outlets), outlets, MinorWords.Load(), InlineCards.Load());
    }

    /// <summary>
    /// Cleans <paramref name="text"/>. <paramref name="titleHint"/> is a title the input container
    /// already gave (e.g. a JSONL <c>title</c>); it becomes the title, and its copies in the text are
    /// removed. Without it the title is the first headline-shaped line of the head zone.
    /// </summary>
    public CleanedArticle Clean(string text, string? titleHint = null)
    {
        var result = new CleanedArticle();
        var lines = SplitLines(text);
        var n = lines.Count;
        var tailStart = FindTail(lines);

        ulong? titleKey = null;
        if (!string.IsNullOrWhiteSpace(titleHint))
        {
            result.Title = titleHint.Trim();
            titleKey = NormKey(result.Title);
        }

        var seen = new HashSet<ulong>();
        var head = true;          // before the first body paragraph
        var subtitleSlot = false; // the line right after the title may be a standfirst
        for (var i = 0; i < n; i++)
        {
            var line = lines[i];
            var s = line.Text;
            var zone = i >= tailStart ? LineZone.Tail : head ? LineZone.Head : LineZone.Body;

            if (LineShape.IsSeparator(s)) { Drop(result, s, CleanReasons.Separator); continue; }

            var key = line.Key;
            if (titleKey is not null && key == titleKey)
            {
                Drop(result, s, CleanReasons.DuplicateTitle);
                if (head && result.Subtitle is null) subtitleSlot = true;
                continue;
            }

            if (_cues.Match(s, zone, line.Words) is { } cue)
            {
                if (cue.Reason == CleanReasons.Caption)
                {
                    if (!seen.Add(key)) { Drop(result, s, CleanReasons.DuplicateLine); continue; }
                    result.Captions.Add(s);
                }
                else if (cue.Reason == CleanReasons.AgencySignoff && line.Words <= 3 && FollowsCaption(result))
                {
                    Drop(result, s, CleanReasons.PhotoCredit);
                    continue;
                }
                Drop(result, s, cue.Reason);
                continue;
            }

            if (zone != LineZone.Body && IsDateline(s, line.Words) is { } date)
            {
                if (result.Published is null)
                {
                    result.Published = date;
                    result.PublishedSource = "text";
                }
                Drop(result, s, CleanReasons.Dateline);
                continue;
            }

            if (zone == LineZone.Tail) { Drop(result, s, CleanReasons.SiteChrome); continue; }

            // a repeated line (three words or more; short labels such as speaker names may recur)
            if (!seen.Add(key) && line.Words >= 3) { Drop(result, s, CleanReasons.DuplicateLine); continue; }

            if (zone == LineZone.Head)
            {
                if (LineShape.IsBreadcrumb(s))
                {
                    Drop(result, s, CleanReasons.Navigation);
                    continue;
                }
                if (IsByline(s, line.Words))
                {
                    result.Byline ??= s[3..].Trim();
                    Drop(result, s, CleanReasons.Byline);
                    continue;
                }
                if (result.Title is null)
                {
                    if (line.Words is >= 3 and <= 25 && LineShape.IsHeadline(s, line.Words))
                    {
                        result.Title = s;
                        titleKey = key;
                        subtitleSlot = true;
                        continue;
                    }
                    if (line.Words <= 3 && s.Length <= 30 && !LineShape.EndsPunctuated(s) && !s.Contains(','))
                    {
                        Drop(result, s, CleanReasons.SiteChrome);   // a section label above the headline
                        continue;
                    }
                }
            }

            // the same line twice in a row: a caption and its alt-text copy
            if (NextContent(lines, i, tailStart) is { } next && lines[next].Key == key)
            {
                result.Captions.Add(s);
                Drop(result, s, CleanReasons.Caption);
                continue;
            }

            if (head && subtitleSlot && result.Subtitle is null)
            {
                subtitleSlot = false;
                var nextIsTitle = NextContent(lines, i, tailStart) is { } nx && lines[nx].Key == titleKey;
                if (nextIsTitle || IsStandfirst(s, line.Words))
                {
                    result.Subtitle = s;
                    continue;
                }
            }

            if (!head && IsRelatedHeadline(s, line.Words) && NextContent(lines, i, tailStart) is not null)
            {
                Drop(result, s, CleanReasons.RelatedHeadline);
                continue;
            }

            result.Paragraphs.Add(_cards.Strip(s, result.Removed));
            head = false;
            subtitleSlot = false;
        }

        result.Outlet = _outlets.Find(result.Removed);
        return result;
    }

    static void Drop(CleanedArticle result, string text, string reason) => result.Removed.Add(new RemovedBlock(text, reason));

    /// <summary>
    /// Start of the trailing boilerplate block: the run of cue lines, separators and short
    /// unpunctuated lines at the end, provided at least one of them is a cue. n when there is none.
    /// </summary>
    int FindTail(List<Line> lines)
    {
        var n = lines.Count;
        var t = n;
        var strong = false;
        while (t > 0)
        {
            var l = lines[t - 1];
            if (_cues.Match(l.Text, LineZone.Tail, l.Words) is not null) { strong = true; t--; continue; }
            if (LineShape.IsSeparator(l.Text) || (l.Words <= 4 && l.Text.Length <= 40 && !LineShape.EndsSentence(l.Text))) { t--; continue; }
            break;
        }
        return strong && t > 0 ? t : n;
    }

    static int? NextContent(List<Line> lines, int i, int end)
    {
        for (var j = i + 1; j < end; j++)
            if (!LineShape.IsSeparator(lines[j].Text)) return j;
        return null;
    }

    /// <summary>A lone agency name right after a caption credits the photo, not the article.</summary>
    static bool FollowsCaption(CleanedArticle result) =>
        result.Removed.Count > 0 && result.Captions.Count > 0
        && (result.Removed[^1].Reason == CleanReasons.Caption || result.Removed[^1].Text == result.Captions[^1]);

    /// <summary>A short line that is a date, e.g. "3.12.2024 - 19:23".</summary>
    static string? IsDateline(string s, int words) =>
        s.Length <= 40 && words <= 6 && LineShape.HasDigit(s) ? DateNormalizer.Normalize(s) : null;

    /// <summary>"By Jane Doe" above the body.</summary>
    static bool IsByline(string s, int words) =>
        words is >= 2 and <= 7 && s.Length <= 80 && s.StartsWith("By ", StringComparison.Ordinal)
        && char.IsUpper(s[3]) && !LineShape.EndsSentence(s);

    /// <summary>A standfirst: a long line under the headline that does not end like a sentence.</summary>
    bool IsStandfirst(string s, int words) =>
        words >= 8 && s.Length <= 400 && !LineShape.EndsPunctuated(s) && !LineShape.IsTitleCase(s, _minor);

    /// <summary>
    /// A Title Case line of 5–14 words (7 with a comma) without final punctuation between body paragraphs: the
    /// headline of another story linked from this one. Sentence-case subheads are kept.
    /// </summary>
    bool IsRelatedHeadline(string s, int words) =>
        words is >= 5 and <= 14 && (words >= 7 || !s.Contains(','))   // not "Jane Doe, The Outlet"
         && LineShape.IsHeadline(s, words) && !LineShape.EndsSentence(s)
        && LineShape.IsTitleCase(s, _minor);

    /// <summary>
    /// Non-empty trimmed lines. A line that continues the previous one (no blank line between, the
    /// previous one a long unpunctuated line, this one starting in lower case) is joined to it: hard-wrapped text.
    /// </summary>
    static List<Line> SplitLines(string text)
    {
        var lines = new List<Line>();
        var span = text.AsSpan();
        var blank = false;
        while (span.Length > 0)
        {
            var nl = span.IndexOf('\n');
            var raw = nl < 0 ? span : span[..nl];
            span = nl < 0 ? default : span[(nl + 1)..];
            var t = raw.Trim();
            if (t.Length == 0) { blank = true; continue; }
            if (!blank && lines.Count > 0 && char.IsLower(t[0]) && lines[^1] is var prev
                && prev.Text.Length >= 40 && prev.Words >= 6 && !LineShape.EndsPunctuated(prev.Text))
            {
                lines[^1] = new Line(string.Concat(prev.Text, " ", t));
                continue;
            }
            lines.Add(new Line(t.ToString()));
            blank = false;
        }
        return lines;
    }

    /// <summary>
    /// Comparison key of a line: a 64-bit hash of its text in lower case with whitespace collapsed,
    /// typographic quotes and dashes folded and trailing punctuation dropped. Computed without
    /// allocating; two lines are taken as equal when their keys are.
    /// </summary>
    internal static ulong NormKey(ReadOnlySpan<char> s)
    {
        while (s.Length > 0 && (char.IsWhiteSpace(s[^1]) || s[^1] is '.' or ':' or ';' or ',' or '!' or '…')) s = s[..^1];
        const ulong offset = 14695981039346656037UL, prime = 1099511628211UL;
        var h = offset;
        var space = false;
        var any = false;
        foreach (var ch in s)
        {
            if (ch <= ' ' || (ch > '~' && char.IsWhiteSpace(ch))) { space = any; continue; }
            char c;
            if (ch < 128) c = ch is >= 'A' and <= 'Z' ? (char)(ch | 0x20) : ch;
            else c = ch switch
            {
                '“' or '”' or '„' or '«' or '»' => '"',
                '‘' or '’' or '‚' => '\'',
                '–' or '—' => '-',
                _ => char.ToLowerInvariant(ch),
            };
            if (space) { h = (h ^ ' ') * prime; space = false; }
            h = (h ^ c) * prime;
            any = true;
        }
        return h;
    }

    sealed class Line(string text)
    {
        public string Text { get; } = text;
        public int Words { get; } = LineShape.CountWords(text);
        public ulong Key { get; } = NormKey(text);
    }
}
