using Parley.Core;

namespace Parley.Quotes;

/// <summary>
/// The quotes of one article. Order of work: quoted spans (marks) → direct quotes with their frames
/// ("He said, “…”", "“…,” the Kremlin said") → reported speech from reporting verbs, attribution phrases and
/// speech nouns (a reported content holding a quoted fragment is "mixed") → headline attributions.
/// Quoted spans no reporting frame claims are scare quotes and titles, not quotes.
/// </summary>
sealed class QuoteDocument
{
    readonly QuoteLexicon _lex;
    readonly HashSet<string> _capitals;
    readonly QuoteInput _in;
    readonly string _text;
    readonly List<Tok> _toks;
    readonly int[] _tokSentence;          // sentence index of each token
    readonly int[] _sentenceFirstTok;     // first token of each sentence (= next sentence's first when empty)
    readonly List<QuotedSpan> _spans;
    readonly int[] _tokSpan;              // span index whose marks-inclusive range holds the token, or -1
    readonly bool[] _consumed;            // tokens used as a direct quote's frame cue
    readonly List<(MentionRecord Mention, ActorRecord Actor)> _mentions;
    readonly List<Found> _found = [];
    readonly bool[] _covered;             // characters inside a found quote's content
    readonly SpeakerRecord?[] _spanSpeaker;

    sealed record Found(string Kind, int Start, int End, SpeakerRecord? Speaker, string? Cue, double Confidence, int Sentence, string? Where = null);

    public QuoteDocument(QuoteLexicon lex, HashSet<string> capitals, QuoteInput input)
    {
        _lex = lex;
        _capitals = capitals;
        _in = input;
        _text = input.Text;
        _toks = Tokens.Scan(_text, lex);
        _spans = MergeParagraphChains(QuoteMarks.Find(_text, lex));
        _spanSpeaker = new SpeakerRecord?[_spans.Count];
        _tokSentence = new int[_toks.Count];
        _sentenceFirstTok = new int[input.Sentences.Count + 1];
        var s = 0;
        for (var t = 0; t < _toks.Count; t++)
        {
            while (s < input.Sentences.Count && _toks[t].Start >= input.Sentences[s].End) _sentenceFirstTok[++s] = t;
            _tokSentence[t] = Math.Min(s, Math.Max(0, input.Sentences.Count - 1));
        }
        while (s < input.Sentences.Count) _sentenceFirstTok[++s] = _toks.Count;
        _tokSpan = new int[_toks.Count];
        Array.Fill(_tokSpan, -1);
        var k = 0;
        for (var t = 0; t < _toks.Count; t++)
        {
            while (k < _spans.Count && _spans[k].OuterEnd <= _toks[t].Start) k++;
            if (k < _spans.Count && _spans[k].Contains(_toks[t].Start)) _tokSpan[t] = k;
        }
        _consumed = new bool[_toks.Count];
        _covered = new bool[_text.Length + 1];
        _mentions = input.Actors.SelectMany(a => a.Mentions.Select(m => (m, a))).OrderBy(x => x.m.Start).ToList();
    }

    public List<QuoteRecord> Run()
    {
        if (_in.Sentences.Count > 0)
        {
            DirectQuotes();
            for (var s = 0; s < _in.Sentences.Count; s++) ReportedInSentence(s);
            for (var s = 0; s < _in.Sentences.Count; s++) AttributionPhrases(s);
            for (var s = 0; s < _in.Sentences.Count; s++) LabelledParagraph(s);
        }
        HeadlineQuote();
        var quotes = new List<QuoteRecord>(_found.Count);
        foreach (var f in _found.OrderBy(f => f.Where is null ? 1 : 0).ThenBy(f => f.Start))
        {
            var source = f.Where == "title" ? _in.Title! : _text;
            quotes.Add(new QuoteRecord
            {
                Id = $"Q{quotes.Count + 1}",
                Kind = f.Kind,
                Text = source[f.Start..f.End],
                Start = f.Start,
                End = f.End,
                Speaker = f.Speaker,
                Cue = f.Cue,
                Sentence = f.Sentence,
                Confidence = Math.Round(f.Speaker?.Name is null ? Math.Min(f.Confidence, 0.5) : f.Confidence, 2),
                Where = f.Where,
            });
        }
        return quotes;
    }

    // ---- direct quotes -------------------------------------------------------------------------------

    void DirectQuotes()
    {
        for (var i = 0; i < _spans.Count; i++)
        {
            var q = _spans[i];
            var openTok = TokAt(q.Open);
            if (openTok < 0) continue;
            var sentence = _tokSentence[openTok];
            var sFirst = _sentenceFirstTok[sentence];

            // (a) "He added, “…”" / "Lavrov stated: “…”" / "…, stating, “…”": a cue right before the mark.
            if (CueBefore(openTok, sFirst) is var (cueTok, verb))
            {
                // “There are pockets of hurt,” he said, “and we are seeing …”: one statement around its frame.
                if (_consumed[cueTok] && i > 0 && _found.Count > 0 && char.IsLower(_text[q.ContentStart]) && _found[^1].End < q.Open
                    && _spans[i - 1].Close >= 0 && TokAt(_spans[i - 1].Close) is var pc and >= 0 && pc < cueTok)
                {
                    _found[^1] = _found[^1] with { End = q.ContentEnd };
                    Cover(_found[^1]);
                    _spanSpeaker[i] = _spanSpeaker[i - 1];
                    continue;
                }
                var speaker = verb.IsParticiple || SubjectLeft(cueTok, sFirst) is not { } np
                    ? ParticipleSpeaker(sentence, cueTok)
                    : Speaker(np);
                _consumed[cueTok] = true;
                AddDirect(i, "direct", q.ContentStart, q.ContentEnd, speaker, Text(cueTok), 0.95);
                continue;
            }

            // (b) "“…,” Putin told a news conference" / "“…,” said Putin" / "“…,” it said": a frame right after it.
            var closeTok = q.Close >= 0 ? TokAt(q.Close) : -1;
            if (closeTok >= 0 && CueAfter(closeTok) is var (cueAfter, npAfter))
            {
                _consumed[cueAfter] = true;
                var lead = LeadIn(sFirst, openTok);
                if (lead >= 0 && HasCue(lead, openTok)) { _consumed[cueAfter] = false; continue; }
                if (lead >= 0)
                    AddDirect(i, "mixed", _toks[lead].Start, q.ContentEnd, Speaker(npAfter), Text(cueAfter), 0.9);
                else
                    AddDirect(i, "direct", q.ContentStart, q.ContentEnd, Speaker(npAfter), Text(cueAfter), 0.95);
                continue;
            }

            // (c) A quote that is its own sentence(s): a transcript label, the previous paragraph's speaker
            // (multi-paragraph quotes), or the speaker of an adjacent quote.
            if (StandsAlone(q, openTok))
            {
                if (LabelInside(q) is var (labelEnd, labelSpeaker))
                {
                    AddDirect(i, "direct", labelEnd, q.ContentEnd, labelSpeaker, ":", 0.8);
                    continue;
                }
                var (inherited, confidence) = i > 0 && q.ContinuesPrevious && _spanSpeaker[i - 1] is { } prev
                    ? (prev, 0.9)
                    : NeighbourSpeaker(i, sentence);
                AddDirect(i, "direct", q.ContentStart, q.ContentEnd, inherited, null, confidence);
            }
        }
    }

    void AddDirect(int span, string kind, int start, int end, SpeakerRecord? speaker, string? cue, double confidence)
    {
        _spanSpeaker[span] = speaker;
        var t = TokAt(start) is var ti and >= 0 ? ti : TokAtOrAfter(start);
        AddFound(new Found(kind, start, end, speaker, cue, confidence, t >= 0 ? _tokSentence[t] : 0));
    }

    /// <summary>A reporting verb ending the text before an opening mark: "said, “", "stated: “", "told a joint news conference: “".</summary>
    (int Tok, SpeechVerb Verb)? CueBefore(int openTok, int sFirst)
    {
        var j = openTok - 1;
        var punct = j >= sFirst && _toks[j].Kind == TokKind.Punct && _text[_toks[j].Start] is ',' or ':' or '—' or '–';
        if (punct) j--;
        for (var n = 0; j >= sFirst && n < 7; j--, n++)
        {
            var t = _toks[j];
            if (t.Kind != TokKind.Word) return null;
            // "said, “…”" or "said “…”"; with words between ("told a news conference: “…”") only after a colon or comma.
            if (VerbAt(j) is { } v && !v.IsCognition && !v.IsRequest && (n == 0 || punct && (v.Frames & (VerbFrames.Object | VerbFrames.Inverted)) != 0))
                return (j, v);
            if (n > 0 && _lex.Is(Span(j), WordClass.Boundary) && !_lex.Is(Span(j), WordClass.Preposition)) return null;
        }
        return null;
    }

    /// <summary>After a closing mark: ", Putin said", ", said Putin", ", he also said, adding: …"; the cue must not open new content.</summary>
    (int Cue, (int Start, int End) Np)? CueAfter(int closeTok)
    {
        var j = closeTok + 1;
        if (j < _toks.Count && IsPunct(j, ',')) j++;
        if (j >= _toks.Count) return null;
        // “… ongoing.” He said …: a new sentence, not a frame; “Why now?” he asked: a frame.
        var last = _text[_toks[closeTok].Start - 1];
        if (last is '.' or '!' or '?' && _toks[j].Kind == TokKind.Word && char.IsUpper(_text[_toks[j].Start])) return null;
        var end = SentenceEndTok(_tokSentence[j]);
        // verb first: "said Putin"
        if (VerbAt(j) is { } v1 && (v1.Frames & VerbFrames.Inverted) != 0)
        {
            var npEnd = NpRight(j + 1, end);
            if (npEnd > j + 1 && FrameEnds(npEnd, end)) return (j, (j + 1, npEnd));
        }
        // speaker first: "Putin said", "the Kremlin said", "he also said"
        var np0 = j;
        var k = NpRight(j, end);
        if (k == np0) return null;
        var verbTok = SkipFrameWords(k, end);
        if (verbTok >= end || VerbAt(verbTok) is not { } v2 || (v2.Frames & VerbFrames.Inverted) == 0 && v2.Lemma != "tell") return null;
        var after = verbTok + 1;
        if (after < end && (_toks[after].Kind == TokKind.Mark || IsPunct(after, ':') || IsWord(after, "that"))) return null;
        return (verbTok, (np0, k));
    }

    /// <summary>After an inverted frame the sentence ends, or goes on with an object, a place, a time or a participle clause.</summary>
    bool FrameEnds(int from, int end)
    {
        if (from >= end) return true;
        if (IsPunct(from, '.') || IsPunct(from, ',') || IsPunct(from, ';')) return true;
        return _lex.Is(Span(from), WordClass.Preposition);
    }

    /// <summary>Words of the sentence before the opening mark that are not a frame ("Cooperation … is “…”"), or -1.</summary>
    int LeadIn(int sFirst, int openTok)
    {
        for (var t = sFirst; t < openTok; t++)
            if (_toks[t].Kind == TokKind.Word && _tokSpan[t] < 0) return t;
        return -1;
    }

    bool HasCue(int from, int to)
    {
        for (var t = from; t < to; t++)
            if (VerbAt(t) is not null && !LooksLikeNoun(t, from)) return true;
        return false;
    }

    bool StandsAlone(QuotedSpan q, int openTok)
    {
        var sFirst = _sentenceFirstTok[_tokSentence[openTok]];
        for (var t = sFirst; t < openTok; t++)
            if (_toks[t].Kind == TokKind.Word) return false;
        var after = q.Close >= 0 ? TokAt(q.Close) + 1 : TokAtOrAfter(q.ContentEnd);
        if (after <= 0 || after >= _toks.Count) return true;
        var sentence = _tokSentence[after - 1];
        var sEnd = SentenceEndTok(sentence);
        for (var t = after; t < sEnd; t++)
            if (_toks[t].Kind == TokKind.Word) return false;
        return true;
    }

    /// <summary>"“PENCE: Well, look …”" — a transcript label opening the quote.</summary>
    (int ContentStart, SpeakerRecord Speaker)? LabelInside(QuotedSpan q)
    {
        var first = TokAtOrAfter(q.ContentStart);
        if (first < 0) return null;
        var j = first;
        while (j < _toks.Count && j - first < 4 && _toks[j].Kind == TokKind.Word && char.IsUpper(_text[_toks[j].Start])) j++;
        if (j == first || j >= _toks.Count || !IsPunct(j, ':') || _toks[j].End > q.ContentEnd) return null;
        var speaker = Speaker((first, j));
        var start = j + 1 < _toks.Count ? _toks[j + 1].Start : q.ContentEnd;
        return start < q.ContentEnd ? (start, speaker) : null;
    }

    (SpeakerRecord?, double) NeighbourSpeaker(int span, int sentence)
    {
        for (var i = span - 1; i >= 0; i--)
        {
            var t = TokAt(_spans[i].Open);
            if (t < 0 || sentence - _tokSentence[t] > 2) break;
            if (_spanSpeaker[i] is { } sp) return (sp, 0.7);
        }
        return (null, 0.4);
    }

    // ---- reported speech -----------------------------------------------------------------------------

    void ReportedInSentence(int sentence)
    {
        var sFirst = _sentenceFirstTok[sentence];
        var sEnd = SentenceEndTok(sentence);
        for (var k = sFirst; k < sEnd; k++)
        {
            if (_tokSpan[k] >= 0 || _consumed[k] || InsideFound(_toks[k].Start)) continue;
            if (VerbAt(k) is not { } verb || LooksLikeNoun(k, sFirst)) 
            {
                if (SpeechNounAt(k, sFirst, sEnd) is { } nominal) AddFound(nominal);
                continue;
            }
            var found = verb.IsRequest ? CallOnFor(k, sFirst, sEnd, verb) : ReportedAt(k, sFirst, sEnd, verb);
            if (found is not null) AddFound(found);
        }
    }

    Found? ReportedAt(int k, int sFirst, int sEnd, SpeechVerb verb)
    {
        var sentence = _tokSentence[k];
        // Inverted, verb first, closing the sentence: "…, said the minister."
        if ((verb.Frames & VerbFrames.Inverted) != 0 && !verb.IsParticiple && k - 1 > sFirst && IsPunct(k - 1, ','))
        {
            var npEnd = NpRight(k + 1, sEnd);
            if (npEnd > k + 1 && npEnd - k <= 7 && npEnd < sEnd && IsSentenceFinal(npEnd, sEnd) && ContentBefore(sFirst, k - 1) is var (cs, ce))
                return new Found(Kind(cs, ce), cs, ce, Speaker((k + 1, npEnd)), Text(k), 0.8, sentence);
        }
        (int, int)? subject = verb.IsParticiple && k > sFirst && IsPunct(k - 1, ',')
            ? MainSubject(sentence, k)
            : SubjectLeft(k, sFirst);
        SpeakerRecord? shared = null;
        if (subject is null && CoordinatedVerb(k, sFirst))
        {
            // "… praised the plan and said that …": the speaker of the first verb, or the clause's subject.
            shared = ParticipleSpeaker(sentence, k);
            subject = shared is null ? MainSubject(sentence, k) : (k, k + 1);
        }
        if (subject is null) return null;
        var leadingClause = k <= sFirst + 1 && verb.IsParticiple || k == sFirst + 1 && IsWord(sFirst, "having");

        // Inverted, speaker first: "…, the ministry said." / "…, he added."
        if ((verb.Frames & VerbFrames.Inverted) != 0 && !verb.IsParticiple && AtSentenceEnd(k + 1, sEnd)
            && subject.Value.Item1 - 1 > sFirst && IsPunct(subject.Value.Item1 - 1, ','))
        {
            if (ContentBefore(sFirst, subject.Value.Item1 - 1) is var (cs, ce))
                return new Found(Kind(cs, ce), cs, ce, Speaker(subject.Value), Text(k), 0.8, sentence);
            return null;
        }
        // A frame inside its content: "Otherwise, she said, countries may simply …" — the whole sentence is the statement.
        if ((verb.Frames & VerbFrames.Inverted) != 0 && !verb.IsParticiple && k + 1 < sEnd && IsPunct(k + 1, ',')
            && subject.Value.Item1 - 1 > sFirst && IsPunct(subject.Value.Item1 - 1, ',')
            && WordCount(k + 2, sEnd) >= 3 && ContentBefore(sFirst, subject.Value.Item1 - 1, minWords: 1) is var (ps, _))
        {
            var pe = TrimContentEnd(ps, _toks[sEnd - 1].End);
            return new Found(Kind(ps, pe), ps, pe, Speaker(subject.Value), Text(k), 0.8, sentence);
        }

        var j = SkipTimePhrase(k + 1, sEnd);
        // said, however, that …
        if (j + 2 < sEnd && IsPunct(j, ',') && _toks[j + 1].Kind == TokKind.Word && _lex.Is(Span(j + 1), WordClass.Adverb) && IsPunct(j + 2, ','))
            j += 3;
        if ((verb.Frames & VerbFrames.Object) != 0)
        {
            // told reporters that …, urged Ankara to …, warned Washington against …
            var that = FindAhead(j, sEnd, 8, "that");
            if (that > 0) j = that;
            else if (verb.Lemma is "urge" or "ask" or "accuse" or "assure" or "warn" or "tell")
            {
                var to = FindAhead(j, sEnd, 8, verb.Lemma == "accuse" ? "of" : "to");
                if (to < 0 && (verb.Frames & (VerbFrames.That | VerbFrames.Zero)) == 0) return null;
                if (to > 0) j = to + 1;
            }
        }
        // said on Monday that …, said in a statement that …
        if (j < sEnd && _toks[j].Kind == TokKind.Word && _lex.Is(Span(j), WordClass.Preposition) && !IsWord(j, "that"))
        {
            var that = FindAhead(j, sEnd, 12, "that");
            if (that < 0) return null;
            j = that;
        }
        while (j < sEnd && _toks[j].Kind == TokKind.Word && _lex.Is(Span(j), WordClass.Adverb) && !IsWord(j, "that")) j++;
        var frame = "np";
        if (j < sEnd && IsWord(j, "that")) { frame = "that"; j++; }
        else if (j < sEnd && IsPunct(j, ':')) { frame = "that"; j++; }
        if (j >= sEnd || _toks[j].Kind != TokKind.Word && _toks[j].Kind != TokKind.Mark) return null;

        if (frame == "np")
        {
            var zero = (verb.Frames & VerbFrames.Zero) != 0 && !verb.IsCognition && HasFiniteVerb(j, sEnd)
                && (StartsClause(j, sEnd) || _toks[j].Kind == TokKind.Word && !_lex.Is(Span(j), WordClass.Preposition) && !_lex.Is(Span(j), WordClass.Aux) && !_lex.Is(Span(j), WordClass.Adverb));
            var np = (verb.Frames & VerbFrames.Np) != 0 && !_lex.Is(Span(j), WordClass.Preposition)
                && !_lex.Is(Span(j), WordClass.Aux) && !_lex.Is(Span(j), WordClass.Demonstrative);
            if (!zero && !np) return null;
            if (zero) frame = "that";
        }
        var end = ContentEnd(j, sEnd, stopAtComma: leadingClause);
        var words = WordCount(j, end);
        if (words < (frame == "np" ? 3 : 2)) return null;
        var start = _toks[j].Start;
        var endChar = TrimContentEnd(_toks[j].Start, _toks[end - 1].End);
        var confidence = (frame == "np" ? 0.75 : 0.85) - (verb.IsCognition ? 0.2 : 0);
        return new Found(Kind(start, endChar), start, endChar, shared ?? Speaker(subject.Value), Text(k), confidence, sentence);
    }

    /// <summary>"called on X to …", "calls for …".</summary>
    Found? CallOnFor(int k, int sFirst, int sEnd, SpeechVerb verb)
    {
        if (k + 1 >= sEnd || !(IsWord(k + 1, "on") || IsWord(k + 1, "for"))) return null;
        if (SubjectLeft(k, sFirst) is not { } subject) return null;
        var j = k + 2;
        var end = ContentEnd(j, sEnd);
        if (WordCount(j, end) < 2) return null;
        var endChar = TrimContentEnd(_toks[j].Start, _toks[end - 1].End);
        return new Found(Kind(_toks[j].Start, endChar), _toks[j].Start, endChar, Speaker(subject), Text(k) + " " + Text(k + 1), 0.75, _tokSentence[k]);
    }

    /// <summary>"Bogdanov’s confirmation of ongoing efforts …", "the ministry's statement that …".</summary>
    Found? SpeechNounAt(int k, int sFirst, int sEnd)
    {
        if (_toks[k].Kind != TokKind.Word || _lex.SpeechNoun(Span(k)) is not { Count: > 0 } links) return null;
        if (k + 1 >= sEnd || k - 1 < sFirst) return null;
        var link = Text(k + 1).ToLowerInvariant();
        if (!links.Contains(link)) return null;
        var owner = k - 1;
        var w = Text(owner);
        if (!(w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal))) return null;
        var npStart = owner;
        while (npStart - 1 >= sFirst && _toks[npStart - 1].Kind == TokKind.Word && char.IsUpper(_text[_toks[npStart - 1].Start]) && owner - npStart < 5) npStart--;
        if (!char.IsUpper(_text[_toks[npStart].Start])) return null;
        var j = k + 2;
        var end = ContentEnd(j, sEnd, stopAtComma: true);
        if (WordCount(j, end) < 3) return null;
        var endChar = TrimContentEnd(_toks[j].Start, _toks[end - 1].End);
        var ownerEnd = _toks[owner].End - 2;
        return new Found(Kind(_toks[j].Start, endChar), _toks[j].Start, endChar, SpeakerChars(_toks[npStart].Start, ownerEnd), Text(k), 0.7, _tokSentence[k]);
    }

    // ---- attribution phrases ---------------------------------------------------------------------------

    void AttributionPhrases(int sentence)
    {
        var sFirst = _sentenceFirstTok[sentence];
        var sEnd = SentenceEndTok(sentence);
        var initials = _lex.PhraseInitials;
        for (var k = sFirst; k < sEnd; k++)
        {
            if (_tokSpan[k] >= 0) continue;
            // a phrase starts with a word whose first letter is one of theirs (case-insensitively, as IsWord compares)
            if (initials is not null && (_toks[k].Kind != TokKind.Word || !initials.Contains(char.ToUpperInvariant(_text[_toks[k].Start])))) continue;
            foreach (var (words, beforeAllowed) in _lex.Phrases)
            {
                if (!PhraseAt(k, sEnd, words)) continue;
                var after = k + words.Length;
                var leading = IsClauseStart(k, sFirst);
                if (leading && beforeAllowed)
                {
                    // "According to the Kremlin, …": the source runs to the comma, the content to the sentence end.
                    var comma = FindPunct(after, sEnd, ',');
                    if (comma < 0 || comma == after) continue;
                    var cs = comma + 1;
                    if (cs >= sEnd) continue;
                    var ce = ContentEnd(cs, sEnd);
                    var endChar = TrimContentEnd(_toks[cs].Start, _toks[ce - 1].End);
                    if (WordCount(cs, ce) < 3 || Overlaps(_toks[cs].Start, endChar)) continue;
                    AddFound(new Found(Kind(_toks[cs].Start, endChar), _toks[cs].Start, endChar, Speaker((after, comma)), Text(k, after), 0.8, sentence));
                }
                else if (k - 1 > sFirst && IsPunct(k - 1, ','))
                {
                    // "…, according to a Kremlin statement." / "…, as stated by Russia Today."
                    var npEnd = NpRight(after, sEnd, allowLower: true);
                    if (npEnd == after || ContentBefore(sFirst, k - 1) is not var (cs, ce) || Overlaps(cs, ce)) continue;
                    AddFound(new Found(Kind(cs, ce), cs, ce, Speaker((after, npEnd)), Text(k, after), 0.8, sentence));
                }
                break;
            }
        }
    }

    bool PhraseAt(int k, int end, string[] words)
    {
        if (k + words.Length > end) return false;
        for (var w = 0; w < words.Length; w++)
            if (!IsWord(k + w, words[w])) return false;
        return true;
    }

    // ---- headline attribution ---------------------------------------------------------------------------

    /// <summary>"Graham: Trump’s Rhetoric Hurts the Party" as a paragraph of its own (related headlines, transcripts).</summary>
    void LabelledParagraph(int sentence)
    {
        var sFirst = _sentenceFirstTok[sentence];
        var sEnd = SentenceEndTok(sentence);
        if (sFirst >= sEnd || _tokSpan[sFirst] >= 0) return;
        var start = _toks[sFirst].Start;
        if (start > 0 && _text[start - 1] != '\n' && _text.LastIndexOf('\n', start - 1) is var nl && _text.AsSpan(nl + 1, start - nl - 1).Trim().Length > 0) return;
        var j = sFirst;
        while (j < sEnd && j - sFirst < 4 && _toks[j].Kind == TokKind.Word && char.IsUpper(_text[_toks[j].Start])) j++;
        if (j == sFirst || j + 2 >= sEnd || !IsPunct(j, ':')) return;
        // "Related:", "Newsletter:" are page furniture: the label must name an actor or be a transcript label (PENCE:).
        var label = _text.AsSpan(_toks[sFirst].Start, _toks[j - 1].End - _toks[sFirst].Start);
        if (!_mentions.Any(m => m.Mention.Start >= _toks[sFirst].Start && m.Mention.End <= _toks[j - 1].End)
            && !(label.Length > 2 && !label.ContainsAnyInRange('a', 'z'))) return;
        var c = j + 1;
        var endChar = TrimContentEnd(_toks[c].Start, _toks[sEnd - 1].End);
        if (WordCount(c, sEnd) < 3 || Overlaps(_toks[c].Start, endChar)) return;
        AddFound(new Found("indirect", _toks[c].Start, endChar, Speaker((sFirst, j)), ":", 0.6, sentence));
    }

    /// <summary>"Cavusoglu: Rapprochement Needs …" — a title opening with a known speaker and a colon.</summary>
    void HeadlineQuote()
    {
        var title = _in.Title;
        if (string.IsNullOrWhiteSpace(title)) return;
        var colon = title.IndexOf(':');
        if (colon <= 0 || colon > 40 || colon + 2 >= title.Length) return;
        var label = title[..colon].Trim();
        if (label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 4) return;
        ActorRecord? actor = null;
        foreach (var a in _in.Actors)
            if (a.Kind is "person" or "org" or "state"
                && (a.Name.Equals(label, StringComparison.OrdinalIgnoreCase)
                    || a.Name.EndsWith(" " + label, StringComparison.OrdinalIgnoreCase)
                    || a.Mentions.Any(m => m.Text.Equals(label, StringComparison.OrdinalIgnoreCase))))
            { actor = a; break; }
        if (actor is null) return;
        // The same speaker quoted in the body's opening sentences: the headline restates that quote.
        if (_found.Any(f => f.Speaker?.Actor == actor.Id && f.Sentence <= 2)) return;
        var start = colon + 1;
        while (start < title.Length && char.IsWhiteSpace(title[start])) start++;
        var speaker = new SpeakerRecord { Actor = actor.Id, Name = actor.Name, Code = actor.Code, Country = actor.Country, Text = label, Start = 0, End = colon };
        _found.Add(new Found("indirect", start, title.TrimEnd().Length, speaker, ":", 0.7, -1, "title"));
    }

    // ---- speakers ----------------------------------------------------------------------------------------

    /// <summary>The noun phrase ending just before a reporting verb, across adverbs, auxiliaries and time phrases.</summary>
    (int Start, int End)? SubjectLeft(int verbTok, int sFirst)
    {
        var j = verbTok - 1;
        while (j >= sFirst && _toks[j].Kind == TokKind.Word)
        {
            var w = Span(j);
            if (_lex.Is(w, WordClass.Adverb) || _lex.Is(w, WordClass.Aux)) { j--; continue; }
            if ((_lex.Is(w, WordClass.TimeNoun) || char.IsDigit(w[0])) && j - 1 >= sFirst && TimeHead(j - 1, sFirst) is var h and >= 0) { j = h - 1; continue; }
            break;
        }
        if (j > sFirst + 1 && (IsWord(j, "who") || IsWord(j, "which")) && IsPunct(j - 1, ','))
            return SubjectLeft(j - 1, sFirst) is { } rel ? rel : null;
        var end = j + 1;
        var lower = 0;
        while (j >= sFirst && _toks[j].Kind == TokKind.Word && _tokSpan[j] < 0 && end - j < 10)
        {
            var w = Span(j);
            var cap = char.IsUpper(w[0]);
            if (!cap)
            {
                if (_lex.Is(w, WordClass.Boundary) && !InMention(j) || VerbAt(j) is not null || _lex.Is(w, WordClass.Aux)
                    || _lex.Is(w, WordClass.Adverb) || w.Length > 4 && w.EndsWith("ed")) break;
                if (!_lex.Is(w, WordClass.Determiner) && !IsWord(j, "of") && !IsWord(j, "for") && ++lower > 3) break;
            }
            j--;
        }
        var start = j + 1;
        // A coordination or an apposition the actors stage matched as one mention ("Putin and Erdogan").
        foreach (var (m, _) in _mentions)
            if (start < end && m.Start < _toks[start].Start && m.End > _toks[start].Start && m.End <= _toks[end - 1].End)
                start = TokContaining(m.Start);
        // Drop leading prepositional words ("of", "for") the walk may have taken.
        while (start < end && (IsWord(start, "of") || IsWord(start, "for"))) start++;
        if (start >= end) return Apposition(verbTok, j, sFirst);
        return (start, end);
    }

    /// <summary>"Dmitry Peskov, the Kremlin spokesman, said": the name before the comma pair.</summary>
    (int, int)? Apposition(int verbTok, int j, int sFirst)
    {
        if (j < sFirst || !IsPunct(j, ',') || j != verbTok - 1) return null;
        var open = j - 1;
        while (open > sFirst && !IsPunct(open, ',') && j - open < 25) open--;
        if (open <= sFirst || !IsPunct(open, ',')) return null;
        var inner = open + 1;
        if (!char.IsUpper(_text[_toks[Math.Max(sFirst, open - 1)].Start]) && !IsWord(open - 1, "he") && !IsWord(open - 1, "she")) return null;
        if (!(_lex.Is(Span(inner), WordClass.Determiner) || char.IsUpper(_text[_toks[inner].Start]) || IsWord(inner, "who") || IsWord(inner, "which")
              || _lex.Is(Span(inner), WordClass.Preposition) || _lex.Is(Span(inner), WordClass.Adverb))) return null;
        return SubjectLeft(open, sFirst);
    }

    /// <summary>"last October", "on Monday", "on January 23", "this week": skipped after a reporting verb.</summary>
    int SkipTimePhrase(int j, int end)
    {
        while (j + 1 < end && _lex.Is(Span(j), WordClass.Time) && _toks[j + 1].Kind == TokKind.Word
               && (_lex.Is(Span(j + 1), WordClass.TimeNoun) || char.IsDigit(_text[_toks[j + 1].Start])))
        {
            j += 2;
            while (j < end && _toks[j].Kind == TokKind.Word && (_lex.Is(Span(j), WordClass.TimeNoun) || char.IsDigit(_text[_toks[j].Start]))) j++;
            if (j < end && IsPunct(j, ',') && j + 1 < end && char.IsDigit(_text[_toks[j + 1].Start])) j += 2;
        }
        while (j < end && _toks[j].Kind == TokKind.Word && (IsWord(j, "yesterday") || IsWord(j, "today") || IsWord(j, "earlier") || IsWord(j, "recently"))) j++;
        return j;
    }

    int TimeHead(int j, int sFirst)
    {
        // "last week", "on Monday", "on January 23", "in September"
        for (var n = 0; j >= sFirst && n < 3; j--, n++)
        {
            var w = Span(j);
            if (_lex.Is(w, WordClass.Time)) return j;
            if (!(_lex.Is(w, WordClass.TimeNoun) || char.IsDigit(w[0]))) return -1;
        }
        return -1;
    }

    /// <summary>"…, he also said, adding: “…”" — a participle's speaker: the sentence's earlier quote, else the main subject.</summary>
    SpeakerRecord? ParticipleSpeaker(int sentence, int cueTok)
    {
        for (var i = _found.Count - 1; i >= 0; i--)
            if (_found[i].Sentence == sentence && _found[i].Where is null && _found[i].Start < _toks[cueTok].Start && _found[i].Speaker is { } sp)
                return sp;
        return MainSubject(sentence, cueTok) is { } main ? Speaker(main) : null;
    }

    /// <summary>The main clause's subject: the first noun phrase after leading adverbials, followed by a lower-case word.</summary>
    (int, int)? MainSubject(int sentence, int beforeTok)
    {
        var sFirst = _sentenceFirstTok[sentence];
        var clause = sFirst;
        for (var t = sFirst; t < beforeTok; t++)
        {
            if (IsPunct(t, ',') && t > clause)
            {
                // a leading adverbial clause ("During a press conference alongside Mekdad,") is skipped
                var w0 = Span(clause);
                if (_lex.Is(w0, WordClass.Preposition) || _lex.Is(w0, WordClass.Boundary) || w0.EndsWith("ing") || _lex.Is(w0, WordClass.Adverb))
                    clause = t + 1;
            }
        }
        foreach (var (m, _) in _mentions)
        {
            if (m.Start < _toks[clause].Start) continue;
            if (m.Start >= _toks[beforeTok].Start) break;
            var after = TokAtOrAfter(m.End);
            if (after < 0 || after >= beforeTok) continue;
            after = SkipFrameWords(after, beforeTok);
            if (after < beforeTok && _toks[after].Kind == TokKind.Word && char.IsLower(_text[_toks[after].Start])
                && !_lex.Is(Span(after), WordClass.Boundary) && !_lex.Is(Span(after), WordClass.Preposition) && !_lex.Is(Span(after), WordClass.Determiner))
                return (TokContaining(m.Start), Math.Max(TokEnd(m.End), TokContaining(m.Start) + 1));
        }
        return null;
    }

    SpeakerRecord Speaker((int Start, int End) np) =>
        SpeakerChars(_toks[np.Start].Start, _toks[Math.Max(np.Start, np.End - 1)].End);

    /// <summary>The speaker as written (the noun phrase) resolved through the rightmost actor mention inside it.</summary>
    SpeakerRecord SpeakerChars(int start, int end)
    {
        (MentionRecord Mention, ActorRecord Actor)? best = null;
        foreach (var x in _mentions)
        {
            if (x.Mention.Start >= end) break;
            if (x.Mention.End <= start) continue;
            if (best is null || x.Mention.End > best.Value.Mention.End
                || x.Mention.End == best.Value.Mention.End && x.Mention.Start < best.Value.Mention.Start)
                best = x;
        }
        var written = _text[start..end];
        var speaker = new SpeakerRecord { Text = written, Start = start, End = end };
        // A mention that only modifies the head ("Russia Today", "Turkish newspaper Hurriyet") is not the speaker.
        if (best is { } m0 && CapitalizedAfter(m0.Mention.End, end)) best = null;
        if (best is not { } b) return Anaphoric(speaker);
        speaker.Actor = b.Actor.Id;
        speaker.Code = b.Actor.Code;
        speaker.Country = b.Actor.Country;
        speaker.Name = b.Actor.Name;
        if (b.Mention.Via == "metonym")
        {
            var place = StripArticle(b.Mention.Text);
            if (!_capitals.Contains(place)) speaker.Name = place;   // the Kremlin, the White House: as written
        }
        return speaker;
    }

    bool CapitalizedAfter(int from, int end)
    {
        for (var t = TokAtOrAfter(from); t >= 0 && t < _toks.Count && _toks[t].End <= end; t++)
            if (_toks[t].Kind == TokKind.Word && char.IsUpper(_text[_toks[t].Start])) return true;
        return false;
    }

    /// <summary>"according to the statement": the speaker of the latest quote whose source was such a statement.</summary>
    SpeakerRecord Anaphoric(SpeakerRecord speaker)
    {
        var words = speaker.Text!.Split(' ');
        if (words.Length != 2 || !words[0].Equals("the", StringComparison.OrdinalIgnoreCase) || _lex.SpeechNoun(words[1]) is null)
            return speaker;
        for (var i = _found.Count - 1; i >= 0; i--)
            if (_found[i].Speaker is { Name: not null } sp && sp.Start < speaker.Start
                && sp.Text!.Contains(words[1], StringComparison.OrdinalIgnoreCase))
                return new SpeakerRecord { Actor = sp.Actor, Name = sp.Name, Code = sp.Code, Country = sp.Country, Text = speaker.Text, Start = speaker.Start, End = speaker.End };
        return speaker;
    }

    static string StripArticle(string s) =>
        s.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? s[4..] : s;

    // ---- token helpers -----------------------------------------------------------------------------------

    SpeechVerb? VerbAt(int t)
    {
        if (t < 0 || t >= _toks.Count || _toks[t].Kind != TokKind.Word || _tokSpan[t] >= 0) return null;
        var w = Span(t);
        if (!_lex.Verbs.TryGetValue(w, out var v)) return null;
        if (char.IsUpper(w[0]) && t != _sentenceFirstTok[_tokSentence[t]]) return null;
        if (w.Equals(v.Lemma, StringComparison.OrdinalIgnoreCase) && !(t > 0 && _toks[t - 1].Kind == TokKind.Word && _lex.Is(Span(t - 1), WordClass.Aux)
                                                                     && !w.Equals(v.Lemma + "s", StringComparison.Ordinal)))
            return LemmaIsPresent(t, v) ? v : null;
        return v;
    }

    /// <summary>"they say", "analysts believe": a bare lemma is a present-tense verb after a plural subject, not an infinitive.</summary>
    bool LemmaIsPresent(int t, SpeechVerb v)
    {
        if (t == 0 || _toks[t - 1].Kind != TokKind.Word) return false;
        var prev = Span(t - 1);
        if (prev is "to" or "To" || _lex.Is(prev, WordClass.Determiner) || _lex.Is(prev, WordClass.Preposition)) return false;
        return prev is "they" or "we" or "I" or "you" or "They" or "We" or "You" || prev.EndsWith("s") && char.IsLower(prev[0]) || char.IsUpper(prev[0]) && prev.EndsWith("s");
    }

    /// <summary>"the statement", "his remarks", "Putin's claims": a verb form used as a noun.</summary>
    bool LooksLikeNoun(int k, int sFirst)
    {
        if (k == sFirst) return !Span(k).EndsWith("ing");
        var prev = Span(k - 1);
        return _lex.Is(prev, WordClass.Determiner) || _lex.Is(prev, WordClass.Demonstrative) && !IsWord(k - 1, "that")
            || prev.EndsWith("'s") || prev.EndsWith("’s") || prev.EndsWith("s'") || prev.EndsWith("s’")
            || IsWord(k - 1, "of") || IsWord(k - 1, "to") && !Span(k).EndsWith("ing") && Span(k).EndsWith("s");
    }

    bool StartsClause(int j, int sEnd)
    {
        if (j >= sEnd || _toks[j].Kind != TokKind.Word) return _toks[Math.Min(j, _toks.Count - 1)].Kind == TokKind.Mark;
        var w = Head(Span(j));
        if (char.IsUpper(w[0]) || char.IsDigit(w[0])) return true;
        if (_lex.Is(w, WordClass.Determiner) || _lex.Is(w, WordClass.Demonstrative)) return true;
        return w is "he" or "she" or "they" or "we" or "i" or "you" or "there" or "no" or "some" or "both" or "all" or "more" or "any"
            or "much" or "many" or "most" or "few" or "several" or "each" or "every" or "one" or "two" or "nobody" or "none" or "nothing"
            or "everyone" or "everything" or "something" or "someone" or "if" or "without" or "only" or "not";
    }

    /// <summary>"he’d" → "he".</summary>
    static ReadOnlySpan<char> Head(ReadOnlySpan<char> w)
    {
        var i = w.IndexOfAny('\'', '’');
        return i > 0 ? w[..i] : w;
    }

    /// <summary>A zero-that clause has a verb of its own ("said the talks had failed"), unlike an object ("wrote the letter").</summary>
    bool HasFiniteVerb(int j, int sEnd)
    {
        var w0 = Head(Span(j));
        if (w0 is "he" or "she" or "they" or "we" or "I" or "you" or "there" or "it" or "He" or "She" or "They" or "We" or "You" or "There" or "It") return true;
        for (var t = j + 1; t < sEnd && t - j < 14; t++)
        {
            if (_toks[t].Kind == TokKind.Punct && _text[_toks[t].Start] is ',' or ';') return false;
            if (_toks[t].Kind != TokKind.Word) continue;
            var w = Span(t);
            if (_lex.Is(w, WordClass.Aux) || _lex.Is(w, WordClass.Finite)) return true;
            if (char.IsLower(w[0]) && w.Length > 4 && w.EndsWith("ed")) return true;
            if (w.EndsWith("n't") || w.EndsWith("n’t") || (w.EndsWith("'s") || w.EndsWith("’s")) && t > j + 1 && char.IsLower(w[0])) return true;
        }
        return false;
    }

    int NpRight(int j, int end, bool allowLower = false)
    {
        var k = j;
        while (k < end && _toks[k].Kind == TokKind.Word && k - j < 10)
        {
            var w = Span(k);
            if (VerbAt(k) is not null || !char.IsUpper(w[0]) && (_lex.Is(w, WordClass.Aux) || _lex.Is(w, WordClass.Adverb))) break;
            if (!char.IsUpper(w[0]) && !_lex.Is(w, WordClass.Determiner) && !(allowLower || k > j) && w is not ("he" or "she" or "it" or "they" or "we" or "i"))
                break;
            if (k > j && _lex.Is(w, WordClass.Preposition) && !IsWord(k, "of") && !IsWord(k, "for")) break;
            k++;
            if (w is "he" or "she" or "it" or "they" or "we" or "i" or "He" or "She" or "It" or "They" or "We" or "I") break;
        }
        return k;
    }

    int SkipFrameWords(int k, int end)
    {
        while (k < end && _toks[k].Kind == TokKind.Word && (_lex.Is(Span(k), WordClass.Adverb) || _lex.Is(Span(k), WordClass.Aux))) k++;
        return k;
    }

    bool AtSentenceEnd(int k, int sEnd)
    {
        // An inverted frame may carry a short tail: "…, the ministry said in a statement on Monday."
        for (var t = k; t < sEnd; t++)
        {
            if (_toks[t].Kind == TokKind.Punct && _text[_toks[t].Start] is '.' or '!' or '?') return t == sEnd - 1 || AllClosers(t + 1, sEnd);
            if (_toks[t].Kind != TokKind.Word && !IsPunct(t, ',')) return false;
            if (IsPunct(t, ',') && t + 1 < sEnd && _toks[t + 1].Kind == TokKind.Word
                && !_lex.Is(Span(t + 1), WordClass.Preposition) && !_lex.Is(Span(t + 1), WordClass.Adverb)) return false;
            if (t == k && _toks[t].Kind == TokKind.Word && !_lex.Is(Span(t), WordClass.Preposition) && !_lex.Is(Span(t), WordClass.Adverb)) return false;
            if (IsWord(t, "that")) return false;
        }
        return true;
    }

    bool IsSentenceFinal(int t, int sEnd) =>
        _toks[t].Kind == TokKind.Punct && _text[_toks[t].Start] is '.' or '!' or '?' && AllClosers(t + 1, sEnd);

    bool AllClosers(int from, int end)
    {
        for (var t = from; t < end; t++)
            if (_toks[t].Kind == TokKind.Word) return false;
        return true;
    }

    /// <summary>Reported content before a trailing frame: from the sentence start (after a leading "But"/"And") to the comma.</summary>
    (int, int)? ContentBefore(int sFirst, int commaTok, int minWords = 3)
    {
        var s = sFirst;
        while (s < commaTok && _toks[s].Kind != TokKind.Word) s++;
        if (s < commaTok && (IsWord(s, "but") || IsWord(s, "and") || IsWord(s, "so"))) s++;
        if (WordCount(s, commaTok) < minWords) return null;
        return (_toks[s].Start, TrimContentEnd(_toks[s].Start, _toks[commaTok - 1].End));
    }

    /// <summary>Content runs to the sentence end, or to the comma before a cue a direct quote already used.</summary>
    int ContentEnd(int j, int sEnd, bool stopAtComma = false)
    {
        for (var t = j; t < sEnd; t++)
        {
            if (stopAtComma && IsPunct(t, ',') && t > j + 2) return t;
            // "…, but Putin reaffirmed …": a coordinated clause with its own reporting verb ends the content.
            if (t > j + 1 && IsPunct(t, ',') && t + 2 < sEnd && (IsWord(t + 1, "but") || IsWord(t + 1, "while") || IsWord(t + 1, "whereas") || IsWord(t + 1, "and"))
                && NewSpeakerClause(t + 2, sEnd)) return t;
            if (t > j + 1 && IsPunct(t, ';') && NewSpeakerClause(t + 1, sEnd)) return t;
            // "… said X and said that Y": the second verb starts a quote of its own.
            if (t > j + 1 && (IsWord(t, "and") || IsWord(t, "but")) && SkipFrameWords(t + 1, sEnd) is var v && v < sEnd
                && VerbAt(v) is { } cv && !cv.IsParticiple && !LooksLikeNoun(v, t))
                return IsPunct(t - 1, ',') ? t - 1 : t;
            if (_consumed[t])
            {
                var e = t;
                while (e > j && !IsPunct(e - 1, ',')) e--;
                return e > j + 1 ? e - 1 : t;
            }
        }
        return sEnd;
    }

    /// <summary>"… and said", "…, and told": a reporting verb sharing the subject of an earlier verb.</summary>
    bool CoordinatedVerb(int k, int sFirst)
    {
        var j = k - 1;
        while (j >= sFirst && _toks[j].Kind == TokKind.Word && (_lex.Is(Span(j), WordClass.Adverb) || _lex.Is(Span(j), WordClass.Aux))) j--;
        return j > sFirst && (IsWord(j, "and") || IsWord(j, "but"));
    }

    bool NewSpeakerClause(int from, int sEnd)
    {
        for (var t = from; t < sEnd && t - from < 8; t++)
        {
            if (_toks[t].Kind != TokKind.Word) return false;
            if (VerbAt(t) is { } v && !v.IsParticiple && !LooksLikeNoun(t, from))
                return t > from && SubjectLeft(t, from) is { } np && np.Start == from;
        }
        return false;
    }

    int TrimContentEnd(int start, int end)
    {
        while (end > start && (char.IsWhiteSpace(_text[end - 1]) || _text[end - 1] is '.' or ',' or ';' or ':' or '!' or '?')) end--;
        return end;
    }

    string Kind(int start, int end)
    {
        foreach (var q in _spans)
            if (q.Open <= start && q.OuterEnd >= end) return "direct";     // says that “…”
        foreach (var q in _spans)
            if (q.ContentStart >= start && q.ContentEnd <= end + 1) return "mixed";
        return "indirect";
    }

    void AddFound(Found f)
    {
        _found.Add(f);
        Cover(f);
    }

    void Cover(Found f)
    {
        if (f.Where is null) Array.Fill(_covered, true, f.Start, f.End - f.Start);
    }

    bool Overlaps(int start, int end) => _covered.AsSpan(start, end - start).Contains(true);

    bool InsideFound(int pos) => _covered[pos];

    bool InMention(int t) => _mentions.Any(x => x.Mention.Start <= _toks[t].Start && x.Mention.End >= _toks[t].End && x.Mention.End - x.Mention.Start > _toks[t].Length);

    bool IsClauseStart(int k, int sFirst)
    {
        var j = k - 1;
        while (j >= sFirst && _toks[j].Kind != TokKind.Word) j--;
        return j < sFirst || IsPunct(k - 1, ',') && (j == sFirst || _lex.Is(Span(j), WordClass.Adverb) || IsWord(j, "but") || IsWord(j, "and"));
    }

    int FindAhead(int from, int end, int max, string word)
    {
        for (var t = from; t < end && t - from < max; t++)
        {
            if (IsWord(t, word)) return t;
            if (_toks[t].Kind == TokKind.Mark || IsPunct(t, ';') || IsPunct(t, '.')) return -1;
        }
        return -1;
    }

    int FindPunct(int from, int end, char c)
    {
        for (var t = from; t < end; t++)
        {
            if (IsPunct(t, c)) return t;
            if (_toks[t].Kind == TokKind.Mark) return -1;
        }
        return -1;
    }

    int WordCount(int from, int to)
    {
        var n = 0;
        for (var t = from; t < to; t++) if (_toks[t].Kind == TokKind.Word) n++;
        return n;
    }

    int SentenceEndTok(int sentence) => _sentenceFirstTok[Math.Min(sentence + 1, _sentenceFirstTok.Length - 1)];

    /// <summary>The token holding <paramref name="pos"/> (mentions may start inside a joined token: "al-Assad").</summary>
    int TokContaining(int pos)
    {
        var i = TokAtOrAfter(pos);
        if (i < 0) return _toks.Count - 1;
        return _toks[i].Start > pos && i > 0 ? i - 1 : i;
    }

    /// <summary>One past the last token ending at or before <paramref name="charEnd"/>.</summary>
    int TokEnd(int charEnd)
    {
        var i = TokAtOrAfter(charEnd);
        return i < 0 ? _toks.Count : i;
    }

    int TokAt(int pos)
    {
        var i = TokAtOrAfter(pos);
        return i >= 0 && _toks[i].Start == pos ? i : -1;
    }

    int TokAtOrAfter(int pos)
    {
        int lo = 0, hi = _toks.Count - 1, ans = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (_toks[mid].Start >= pos) { ans = mid; hi = mid - 1; }
            else lo = mid + 1;
        }
        return ans;
    }

    bool IsPunct(int t, char c) => t >= 0 && t < _toks.Count && _toks[t].Kind == TokKind.Punct && _text[_toks[t].Start] == c;

    bool IsWord(int t, string w) => t >= 0 && t < _toks.Count && _toks[t].Kind == TokKind.Word && Span(t).Equals(w, StringComparison.OrdinalIgnoreCase);

    ReadOnlySpan<char> Span(int t) => _text.AsSpan(_toks[t].Start, _toks[t].Length);

    string Text(int t) => _text[_toks[t].Start.._toks[t].End];

    string Text(int from, int to) => _text[_toks[from].Start.._toks[to - 1].End];

    // ---- multi-paragraph quotes ----------------------------------------------------------------------------

    static List<QuotedSpan> MergeParagraphChains(List<QuotedSpan> spans)
    {
        var merged = new List<QuotedSpan>(spans.Count);
        foreach (var s in spans)
        {
            if (merged.Count > 0 && s.ContinuesPrevious && merged[^1].ContinuesNext && merged[^1].Close < 0)
                merged[^1] = merged[^1] with { Close = s.Close, ContentEnd = s.ContentEnd, ContinuesNext = s.ContinuesNext };
            else merged.Add(s);
        }
        return merged;
    }
}
