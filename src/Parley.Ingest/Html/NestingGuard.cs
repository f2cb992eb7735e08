using System.Text;

namespace Parley.Ingest.Html;

/// <summary>
/// AngleSharp caps the DOM depth itself, but the cost of reaching the cap grows with the square of
/// the nesting in the source (100,000 nested &lt;div&gt;s take tens of seconds). This pre-pass
/// counts tag nesting in the raw markup in one linear scan and, only when it is pathological,
/// drops the open/close tags nested past a limit so the parser sees a shallow tree with the same text.
/// </summary>
internal static class NestingGuard
{
    static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "option", "td", "tr", "th", "dt", "dd", // often left unclosed: never counted as nesting
    };

    /// <summary>Returns the markup unchanged unless its nesting exceeds <paramref name="trigger"/>; then a flattened copy.</summary>
    public static string Flatten(string html, int trigger, int keep, out int maxDepth)
    {
        maxDepth = Scan(html, null, keep);
        if (maxDepth <= trigger) return html;
        var sb = new StringBuilder(html.Length);
        Scan(html, sb, keep);
        return sb.ToString();
    }

    /// <summary>One pass over the tags; with <paramref name="output"/> it copies all but the over-deep tags.</summary>
    static int Scan(string html, StringBuilder? output, int keep)
    {
        var depth = 0;
        var max = 0;
        var dropped = output is null ? null : new Stack<bool>();
        var copied = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length) break;
            var c = html[lt + 1];
            if (c == '!')
            {
                var end = string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0 ? html.IndexOf("-->", lt + 4, StringComparison.Ordinal) : html.IndexOf('>', lt);
                i = end < 0 ? html.Length : end + 1;
                continue;
            }
            var closing = c == '/';
            var nameStart = closing ? lt + 2 : lt + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-')) nameEnd++;
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart])) { i = lt + 1; continue; }
            var gt = html.IndexOf('>', nameEnd);
            if (gt < 0) break;
            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            var selfClosing = html[gt - 1] == '/';
            var tagEnd = gt + 1;
            if (!closing && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)
                || name.Equals("textarea", StringComparison.OrdinalIgnoreCase) || name.Equals("title", StringComparison.OrdinalIgnoreCase)))
            {
                var close = html.IndexOf("</" + name.ToString(), gt, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
                continue;
            }
            var skip = false;
            if (!selfClosing && !IsVoid(name))
            {
                if (!closing)
                {
                    depth++;
                    if (depth > max) max = depth;
                    if (dropped is not null) { skip = depth > keep; dropped.Push(skip); }
                }
                else if (depth > 0)
                {
                    depth--;
                    if (dropped is not null && dropped.Count > 0) skip = dropped.Pop();
                }
            }
            else if (dropped is not null)
            {
                // p, li, td… past the limit would still make the parser scan its deep stack on every tag
                skip = depth > keep;
            }
            if (output is not null && skip)
            {
                output.Append(html, copied, lt - copied);
                copied = tagEnd;
            }
            i = tagEnd;
        }
        output?.Append(html, copied, html.Length - copied);
        return max;
    }

    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> VoidLookup = Void.GetAlternateLookup<ReadOnlySpan<char>>();

    static bool IsVoid(ReadOnlySpan<char> name) => VoidLookup.Contains(name);
}
