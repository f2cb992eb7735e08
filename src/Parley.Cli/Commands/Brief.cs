using System.Globalization;
using System.Net;
using System.Text;
using Parley.Store;

namespace Parley.Cli.Commands;

/// <summary>
/// An analyst's brief as a small document model: a title, summary lines, sections of paragraphs and tables, and
/// footnotes — every claim carries the numbers of the sentences it rests on. Rendered as Markdown or as one
/// self-contained HTML page (escaped, inline style, no scripts).
/// </summary>
sealed class Brief
{
    public sealed record Cell(string Text, IReadOnlyList<int> Notes);
    public sealed record Table(IReadOnlyList<string> Headers, List<IReadOnlyList<Cell>> Rows);
    public sealed record Section(string Title, List<object> Blocks);

    public required string Title { get; init; }
    public List<Cell> Summary { get; } = [];
    public List<Section> Sections { get; } = [];
    readonly List<Evidence> _notes = [];
    readonly Dictionary<(string, int), int> _noteIndex = [];

    /// <summary>The footnote number of this evidence (one per article and sentence).</summary>
    public int Note(Evidence e)
    {
        if (_noteIndex.TryGetValue((e.ArticleId, e.Sentence), out var n)) return n;
        _notes.Add(e);
        return _noteIndex[(e.ArticleId, e.Sentence)] = _notes.Count;
    }

    public IReadOnlyList<int> Notes(IEnumerable<Evidence> evidence, int max = 3) => evidence.Take(max).Select(Note).Distinct().ToList();

    public IReadOnlyList<Evidence> Footnotes => _notes;

    public Cell C(string text, IEnumerable<Evidence>? evidence = null) => new(text, evidence is null ? [] : Notes(evidence));

    public string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(Md(Title)).Append("\n\n");
        foreach (var line in Summary) sb.Append("- ").Append(MdCell(line)).Append('\n');
        foreach (var s in Sections)
        {
            sb.Append("\n## ").Append(Md(s.Title)).Append("\n\n");
            foreach (var b in s.Blocks)
            {
                if (b is Cell p) sb.Append(MdCell(p)).Append("\n\n");
                else if (b is Table t)
                {
                    sb.Append("| ").Append(string.Join(" | ", t.Headers.Select(Md))).Append(" |\n");
                    sb.Append('|').Append(string.Concat(t.Headers.Select(_ => "---|"))).Append('\n');
                    foreach (var row in t.Rows) sb.Append("| ").Append(string.Join(" | ", row.Select(MdCell))).Append(" |\n");
                    sb.Append('\n');
                }
            }
        }
        sb.Append("\n## Sources\n\n");
        for (var i = 0; i < _notes.Count; i++)
        {
            var e = _notes[i];
            sb.Append(CultureInfo.InvariantCulture, $"[^{i + 1}]: {Md(Source(e))}");
            if (e.Url is { } url) sb.Append(" <").Append(url.Replace(">", "%3E").Replace(" ", "%20")).Append('>');
            sb.Append(CultureInfo.InvariantCulture, $" — sentence {e.Sentence}: “{Md(TimelineCommand.Trim(e.Text ?? "", 400))}”\n");
        }
        return sb.ToString();
    }

    static string Source(Evidence e) =>
        $"{e.ArticleId}{(e.Title is { } t ? $", “{t}”" : "")}{(e.Outlet is { } o ? $", {o}" : "")}{(e.Published is { } p ? $", {p}" : "")}";

    static string MdCell(Cell c) => Md(c.Text) + string.Concat(c.Notes.Select(n => $"[^{n}]"));

    /// <summary>Markdown-safe text: table pipes, emphasis, link and HTML characters escaped; one line.</summary>
    static string Md(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s.ReplaceLineEndings(" "))
        {
            if (ch is '|' or '*' or '_' or '[' or ']' or '<' or '>' or '`' or '\\' or '#') sb.Append('\\');
            sb.Append(ch);
        }
        return sb.ToString();
    }

    public string Html()
    {
        static string H(string s) => WebUtility.HtmlEncode(s);
        string Cell(Cell c) => H(c.Text) + string.Concat(c.Notes.Select(n => $"<sup><a href=\"#fn-{n}\">{n}</a></sup>"));
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(H(Title)).Append("</title>\n");
        sb.Append("<style>body{font-family:Georgia,serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}")
          .Append("table{border-collapse:collapse;margin:.5rem 0 1rem}td,th{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}")
          .Append("th{background:#f0f0f0}sup a{text-decoration:none}ol.sources li{margin-bottom:.4rem}.q{color:#555}</style>\n</head>\n<body>\n");
        sb.Append("<h1>").Append(H(Title)).Append("</h1>\n<ul class=\"summary\">\n");
        foreach (var line in Summary) sb.Append("<li>").Append(Cell(line)).Append("</li>\n");
        sb.Append("</ul>\n");
        foreach (var s in Sections)
        {
            sb.Append("<h2>").Append(H(s.Title)).Append("</h2>\n");
            foreach (var b in s.Blocks)
            {
                if (b is Cell p) sb.Append("<p>").Append(Cell(p)).Append("</p>\n");
                else if (b is Table t)
                {
                    sb.Append("<table>\n<tr>").Append(string.Concat(t.Headers.Select(x => $"<th>{H(x)}</th>"))).Append("</tr>\n");
                    foreach (var row in t.Rows) sb.Append("<tr>").Append(string.Concat(row.Select(x => $"<td>{Cell(x)}</td>"))).Append("</tr>\n");
                    sb.Append("</table>\n");
                }
            }
        }
        sb.Append("<h2>Sources</h2>\n<ol class=\"sources\">\n");
        for (var i = 0; i < _notes.Count; i++)
        {
            var e = _notes[i];
            sb.Append(CultureInfo.InvariantCulture, $"<li id=\"fn-{i + 1}\">");
            var label = H(Source(e));
            if (e.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https")
                sb.Append("<a href=\"").Append(H(u.AbsoluteUri)).Append("\">").Append(label).Append("</a>");
            else sb.Append(label);
            sb.Append(CultureInfo.InvariantCulture, $" — sentence {e.Sentence}: <span class=\"q\">“{H(TimelineCommand.Trim(e.Text ?? "", 400))}”</span></li>\n");
        }
        sb.Append("</ol>\n</body>\n</html>\n");
        return sb.ToString();
    }
}
