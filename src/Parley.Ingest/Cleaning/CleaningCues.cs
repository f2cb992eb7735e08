using System.Buffers;
using Parley.Core;

namespace Parley.Ingest.Cleaning;

/// <summary>How a cue phrase is compared with a line.</summary>
internal enum CueMatch { Line, Prefix, Contains, Suffix }

/// <summary>Where in the document a cue applies.</summary>
internal enum CueZone { Any, Head, Tail }

/// <summary>Which zone a line being classified is in.</summary>
internal enum LineZone { Head, Body, Tail }

/// <summary>One boilerplate cue from <c>knowledge/cleaning-cues.tsv</c>.</summary>
internal sealed record Cue(string Phrase, string Reason, CueMatch Match, CueZone Zone)
{
    public bool AppliesIn(LineZone zone) => Zone switch
    {
        CueZone.Any => true,
        CueZone.Head => zone == LineZone.Head,
        _ => zone == LineZone.Tail,
    };
}

/// <summary>
/// The compiled cue table: whole-line cues in a case-insensitive hash set (looked up by span, no
/// allocation), prefix cues bucketed by their first character, contains/suffix cues in short lists.
/// Immutable after <see cref="Load"/>.
/// </summary>
internal sealed class CleaningCues
{
    public const string FileName = "cleaning-cues.tsv";

    /// <summary>Longest line the contains-cues are tried on; longer lines are body paragraphs.</summary>
    const int MaxContainsLine = 600;

    readonly Dictionary<string, Cue> _lines = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, Cue>.AlternateLookup<ReadOnlySpan<char>> _lineLookup;
    readonly Dictionary<char, List<Cue>> _prefixes = [];
    readonly List<Cue> _contains = [];
    /// <summary>All contains-phrases at once: one vectorised pass tells whether any of them can match a line.</summary>
    readonly SearchValues<string> _anyContains;
    readonly List<Cue> _suffixes = [];

    CleaningCues(IEnumerable<Cue> cues)
    {
        foreach (var cue in cues)
        {
            switch (cue.Match)
            {
                case CueMatch.Line:
                    _lines.TryAdd(TrimForLookup(cue.Phrase).ToString(), cue);
                    break;
                case CueMatch.Prefix:
                    var key = char.ToLowerInvariant(cue.Phrase[0]);
                    if (!_prefixes.TryGetValue(key, out var list)) _prefixes[key] = list = [];
                    list.Add(cue);
                    break;
                case CueMatch.Contains: _contains.Add(cue); break;
                case CueMatch.Suffix: _suffixes.Add(cue); break;
            }
        }
        _lineLookup = _lines.GetAlternateLookup<ReadOnlySpan<char>>();
        _anyContains = SearchValues.Create(_contains.Select(c => c.Phrase).ToArray(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads <c>knowledge/cleaning-cues.tsv</c> plus the sign-off agencies of the outlet cues.</summary>
    public static CleaningCues Load(OutletCues outlets)
    {
        var cues = new List<Cue>();
        foreach (var row in Knowledge.ReadTable(FileName))
        {
            if (row.Length < 4 || row[0].Length == 0)
                throw new FormatException($"{FileName}: expected phrase, reason, match, zone: \"{string.Join('\t', row)}\"");
            var match = row[2].Trim() switch
            {
                "line" => CueMatch.Line,
                "prefix" => CueMatch.Prefix,
                "contains" => CueMatch.Contains,
                "suffix" => CueMatch.Suffix,
                var m => throw new FormatException($"{FileName}: unknown match \"{m}\""),
            };
            var zone = row[3].Trim() switch
            {
                "any" => CueZone.Any,
                "head" => CueZone.Head,
                "tail" => CueZone.Tail,
                var z => throw new FormatException($"{FileName}: unknown zone \"{z}\""),
            };
            // contains-cues may carry deliberate spaces (" Photo: "); the others are trimmed
            var phrase = match == CueMatch.Contains ? row[0] : row[0].Trim();
            cues.Add(new Cue(phrase, row[1].Trim(), match, zone));
        }
        foreach (var agency in outlets.Signoffs)
            cues.Add(new Cue(agency, CleanReasons.AgencySignoff, CueMatch.Line, CueZone.Any));
        return new CleaningCues(cues);
    }

    /// <summary>The first cue that applies to <paramref name="line"/> (already trimmed) in <paramref name="zone"/>.</summary>
    public Cue? Match(ReadOnlySpan<char> line, LineZone zone, int words)
    {
        if (line.Length == 0) return null;
        var key = TrimForLookup(line);
        if (key.Length > 0 && key.Length <= 80 && _lineLookup.TryGetValue(key, out var exact) && exact.AppliesIn(zone))
            return exact;
        if (_prefixes.TryGetValue(char.ToLowerInvariant(line[0]), out var prefixes))
            foreach (var cue in prefixes)
                if (cue.AppliesIn(zone) && line.StartsWith(cue.Phrase, StringComparison.OrdinalIgnoreCase))
                    return cue;
        if (line.Length <= MaxContainsLine && _contains.Count > 0 && line.IndexOfAny(_anyContains) >= 0)
            foreach (var cue in _contains)
                if (cue.AppliesIn(zone) && line.Contains(cue.Phrase, StringComparison.OrdinalIgnoreCase))
                    return cue;
        if (words <= 4)
            foreach (var cue in _suffixes)
                if (cue.AppliesIn(zone) && key.EndsWith(cue.Phrase, StringComparison.OrdinalIgnoreCase))
                    return cue;
        return null;
    }

    /// <summary>A line without its trailing punctuation and bullets, as whole-line cues are keyed.</summary>
    static ReadOnlySpan<char> TrimForLookup(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        while (s.Length > 0 && s[^1] is '.' or ':' or '!' or ';' or ',' or '|' or '»' or '›' or '>' or '…') s = s[..^1].TrimEnd();
        while (s.Length > 0 && s[0] is '•' or '·' or '|' or '»' or '›' or '>' or '*') s = s[1..].TrimStart();
        return s;
    }
}

/// <summary>The <c>removed[].reason</c> values the text cleaner writes.</summary>
public static class CleanReasons
{
    public const string SiteChrome = "site-chrome";
    public const string LegalNotice = "legal-notice";
    public const string DuplicateTitle = "duplicate-title";
    public const string DuplicateLine = "duplicate-line";
    public const string Caption = "caption";
    public const string PhotoCredit = "photo-credit";
    public const string AgencySignoff = "agency-signoff";
    public const string RelatedHeadline = "related-headline";
    public const string Separator = "separator";
    public const string Dateline = "dateline";
    public const string Byline = "byline";
    public const string Navigation = "navigation";
    public const string CookieNotice = "cookie-notice";
}
