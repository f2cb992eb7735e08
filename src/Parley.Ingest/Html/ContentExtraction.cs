using System.Text;
using AngleSharp.Dom;
using Parley.Core;

namespace Parley.Ingest.Html;

/// <summary>
/// One document's body extraction (all per-document state lives here, never in the extractor):
/// a single iterative walk drops chrome and cuts the page into text blocks, blocks score their
/// ancestors, the best container and its worthy siblings are kept, and their blocks are filtered.
/// </summary>
internal sealed class ContentExtraction
{
    const int MaxRemoved = 200;
    const int RemovedChars = 200;

    static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dir", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main",
        "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption", "html",
    };

    /// <summary>Blocks whose own element is one of these score their parent rather than themselves.</summary>
    static readonly HashSet<string> ParagraphTags = new(StringComparer.Ordinal) { "p", "pre", "td", "blockquote", "h2", "h3", "h4", "h5", "h6" };
    static readonly HashSet<string> UnscoredTags = new(StringComparer.Ordinal) { "li", "dd", "dt", "th", "h1", "a", "figcaption", "caption", "address" };
    static readonly HashSet<string> ProtectedTags = new(StringComparer.Ordinal) { "html", "body", "main" };

    sealed class Block
    {
        public required IElement Owner;
        public required string Text;
        public int LinkChars;
        public int Links;
        public int Commas;
        public string Tag => Owner.LocalName;
    }

    sealed class Node
    {
        public double Score;
        public bool Candidate;
        public int Chars;
        public int LinkChars;
        public int Paragraphs;
        /// <summary>Chars of prose-like blocks (long enough, few links) below this element.</summary>
        public int Prose;
        public double LinkDensity => Chars == 0 ? 0 : (double)LinkChars / Chars;
    }

    readonly HtmlCues _cues;
    readonly IDocument _doc;
    readonly CleanedArticle _result;
    readonly HtmlMetadata.LdArticle? _ld;
    readonly List<Block> _blocks = [];
    readonly Dictionary<IElement, Node> _nodes = new(ReferenceEqualityComparer.Instance);
    readonly Dictionary<string, CueVerdict> _verdicts = new(StringComparer.Ordinal);
    readonly HashSet<string> _captionSeen = new(StringComparer.Ordinal);
    readonly int _minScored;
    readonly double _protectShare;
    readonly int _minBody;
    readonly int _boilerMax;
    readonly int _boilerContainsMax;
    readonly double _climbOther;
    readonly double _blockLinkMax;
    readonly double _listLinkMax;
    readonly double _boxLinkMax;
    int _bodyChars;
    string? _subtitleCandidate;

    public ContentExtraction(HtmlCues cues, IDocument doc, CleanedArticle result, HtmlMetadata.LdArticle? ld)
    {
        _cues = cues;
        _doc = doc;
        _result = result;
        _ld = ld;
        _minScored = (int)cues.Setting("min-scored-chars", 25);
        _protectShare = cues.Setting("protect-share", 0.4);
        _minBody = (int)cues.Setting("min-body-chars", 250);
        _boilerMax = (int)cues.Setting("boiler-max-chars", 120);
        _boilerContainsMax = (int)cues.Setting("boiler-contains-max-chars", 250);
        _climbOther = cues.Setting("climb-max-other", 0.5);
        _blockLinkMax = cues.Setting("block-link-max", 0.6);
        _listLinkMax = cues.Setting("list-link-max", 0.4);
        _boxLinkMax = cues.Setting("box-link-max", 0.5);
    }

    public void Run()
    {
        var root = (IElement?)_doc.Body ?? _doc.DocumentElement;
        if (root is null) return;
        _bodyChars = Measure(root, int.MaxValue);
        Walk(root);
        var primary = Primary();
        var chosen = primary;
        var primaryChars = primary.Sum(b => b.Text.Length);
        if (primaryChars < _minBody)
        {
            var fallback = DensityFallback();
            var fallbackChars = fallback.Sum(b => b.Text.Length);
            if (fallbackChars > primaryChars) { chosen = fallback; primaryChars = fallbackChars; }
            if (_ld?.Body is { } ldBody && Text.Collapse(ldBody) is { } ldText && ldText.Length > Math.Max(primaryChars, _minBody / 2))
            {
                foreach (var para in ldBody.Split('\n'))
                    if (Text.Collapse(para) is { } p) _result.Paragraphs.Add(p);
                FinishSubtitle();
                return;
            }
        }
        foreach (var b in chosen) _result.Paragraphs.Add(b.Text);
        FinishSubtitle();
    }

    void FinishSubtitle()
    {
        if (_subtitleCandidate is { } s && !_result.Paragraphs.Contains(s) && s != _result.Title) _result.Subtitle = s;
    }

    // ---------------------------------------------------------------- walk

    void Walk(IElement root)
    {
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        var owners = new Stack<IElement>();
        var sb = new StringBuilder();
        var linkDepth = 0;
        var linkChars = 0;
        var commas = 0;
        var links = 0;

        void Flush()
        {
            if (owners.Count == 0) { sb.Clear(); linkChars = 0; commas = 0; links = 0; return; }
            var start = 0;
            while (start < sb.Length && sb[start] == ' ') start++;
            var end = sb.Length;
            while (end > start && sb[end - 1] == ' ') end--;
            if (end > start)
                _blocks.Add(new Block { Owner = owners.Peek(), Text = sb.ToString(start, end - start), LinkChars = Math.Min(linkChars, end - start), Commas = commas, Links = links });
            sb.Clear();
            linkChars = 0;
            commas = 0;
            links = 0;
        }

        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IText text)
            {
                var before = sb.Length;
                Text.AppendCollapsed(sb, text.Data);
                var added = sb.Length - before;
                if (linkDepth > 0) linkChars += added;
                for (var i = before; i < sb.Length; i++)
                    if (sb[i] is ',' or '，' or '、') commas++;
                continue;
            }
            if (node is not IElement el) continue;
            var tag = el.LocalName;
            var isBlock = BlockTags.Contains(tag);
            if (exit)
            {
                if (tag == "a") linkDepth--;
                if (isBlock) { Flush(); owners.Pop(); }
                continue;
            }
            if (!ReferenceEquals(el, root) && Drop(el, tag)) continue;
            if (tag == "br" || tag == "hr") { Flush(); continue; }
            if (tag == "img") continue;
            if (tag == "a") { linkDepth++; links++; }
            if (isBlock) { Flush(); owners.Push(el); }
            stack.Push((el, true));
            for (var c = el.LastChild; c is not null; c = c.PreviousSibling)
                if (c is IElement || c is IText) stack.Push((c, false));
        }
        Flush();
    }

    /// <summary>Decides whether an element is left out of the body (recording why); false keeps it.</summary>
    bool Drop(IElement el, string tag)
    {
        if (_cues.DropTags.Contains(tag)) return true;
        if (el.HasAttribute("hidden") || IsHiddenStyle(el.GetAttribute("style")) || el.GetAttribute("aria-hidden") == "true")
        {
            Removed(el, "hidden");
            return true;
        }
        if (tag == "figcaption" || (tag == "caption" && el.ParentElement?.LocalName == "table"))
        {
            Caption(el);
            return true;
        }
        var verdict = Verdict(el);
        if (verdict.Caption && !verdict.Positive && tag is not ("body" or "main" or "article"))
        {
            var len = Measure(el, 600);
            if (len < 600) { Caption(el); return true; }
        }
        if (tag == "figure")
        {
            // captions out, the rest (images, embeds) dropped unless it holds real paragraphs
            foreach (var fc in el.QuerySelectorAll("figcaption"))
                Caption(fc);
            if (Measure(el, 400) < 400) return true;
        }
        if (verdict.Subtitle && _subtitleCandidate is null && !verdict.Negative && !verdict.Positive && tag is not ("body" or "main" or "article"))
        {
            var t = CappedText(el, 700);
            if (t is { Length: >= 20 and < 600 })
            {
                _subtitleCandidate = t;
                AddRemoved(t, "subtitle");
                return true;
            }
        }
        if (ProtectedTags.Contains(tag)) return false;
        string? reason = null;
        if (_cues.ChromeTags.TryGetValue(tag, out var chromeReason)) reason = chromeReason;
        else if (verdict.Negative) reason = verdict.Reason ?? "boilerplate";
        else if (verdict.Byline && !verdict.Positive && Measure(el, 250) < 250) reason = "byline";
        if (reason is null) return false;
        // named both ways ("box article modal", "post hentry tag-review"): drop only a small or link-heavy box
        if (verdict.Negative && verdict.Positive && reason != "comments")
        {
            var (chars, links, prose) = MeasureLinks(el, 20_000);
            if (prose >= 400 || (chars >= 500 && (double)links / chars < 0.4)) return false;
        }
        // a wrapper holding most of the page's text is not chrome, whatever its name says
        var cap = (int)Math.Max(200, _protectShare * _bodyChars);
        if (Measure(el, cap) >= cap) return false;
        Removed(el, reason);
        return true;
    }

    static bool IsHiddenStyle(string? style)
    {
        if (style is null || style.Length < 10) return false;
        var s = style.Replace(" ", "", StringComparison.Ordinal);
        return s.Contains("display:none", StringComparison.OrdinalIgnoreCase) || s.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }

    CueVerdict Verdict(IElement el)
    {
        var cls = el.GetAttribute("class");
        var id = el.GetAttribute("id");
        if (cls is null && id is null) return CueVerdict.None;
        var key = id is null ? cls! : cls is null ? id : cls + " " + id;
        if (key.Length > 300) key = key[..300];
        if (!_verdicts.TryGetValue(key, out var v))
        {
            v = _cues.Judge(key);
            _verdicts[key] = v;
        }
        return v;
    }

    void Caption(IElement el)
    {
        var t = CappedText(el, 1000);
        if (t is null || !_captionSeen.Add(t)) return;
        _result.Captions.Add(t);
        AddRemoved(t, "caption");
    }

    void Removed(IElement el, string reason)
    {
        if (_result.Removed.Count >= MaxRemoved) return;
        var t = CappedText(el, RemovedChars + 1);
        if (t is not null) AddRemoved(t, reason);
    }

    void AddRemoved(string text, string reason)
    {
        if (_result.Removed.Count >= MaxRemoved || text.Length == 0) return;
        _result.Removed.Add(new RemovedBlock(Text.Truncate(text, RemovedChars), reason));
    }

    /// <summary>Non-space characters of visible text under <paramref name="el"/>, counting stops at <paramref name="cap"/>.</summary>
    int Measure(IElement el, int cap)
    {
        var total = 0;
        var stack = new Stack<INode>();
        stack.Push(el);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n is IText t)
            {
                foreach (var c in t.Data)
                    if (!char.IsWhiteSpace(c)) total++;
                if (total >= cap) return total;
                continue;
            }
            if (n is IElement e && !ReferenceEquals(e, el) && _cues.DropTags.Contains(e.LocalName)) continue;
            for (var c = n.LastChild; c is not null; c = c.PreviousSibling)
                if (c is IElement || c is IText) stack.Push(c);
        }
        return total;
    }

    /// <summary>
    /// Non-space characters under <paramref name="el"/>, how many sit inside links, and how many are
    /// prose (inside a &lt;p&gt;, outside links); stops near <paramref name="cap"/>.
    /// </summary>
    (int Chars, int Links, int Prose) MeasureLinks(IElement el, int cap)
    {
        int total = 0, links = 0, prose = 0;
        var stack = new Stack<(INode, bool, bool)>();
        stack.Push((el, false, false));
        while (stack.Count > 0 && total < cap)
        {
            var (n, inLink, inP) = stack.Pop();
            if (n is IText t)
            {
                var k = 0;
                foreach (var c in t.Data)
                    if (!char.IsWhiteSpace(c)) k++;
                total += k;
                if (inLink) links += k;
                else if (inP) prose += k;
                continue;
            }
            if (n is IElement e && !ReferenceEquals(e, el) && _cues.DropTags.Contains(e.LocalName)) continue;
            var link = inLink || (n is IElement a && a.LocalName == "a");
            var para = inP || (n is IElement p && p.LocalName == "p");
            for (var c = n.LastChild; c is not null; c = c.PreviousSibling)
                if (c is IElement || c is IText) stack.Push((c, link, para));
        }
        return (total, links, prose);
    }

    /// <summary>Collapsed visible text of <paramref name="el"/>, at most about <paramref name="max"/> chars.</summary>
    string? CappedText(IElement el, int max)
    {
        var sb = new StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(el);
        while (stack.Count > 0 && sb.Length < max)
        {
            var n = stack.Pop();
            if (n is IText t) { Text.AppendCollapsed(sb, t.Data); continue; }
            if (n is IElement e)
            {
                if (!ReferenceEquals(e, el) && _cues.DropTags.Contains(e.LocalName)) continue;
                if (BlockTags.Contains(e.LocalName) || e.LocalName == "br") { if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' '); }
            }
            for (var c = n.LastChild; c is not null; c = c.PreviousSibling)
                if (c is IElement || c is IText) stack.Push(c);
        }
        var s = sb.ToString().Trim();
        return s.Length == 0 ? null : s.Length > max ? s[..max] : s;
    }

    // ---------------------------------------------------------------- scoring

    Node NodeOf(IElement el)
    {
        if (!_nodes.TryGetValue(el, out var n))
        {
            n = new Node();
            _nodes[el] = n;
        }
        return n;
    }

    void InitCandidate(IElement el, Node n)
    {
        if (n.Candidate) return;
        n.Candidate = true;
        n.Score = el.LocalName switch
        {
            "div" or "article" or "main" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        var v = Verdict(el);
        if (v.Positive) n.Score += 25;
        if (v.Negative) n.Score -= 25;
        if (el.LocalName == "article") n.Score += 10;
        if (el.GetAttribute("itemprop") is { } ip && ip.Contains("articleBody", StringComparison.OrdinalIgnoreCase)) n.Score += 30;
    }

    List<Block> Primary()
    {
        // aggregate text and link chars up the tree
        foreach (var b in _blocks)
        {
            var prose = b.Text.Length >= 60 && b.LinkChars < 0.3 * b.Text.Length && b.Tag != "h1";
            for (var e = b.Owner; e is not null; e = e.ParentElement)
            {
                var n = NodeOf(e);
                n.Chars += b.Text.Length;
                n.LinkChars += b.LinkChars;
                if (b.Text.Length >= _minScored) n.Paragraphs++;
                if (prose) n.Prose += b.Text.Length;
            }
        }
        var candidates = new List<IElement>();
        foreach (var b in _blocks)
        {
            if (b.Text.Length < _minScored || UnscoredTags.Contains(b.Tag)) continue;
            if (b.Text.Length > 0 && (double)b.LinkChars / b.Text.Length > 0.5) continue;
            var score = 1.0 + b.Commas + Math.Min(b.Text.Length / 100, 3);
            var start = ParagraphTags.Contains(b.Tag) ? b.Owner.ParentElement : b.Owner;
            var level = 0;
            for (var e = start; e is not null && level < 5; e = e.ParentElement, level++)
            {
                if (e.LocalName == "html") break;
                var n = NodeOf(e);
                if (!n.Candidate) { InitCandidate(e, n); candidates.Add(e); }
                n.Score += level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
            }
        }
        if (candidates.Count == 0) return [];

        IElement? top = null;
        var topScore = double.MinValue;
        var finals = new Dictionary<IElement, double>(ReferenceEqualityComparer.Instance);
        foreach (var c in candidates)
        {
            var n = _nodes[c];
            var s = n.Score * (1 - n.LinkDensity);
            finals[c] = s;
            if (s > topScore) { topScore = s; top = c; }
        }
        if (top is null) return [];

        // several near-best candidates under one ancestor: that ancestor is the article
        var alternatives = finals.Where(kv => !ReferenceEquals(kv.Key, top) && kv.Value >= 0.75 * topScore)
            .OrderByDescending(kv => kv.Value).Take(5).Select(kv => kv.Key).ToList();
        if (alternatives.Count >= 3)
        {
            for (var p = top.ParentElement; p is not null && p.LocalName != "html"; p = p.ParentElement)
            {
                var containing = alternatives.Count(a => Contains(p, a));
                if (containing >= 3) { top = p; break; }
                if (p.LocalName == "body") break;
            }
        }
        double Final(IElement e) => finals.TryGetValue(e, out var f) ? f : 0;

        // climb while the parent scores better
        var last = Final(top);
        for (var p = top.ParentElement; p is not null && p.LocalName is not ("body" or "html"); p = p.ParentElement)
        {
            if (!finals.TryGetValue(p, out var ps)) continue;
            if (ps < last / 3) break;
            if (ps > last) { top = p; break; }
            last = ps;
        }
        // an only child says little: its parent is the container
        while (top.ParentElement is { } parent && parent.LocalName is not ("body" or "html") && parent.ChildElementCount == 1)
            top = parent;

        // the article split into sections: climb while an ancestor adds mostly prose
        var cur = _nodes[top];
        for (var p = top.ParentElement; p is not null && p.LocalName is not ("body" or "html"); p = p.ParentElement)
        {
            var pn = _nodes[p];
            var addedProse = pn.Prose - cur.Prose;
            var addedOther = (pn.Chars - pn.Prose) - (cur.Chars - cur.Prose);
            if (addedProse <= 0) continue;
            if (addedProse >= 0.3 * cur.Prose && addedOther <= _climbOther * addedProse)
            {
                top = p;
                cur = pn;
            }
        }

        // merge worthy siblings
        var selected = new HashSet<IElement>(ReferenceEqualityComparer.Instance) { top };
        var topFinal = Math.Max(Final(top), 0);
        var threshold = Math.Max(10, topFinal * 0.2);
        var topClass = top.GetAttribute("class");
        if (top.ParentElement is { } tp && tp.LocalName != "html")
        {
            foreach (var sib in tp.Children)
            {
                if (ReferenceEquals(sib, top)) continue;
                var bonus = topClass is { Length: > 0 } && sib.GetAttribute("class") == topClass ? topFinal * 0.2 : 0;
                if (finals.TryGetValue(sib, out var ss) && ss + bonus >= threshold) { selected.Add(sib); continue; }
                if (sib.LocalName is "p" && _nodes.TryGetValue(sib, out var sn))
                {
                    var len = sn.Chars;
                    if (len > 80 && sn.LinkDensity < 0.25) selected.Add(sib);
                    else if (len > 0 && len <= 80 && sn.LinkChars == 0 && SentenceEnd(sib)) selected.Add(sib);
                }
            }
        }

        var output = new List<Block>();
        foreach (var b in _blocks)
        {
            IElement? container = null;
            for (var e = b.Owner; e is not null; e = e.ParentElement)
                if (selected.Contains(e)) { container = e; break; }
            if (container is null) continue;
            if (Keep(b, container)) output.Add(b);
        }
        return output;
    }

    static bool SentenceEnd(IElement p)
    {
        var t = p.TextContent.TrimEnd();
        return t.Length > 0 && t[^1] is '.' or '!' or '?' or '"' or '”' or ':';
    }

    static bool Contains(IElement ancestor, IElement e)
    {
        for (var x = e.ParentElement; x is not null; x = x.ParentElement)
            if (ReferenceEquals(x, ancestor)) return true;
        return false;
    }

    /// <summary>Per-block filter inside the chosen container.</summary>
    bool Keep(Block b, IElement container)
    {
        var len = b.Text.Length;
        if (b.Tag == "h1")
        {
            AddRemoved(b.Text, "title");
            return false;
        }
        if (_result.Title is { } title && len < 400 && string.Equals(b.Text, title, StringComparison.OrdinalIgnoreCase))
        {
            AddRemoved(b.Text, "title");
            return false;
        }
        if ((double)b.LinkChars / len > _blockLinkMax && len < 600 && (b.Links >= 3 || (b.Tag is "li" or "dd" or "dt" && len - b.LinkChars < 40)))
        {
            AddRemoved(b.Text, "related-links");
            return false;
        }
        // a link-dense box inside the container (related links, tag lists)
        // (a paragraph with some words of its own around a long link is still prose)
        var ownText = b.Tag == "p" && len - b.LinkChars >= 20;
        for (var e = ReferenceEquals(b.Owner, container) ? null : ownText ? b.Owner.ParentElement : b.Owner; e is not null && !ReferenceEquals(e, container); e = e.ParentElement)
        {
            var n = _nodes[e];
            var dense = n.LinkDensity > (e.LocalName is "ul" or "ol" ? _listLinkMax : _boxLinkMax);
            if (dense && n.Chars < 2000)
            {
                AddRemoved(b.Text, "related-links");
                return false;
            }
        }
        return KeepText(b);
    }

    /// <summary>The text-only filters: boilerplate phrases, datelines, byline lines.</summary>
    bool KeepText(Block b)
    {
        var len = b.Text.Length;
        if ((len <= _boilerMax && IsBoiler(b.Text)) || (len <= _boilerContainsMax && ContainsBoiler(b.Text)))
        {
            AddRemoved(b.Text, "boilerplate");
            return false;
        }
        if (len <= 100 && b.Tag is not ("td" or "th") && IsDateline(b.Text))
        {
            AddRemoved(b.Text, "dateline");
            return false;
        }
        if (len <= 100 && IsBylineLine(b.Text))
        {
            AddRemoved(b.Text, "byline");
            return false;
        }
        return true;
    }

    /// <summary>"Updated 1:39 am EST, Wednesday, November 20, 2019", "Image 2 of 5": numbers and date/counter words only.</summary>
    bool IsDateline(string text)
    {
        var digits = false;
        var counter = false;
        var dateWord = false;
        var others = 0;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c)) { if (start < 0) start = i; continue; }
            if (start < 0) continue;
            var word = text.AsSpan(start, i - start);
            start = -1;
            if (char.IsDigit(word[0]))
            {
                digits = true;
                continue;
            }
            var lower = word.ToString().ToLowerInvariant();
            if (_cues.DateWords.Contains(lower)) { dateWord = true; continue; }
            if (_cues.CounterWords.Contains(lower)) { counter = true; continue; }
            others++;
        }
        return digits && others == 0 && (dateWord || counter);
    }

    /// <summary>"By Jane Doe", "By Reuters", "By Jane Doe - 11/18/19 11:04 PM EST": a short line naming the writer.</summary>
    static bool IsBylineLine(string text)
    {
        if (!text.StartsWith("By ", StringComparison.Ordinal) && !text.StartsWith("BY ", StringComparison.Ordinal)) return false;
        if (text.Length < 5 || !char.IsUpper(text[3])) return false;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words <= 14 && (text.Length <= 50 || text.Any(char.IsDigit));
    }

    bool IsBoiler(string text)
    {
        var t = text.ToLowerInvariant().Trim().TrimEnd('.', ':', '!', '»', '›', '>', '→', ' ', '|').TrimStart('»', '›', '|', ' ');
        if (_cues.BoilerText.Contains(t)) return true;
        foreach (var p in _cues.BoilerPrefixes)
            if (t.StartsWith(p, StringComparison.Ordinal)) return true;
        return false;
    }

    bool ContainsBoiler(string text)
    {
        foreach (var p in _cues.BoilerContains)
            if (text.Contains(p, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Fallback: every block of the page that reads like prose.</summary>
    List<Block> DensityFallback()
    {
        var output = new List<Block>();
        foreach (var b in _blocks)
        {
            if (b.Text.Length < 40 || b.Tag is "h1" or "a" or "figcaption" or "caption") continue;
            if ((double)b.LinkChars / b.Text.Length > 0.3) continue;
            if (_result.Title is { } title && string.Equals(b.Text, title, StringComparison.OrdinalIgnoreCase)) continue;
            if (KeepText(b)) output.Add(b);
        }
        return output;
    }
}
