using System.Text;
using Parley.Core;

namespace Parley.Eval.Gold;

/// <summary>The matching rules of shared/spec/gold-format.md, one function each.</summary>
public static class GoldMatching
{
    /// <summary>
    /// PLOVER's international non-state "country" codes (PLOVER manual, table of non-state actor
    /// names). An actor whose <see cref="ActorRef.Country"/> is empty counts under its
    /// <see cref="ActorRef.Code"/> when the code is one of these, or a CAMEO "IGO…" code
    /// ("IGOUNO" → "UNO").
    /// </summary>
    public static readonly IReadOnlySet<string> IgoCodes =
        new HashSet<string>(["IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Event types whose two sides may be swapped when matching.</summary>
    public static readonly IReadOnlySet<string> SymmetricTypes =
        new HashSet<string>(["CONSULT", "AGREE", "COOPERATE"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Whitespace collapsed, typographic quote marks folded to ASCII, outer quote marks and spaces trimmed.</summary>
    public static string NormalizeText(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var ch in s)
        {
            if (char.IsWhiteSpace(ch)) { space = sb.Length > 0; continue; }
            var c = ch switch
            {
                '“' or '”' or '„' or '‟' or '«' or '»' or '″' => '"',
                '‘' or '’' or '‚' or '‛' or '′' => '\'',
                _ => ch,
            };
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString().Trim('"', '\'', ' ');
    }

    /// <summary>
    /// A predicted quote content matches a gold quote text when, both normalised, it contains the
    /// gold text or the two share a common stretch at least half as long as the gold text.
    /// </summary>
    public static bool QuoteMatches(string? predicted, string gold)
    {
        var p = NormalizeText(predicted);
        var g = NormalizeText(gold);
        if (p.Length == 0 || g.Length == 0) return false;
        if (p.Contains(g, StringComparison.Ordinal)) return true;
        return LongestCommonSubstring(p, g) * 2 >= g.Length;
    }

    /// <summary>Length of the longest common substring (ordinal), O(|a|·|b|) time, O(|b|) space.</summary>
    public static int LongestCommonSubstring(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        var best = 0;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : 0;
                if (cur[j] > best) best = cur[j];
            }
            (prev, cur) = (cur, prev);
        }
        return best;
    }

    /// <summary>
    /// The predicted speaker name equals the gold speaker or one of its alternatives,
    /// case-insensitively with whitespace normalised (no surname or diacritic leniency).
    /// </summary>
    public static bool SpeakerMatches(string? predicted, GoldQuote gold)
    {
        var p = NormalizeText(predicted);
        if (p.Length == 0) return false;
        if (string.Equals(p, NormalizeText(gold.Speaker), StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var alt in gold.SpeakerAlternatives)
            if (string.Equals(p, NormalizeText(alt), StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>The country (or IGO) code an event actor counts as, or null.</summary>
    public static string? CountryOf(ActorRef actor)
    {
        if (!string.IsNullOrWhiteSpace(actor.Country)) return actor.Country.Trim().ToUpperInvariant();
        var code = actor.Code?.Trim();
        if (string.IsNullOrEmpty(code)) return null;
        if (IgoCodes.Contains(code)) return code.ToUpperInvariant();
        if (code.Length > 3 && code.StartsWith("IGO", StringComparison.OrdinalIgnoreCase)) return code[3..].ToUpperInvariant();
        return null;
    }

    public static HashSet<string> Countries(IEnumerable<ActorRef> actors)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in actors)
            if (CountryOf(a) is { } c) set.Add(c);
        return set;
    }

    /// <summary>
    /// Equal PLOVER type and equal source and target country sets; for CONSULT, AGREE and
    /// COOPERATE the sides may be swapped; a gold event with an empty target (multilateral)
    /// matches when all its participants are among the predicted source ∪ target.
    /// </summary>
    public static bool EventMatches(EventRecord predicted, GoldEvent gold)
    {
        if (!string.Equals(predicted.Type, gold.Type, StringComparison.OrdinalIgnoreCase)) return false;
        var ps = Countries(predicted.Source);
        var pt = Countries(predicted.Target);
        var gs = new HashSet<string>(gold.Source, StringComparer.OrdinalIgnoreCase);
        var gt = new HashSet<string>(gold.Target, StringComparer.OrdinalIgnoreCase);
        if (ps.SetEquals(gs) && pt.SetEquals(gt)) return true;
        if (SymmetricTypes.Contains(gold.Type) && ps.SetEquals(gt) && pt.SetEquals(gs)) return true;
        if (gt.Count == 0 && gs.Count > 0)
        {
            var all = new HashSet<string>(ps, StringComparer.OrdinalIgnoreCase);
            all.UnionWith(pt);
            return gs.IsSubsetOf(all);
        }
        return false;
    }

    /// <summary>Metadata comparison: case-insensitive, whitespace-normalised.</summary>
    public static bool SameMetadata(string? predicted, string? gold) =>
        string.Equals(CollapseSpace(predicted), CollapseSpace(gold), StringComparison.OrdinalIgnoreCase);

    /// <summary>Body snippet test: the snippet, whitespace- and quote-normalised, occurs in the normalised body.</summary>
    public static bool BodyContains(string normalizedBody, string snippet)
    {
        var s = NormalizeText(snippet);
        return s.Length > 0 && normalizedBody.Contains(s, StringComparison.Ordinal);
    }

    static string CollapseSpace(string? s) =>
        string.IsNullOrWhiteSpace(s) ? "" : string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
