using System.Collections.Frozen;
using System.Globalization;
using Parley.Core;

namespace Parley.Ingest.Html;

/// <summary>What the class/id tokens of one element say about it.</summary>
internal readonly record struct CueVerdict(bool Negative, bool Positive, bool Caption, bool Subtitle, bool Byline, string? Reason)
{
    public static readonly CueVerdict None = new(false, false, false, false, false, null);
}


/// <summary>
/// The cue tables of <c>knowledge/html-cues.tsv</c>, frozen once: tags to drop, class/id tokens and
/// stems that mark chrome, containers, captions, bylines and standfirsts, short boilerplate blocks,
/// and thresholds.
/// </summary>
internal sealed class HtmlCues
{
    public const string File = "html-cues.tsv";

    public required FrozenSet<string> DropTags { get; init; }
    public required FrozenDictionary<string, string> ChromeTags { get; init; }
    public required FrozenDictionary<string, string> NegTokens { get; init; }
    public required (string Stem, string Reason)[] NegStems { get; init; }
    public required FrozenSet<string> PosTokens { get; init; }
    public required FrozenSet<string> KeepTokens { get; init; }
    public required string[] PosStems { get; init; }
    public required FrozenSet<string> CaptionTokens { get; init; }
    public required FrozenSet<string> SubtitleTokens { get; init; }
    public required FrozenSet<string> BylineTokens { get; init; }
    public required FrozenSet<string> BoilerText { get; init; }
    public required string[] BoilerPrefixes { get; init; }
    public required string[] BoilerContains { get; init; }
    public required FrozenSet<string> DateWords { get; init; }
    public required FrozenSet<string> CounterWords { get; init; }
    public required FrozenDictionary<string, double> Settings { get; init; }
    public string? Version { get; init; }

    public double Setting(string name, double fallback) => Settings.TryGetValue(name, out var v) ? v : fallback;

    public static HtmlCues Load(string file = File)
    {
        var drop = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var chrome = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var neg = new Dictionary<string, string>(StringComparer.Ordinal);
        var negStems = new List<(string, string)>();
        var pos = new HashSet<string>(StringComparer.Ordinal);
        var keep = new HashSet<string>(StringComparer.Ordinal);
        var posStems = new List<string>();
        var caption = new HashSet<string>(StringComparer.Ordinal);
        var subtitle = new HashSet<string>(StringComparer.Ordinal);
        var byline = new HashSet<string>(StringComparer.Ordinal);
        var boiler = new HashSet<string>(StringComparer.Ordinal);
        var prefixes = new List<string>();
        var contains = new List<string>();
        var dateWords = new HashSet<string>(StringComparer.Ordinal);
        var counterWords = new HashSet<string>(StringComparer.Ordinal);
        var settings = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in Knowledge.ReadTable(file))
        {
            if (row.Length < 2) continue;
            var kind = row[0].Trim();
            var value = row[1].Trim();
            var reason = row.Length > 2 && row[2].Trim().Length > 0 ? row[2].Trim() : "boilerplate";
            if (value.Length == 0) continue;
            switch (kind)
            {
                case "drop-tag": drop.Add(value); break;
                case "chrome-tag": chrome[value] = reason; break;
                case "neg-token": neg[value.ToLowerInvariant()] = reason; break;
                case "neg-stem": negStems.Add((value.ToLowerInvariant(), reason)); break;
                case "pos-token": pos.Add(value.ToLowerInvariant()); break;
                case "keep-token": keep.Add(value.ToLowerInvariant()); break;
                case "pos-stem": posStems.Add(value.ToLowerInvariant()); break;
                case "caption-token": caption.Add(value.ToLowerInvariant()); break;
                case "subtitle-token": subtitle.Add(value.ToLowerInvariant()); break;
                case "byline-token": byline.Add(value.ToLowerInvariant()); break;
                case "boiler-text": boiler.Add(value.ToLowerInvariant()); break;
                case "boiler-prefix": prefixes.Add(value.ToLowerInvariant()); break;
                case "boiler-contains": contains.Add(value.ToLowerInvariant()); break;
                case "date-word": dateWords.Add(value.ToLowerInvariant()); break;
                case "counter-word": counterWords.Add(value.ToLowerInvariant()); break;
                case "setting":
                    if (double.TryParse(row.Length > 2 ? row[2] : "", NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                        settings[value] = d;
                    break;
            }
        }
        return new HtmlCues
        {
            DropTags = drop.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            ChromeTags = chrome.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            NegTokens = neg.ToFrozenDictionary(StringComparer.Ordinal),
            NegStems = [.. negStems],
            PosTokens = pos.ToFrozenSet(StringComparer.Ordinal),
            KeepTokens = keep.ToFrozenSet(StringComparer.Ordinal),
            PosStems = [.. posStems],
            CaptionTokens = caption.ToFrozenSet(StringComparer.Ordinal),
            SubtitleTokens = subtitle.ToFrozenSet(StringComparer.Ordinal),
            BylineTokens = byline.ToFrozenSet(StringComparer.Ordinal),
            BoilerText = boiler.ToFrozenSet(StringComparer.Ordinal),
            BoilerPrefixes = [.. prefixes],
            BoilerContains = [.. contains],
            DateWords = dateWords.ToFrozenSet(StringComparer.Ordinal),
            CounterWords = counterWords.ToFrozenSet(StringComparer.Ordinal),
            Settings = settings.ToFrozenDictionary(StringComparer.Ordinal),
            Version = Knowledge.VersionOf(file),
        };
    }

    /// <summary>Judges a class+id string (callers cache the verdict per distinct string).</summary>
    public CueVerdict Judge(string classAndId)
    {
        bool negative = false, positive = false, cap = false, sub = false, by = false, keep = false;
        string? reason = null;
        foreach (var token in Tokens(classAndId))
        {
            if (KeepTokens.Contains(token)) keep = true;
            if (NegTokens.TryGetValue(token, out var r)) { negative = true; reason ??= r; }
            else if (token.Length > 4)
            {
                foreach (var (stem, sr) in NegStems)
                    if (token.Contains(stem, StringComparison.Ordinal)) { negative = true; reason ??= sr; break; }
            }
            if (PosTokens.Contains(token)) positive = true;
            else if (token.Length > 6)
            {
                foreach (var stem in PosStems)
                    if (token.Contains(stem, StringComparison.Ordinal)) { positive = true; break; }
            }
            if (CaptionTokens.Contains(token)) cap = true;
            if (SubtitleTokens.Contains(token)) sub = true;
            if (BylineTokens.Contains(token)) by = true;
        }
        if (keep) { negative = false; reason = null; }
        return new CueVerdict(negative, positive, cap, sub, by, reason);
    }

    /// <summary>Lower-cased tokens of a class/id string: split on non-alphanumerics and camelCase humps.</summary>
    public static List<string> Tokens(string s)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= s.Length; i++)
        {
            var c = i < s.Length ? s[i] : ' ';
            var alnum = char.IsLetterOrDigit(c);
            if (alnum && start < 0) { start = i; continue; }
            if (start >= 0 && (!alnum || (char.IsUpper(c) && i > start && char.IsLower(s[i - 1]))))
            {
                tokens.Add(s[start..i].ToLowerInvariant());
                start = alnum ? i : -1;
            }
        }
        // the whole run-together form too ("articleBody" → article, body, articlebody)
        if (tokens.Count > 1)
        {
            var start2 = -1;
            for (var i = 0; i <= s.Length; i++)
            {
                var c = i < s.Length ? s[i] : ' ';
                var alnum = char.IsLetterOrDigit(c);
                if (alnum && start2 < 0) start2 = i;
                else if (!alnum && start2 >= 0)
                {
                    var whole = s[start2..i].ToLowerInvariant();
                    if (!tokens.Contains(whole)) tokens.Add(whole);
                    start2 = -1;
                }
            }
        }
        return tokens;
    }
}
