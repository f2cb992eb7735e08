using System.Globalization;
using System.Text;
using Parley.Core;

namespace Parley.Store;

/// <summary>
/// Lower case without accents ("Erdoğan" → "erdogan") from knowledge/search/letter-folds.tsv, for
/// case- and accent-insensitive substring search. Works without ICU (string.Normalize does not decompose
/// under invariant globalization).
/// </summary>
static class TextFold
{
    const string File = "search/letter-folds.tsv";

    static readonly Lazy<Dictionary<char, string>> Table = new(Load);

    static Dictionary<char, string> Load()
    {
        var map = new Dictionary<char, string>();
        foreach (var (line, cells) in Knowledge.ReadRows(Knowledge.PathOf(File)))
        {
            if (cells.Length < 2 || cells[0].Length == 0)
                throw new FormatException($"{Knowledge.PathOf(File)}:{line}: expected \"plain<TAB>letters\"");
            foreach (var c in cells[1]) map[c] = cells[0];
        }
        return map;
    }

    public static string Fold(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var table = Table.Value;
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            var c = char.ToLowerInvariant(ch);
            if (c < 0x80) sb.Append(c);
            else if (table.TryGetValue(c, out var plain)) sb.Append(plain);
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c);
        }
        return sb.ToString();
    }
}
