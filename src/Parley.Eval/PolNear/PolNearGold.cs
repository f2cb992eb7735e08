using System.Text;
using Parley.Core;

namespace Parley.Eval.PolNear;

/// <summary>
/// One gold attribution content: its fragments (UTF-16 offsets into the document text), the spans
/// of its Source (empty when it has none), and its cue lower-cased ("(no cue)" when missing).
/// <see cref="HasSource"/> is false for Attribution-no-source and for attributions without a Source;
/// those count for content precision/recall only.
/// </summary>
public sealed record GoldContent(string Id, IReadOnlyList<TextSpan> Content, IReadOnlyList<TextSpan> Source, string Cue, int Line)
{
    public bool HasSource => Source.Count > 0;
}

/// <summary>Turns one document's brat annotations into the gold contents the evaluator scores.</summary>
public static class PolNearGold
{
    public const string NoCue = "(no cue)";

    /// <summary>
    /// One gold content per Content span that an Attribution or Attribution-no-source event links
    /// (a Content2 argument adds fragments to the event's Content; a Content linked by two events
    /// is one gold content with both events' sources). Content spans linked by no event are kept as
    /// unattributed content and reported. Discuss/Discard spans are ignored. Offsets are checked against
    /// <paramref name="text"/>; spans outside it are dropped and reported.
    /// </summary>
    public static List<GoldContent> From(BratAnnotations ann, string text, List<PolNearProblem> problems)
    {
        var offsets = OffsetMap.For(text);
        var spans = new Dictionary<string, (BratSpan Span, List<TextSpan> Fragments)>(StringComparer.Ordinal);
        foreach (var span in ann.Spans.Values)
        {
            if (span.Label is "Discuss" or "Discard") continue;
            var fragments = new List<TextSpan>(span.Fragments.Count);
            foreach (var f in span.Fragments)
            {
                if (offsets.ToUtf16(f.Start) is not { } s || offsets.ToUtf16(f.End) is not { } e)
                {
                    problems.Add(new(ann.File, span.Line, $"{span.Id}: offsets {f.Start}-{f.End} are outside the text ({offsets.Length} characters); span dropped"));
                    fragments = null;
                    break;
                }
                fragments.Add(new TextSpan(s, e));
            }
            if (fragments is null) continue;
            var written = Collapse(string.Join(" ", fragments.Select(f => text[f.Start..f.End])));
            if (written != Collapse(span.Text))
                problems.Add(new(ann.File, span.Line, $"{span.Id}: text \"{Excerpt(span.Text)}\" differs from the document's \"{Excerpt(written)}\" at its offsets"));
            spans[span.Id] = (span, fragments);
        }

        var byContent = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var order = new List<Entry>();
        var linked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relation in ann.Relations)
        {
            string? content = null;
            var extra = new List<string>();
            var sources = new List<string>();
            string? cue = null;
            var noSource = false;
            var ok = true;
            foreach (var (role, target) in relation.Arguments)
            {
                if (!ann.Spans.ContainsKey(target))
                {
                    problems.Add(new(ann.File, relation.Line, $"{relation.Id}: {role} points to {target}, which is not defined"));
                    ok = false;
                    continue;
                }
                if (!spans.ContainsKey(target)) continue; // dropped above, or Discuss/Discard
                if (role == "Attribution-no-source" || spans[target].Span.Label == "Attribution-no-source") noSource = true;
                if (role == "Content") content = target;
                else if (role.StartsWith("Content", StringComparison.Ordinal)) extra.Add(target);
                else if (role == "Source") sources.Add(target);
                else if (role == "Cue") cue ??= target;
            }
            if (content is null && extra.Count > 0)
            {
                content = extra[0];
                extra.RemoveAt(0);
            }
            if (content is null)
            {
                if (ok) problems.Add(new(ann.File, relation.Line, $"{relation.Id}: event without a Content; skipped"));
                continue;
            }
            if (!byContent.TryGetValue(content, out var entry))
            {
                entry = new Entry(content, spans[content].Span.Line);
                entry.Fragments.AddRange(spans[content].Fragments);
                byContent[content] = entry;
                order.Add(entry);
            }
            linked.Add(content);
            linked.UnionWith(extra);
            foreach (var id in extra)
                foreach (var f in spans[id].Fragments)
                    if (!entry.Fragments.Contains(f)) entry.Fragments.Add(f);
            if (!noSource)
                foreach (var id in sources)
                    foreach (var f in spans[id].Fragments)
                        if (!entry.Source.Contains(f)) entry.Source.Add(f);
            if (entry.Cue is null && cue is not null)
                entry.Cue = Collapse(string.Join(" ", spans[cue].Fragments.Select(f => text[f.Start..f.End]))).ToLowerInvariant();
        }

        foreach (var (id, (span, fragments)) in spans)
        {
            if (span.Label != "Content" || linked.Contains(id)) continue;
            problems.Add(new(ann.File, span.Line, $"{id}: Content linked by no event; scored as content without a source"));
            var entry = new Entry(id, span.Line);
            entry.Fragments.AddRange(fragments);
            order.Add(entry);
        }

        return order
            .Select(e => new GoldContent(e.Id, e.Fragments.OrderBy(f => f.Start).ToList(), e.Source, e.Cue is { Length: > 0 } c ? c : NoCue, e.Line))
            .OrderBy(g => g.Content.Count > 0 ? g.Content[0].Start : 0)
            .ThenBy(g => g.Line)
            .ToList();
    }

    sealed class Entry(string id, int line)
    {
        public string Id { get; } = id;
        public int Line { get; } = line;
        public List<TextSpan> Fragments { get; } = [];
        public List<TextSpan> Source { get; } = [];
        public string? Cue { get; set; }
    }

    /// <summary>Whitespace runs as one space, trimmed.</summary>
    public static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) space = sb.Length > 0;
            else
            {
                if (space) sb.Append(' ');
                space = false;
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    static string Excerpt(string s)
    {
        s = Collapse(s);
        return s.Length <= 50 ? s : s[..47] + "...";
    }
}

/// <summary>
/// brat offsets count Unicode code points; .NET strings count UTF-16 units. They differ only after a
/// character outside the BMP (an emoji), so the map is built only for texts that have one.
/// </summary>
readonly struct OffsetMap
{
    readonly int[]? _utf16; // code point index → UTF-16 index; null when they are equal

    OffsetMap(int[]? utf16, int length)
    {
        _utf16 = utf16;
        Length = length;
    }

    /// <summary>The text's length in code points.</summary>
    public int Length { get; }

    public static OffsetMap For(string text)
    {
        var surrogates = false;
        foreach (var c in text)
            if (char.IsHighSurrogate(c)) { surrogates = true; break; }
        if (!surrogates) return new OffsetMap(null, text.Length);
        var map = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            map.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
        }
        map.Add(text.Length);
        return new OffsetMap([.. map], map.Count - 1);
    }

    public int? ToUtf16(int codePoint) =>
        codePoint < 0 || codePoint > Length ? null : _utf16 is null ? codePoint : _utf16[codePoint];
}
