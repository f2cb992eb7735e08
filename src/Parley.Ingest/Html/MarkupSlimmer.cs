using System.Text;

namespace Parley.Ingest.Html;

/// <summary>
/// A linear pre-pass that cuts what extraction never reads before the parser has to build it:
/// comments and the contents of &lt;script&gt; (JSON-LD kept), &lt;style&gt; and &lt;svg&gt;.
/// On news pages these are often half the bytes, so parsing gets roughly twice as fast.
/// </summary>
internal static class MarkupSlimmer
{
    public static string Slim(string html)
    {
        StringBuilder? sb = null;
        var copied = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 3 >= html.Length) break;
            var c = html[lt + 1];
            int cutFrom, cutTo;
            if (c == '!' && string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                cutFrom = lt;
                cutTo = end < 0 ? html.Length : end + 3;
            }
            else if (c is 's' or 'S' && (Is(html, lt + 1, "script") || Is(html, lt + 1, "style") || Is(html, lt + 1, "svg")))
            {
                var name = Is(html, lt + 1, "script") ? "script" : Is(html, lt + 1, "style") ? "style" : "svg";
                var gt = html.IndexOf('>', lt);
                if (gt < 0) break;
                var close = html.IndexOf("</" + name, gt, StringComparison.OrdinalIgnoreCase);
                if (close < 0) { i = gt + 1; continue; }
                if (name == "script" && html.AsSpan(lt, gt - lt).Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                {
                    i = close + 2;
                    continue;
                }
                // keep the (now empty) element so the tree shape is unchanged
                cutFrom = gt + 1;
                cutTo = close;
            }
            else
            {
                i = lt + 1;
                continue;
            }
            sb ??= new StringBuilder(html.Length / 2);
            sb.Append(html, copied, cutFrom - copied);
            copied = cutTo;
            i = Math.Max(cutTo, lt + 1);
        }
        if (sb is null) return html;
        sb.Append(html, copied, html.Length - copied);
        return sb.ToString();
    }

    static bool Is(string html, int at, string name)
    {
        if (at + name.Length >= html.Length) return false;
        if (string.Compare(html, at, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) != 0) return false;
        var next = html[at + name.Length];
        return next is '>' or ' ' or '\t' or '\n' or '\r' or '/';
    }
}
