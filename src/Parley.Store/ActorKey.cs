using System.Text;

namespace Parley.Store;

/// <summary>
/// Stable, URL-safe actor keys: "{CAMEO code}_{name slug}" ("RUSGOV_sergei-lavrov", "_john-kelly" without a code).
/// The slug is the name lower-cased without accents, runs of other characters as one '-'; a name with no Latin
/// letter or digit gets "u" + a hash of its folded form. A bare code ("RUS", "IGOUNO") is a group key: every
/// actor whose code starts with it or whose country it is.
/// </summary>
public static class ActorKey
{
    public const int MaxLength = 160;

    /// <summary>The key of the actor with this code and canonical name.</summary>
    public static string Of(string? code, string? name) => (code ?? "").Trim().ToUpperInvariant() + "_" + Slug(name);

    /// <summary>The key of an event party: <see cref="Of"/>, or the bare code when the party has no name; null with neither.</summary>
    public static string? OfParty(string? code, string? name) =>
        !string.IsNullOrWhiteSpace(name) ? Of(code, name) : string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();

    public static string Slug(string? name)
    {
        var folded = TextFold.Fold(name);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        if (sb.Length > 0 && sb[^1] == '-') sb.Length--;
        if (sb.Length > 0) return sb.Length <= 120 ? sb.ToString() : sb.ToString(0, 120);
        // FNV-1a over the folded name: stable across runs (string.GetHashCode is not).
        uint h = 2166136261;
        foreach (var c in folded) { h ^= c; h *= 16777619; }
        return "u" + h.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>True for a code (group) filter: ASCII letters and digits only, 1..32 characters.</summary>
    public static bool IsCode(string s) => s.Length is > 0 and <= 32 && s.All(char.IsAsciiLetterOrDigit);

    /// <summary>Splits "CODE_slug" into its parts; false for anything else (bare codes included).</summary>
    public static bool TryParse(string? key, out string code, out string slug)
    {
        code = slug = "";
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength) return false;
        var at = key.IndexOf('_');
        if (at < 0) return false;
        var c = key[..at];
        var s = key[(at + 1)..];
        if (c.Length > 32 || !c.All(ch => char.IsAsciiLetterUpper(ch) || char.IsAsciiDigit(ch))) return false;
        if (s.Length == 0 || s[0] == '-' || s[^1] == '-' || !s.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '-')) return false;
        (code, slug) = (c, s);
        return true;
    }
}
