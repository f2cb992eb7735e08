using Parley.Core;
using Parley.ProcessLayer.Text;

namespace Parley.ProcessLayer;

/// <summary>An actor mention: offsets, the actor, and the member actors of a group mention.</summary>
readonly record struct Mention(int Start, int End, ActorRecord Actor);

/// <summary>Per-article lookups both stages share: sentence tokens, actor mentions by offset, time expressions by sentence.</summary>
sealed class ArticleIndex
{
    readonly string _text;
    readonly IReadOnlyList<TextSpan> _sentences;
    readonly List<Tok>?[] _toks;
    readonly List<Mention> _mentions = [];
    readonly Dictionary<string, ActorRecord> _byId = new(StringComparer.Ordinal);

    public ArticleIndex(string text, IReadOnlyList<TextSpan> sentences, IReadOnlyList<ActorRecord> actors, IReadOnlyList<TimexRecord> timexes)
    {
        _text = text;
        _sentences = sentences;
        _toks = new List<Tok>?[sentences.Count];
        foreach (var a in actors)
        {
            _byId[a.Id] = a;
            foreach (var m in a.Mentions)
                if (m.Start >= 0 && m.End <= text.Length && m.Start < m.End) _mentions.Add(new Mention(m.Start, m.End, a));
        }
        // longest first at a start, so a group mention wins over its first member
        _mentions.Sort((x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : y.End.CompareTo(x.End));
        TimexesBySentence = new List<TimexRecord>[sentences.Count];
        for (var i = 0; i < sentences.Count; i++) TimexesBySentence[i] = [];
        foreach (var t in timexes)
        {
            var s = t.Sentence ?? SentenceOf(t.Start);
            if (s >= 0 && s < sentences.Count) TimexesBySentence[s].Add(t);
        }
    }

    public string Text => _text;
    public int Count => _sentences.Count;
    public TextSpan this[int sentence] => _sentences[sentence];
    public List<TimexRecord>[] TimexesBySentence { get; }

    public bool Valid(int s) => s >= 0 && s < _sentences.Count && _sentences[s].Start >= 0 && _sentences[s].End <= _text.Length && _sentences[s].Start < _sentences[s].End;

    public List<Tok> Tokens(int s) => _toks[s] ??= Valid(s) ? Parley.ProcessLayer.Text.Tokens.Of(_text, _sentences[s].Start, _sentences[s].End) : [];

    public int SentenceOf(int offset)
    {
        int lo = 0, hi = _sentences.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (_sentences[mid].End <= offset) lo = mid + 1;
            else if (_sentences[mid].Start > offset) hi = mid - 1;
            else return mid;
        }
        return -1;
    }

    public ActorRecord? Actor(string? id) => id is not null && _byId.TryGetValue(id, out var a) ? a : null;

    /// <summary>The longest mention covering the offset range (a group mention before its members).</summary>
    public Mention? MentionCovering(int start, int end)
    {
        Mention? best = null;
        foreach (var m in MentionsIn(start - 400, end))
            if (m.Start <= start && m.End >= end && (best is null || m.End - m.Start > best.Value.End - best.Value.Start)) best = m;
        return best;
    }

    /// <summary>Mentions starting in [from, to).</summary>
    public IEnumerable<Mention> MentionsIn(int from, int to)
    {
        int lo = 0, hi = _mentions.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (_mentions[mid].Start < from) lo = mid + 1; else hi = mid;
        }
        for (var i = lo; i < _mentions.Count && _mentions[i].Start < to; i++) yield return _mentions[i];
    }

    /// <summary>The actors a mention stands for: a group's members, else the actor itself.</summary>
    public List<ActorRecord> Expand(ActorRecord a)
    {
        if (a.Members is { Count: > 0 } ids)
        {
            var list = ids.Select(Actor).OfType<ActorRecord>().ToList();
            if (list.Count > 0) return list;
        }
        return [a];
    }

    public static ActorRef Ref(ActorRecord a) => new() { Actor = a.Id, Name = a.Name, Code = a.Code, Country = a.Country };

    /// <summary>A date-like time value (YYYY, YYYY-MM, YYYY-MM-DD).</summary>
    public static bool IsDate(string? v) =>
        v is { Length: 4 or 7 or 10 } && char.IsAsciiDigit(v[0]) && char.IsAsciiDigit(v[3]) && !v.Contains('W') && !v.Contains('X');

    /// <summary>Token index of the first token starting at or after the offset, in a sentence's tokens.</summary>
    public static int TokenAt(List<Tok> toks, int offset)
    {
        for (var i = 0; i < toks.Count; i++) if (toks[i].End > offset) return i;
        return toks.Count;
    }
}
