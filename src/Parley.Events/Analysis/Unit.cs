using Parley.Core;

namespace Parley.Events.Analysis;

/// <summary>One side of an event before output: an actor of the actors stage, a group member, or an implicit party ("Turkish forces").</summary>
sealed record Party(string? ActorId, string Name, string? Code, string? Country, bool Person = false, bool State = false)
{
    /// <summary>What two parties are compared by: the country, else the code, else the name.</summary>
    public string Key => Country ?? Code ?? Name;
    public string Identity => ActorId ?? "~" + Key + ":" + Name;
}

enum RefKind : byte { Actor, Implicit, Group, Speaker }

/// <summary>An actor reference over tokens [First, Last] of a unit.</summary>
sealed class Ref
{
    public int First;
    public int Last;
    public RefKind Kind;
    public List<Party> Parties = [];
    public ActorRecord? Actor;
    public string? Via;
    /// <summary>"his", "their": a determiner owning the noun after it.</summary>
    public bool PossessivePronoun;
    /// <summary>Followed by 's.</summary>
    public bool Possessive;
    public bool Plural;
    /// <summary>A capital written for its government ("Damascus"): also a place.</summary>
    public string? Capital;
    /// <summary>An organization's name, which may end in a trigger word ("Astana talks").</summary>
    public bool IsOrg;
    public override string ToString() => $"[{First}-{Last}] {string.Join("+", Parties.Select(p => p.Key))}";
}

/// <summary>
/// A text unit the coder reads on its own: a body sentence (offsets into the article text), the title or a
/// caption (offsets into that string). Tokens, actor references per token, quotation state and clauses.
/// </summary>
sealed class Unit
{
    public required string Text { get; init; }
    public int Start { get; init; }
    public int End { get; init; }
    /// <summary>body | title | caption</summary>
    public required string Where { get; init; }
    public int Sentence { get; init; } = -1;
    public int? Caption { get; init; }
    public List<Tok> Toks { get; init; } = [];
    public List<Ref> Refs { get; } = [];
    /// <summary>Token → index into <see cref="Refs"/>, or -1.</summary>
    public int[] RefAt { get; set; } = [];
    /// <summary>Token → quotation id (article-wide), or -1 outside quotations.</summary>
    public int[] Quote { get; set; } = [];
    /// <summary>Token → first token of its clause.</summary>
    public int[] ClauseStart { get; set; } = [];
    /// <summary>Token → one past the last token of its clause.</summary>
    public int[] ClauseEnd { get; set; } = [];
    public List<TimexRecord> Timexes { get; } = [];
    public List<PlaceMention> Places { get; } = [];
    /// <summary>The unit mentions a condition ("if", "unless"): its events are hypothetical.</summary>
    public bool Conditional { get; set; }

    public int Count => Toks.Count;

    // per-token caches filled on first use (a unit is coded by one thread)
    sbyte[]? _np;
    int[]? _trigLen;
    List<Knowledge.LexHit>?[]? _trigHits;
    int[]? _supLen;

    /// <summary>Forgets cached word classes (references were added after they were computed).</summary>
    internal void RefsChanged() => _np = null;

    /// <summary>The cached noun-phrase-word class of token <paramref name="k"/>: 1 yes, -1 no, 0 not computed.</summary>
    internal sbyte NpWordCache(int k) => _np is null ? (sbyte)0 : _np[k];

    internal bool SetNpWord(int k, bool value)
    {
        _np ??= new sbyte[Toks.Count];
        _np[k] = value ? (sbyte)1 : (sbyte)-1;
        return value;
    }

    /// <summary>Length of the longest trigger phrase starting at token <paramref name="k"/> (0 if none) and its readings.</summary>
    internal int TriggerAt(Knowledge.EventKnowledge kb, int k, out List<Knowledge.LexHit>? hits)
    {
        if (Toks[k].Info is not { TriggerStart: true })
        {
            hits = null;
            return 0;
        }
        if (_trigLen is null)
        {
            _trigLen = new int[Toks.Count];
            _trigHits = new List<Knowledge.LexHit>?[Toks.Count];
            Array.Fill(_trigLen, -1);
        }
        if (_trigLen[k] < 0)
            _trigLen[k] = kb.Lexicon.Triggers.Longest(Toks, k, Toks.Count, out _trigHits![k]);
        hits = _trigHits![k];
        return _trigLen[k];
    }

    internal int SupportAt(Knowledge.EventKnowledge kb, int k)
    {
        if (Toks[k].Info is not { SupportStart: true }) return 0;
        if (_supLen is null)
        {
            _supLen = new int[Toks.Count];
            Array.Fill(_supLen, -1);
        }
        if (_supLen[k] < 0) _supLen[k] = kb.Lexicon.Supports.Longest(Toks, k, Toks.Count, out _);
        return _supLen[k];
    }
    public Ref? RefOf(int tok) => tok >= 0 && tok < RefAt.Length && RefAt[tok] >= 0 ? Refs[RefAt[tok]] : null;
    public string Surface(int first, int last) => Text[Toks[first].Start..Toks[last].End];
    public bool InQuote(int tok) => tok >= 0 && tok < Quote.Length && Quote[tok] >= 0;
}
