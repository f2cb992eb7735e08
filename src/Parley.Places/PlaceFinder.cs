using Parley.Core;
using Parley.Places.Matching;

namespace Parley.Places;

/// <summary>
/// Decides, for one text, which gazetteer hits are places. A hit is a place when a cue says so: a locative
/// preposition before it (over the, directional adjectives and -held/-controlled words), a place-type noun
/// around it ("Idlib province", "the province of Idlib", "the capital Damascus"), a spatial "of" ("north of
/// Raqqa"), a directional adjective ("northern Syria"), a visit/capture verb, a dateline ("MOSCOW (Reuters) -"),
/// or coordination with a cued place ("in Idlib and Aleppo"). Without a cue, cities, provinces, regions and
/// sites are places too, but countries, capitals, names the actors stage read as a government (metonyms) and
/// names that are also common words are not ("Damascus rejected the proposal"). Names inside longer names
/// (an actor's mention, "Moscow Times", "Moscow-based", "pro-Moscow") are never places.
/// </summary>
sealed class PlaceFinder
{
    enum Cue : byte { None, Strong, WeakActor, Veto }

    sealed class Hit
    {
        public int First, End, Start, Stop, Sentence;
        public PlaceEntry Entry = null!;
        public bool StateLike, Vetoed, Place, ByCue;
        public string[]? PreferKinds;
    }

    readonly PlaceGazetteer _g;
    readonly string _text;
    readonly List<PlaceToken> _tokens;
    readonly IReadOnlyList<TextSpan> _sentences;
    readonly IReadOnlyList<ActorRecord>? _actors;
    readonly (int Start, int End, string? Kind)[] _spans;
    readonly int _and, _or, _comma, _of, _paren;
    readonly Dictionary<int, bool> _titleCase = [];

    public PlaceFinder(PlaceGazetteer g, string text, List<PlaceToken> tokens, IReadOnlyList<TextSpan> sentences, IReadOnlyList<ActorRecord>? actors)
    {
        _g = g;
        _text = text;
        _tokens = tokens;
        _sentences = sentences;
        _actors = actors;
        _spans = Spans(actors);
        _and = g.IdOf("and");
        _or = g.IdOf("or");
        _comma = g.IdOf(",");
        _of = g.IdOf("of");
        _paren = g.IdOf("(");
    }

    static (int Start, int End, string? Kind)[] Spans(IReadOnlyList<ActorRecord>? actors)
    {
        if (actors is null || actors.Count == 0) return [];
        var n = 0;
        foreach (var a in actors) n += a.Mentions.Count;
        var spans = new (int Start, int End, string? Kind)[n];
        var k = 0;
        foreach (var a in actors)
            foreach (var m in a.Mentions) spans[k++] = (m.Start, m.End, a.Kind);
        Array.Sort(spans, static (x, y) => x.Start.CompareTo(y.Start));
        return spans;
    }

    CueKind CueAt(int i) => i >= 0 && i < _tokens.Count && _tokens[i].Is(TokenShape.Word) ? _g.CueOf(_tokens[i].Id) : CueKind.None;

    public List<PlaceMention> Decide(List<PlaceCandidate> candidates)
    {
        var hits = new List<Hit>(candidates.Count);
        foreach (var c in candidates) hits.Add(Locate(c));
        var countries = ArticleCountries(candidates, hits);
        for (var k = 0; k < hits.Count; k++) Judge(hits[k], candidates[k], countries);
        Coordinate(hits);
        SharePreferences(hits, candidates, countries);
        var found = new List<PlaceMention>();
        foreach (var h in hits)
            if (h.Place)
                found.Add(new PlaceMention
                {
                    Text = _text[h.Start..h.Stop], Start = h.Start, End = h.Stop, Name = h.Entry.Name, Kind = h.Entry.Kind,
                    Country = h.Entry.Country, Lat = h.Entry.Lat, Lon = h.Entry.Lon, Sentence = h.Sentence,
                });
        return found;
    }

    Hit Locate(PlaceCandidate c)
    {
        var h = new Hit { First = c.FirstToken, End = c.EndToken };
        // al-Raqqa, ar-Raqqa: the hyphen-joined article belongs to the name
        if (_tokens[h.First].Is(TokenShape.HyphenBefore) && (CueAt(h.First - 1) & CueKind.Particle) != 0) h.First--;
        h.Start = _tokens[h.First].Start;
        h.Stop = _tokens[h.End - 1].End;
        h.Sentence = SentenceOf(h.Start);
        return h;
    }

    /// <summary>
    /// How often the article names each country: the states among the actors' mentions (not those on an
    /// ambiguous name: "Tripoli" read as Libya says nothing) and the countries of unambiguous names.
    /// </summary>
    Dictionary<string, int> ArticleCountries(List<PlaceCandidate> candidates, List<Hit> hits)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var ambiguous = new List<(int Start, int Stop)>();
        for (var k = 0; k < candidates.Count; k++)
        {
            var c = candidates[k];
            var first = _g.EntryList[c.Forms[0].Entry].Country;
            if (c.Forms.All(f => _g.EntryList[f.Entry].Country == first)) counts[first] = counts.GetValueOrDefault(first) + 1;
            else ambiguous.Add((hits[k].Start, hits[k].Stop));
        }
        if (_actors is not null)
            foreach (var a in _actors)
                if (a.Kind == "state" && a.Country is { } country)
                    foreach (var m in a.Mentions)
                        if (ambiguous.Count == 0 || !Overlaps(ambiguous, m.Start, m.End))
                            counts[country] = counts.GetValueOrDefault(country) + 1;
        return counts;
    }

    static bool Overlaps(List<(int Start, int Stop)> ranges, int start, int end)
    {
        foreach (var r in ranges)
            if (start < r.Stop && end > r.Start) return true;
        return false;
    }

    void Judge(Hit h, PlaceCandidate c, Dictionary<string, int> countries)
    {
        var (first, end) = (h.First, h.End);
        var (sStart, sEnd) = SentenceBounds(h.Sentence);

        // right context: place-type noun, a longer capitalised name, a hyphen compound
        var next = end < _tokens.Count && _tokens[end].Start < sEnd ? end : -1;
        var nextCue = CueAt(next);
        if (next >= 0 && (nextCue & CueKind.Noun) != 0 && !_tokens[next].Is(TokenShape.HyphenBefore))
            h.PreferKinds = _g.NounKindsOf(_tokens[next].Id) ?? [];
        var veto = false;
        if (next >= 0 && (_tokens[next].Is(TokenShape.HyphenBefore) || HyphenAfterDot(next))) veto = true;         // Moscow-based, U.S.-allied
        else if (next >= 0 && h.PreferKinds is null && _tokens[next].Is(TokenShape.Cap) && (nextCue & CueKind.Time) == 0
                 && ((nextCue & CueKind.NameNext) != 0 || !IsTitleCase(h.Sentence))) veto = true;                    // Moscow Times
        else if (next >= 0 && (nextCue & CueKind.Document) != 0 && !_tokens[next].Is(TokenShape.Cap)) veto = true;  // the Geneva communique
        if (h.First > 0 && _tokens[h.First - 1].Start >= sStart && (CueAt(h.First - 1) & CueKind.Topic) != 0) veto = true;   // about Benghazi
        if (_tokens[h.First].Is(TokenShape.HyphenBefore)) veto = true;                                                // pro-Moscow
        var actorExact = false;
        if (_actors is not null) (veto, actorExact) = ActorContext(h.Start, h.Stop, veto);

        // left context
        var (cue, nounBefore) = LeftCue(h.First, sStart);
        if (nounBefore is not null) h.PreferKinds ??= nounBefore;
        if (h.PreferKinds is not null && cue == Cue.None) cue = Cue.Strong;
        if (cue == Cue.None && IsDateline(h.First, end)) cue = Cue.Strong;

        h.Entry = Choose(c, h.PreferKinds, countries, out var needsCue);
        h.StateLike = h.Entry.IsStateName || actorExact || needsCue;
        if (h.StateLike && next >= 0 && Modifies(next)) veto = true;                                                 // U.S. troops, Syria's position
        if (cue == Cue.WeakActor) cue = h.StateLike ? Cue.None : Cue.Strong;
        if (veto) { h.Vetoed = true; return; }
        h.ByCue = cue == Cue.Strong;
        h.Place = h.ByCue || !h.StateLike && !CapitalBefore(h.First, sStart);
    }

    /// <summary>What the words before a name say: a preposition, "province of", a verb, "northern".</summary>
    (Cue, string[]?) LeftCue(int first, int sStart)
    {
        var j = first - 1;
        var direction = false;
        while (j >= 0 && _tokens[j].Start >= sStart && _tokens[j].Is(TokenShape.Word))
        {
            var cue = CueAt(j);
            if ((cue & (CueKind.Direction | CueKind.Modifier)) == 0) break;
            direction |= (cue & CueKind.Direction) != 0;
            while (j > 0 && _tokens[j].Is(TokenShape.HyphenBefore)) j--;   // rebel-held, north-western
            j--;
        }
        if (j < 0 || _tokens[j].Start < sStart) return (direction ? Cue.Strong : Cue.None, null);
        var t = _tokens[j];
        var at = CueAt(j);
        if ((at & CueKind.Locative) != 0) return (Cue.Strong, null);
        if ((at & CueKind.WeakLocative) != 0)
            return ((CueAt(j - 1) & CueKind.ActorBefore) != 0 ? Cue.WeakActor : Cue.Strong, null);
        if (t.Id == _of && j > 0 && _tokens[j - 1].Start >= sStart)
        {
            var before = CueAt(j - 1);
            if ((before & CueKind.Noun) != 0) return (Cue.Strong, _g.NounKindsOf(_tokens[j - 1].Id) ?? []);
            if ((before & (CueKind.Spatial | CueKind.Direction)) != 0) return (Cue.Strong, null);
        }
        if ((at & CueKind.Noun) != 0 && !direction && !t.Is(TokenShape.Cap)) return (Cue.Strong, _g.NounKindsOf(t.Id) ?? []);   // the capital Damascus
        if (t.Id == _comma && (CueAt(j - 1) & CueKind.Noun) != 0 && j > 0 && _tokens[j - 1].Start >= sStart && !_tokens[j - 1].Is(TokenShape.Cap))
            return (Cue.Strong, _g.NounKindsOf(_tokens[j - 1].Id) ?? []);                            // the Kazakh capital, Astana
        if ((at & CueKind.Verb) != 0) return (Cue.Strong, null);
        return (direction ? Cue.Strong : Cue.None, null);
    }

    /// <summary>
    /// A country or capital used as a modifier: an attribute noun after it ("U.S. troops", "the Iran deal"), or a
    /// possessive not followed by a part of it ("North Korea's embassy", unlike "Syria's north", "Russia's Kursk region").
    /// </summary>
    bool Modifies(int next)
    {
        var t = _tokens[next];
        if (t.Is(TokenShape.Possessive))
        {
            var after = next + 1;
            if (after >= _tokens.Count || !_tokens[after].Is(TokenShape.Word)) return true;
            return !_tokens[after].Is(TokenShape.Cap) && (CueAt(after) & (CueKind.Spatial | CueKind.Direction | CueKind.Noun)) == 0;
        }
        if (t.Is(TokenShape.Cap)) return false;
        var cue = CueAt(next);
        if ((cue & CueKind.Attribute) != 0) return true;
        // "the U.S. southern border": a directional adjective and a noun, not "Syria north of Raqqa"
        return (cue & CueKind.Direction) != 0 && next + 1 < _tokens.Count && _tokens[next + 1].Is(TokenShape.Word)
               && _tokens[next + 1].Id != _of && !_tokens[next + 1].Is(TokenShape.Cap);
    }

    /// <summary>A hyphen glued to the name's final dot and to the next word (U.S.-allied).</summary>
    bool HyphenAfterDot(int next) =>
        _tokens[next].Is(TokenShape.Punct) && _text[_tokens[next].Start] == '-' && next > 0 && _tokens[next - 1].End == _tokens[next].Start
        && next + 1 < _tokens.Count && _tokens[next + 1].Start == _tokens[next].End && _tokens[next + 1].Is(TokenShape.Word);

    /// <summary>"MOSCOW (Reuters) -", "BEIRUT, Jan 5 -", "Moscow (AP) —" at the start of a line.</summary>
    bool IsDateline(int first, int end)
    {
        if (!_tokens[first].Is(TokenShape.LineStart) || end >= _tokens.Count) return false;
        var next = _tokens[end];
        if (!next.Is(TokenShape.Punct)) return false;
        if (next.Id == _paren) return true;
        var caps = true;
        for (var k = first; k < end; k++)
            if (_tokens[k].Is(TokenShape.Word) && !_tokens[k].Is(TokenShape.AllCaps) && _tokens[k].End - _tokens[k].Start > 1) caps = false;
        return caps && _text[next.Start] is ',' or '-' or '\u2013' or '\u2014' or ':';
    }

    /// <summary>A capitalised non-cue word just before the name (Real Madrid, Greater Idlib) when not at a sentence start.</summary>
    bool CapitalBefore(int first, int sStart)
    {
        var j = first - 1;
        if (j < 0 || _tokens[j].Start < sStart || !_tokens[j].Is(TokenShape.Cap) || _tokens[j].Is(TokenShape.Punct)) return false;
        if (j == 0 || _tokens[j - 1].Start < sStart || _tokens[j].Is(TokenShape.LineStart)) return false;
        if ((CueAt(j) & (CueKind.Time | CueKind.Locative | CueKind.WeakLocative | CueKind.Verb)) != 0) return false;
        return !IsTitleCase(SentenceOf(_tokens[j].Start));
    }

    /// <summary>Inside a longer actor mention or a person's name: not a place; exactly a state/org mention: needs a cue.</summary>
    (bool Veto, bool Exact) ActorContext(int start, int stop, bool veto)
    {
        var exact = false;
        int lo = 0, hi = _spans.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_spans[mid].Start < stop) lo = mid + 1; else hi = mid;
        }
        // mentions starting before the name's end, nearest first; actor mentions are short
        for (var i = lo - 1; i >= 0 && _spans[i].Start > start - 400; i--)
        {
            var m = _spans[i];
            if (m.End <= start) continue;
            if (m.Kind == "person") return (true, exact);
            if (m.Kind is not ("state" or "org" or "group")) continue;
            if (m.End == stop && (m.Start == start || StartsWithThe(m.Start, start))) exact = true;
            else if (m.Start <= start && m.End >= stop) return (true, exact);
        }
        return (veto, exact);
    }

    bool StartsWithThe(int mentionStart, int start) =>
        start - mentionStart == 4 && _text.AsSpan(mentionStart, 4).Equals("the ", StringComparison.OrdinalIgnoreCase);

    PlaceEntry Choose(PlaceCandidate c, string[]? prefer, Dictionary<string, int> countries, out bool needsCue)
    {
        PlaceForm best = c.Forms[0];
        var bestScore = int.MinValue;
        foreach (var f in c.Forms)
        {
            var e = _g.EntryList[f.Entry];
            var named = countries.GetValueOrDefault(e.Country);
            var score = (prefer is { Length: > 0 } && prefer.Contains(e.Kind) ? 1000 : 0) + (named > 0 ? 100 + Math.Min(named, 50) : 0) + e.KindRank;
            if (score > bestScore) { best = f; bestScore = score; }
        }
        needsCue = c.Forms.Any(f => f.Entry == best.Entry && f.NeedsCue);
        return _g.EntryList[best.Entry];
    }

    /// <summary>"in Idlib and Aleppo", "in Sochi, Russia", "Idlib and Aleppo provinces": a cued place lends its cue to its conjuncts.</summary>
    void Coordinate(List<Hit> hits)
    {
        bool changed;
        do
        {
            changed = false;
            for (var k = 0; k + 1 < hits.Count; k++)
            {
                var (a, b) = (hits[k], hits[k + 1]);
                if (a.Sentence != b.Sentence || !Joined(a.End, b.First)) continue;
                if (a.Place && a.ByCue && !b.Place && !b.Vetoed && !ActsNext(b.End)) { Lend(b); changed = true; }
                else if (b.Place && b.ByCue && !a.Place && !a.Vetoed && !ActsNext(b.End)) { Lend(a); changed = true; }
            }
        } while (changed);
    }

    static void Lend(Hit to) => to.Place = to.ByCue = true;

    /// <summary>"the Idlib and Aleppo provinces", "the provinces of Idlib and Aleppo": conjuncts take the noun's kind.</summary>
    void SharePreferences(List<Hit> hits, List<PlaceCandidate> candidates, Dictionary<string, int> countries)
    {
        for (var pass = 0; pass < 2; pass++)
            for (var k = 0; k + 1 < hits.Count; k++)
            {
                var (a, b) = pass == 0 ? (hits[k + 1], hits[k]) : (hits[k], hits[k + 1]);
                var (left, right) = (hits[k], hits[k + 1]);
                if (!a.Place || !b.Place || a.Sentence != b.Sentence || !Joined(left.End, right.First)) continue;
                if (a.PreferKinds is not { Length: > 0 } || b.PreferKinds is not null) continue;
                b.PreferKinds = a.PreferKinds;
                b.Entry = Choose(candidates[pass == 0 ? k : k + 1], b.PreferKinds, countries, out _);
            }
    }

    bool ActsNext(int end) => (CueAt(end) & (CueKind.ActorNext | CueKind.Attribute)) != 0 || end < _tokens.Count && _tokens[end].Is(TokenShape.Possessive);

    /// <summary>Only ",", "and", "or", ", and", ", or" between two names.</summary>
    bool Joined(int aEnd, int bFirst)
    {
        var gap = bFirst - aEnd;
        if (gap == 1) return _tokens[aEnd].Id == _comma || _tokens[aEnd].Id == _and || _tokens[aEnd].Id == _or;
        return gap == 2 && _tokens[aEnd].Id == _comma && (_tokens[aEnd + 1].Id == _and || _tokens[aEnd + 1].Id == _or);
    }

    int SentenceOf(int offset)
    {
        int lo = 0, hi = _sentences.Count - 1, found = 0;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_sentences[mid].Start <= offset) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }

    (int Start, int End) SentenceBounds(int s) =>
        _sentences.Count == 0 ? (0, _text.Length) : (_sentences[s].Start, Math.Max(_sentences[s].End, _sentences[s].Start));

    /// <summary>A headline-style sentence ("Meeting In Moscow, Putin, Erdogan Vow ..."): capitalised words say nothing there.</summary>
    bool IsTitleCase(int sentence)
    {
        if (_titleCase.TryGetValue(sentence, out var known)) return known;
        var (start, end) = SentenceBounds(sentence);
        int words = 0, caps = 0;
        foreach (var t in TokensIn(start, end))
        {
            if (!t.Is(TokenShape.Word) || t.End - t.Start < 4) continue;
            words++;
            if (t.Is(TokenShape.Cap)) caps++;
        }
        var title = words >= 6 && caps * 10 >= words * 8;
        _titleCase[sentence] = title;
        return title;
    }

    IEnumerable<PlaceToken> TokensIn(int start, int end)
    {
        int lo = 0, hi = _tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_tokens[mid].Start < start) lo = mid + 1; else hi = mid;
        }
        for (var i = lo; i < _tokens.Count && _tokens[i].Start < end; i++) yield return _tokens[i];
    }
}
