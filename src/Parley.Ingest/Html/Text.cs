using System.Text;

namespace Parley.Ingest.Html;

internal static class Text
{
    /// <summary>Whitespace runs (nbsp included) to one space, trimmed; null when nothing is left.</summary>
    public static string? Collapse(string? s)
    {
        if (s is null) return null;
        var sb = new StringBuilder(s.Length);
        AppendCollapsed(sb, s);
        var t = sb.ToString().Trim();
        return t.Length == 0 ? null : t;
    }

    /// <summary>Appends <paramref name="s"/> with whitespace collapsed, not doubling a space already at the end.</summary>
    public static void AppendCollapsed(StringBuilder sb, string s)
    {
        var space = sb.Length == 0 || sb[^1] == ' ';
        foreach (var c in s)
        {
            if (c is '\u200b' or '\u200c' or '\u200d' or '\ufeff' or '\u00ad') continue;
            if (char.IsWhiteSpace(c))
            {
                if (!space) { sb.Append(' '); space = true; }
            }
            else if (!char.IsControl(c))
            {
                sb.Append(c);
                space = false;
            }
        }
    }

    public static string Truncate(string s, int max) => s.Length <= max ? s : s[..max].TrimEnd() + "…";
}
