using System.Globalization;
using System.Text;

namespace Parley.Merge;

/// <summary>
/// Global actor keys that unify one actor across articles. The actors stage writes canonical knowledge-base names
/// and codes, so a state is keyed by its ISO3 (state:TUR), an organisation by its CAMEO code (org:IGOUNO), a person by
/// canonical name and country (person:vladimir putin|RUS); anything else by normalised code and name.
/// </summary>
public static class EntityKeys
{
    public static string Of(string? name, string? kind, string? code, string? country)
    {
        var c = Norm(code);
        var n = Fold(name);
        return kind switch
        {
            "state" when Norm(country) is { } iso => "state:" + iso,
            "organization" or "organisation" when c is not null => "org:" + c,
            "person" => "person:" + n + "|" + Norm(country),
            _ => (c ?? "") + ":" + n,
        };
    }

    /// <summary>The country-level key the merge compares: the ISO3 country, else the CAMEO code, else the folded name.</summary>
    public static string CountryLevel(string? name, string? code, string? country) =>
        Norm(country) ?? Norm(code) ?? ("name:" + Fold(name));

    static string? Norm(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().ToUpperInvariant();

    /// <summary>Lower case, accents removed, runs of non-letters as one space.</summary>
    public static string Fold(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var ch in s.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(ch))
            {
                if (space && sb.Length > 0) sb.Append(' ');
                sb.Append(char.ToLowerInvariant(ch));
                space = false;
            }
            else space = true;
        }
        return sb.ToString();
    }
}
