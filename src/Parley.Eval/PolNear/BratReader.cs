using System.Globalization;
using Parley.Core;

namespace Parley.Eval.PolNear;

/// <summary>A problem found while reading the corpus, located as <c>file:line</c> (line 0: the whole file).</summary>
public sealed record PolNearProblem(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>A brat text-bound annotation: <c>T12\tLabel 10 20;25 30\ttext</c>. Offsets as written in the file.</summary>
public sealed record BratSpan(string Id, string Label, IReadOnlyList<TextSpan> Fragments, string Text, int Line);

/// <summary>A brat event: <c>E3\tAttribution:T4 Content:T3 Cue:T2 Source:T1</c>, as (role, target id) pairs.</summary>
public sealed record BratRelation(string Id, IReadOnlyList<(string Role, string Target)> Arguments, int Line);

/// <summary>One .ann file: its text-bound spans by id, its events, and the lines that could not be read.</summary>
public sealed class BratAnnotations
{
    public required string File { get; init; }
    public Dictionary<string, BratSpan> Spans { get; } = new(StringComparer.Ordinal);
    public List<BratRelation> Relations { get; } = [];
    public List<PolNearProblem> Problems { get; } = [];
}

/// <summary>
/// Reads brat standoff (.ann) files. Blank lines, notes (#), and R/A/M/N/* lines are skipped; a line that
/// does not parse is reported as <c>file:line</c> and skipped, so one bad line never loses the file.
/// A span's text may run over several lines (it contains the document's line breaks): lines after a
/// T line whose text is still shorter than its offsets say are read as the rest of that text.
/// </summary>
public static class BratReader
{
    public static BratAnnotations Read(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    public static BratAnnotations Parse(string content, string file)
    {
        var result = new BratAnnotations { File = file };
        var lines = content.Split('\n');
        var relationIds = new HashSet<string>(StringComparer.Ordinal);
        // A T line whose text is not complete yet: its id, fragments, text so far and expected length.
        (BratSpan Span, System.Text.StringBuilder Text, int Expected)? open = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var number = i + 1;
            if (open is { } o)
            {
                if (o.Text.Length < o.Expected && !StartsLikeAnnotation(line))
                {
                    o.Text.Append('\n').Append(line);
                    continue;
                }
                Close(result, o.Span, o.Text);
                open = null;
            }
            if (line.Length == 0 || line.Trim().Length == 0) continue;
            var tab = line.IndexOf('\t');
            var id = tab < 0 ? line : line[..tab];
            if (id.Length == 0)
            {
                result.Problems.Add(new(file, number, "line starts with a tab (no annotation id)"));
                continue;
            }
            switch (id[0])
            {
                case 'T' when IsId(id):
                    if (ParseSpan(line, id, tab, number, file, result.Problems) is { } span)
                    {
                        var expected = span.Fragments.Sum(f => f.End - f.Start) + span.Fragments.Count - 1;
                        if (span.Text.Length < expected)
                            open = (span, new System.Text.StringBuilder(span.Text), expected);
                        else Close(result, span, null);
                    }
                    break;
                case 'E' when IsId(id):
                    if (ParseRelation(line, id, tab, number, file, result.Problems) is { } relation)
                    {
                        if (!relationIds.Add(relation.Id))
                            result.Problems.Add(new(file, number, $"duplicate id {relation.Id}"));
                        else result.Relations.Add(relation);
                    }
                    break;
                case '#' or 'R' or 'A' or 'M' or 'N' or '*' when tab > 0:
                    break;
                default:
                    result.Problems.Add(new(file, number, $"not a brat annotation line: \"{Excerpt(line)}\""));
                    break;
            }
        }
        if (open is { } last) Close(result, last.Span, last.Text);
        return result;
    }

    static void Close(BratAnnotations result, BratSpan span, System.Text.StringBuilder? text)
    {
        if (text is not null) span = span with { Text = text.ToString() };
        if (!result.Spans.TryAdd(span.Id, span))
            result.Problems.Add(new(result.File, span.Line, $"duplicate id {span.Id}"));
    }

    static bool StartsLikeAnnotation(string line)
    {
        var tab = line.IndexOf('\t');
        if (tab <= 0) return false;
        var id = line[..tab];
        return id[0] is '#' or '*' || (id[0] is 'T' or 'E' or 'R' or 'A' or 'M' or 'N' && IsId(id));
    }

    static bool IsId(string id)
    {
        if (id.Length < 2) return false;
        for (var k = 1; k < id.Length; k++)
            if (!char.IsAsciiDigit(id[k])) return false;
        return true;
    }

    /// <summary><c>T1\tLabel 1 5;7 9\ttext</c>; null (and a problem) when it does not parse.</summary>
    static BratSpan? ParseSpan(string line, string id, int tab, int number, string file, List<PolNearProblem> problems)
    {
        if (tab < 0)
        {
            problems.Add(new(file, number, $"{id}: expected \"{id}<TAB>Label start end<TAB>text\""));
            return null;
        }
        var second = line.IndexOf('\t', tab + 1);
        var middle = second < 0 ? line[(tab + 1)..] : line[(tab + 1)..second];
        var text = second < 0 ? "" : line[(second + 1)..];
        var space = middle.IndexOf(' ');
        if (space <= 0)
        {
            problems.Add(new(file, number, $"{id}: expected \"Label start end\", got \"{Excerpt(middle)}\""));
            return null;
        }
        var label = middle[..space];
        var fragments = new List<TextSpan>();
        foreach (var part in middle[(space + 1)..].Split(';'))
        {
            var bounds = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (bounds.Length != 2
                || !int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                || !int.TryParse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end)
                || end < start)
            {
                problems.Add(new(file, number, $"{id}: bad offsets \"{Excerpt(part)}\" (want \"start end\" with start <= end, fragments separated by ';')"));
                return null;
            }
            fragments.Add(new TextSpan(start, end));
        }
        return new BratSpan(id, label, fragments, text, number);
    }

    /// <summary><c>E1\tRole:T1 Role:T2</c>; arguments that do not parse are reported and dropped.</summary>
    static BratRelation? ParseRelation(string line, string id, int tab, int number, string file, List<PolNearProblem> problems)
    {
        if (tab < 0)
        {
            problems.Add(new(file, number, $"{id}: expected \"{id}<TAB>Role:T1 Role:T2 ...\""));
            return null;
        }
        var args = new List<(string, string)>();
        foreach (var arg in line[(tab + 1)..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = arg.IndexOf(':');
            if (colon <= 0 || colon == arg.Length - 1)
            {
                problems.Add(new(file, number, $"{id}: bad argument \"{Excerpt(arg)}\" (want Role:Id)"));
                continue;
            }
            args.Add((arg[..colon], arg[(colon + 1)..]));
        }
        return new BratRelation(id, args, number);
    }

    static string Excerpt(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
