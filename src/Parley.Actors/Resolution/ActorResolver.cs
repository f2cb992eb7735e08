using Parley.Core;

namespace Parley.Actors;

/// <summary>
/// Turns gazetteer matches into the article's actors (record-format.md `actors[]`): title + name patterns
/// (known and unknown persons), dated roles, and coreference inside the article — surnames, pronouns,
/// role nominals, counterparts, pairs ("the two leaders"), compounds ("Russia, Turkey and Iran"),
/// metonyms and demonym references to governments. Stateless between documents; thread-safe.
///
/// Pronoun salience (he/him/his, she/her): the candidates are the gender-compatible persons mentioned
/// (1) earlier in the same sentence, else (2) in the previous sentence (then the one before it). Among
/// them the subject is preferred: the first mention not introduced by a preposition or a possessive
/// (coref-cues.tsv `preposition`); without one, the most recent mention in the same sentence, or the
/// first mention of the previous sentence. "they/their" take the most recent group or pair of the
/// same or previous two sentences; "it" before a speech verb and "its" take the most recent organization
/// (then the most recent state named through its government, then any state) of the last three sentences.
/// </summary>
public sealed class ActorResolver
{
    readonly Gazetteer _gaz;
    readonly ActorKnowledge _kb;

    public ActorResolver(Gazetteer gazetteer)
    {
        _gaz = gazetteer;
        _kb = gazetteer.Knowledge;
    }

    public ActorKnowledge Knowledge => _kb;

    public List<ActorRecord> Resolve(string text, IReadOnlyList<TextSpan> sentences, string? published)
    {
        var tokens = new List<Token>(text.Length / 5 + 8);
        var matches = _gaz.Find(text, tokens);
        return new Doc(this, text, tokens, matches, sentences, published).Run();
    }

    // ---------------------------------------------------------------------------------------------

    sealed class Ent
    {
        public required string Key;
        public required string Name;
        public required string Kind;       // person | state | org | group
        public string? Country;
        public string? RoleId;             // person: role type at the date (unknown persons: from the title)
        public string? RoleTitle;          // person: "President of Russia"
        public string? Code;
        public string? Gender;
        public Person? Kb;
        public List<Ent>? Members;
        public List<string> SurnameKeys = [];
        public string? FullKey;
        public string[]? Parts;            // FullKey's words
        public List<MentionRecord> Mentions = [];
        public int Last = -1;              // char start of the latest mention
    }

    readonly record struct Mention(Ent Ent, int Sentence, int Start, bool Subject);

    sealed class Doc
    {
        readonly ActorResolver _r;
        readonly ActorKnowledge _kb;
        readonly string _text;
        readonly List<Token> _t;
        readonly List<Match> _m;
        readonly IReadOnlyList<TextSpan> _sentences;
        readonly string? _date;
        readonly int[] _matchAt;    // token → index of the match starting there, or -1
        readonly int[] _covered;    // token → index of the match covering it, or -1
        readonly Dictionary<string, Ent> _ents = new(StringComparer.Ordinal);
        readonly List<Mention> _seq = [];
        bool _inOrder = true;   // mentions were added in sentence order (nearly always), so a sentence's are one run of _seq
        readonly List<(int FirstMatch, int LastMatch)> _compounds = [];
        readonly List<Ent> _unknowns = [];

        public Doc(ActorResolver r, string text, List<Token> tokens, List<Match> matches, IReadOnlyList<TextSpan> sentences, string? published)
        {
            _r = r;
            _kb = r._kb;
            _text = text;
            _t = tokens;
            _m = matches;
            _sentences = sentences;
            _date = published is { Length: >= 4 } ? published[..Math.Min(10, published.Length)] : null;
            _matchAt = new int[tokens.Count];
            _covered = new int[tokens.Count];
            Array.Fill(_matchAt, -1);
            Array.Fill(_covered, -1);
            for (var k = 0; k < matches.Count; k++)
            {
                _matchAt[matches[k].FirstToken] = k;
                for (var j = matches[k].FirstToken; j < matches[k].EndToken; j++) _covered[j] = k;
            }
        }

        // ---- small helpers ----

        int SentenceOf(int charPos)
        {
            int lo = 0, hi = _sentences.Count - 1, found = 0;
            while (lo <= hi)
            {
                var mid = (lo + hi) >> 1;
                if (_sentences[mid].Start <= charPos) { found = mid; lo = mid + 1; } else hi = mid - 1;
            }
            return found;
        }

        Match? MatchAtToken(int tok) => tok >= 0 && tok < _t.Count && _matchAt[tok] >= 0 ? _m[_matchAt[tok]] : null;

        static bool IsCue(Match? m, string kind) => m is { } x && x.Cue(kind) is not null;
        static GazetteerEntry? Cue(Match? m, string kind) => m is { } x ? x.Cue(kind) : null;

        bool IsPunct(int tok, char c) => tok < _t.Count && _t[tok].Id == Tokenizer.PunctId && _text[_t[tok].Start] == c;

        /// <summary>The match ending right before token <paramref name="tok"/>, if any.</summary>
        Match? MatchEndingAt(int tok) => tok > 0 && _covered[tok - 1] is var k and >= 0 && _m[k].EndToken == tok ? _m[k] : null;

        string KeyOf(int tok)
        {
            var t = _t[tok];
            if (t.Id >= 0) return _r._gaz.Vocabulary.WordOf(t.Id);
            var k = Tokenizer.FoldWord(_text[t.Start..t.End]);
            return _kb.Variants.Words.GetValueOrDefault(k, k);
        }

        Country? CountryOf(string? iso) => iso is not null && _kb.Countries.TryGetValue(iso, out var c) ? c : null;

        void Add(Ent e, int start, int end, string? via, bool subject = true)
        {
            e.Mentions.Add(new MentionRecord { Start = start, End = end, Text = _text[start..end], Via = via });
            e.Last = start;
            var sentence = SentenceOf(start);
            if (_seq.Count > 0 && sentence < _seq[^1].Sentence) _inOrder = false;
            _seq.Add(new Mention(e, sentence, start, subject));
        }

        /// <summary>
        /// A range [From, To) of <see cref="_seq"/> holding every mention of sentences lo..hi (more when the
        /// mentions are out of order); callers still test each mention's sentence.
        /// </summary>
        (int From, int To) Candidates(int lo, int hi)
        {
            if (!_inOrder) return (0, _seq.Count);
            var to = _seq.Count;
            while (to > 0 && _seq[to - 1].Sentence > hi) to--;
            var from = to;
            while (from > 0 && _seq[from - 1].Sentence >= lo) from--;
            return (from, to);
        }

        bool SubjectBefore(int firstToken)
        {
            var prev = MatchEndingAt(firstToken);
            return !(IsCue(prev, "preposition") || IsCue(prev, "possessive"));
        }

        // ---- entities ----

        /// <summary>The article's entity for a key, made once on first use.</summary>
        Ent Memo(string key, Func<string, Ent> make)
        {
            if (!_ents.TryGetValue(key, out var e)) _ents[key] = e = make(key);
            return e;
        }

        Ent State(string iso) => Memo("S:" + iso, key =>
        {
            var c = CountryOf(iso);
            return new Ent { Key = key, Name = c?.Name ?? iso, Kind = "state", Country = iso, Code = c?.Cameo ?? iso };
        });

        Ent Org(string id) => Memo("O:" + id, key =>
        {
            var o = _kb.Organizations[id];
            return new Ent { Key = key, Name = o.Name, Kind = o.Kind == "group" ? "group" : "org", Country = o.Country, Code = o.Cameo };
        });

        Ent KbPerson(string name) => Memo("P:" + name, key =>
        {
            var p = _kb.People[name];
            var at = p.TenureAt(_date);
            var near = p.TenureNearest(_date);
            return new Ent
            {
                Key = key, Name = p.Name, Kind = "person", Kb = p, Gender = p.Gender,
                Country = near?.Country, RoleId = at?.Role, Code = near?.Cameo ?? CodeFor(near?.Country, near?.Role),
                RoleTitle = at is null ? null : RoleText(at.Title, at.Country),
            };
        });

        string? CodeFor(string? iso, string? role)
        {
            if (iso is null) return null;
            var cameo = CountryOf(iso)?.Cameo ?? (_kb.Organizations.TryGetValue(iso, out var o) ? o.Cameo : null) ?? iso;
            var agent = role is not null && _kb.Roles.TryGetValue(role, out var r) ? r.Agent : null;
            return cameo + (agent ?? "GOV");
        }

        string? RoleText(string? title, string? iso)
        {
            if (title is null) return null;
            var c = CountryOf(iso);
            if (c is null) return iso is null || title.Contains(iso, StringComparison.Ordinal) ? title : $"{title} ({iso})";
            if (title.Contains(c.Name, StringComparison.OrdinalIgnoreCase) || c.Demonyms.Any(d => title.Contains(d, StringComparison.OrdinalIgnoreCase)))
                return title;
            return $"{title} of {c.Name}";
        }

        bool HoldsRole(Ent e, string? iso, Func<string, bool> role)
        {
            if (e.Kind != "person") return false;
            if (e.Kb is { } p)
                return p.Tenures.Any(t => t.Covers(_date) && (iso is null || t.Country == iso) && t.Role is { } r && role(r));
            return (iso is null || e.Country == iso) && e.RoleId is { } rid && role(rid);
        }

        /// <summary>The person in the role: the most recently mentioned one in the article, else the KB holder at the date.</summary>
        Ent? PersonInRole(string? iso, Func<string, bool> role, string? kbRole)
        {
            Ent? best = null;
            foreach (var e in _ents.Values)
                if (HoldsRole(e, iso, role) && (best is null || e.Last > best.Last)) best = e;
            if (best is not null) return best;
            if (iso is null || kbRole is null) return null;
            var holders = _kb.RoleHolders(iso, kbRole, _date);
            return holders.Count > 0 ? KbPerson(holders[0].Name) : null;
        }

        Ent UnknownPerson(List<int> nameTokens, string? roleId, string? roleTitle, string? iso)
        {
            var keys = nameTokens.Select(KeyOf).ToList();
            var full = string.Join(' ', keys);
            // the same person written with or without a first name, or as a known variant
            foreach (var e in _ents.Values)
                if (e.Kind == "person" && e.Kb is null && e.FullKey is { } fk
                    && (fk == full || fk.EndsWith(' ' + full, StringComparison.Ordinal) || full.EndsWith(' ' + fk, StringComparison.Ordinal)))
                {
                    if (keys.Count > 1 && e.FullKey.Split(' ').Length < keys.Count)
                    {
                        e.Name = Display(nameTokens);
                        e.FullKey = full;
                        e.Parts = [.. keys];
                    }
                    e.Country ??= iso;
                    e.RoleId ??= roleId;
                    e.Code ??= CodeFor(e.Country, e.RoleId);
                    e.RoleTitle ??= RoleText(roleTitle, e.Country);
                    return e;
                }
            var ent = new Ent
            {
                Key = "U:" + full, Name = Display(nameTokens), Kind = "person", Country = iso, RoleId = roleId,
                RoleTitle = RoleText(roleTitle, iso), Code = CodeFor(iso, roleId), FullKey = full, Parts = [.. keys],
            };
            _unknowns.Add(ent);
            ent.SurnameKeys.Add(keys[^1]);
            _ents[ent.Key] = ent;
            return ent;
        }

        string Display(List<int> nameTokens)
        {
            var start = _t[nameTokens[0]].Start;
            var end = _t[nameTokens[^1]].End;
            return _text[start..end].Replace('\u2019', '\'').Replace('\n', ' ');
        }

        Ent Group(List<Ent> members)
        {
            var distinct = members.Distinct().ToList();
            var key = "G:" + string.Join('+', distinct.Select(m => m.Key).Order(StringComparer.Ordinal));
            if (_ents.TryGetValue(key, out var e)) return e;
            var names = distinct.Select(m => m.Name).ToList();
            var name = names.Count <= 2 ? string.Join(" and ", names) : string.Join(", ", names[..^1]) + " and " + names[^1];
            e = new Ent { Key = key, Name = name, Kind = "group", Members = distinct };
            _ents[key] = e;
            return e;
        }

        // ---- the pass ----

        public List<ActorRecord> Run()
        {
            FindCompounds();
            var compoundEnd = _compounds.ToDictionary(c => c.LastMatch, c => c.FirstMatch);
            var i = 0;
            while (i < _t.Count)
            {
                var k = _matchAt[i];
                int next;
                if (k >= 0)
                {
                    next = AtMatch(k);
                    // a compound closes after its last member
                    for (var mk = k; mk < _m.Count && _m[mk].FirstToken < next; mk++)
                        if (compoundEnd.TryGetValue(mk, out var first)) CloseCompound(first, mk);
                }
                else next = AtWord(i);
                i = Math.Max(next, i + 1);
            }
            return Emit();
        }

        /// <summary>An uncovered capitalised word: a later mention of a person first met as an unknown name.</summary>
        int AtWord(int i)
        {
            var t = _t[i];
            if (!t.IsCap || t.Id == Tokenizer.PunctId) return i + 1;
            var unknowns = _unknowns;
            if (unknowns.Count == 0) return i + 1;
            foreach (var e in unknowns)
            {
                var parts = e.Parts!;
                if (parts.Length > 1 && i + parts.Length <= _t.Count && Enumerable.Range(0, parts.Length).All(j => _t[i + j].IsCap && _covered[i + j] < 0 && KeyOf(i + j) == parts[j]))
                {
                    var end = i + parts.Length;
                    Add(e, _t[i].PrefixStart, _t[end - 1].End, null, SubjectBefore(i));
                    return end;
                }
            }
            var key = KeyOf(i);
            foreach (var e in unknowns)
                if (e.SurnameKeys.Contains(key))
                {
                    Add(e, _t[i].PrefixStart, t.End, "surname", SubjectBefore(i));
                    return i + 1;
                }
            return i + 1;
        }

        int AtMatch(int k)
        {
            var m = _m[k];
            // [the] Demonym/Country['s] Role|Head ...  or  Role Name
            if (TitlePattern(k) is { } after) return after;
            if (IsCue(m, "possessive") || m.Has(EntryKind.Demonym) || IsCue(m, "counterpart"))
                if (CounterpartPattern(k) is { } after2) return after2;
            if (Cue(m, "pair") is { } pair) return PairCue(k, pair.Value!);
            if (Cue(m, "honorific") is { } hon && _text[m.Start] is var h && char.IsUpper(h) && Honorific(k, hon.Value) is { } afterHon) return afterHon;
            if (Cue(m, "pronoun") is { } pron) return Pronoun(k, pron.Value!);

            if (m.First(EntryKind.Surname) is not null && !m.Has(EntryKind.PersonName) && !m.Has(EntryKind.PersonAlias)
                && Array.Exists(m.Entries, e => e.Kind == EntryKind.Surname && _ents.ContainsKey("P:" + e.Target))
                && SurnameCounts(m, m.First(EntryKind.Surname)!))
            {
                Add(KbPerson(BestPerson(m, EntryKind.Surname)), m.Start, m.End, "surname", SubjectBefore(m.FirstToken));
                return m.EndToken;
            }
            if (m.First(EntryKind.PersonName) is { } pn) { Add(KbPerson(BestPerson(m, EntryKind.PersonName)), m.Start, m.End, null, SubjectBefore(m.FirstToken)); return m.EndToken; }
            if (m.First(EntryKind.PersonAlias) is not null) { Add(KbPerson(BestPerson(m, EntryKind.PersonAlias)), m.Start, m.End, "alias", SubjectBefore(m.FirstToken)); return m.EndToken; }
            if (m.First(EntryKind.OrgName) is { } on) { Add(Org(on.Target), m.Start, m.End, null); return m.EndToken; }
            if (m.First(EntryKind.OrgAlias) is { } oa) { Add(Org(oa.Target), m.Start, m.End, "alias"); return m.EndToken; }
            if (m.First(EntryKind.CountryName) is { } cn) { Add(State(cn.Target), m.Start, m.End, null); return m.EndToken; }
            if (m.First(EntryKind.CountryAlias) is { } ca) { Add(State(ca.Target), m.Start, m.End, "alias"); return m.EndToken; }
            if (m.First(EntryKind.Metonym) is { } mt)
            {
                var start = StartWithArticle(k);
                var end = m.End;
                var endTok = m.EndToken;
                if (IsCue(MatchAtToken(m.EndToken), "govnoun")) { end = _m[k + 1].End; endTok = _m[k + 1].EndToken; }
                Add(State(mt.Target), start, end, "metonym");
                return endTok;
            }
            if (m.First(EntryKind.Demonym) is { } dm && MatchAtToken(m.EndToken) is { } gov && IsCue(gov, "govnoun"))
            {
                Add(State(dm.Target), StartWithArticle(k), gov.End, "demonym");
                return gov.EndToken;
            }
            if (m.First(EntryKind.Surname) is { } sn && SurnameCounts(m, sn))
            {
                var name = BestPerson(m, EntryKind.Surname);
                Add(KbPerson(name), m.Start, m.End, "surname", SubjectBefore(m.FirstToken));
                return m.EndToken;
            }
            return m.EndToken;
        }

        /// <summary>
        /// A lone surname is a mention unless it is a common word (name-variants.tsv `common`: May, Rice) of a person
        /// not yet named in the article, or it is followed by a number ("May 5").
        /// </summary>
        bool SurnameCounts(Match m, GazetteerEntry entry)
        {
            if (m.EndToken < _t.Count && _t[m.EndToken].IsWord && char.IsAsciiDigit(_text[_t[m.EndToken].Start])) return false;
            if (!_kb.Variants.CommonWords.Contains(Tokenizer.FoldWord(entry.Phrase))) return true;
            foreach (var e in m.Entries)
                if (e.Kind == EntryKind.Surname && _ents.ContainsKey("P:" + e.Target)) return true;
            return false;
        }

        int StartWithArticle(int k) => k > 0 && _m[k - 1].EndToken == _m[k].FirstToken && IsCue(_m[k - 1], "article") ? _m[k - 1].Start : _m[k].Start;

        /// <summary>Of several people sharing a name: one already mentioned, else one in office at the date, else the first.</summary>
        string BestPerson(Match m, EntryKind kind)
        {
            var names = m.Entries.Where(e => e.Kind == kind).Select(e => e.Target).Distinct().ToList();
            if (names.Count == 1) return names[0];
            return names.FirstOrDefault(n => _ents.ContainsKey("P:" + n))
                ?? names.FirstOrDefault(n => _kb.People[n].TenureAt(_date) is not null)
                ?? names[0];
        }

        /// <summary>
        /// [Demonym | Country | Country 's] Role [,] Name  → the person (known, or a new unknown one);
        /// [the] Demonym|Country's Role (no name) → the role holder (role-nominal or title);
        /// [the] Demonym|Metonym Head ("the Russian minister", "the Kremlin chief") → the role holder.
        /// </summary>
        int? TitlePattern(int k)
        {
            var m = _m[k];
            string? iso = null;
            var roleIdx = k;
            if ((m.First(EntryKind.Demonym) ?? m.First(EntryKind.CountryName) ?? m.First(EntryKind.CountryAlias) ?? m.First(EntryKind.Metonym)) is { } c)
            {
                var nextTok = m.EndToken;
                if (nextTok < _t.Count && (_t[nextTok].Flags & TokenFlags.Possessive) != 0 && !m.Has(EntryKind.Demonym)) nextTok++;
                if (MatchAtToken(nextTok) is not { } r) return null;
                var isMetonym = m.Has(EntryKind.Metonym) && !m.Has(EntryKind.Demonym) && !m.Has(EntryKind.CountryName);
                if (!(r.Has(EntryKind.Role) && !isMetonym) && Cue(r, "head") is null) return null;
                iso = c.Target;
                roleIdx = _matchAt[nextTok];
            }
            var rm = _m[roleIdx];
            var start = StartWithArticle(k);
            var hasArticle = start != m.Start;
            var subject = SubjectBefore(_m[k].FirstToken) && !hasArticle || hasArticle && SubjectBefore(_m[k - 1].FirstToken);

            if (Cue(rm, "head") is { } head && !rm.Has(EntryKind.Role))
            {
                if (iso is null) return null;
                var country = CountryOf(iso);
                Ent? who = head.Value switch
                {
                    "@leader" => PersonInRole(iso, r => r == country?.Leader, country?.Leader)
                                 ?? PersonInRole(iso, r => r is "head-of-state" or "head-of-government", null),
                    "*minister" => PersonInRole(iso, r => r.EndsWith("minister", StringComparison.Ordinal), null),
                    { } role => PersonInRole(iso, r => r == role, role),
                    null => null,
                };
                if (who is null) return null;
                Add(who, start, rm.End, "role-nominal", subject);
                return rm.EndToken;
            }
            if (rm.First(EntryKind.Role) is not { } roleEntry) return null;
            var roleId = roleEntry.Target;
            // the name after the title, maybe after an apposition comma
            var t = rm.EndToken;
            var comma = IsPunct(t, ',');
            if (comma) t++;
            if (MatchAtToken(t) is { } nm && (nm.Has(EntryKind.PersonName) || nm.Has(EntryKind.PersonAlias) || nm.Has(EntryKind.Surname)))
            {
                var kind = nm.Has(EntryKind.PersonName) ? EntryKind.PersonName : nm.Has(EntryKind.PersonAlias) ? EntryKind.PersonAlias : EntryKind.Surname;
                var person = KbPerson(BestPerson(nm, kind));
                if (comma)
                {
                    Add(person, start, rm.End, "title", subject);
                    Add(person, nm.Start, nm.End, kind == EntryKind.Surname ? "surname" : null, false);
                }
                else Add(person, start, nm.End, kind == EntryKind.Surname ? "surname" : kind == EntryKind.PersonAlias ? "alias" : null, subject);
                return nm.EndToken;
            }
            var roleWritten = _text[rm.Start..rm.End];
            var name = new List<int>();
            while (t < _t.Count && name.Count < 4 && _t[t].IsCap && _covered[t] < 0 && (_t[t].Flags & (TokenFlags.Possessive | TokenFlags.Punct)) == 0)
                name.Add(t++);
            // "Foreign Minister Mekdad", or a lower-case title before a full name ("foreign minister Hakan Fidan")
            if (name.Count >= (comma ? 2 : 1) && (char.IsUpper(roleWritten[0]) || name.Count >= 2))
            {
                iso ??= ContextCountry(rm.Start);
                var person = UnknownPerson(name, roleId, roleWritten, iso);
                var end = _t[name[^1]].End;
                if (comma)
                {
                    Add(person, start, rm.End, "title", subject);
                    Add(person, _t[name[0]].PrefixStart, end, null, false);
                }
                else Add(person, start, end, null, subject);
                return name[^1] + 1;
            }
            // no name: a title used as a nominal ("the Turkish foreign minister", "Turkey's president")
            if (iso is null && !hasArticle) return null;
            var holder = PersonInRole(iso, r => r == roleId, roleId);
            if (holder is null) return null;
            Add(holder, start, rm.End, hasArticle ? "role-nominal" : "title", subject);
            return rm.EndToken;
        }

        /// <summary>"Mr. Hook", "Sen. Lindsey Graham", "Sheikh Tamim": a KB person or an unknown one (gender from the honorific).</summary>
        int? Honorific(int k, string? gender)
        {
            var m = _m[k];
            var t = m.EndToken;
            if (IsPunct(t, '.')) t++;
            var subject = SubjectBefore(m.FirstToken);
            if (MatchAtToken(t) is { } nm && (nm.Has(EntryKind.PersonName) || nm.Has(EntryKind.PersonAlias) || nm.Has(EntryKind.Surname)))
            {
                var kind = nm.Has(EntryKind.PersonName) ? EntryKind.PersonName : nm.Has(EntryKind.PersonAlias) ? EntryKind.PersonAlias : EntryKind.Surname;
                Add(KbPerson(BestPerson(nm, kind)), m.Start, nm.End, kind == EntryKind.Surname ? "surname" : kind == EntryKind.PersonAlias ? "alias" : null, subject);
                return nm.EndToken;
            }
            var name = new List<int>();
            while (t < _t.Count && name.Count < 4 && _t[t].IsCap && _covered[t] < 0 && (_t[t].Flags & (TokenFlags.Possessive | TokenFlags.Punct)) == 0)
                name.Add(t++);
            if (name.Count == 0) return null;
            var person = UnknownPerson(name, null, null, null);
            if (gender is "m" or "f") person.Gender ??= gender;
            Add(person, m.Start, _t[name[^1]].End, null, subject);
            return name[^1] + 1;
        }

        /// <summary>Country of a title without a demonym: that of the latest person named earlier in the sentence.</summary>
        string? ContextCountry(int charPos)
        {
            var s = SentenceOf(charPos);
            for (var j = _seq.Count - 1; j >= 0 && _seq[j].Sentence == s; j--)
                if (_seq[j].Ent.Kind == "person" && _seq[j].Ent.Country is { } c) return c;
            return null;
        }

        /// <summary>his|her|its [Demonym] counterpart(s) [,] [Name]</summary>
        int? CounterpartPattern(int k)
        {
            var idx = k;
            Ent? owner = null;
            var m = _m[k];
            int? pronStart = null;
            if (IsCue(m, "possessive"))
            {
                var g = Cue(m, "possessive")!.Value;
                owner = ResolvePerson(m.Start, g);
                pronStart = m.Start;
                idx++;
                if (idx >= _m.Count || _m[idx].FirstToken != m.EndToken) return null;
            }
            string? iso = null;
            var dem = _m[idx];
            var counterIdx = idx;
            if (dem.First(EntryKind.Demonym) is { } d)
            {
                iso = d.Target;
                counterIdx = idx + 1;
                if (counterIdx >= _m.Count || _m[counterIdx].FirstToken != dem.EndToken) return null;
            }
            var cm = _m[counterIdx];
            if (!IsCue(cm, "counterpart")) return null;
            owner ??= LastPerson(cm.Start);
            if (owner is null) return null;
            if (pronStart is { } ps) Add(owner, ps, m.End, "pronoun", false);
            var spanStart = _m[idx].Start;
            var roleId = owner.RoleId;
            var t = cm.EndToken;
            var comma = IsPunct(t, ',');
            if (comma) t++;
            Ent? target = null;
            var endTok = cm.EndToken;
            if (MatchAtToken(t) is { } nm && (nm.Has(EntryKind.PersonName) || nm.Has(EntryKind.PersonAlias) || nm.Has(EntryKind.Surname)))
            {
                var kind = nm.Has(EntryKind.PersonName) ? EntryKind.PersonName : nm.Has(EntryKind.PersonAlias) ? EntryKind.PersonAlias : EntryKind.Surname;
                target = KbPerson(BestPerson(nm, kind));
                Add(target, spanStart, cm.End, "counterpart", false);
                Add(target, nm.Start, nm.End, kind == EntryKind.PersonName ? null : kind == EntryKind.Surname ? "surname" : "alias", false);
                return nm.EndToken;
            }
            var name = new List<int>();
            while (t < _t.Count && name.Count < 4 && _t[t].IsCap && _covered[t] < 0 && (_t[t].Flags & (TokenFlags.Possessive | TokenFlags.Punct)) == 0)
                name.Add(t++);
            if (name.Count >= 2)
            {
                var title = roleId is not null && _kb.Roles.TryGetValue(roleId, out var rt) && rt.Phrases.Count > 0 ? rt.Phrases[0] : null;
                target = UnknownPerson(name, roleId, title, iso);
                Add(target, spanStart, cm.End, "counterpart", false);
                Add(target, _t[name[0]].PrefixStart, _t[name[^1]].End, null, false);
                return name[^1] + 1;
            }
            if (iso is not null && roleId is not null)
                target = PersonInRole(iso, r => r == roleId, roleId);
            if (target is not null) Add(target, spanStart, cm.End, "counterpart", false);
            return endTok;
        }

        Ent? LastPerson(int before)
        {
            for (var j = _seq.Count - 1; j >= 0; j--)
                if (_seq[j].Start < before && _seq[j].Ent.Kind == "person") return _seq[j].Ent;
            return null;
        }

        /// <summary>he/his/she/her → a person by the salience rule (see the class summary).</summary>
        Ent? ResolvePerson(int at, string? gender)
        {
            var s = SentenceOf(at);
            bool Fits(Ent e) => e.Kind == "person" && (gender is not ("m" or "f") || e.Gender is null || e.Gender == gender);
            // this sentence before the pronoun: its first subject, else the latest person
            Ent? subject = null, latest = null;
            var (from, to) = Candidates(s, s);
            for (var j = from; j < to; j++)
            {
                var x = _seq[j];
                if (x.Sentence != s || x.Start >= at || !Fits(x.Ent)) continue;
                if (subject is null && x.Subject) subject = x.Ent;
                latest = x.Ent;
            }
            if (latest is not null) return subject ?? latest;
            if (Cataphora(at) is { } ahead && Fits(ahead)) return ahead;
            for (var back = 1; back <= 2; back++)
            {
                // an earlier sentence: its first subject, else its first person
                Ent? first = null;
                (from, to) = Candidates(s - back, s - back);
                for (var j = from; j < to; j++)
                {
                    var x = _seq[j];
                    if (x.Sentence != s - back || !Fits(x.Ent)) continue;
                    first ??= x.Ent;
                    if (x.Subject) return x.Ent;
                }
                if (first is not null) return first;
            }
            return null;
        }

        /// <summary>
        /// "Following talks with his counterpart, Putin said": a pronoun in a sentence's opening phrase, before its
        /// first comma, refers to the person named right after that comma (possibly with a title).
        /// </summary>
        Ent? Cataphora(int at)
        {
            var sentence = _sentences.Count > 0 ? _sentences[SentenceOf(at)] : new TextSpan(0, _text.Length);
            var comma = _text.IndexOf(',', at, Math.Max(0, Math.Min(sentence.End, _text.Length) - at));
            if (comma < 0) return null;
            int lo = 0, hi = _t.Count;
            while (lo < hi) { var mid = (lo + hi) >> 1; if (_t[mid].Start > comma) hi = mid; else lo = mid + 1; }
            var tok = lo;
            if (tok >= _t.Count) return null;
            for (var hops = 0; hops < 3 && MatchAtToken(tok) is { } m; hops++)
            {
                if (m.Has(EntryKind.PersonName)) return KbPerson(BestPerson(m, EntryKind.PersonName));
                if (m.Has(EntryKind.PersonAlias)) return KbPerson(BestPerson(m, EntryKind.PersonAlias));
                if (m.Has(EntryKind.Surname)) return KbPerson(BestPerson(m, EntryKind.Surname));
                if (!(m.Has(EntryKind.Demonym) || m.Has(EntryKind.Role) || m.Has(EntryKind.CountryName))) return null;
                tok = m.EndToken;
                if (tok < _t.Count && (_t[tok].Flags & TokenFlags.Possessive) != 0) tok++;
            }
            return null;
        }

        int Pronoun(int k, string value)
        {
            var m = _m[k];
            Ent? who = null;
            var subject = m.Start == _sentences.ElementAtOrDefault(SentenceOf(m.Start)).Start || SubjectBefore(m.FirstToken);
            switch (value)
            {
                case "m" or "f":
                    who = ResolvePerson(m.Start, value);
                    if (who is not null) Add(who, m.Start, m.End, "pronoun", subject && !IsCue(m, "possessive"));
                    return m.EndToken;
                case "pl":
                {
                    var s = SentenceOf(m.Start);
                    for (var j = _seq.Count - 1; j >= 0 && _seq[j].Sentence >= s - 1; j--)
                        if (_seq[j].Ent.Kind == "group" && _seq[j].Ent.Members is not null) { who = _seq[j].Ent; break; }
                    if (who is not null) Add(who, m.Start, m.End, "pronoun", false);
                    return m.EndToken;
                }
                default:
                {
                    var possessive = IsCue(m, "possessive");
                    if (!possessive && !IsCue(MatchAtToken(m.EndToken), "speech")) return m.EndToken;   // expletive "it"
                    var s = SentenceOf(m.Start);
                    var recent = new List<Mention>();
                    var (from, to) = Candidates(s - 3, int.MaxValue);
                    for (var j = from; j < to; j++)
                        if (_seq[j].Sentence >= s - 3 && _seq[j].Start < m.Start) recent.Add(_seq[j]);
                    // "Ankara announced its desire": a possessive takes the nearest institution of its own sentence first
                    if (possessive)
                        who = recent.LastOrDefault(x => x.Sentence == s && x.Ent.Kind is "org" or "state").Ent;
                    who ??= recent.LastOrDefault(x => x.Ent.Kind == "org").Ent
                          ?? recent.LastOrDefault(x => x.Ent.Kind == "state" && x.Ent.Mentions.Any(mm => mm.Start == x.Start && mm.Via is "metonym" or "demonym")).Ent
                          ?? (possessive ? recent.LastOrDefault(x => x.Ent.Kind == "state").Ent : null);
                    if (who is not null) Add(who, m.Start, m.End, "it", false);
                    return m.EndToken;
                }
            }
        }

        /// <summary>"the two leaders" / "both capitals": the last two distinct actors of the kind.</summary>
        int PairCue(int k, string kind)
        {
            var m = _m[k];
            // a pair named together lately ("Russia and Turkey ... the two countries") wins
            var sent = SentenceOf(m.Start);
            for (var j = _seq.Count - 1; j >= 0 && _seq[j].Sentence >= sent - 4; j--)
                if (_seq[j].Ent is { Members.Count: 2 } g && g.Members.All(x => x.Kind == kind))
                {
                    Add(g, StartWithArticle(k), m.End, "group", false);
                    return m.EndToken;
                }
            var found = new List<Ent>();
            // the subject of the cue's own sentence is not one of the pair ("Moscow wants both capitals to talk")
            var s = SentenceOf(m.Start);
            Ent? subject = null;
            var (from, to) = Candidates(s, s);
            for (var j = from; j < to && subject is null; j++)
                if (_seq[j].Sentence == s && _seq[j].Start < m.Start && _seq[j].Subject) subject = _seq[j].Ent;
            for (var j = _seq.Count - 1; j >= 0 && found.Count < 2; j--)
            {
                var e = _seq[j].Ent;
                if (e.Kind == kind && e != subject && !found.Contains(e)) found.Add(e);
            }
            if (found.Count == 2)
            {
                found.Reverse();
                Add(Group(found), StartWithArticle(k), m.End, "group", false);
            }
            return m.EndToken;
        }

        // ---- compounds: "Russia, Turkey, and Iran" ----

        static bool IsStateName(Match m) => m.Has(EntryKind.CountryName) || m.Has(EntryKind.CountryAlias);
        static bool IsPersonName(Match m) => m.Has(EntryKind.PersonName) || m.Has(EntryKind.Surname) || m.Has(EntryKind.PersonAlias);

        void FindCompounds()
        {
            // name matches only: the "and" between members is itself a cue match
            // a name with a possessive ("Turkey's Foreign Minister") heads a title, it is not a member
            var names = Enumerable.Range(0, _m.Count).Where(j => (IsStateName(_m[j]) || IsPersonName(_m[j]))
                && !(_m[j].EndToken < _t.Count && (_t[_m[j].EndToken].Flags & TokenFlags.Possessive) != 0)).ToList();
            var k = 0;
            while (k < names.Count)
            {
                var state = IsStateName(_m[names[k]]);
                var last = k;
                while (last + 1 < names.Count && (state ? IsStateName(_m[names[last + 1]]) : !IsStateName(_m[names[last + 1]]))
                       && Connector(_text.AsSpan(_m[names[last]].End, _m[names[last + 1]].Start - _m[names[last]].End)))
                    last++;
                // "X, Y" alone is a list of places or an apposition; a compound has its "and"
                if (last > k && !_text.AsSpan(_m[names[last - 1]].End, _m[names[last]].Start - _m[names[last - 1]].End).Trim().EndsWith(","))
                    _compounds.Add((names[k], names[last]));
                k = last + 1;
            }
        }

        static bool Connector(ReadOnlySpan<char> between)
        {
            var s = between.Trim();
            return s is "," or "and" or ", and" or "&" || s.Length == 0 && false;
        }

        void CloseCompound(int first, int last)
        {
            var members = new List<Ent>();
            var kind = IsStateName(_m[first]) ? "state" : "person";
            for (var j = _seq.Count - 1; j >= 0 && _seq[j].Start >= _m[first].Start; j--)
                if (_seq[j].Start < _m[last].End && _seq[j].Ent.Kind == kind) members.Add(_seq[j].Ent);
            members.Reverse();
            if (members.Distinct().Count() < 2) return;
            Add(Group(members), _m[first].Start, _m[last].End, "group", false);
        }

        // ---- output ----

        List<ActorRecord> Emit()
        {
            var ordered = _ents.Values.Where(e => e.Mentions.Count > 0)
                .OrderBy(e => e.Mentions.Min(x => x.Start)).ThenBy(e => e.Kind == "group" ? 1 : 0).ToList();
            var ids = new Dictionary<Ent, string>();
            for (var j = 0; j < ordered.Count; j++) ids[ordered[j]] = "A" + (j + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var list = new List<ActorRecord>(ordered.Count);
            foreach (var e in ordered)
            {
                var code = e.Code;
                if (e.Kind == "state" && e.Mentions.All(x => x.Via is "metonym" or "demonym" or "it")) code += "GOV";
                list.Add(new ActorRecord
                {
                    Id = ids[e], Name = e.Name, Kind = e.Kind, Code = code, Country = e.Country, Role = e.RoleTitle,
                    Members = e.Members?.Where(ids.ContainsKey).OrderBy(ordered.IndexOf).Select(x => ids[x]).ToList(),
                    Mentions = e.Mentions.OrderBy(x => x.Start).ToList(),
                });
            }
            return list;
        }
    }
}
