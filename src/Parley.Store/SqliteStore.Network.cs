using Microsoft.Data.Sqlite;
using Parley.Core;

namespace Parley.Store;

// Reads for parley serve's events, actors, network and timeline (no schema change: event_actors and article_actors
// as v3 made them). Actor keys are computed by SQL functions registered on the connection (parley_actor_key/slug).
public sealed partial class SqliteStore
{
    bool _actorFunctions;

    // Only the latest stored version of an article id counts (the reader shows that version; offsets must match it).
    // The superseded versions (ids stored more than once are rare) are cached until an article is added.
    long _supersededAt = -1;
    string _superseded = "";

    /// <summary>"{column} NOT IN (…)" for the rowids of superseded article versions, or "1" when there are none.</summary>
    string Latest(string column)
    {
        var max = Scalar(_db, "SELECT MAX(rowid) FROM articles;") as long? ?? 0;
        if (max != _supersededAt)
        {
            var rows = new List<long>();
            using (var cmd = Command("""
                SELECT l.rowid FROM articles l WHERE l.id IN (SELECT id FROM articles GROUP BY id HAVING COUNT(*) > 1)
                AND l.rowid < (SELECT MAX(m.rowid) FROM articles m WHERE m.id = l.id);
                """))
            using (var r = cmd.ExecuteReader())
                while (r.Read()) rows.Add(r.GetInt64(0));
            _superseded = string.Join(",", rows);
            _supersededAt = max;
        }
        return _superseded.Length == 0 ? "1" : $"{column} NOT IN ({_superseded})";
    }

    void EnsureActorFunctions()
    {
        if (_actorFunctions) return;
        _db.CreateFunction<string?, string?, string>("parley_actor_key", (code, name) => ActorKey.Of(code, name), isDeterministic: true);
        _db.CreateFunction<string?, string>("parley_actor_slug", name => ActorKey.Slug(name), isDeterministic: true);
        _actorFunctions = true;
    }

    /// <summary>WHERE conditions and their parameters, built up by the query methods.</summary>
    sealed class Conditions
    {
        public readonly List<string> Where = [];
        public readonly List<(string Name, object Value)> Parameters = [];
        int _n;

        public string Param(object value)
        {
            var name = "$p" + _n++;
            Parameters.Add((name, value));
            return name;
        }

        public string Sql(string keyword = "WHERE") => Where.Count > 0 ? keyword + " " + string.Join("\n  AND ", Where) : "";

        public void Apply(SqliteCommand cmd)
        {
            foreach (var (name, value) in Parameters) cmd.Parameters.AddWithValue(name, value);
        }
    }

    /// <summary>SQL true when the party row <paramref name="alias"/> matches an actor filter (code/prefix/ISO3 or key).</summary>
    static string PartyMatch(Conditions c, string alias, string spec, string field, string nameColumn = "name")
    {
        var v = spec.Trim();
        if (ActorKey.TryParse(v, out var code, out var slug))
        {
            var codeSql = code.Length == 0 ? $"({alias}.code IS NULL OR {alias}.code = '')" : $"{alias}.code = {c.Param(code)}";
            return $"({codeSql} AND parley_actor_slug({alias}.{nameColumn}) = {c.Param(slug)})";
        }
        if (!ActorKey.IsCode(v))
            throw new ArgumentException($"{field}: \"{spec}\" is neither a CAMEO code / ISO3 country nor an actor key (CODE_name-slug)", field);
        var p = c.Param(v.ToUpperInvariant());
        var end = c.Param(v.ToUpperInvariant() + PrefixEnd);
        return $"(({alias}.code >= {p} AND {alias}.code < {end}) OR {alias}.country = {p})";
    }

    void EventConditions(Conditions c, EventSearch q)
    {
        c.Where.Add(Latest("e.article_rowid"));
        void Party(string? spec, string? side, string field)
        {
            if (Blank(spec) is not { } s) return;
            var sideSql = side is null ? "" : $" AND x.side = '{side}'";
            c.Where.Add($"e.rowid IN (SELECT x.event_rowid FROM event_actors x WHERE {PartyMatch(c, "x", s, field)}{sideSql})");
        }
        Party(q.Actor, null, nameof(q.Actor));
        Party(q.Source, "source", nameof(q.Source));
        Party(q.Target, "target", nameof(q.Target));
        if (Blank(q.DyadA) is { } a && Blank(q.DyadB) is { } b)
        {
            string Pair(string first, string second) => $"""
                SELECT s.event_rowid FROM event_actors s JOIN event_actors t ON t.event_rowid = s.event_rowid AND t.side = 'target'
                WHERE s.side = 'source' AND {PartyMatch(c, "s", first, "Dyad")} AND {PartyMatch(c, "t", second, "Dyad")}
                """;
            c.Where.Add($"e.rowid IN ({Pair(a, b)} UNION {Pair(b, a)})");
        }
        else if (Blank(q.DyadA) is not null || Blank(q.DyadB) is not null)
            throw new ArgumentException("Dyad: needs two actors", "Dyad");
        TypeCondition(c, q.Type);
        DateConditions(c, q.From, q.To);
        if (Blank(q.Location) is { } loc)
        {
            if (loc.Length == 3 && loc.All(char.IsAsciiLetterUpper))
                c.Where.Add($"e.location_country = {c.Param(loc)}");
            else
                c.Where.Add($"e.location_name LIKE {c.Param(loc.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%")} ESCAPE '\\'");
        }
        if (Blank(q.Modality) is { } modality)
        {
            var m = modality.ToLowerInvariant();
            if (!EventQuery.Modalities.Contains(m))
                throw new ArgumentException($"Modality: \"{modality}\" is not one of {string.Join(", ", EventQuery.Modalities)}", nameof(q.Modality));
            c.Where.Add($"e.modality = {c.Param(m)}");
        }
        if (q.Negated is { } neg) c.Where.Add(neg ? "e.negated = 1" : "e.negated = 0");
        if (q.DatedOnly) c.Where.Add("e.date_lo IS NOT NULL");
        if (Blank(q.Issue) is { } issue)
        {
            var rows = EventIssues().GetValueOrDefault(issue);
            c.Where.Add(rows is { Count: > 0 } ? $"e.rowid IN ({string.Join(",", rows)})" : "0");
        }
    }

    // Issue tags of events (the positions stage writes them on the record's events; no column holds them yet: the
    // process layer's tables will). Read once from the records and kept until an article is added.
    long _issuesAt = -1;
    Dictionary<string, List<long>> _eventIssues = [];

    Dictionary<string, List<long>> EventIssues()
    {
        var max = Scalar(_db, "SELECT MAX(rowid) FROM articles;") as long? ?? 0;
        if (max == _issuesAt) return _eventIssues;
        var rowids = new Dictionary<(long, string), long>();
        using (var cmd = Command("SELECT rowid, article_rowid, event_id FROM events;"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) rowids[(r.GetInt64(1), r.GetString(2))] = r.GetInt64(0);
        var map = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        using (var cmd = Command("""SELECT rowid, record_json FROM articles WHERE instr(record_json, '"issues"') > 0;"""))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                try
                {
                    using var doc = System.Text.Json.JsonDocument.Parse(r.GetString(1));
                    if (!doc.RootElement.TryGetProperty("events", out var events) || events.ValueKind != System.Text.Json.JsonValueKind.Array) continue;
                    foreach (var e in events.EnumerateArray())
                    {
                        if (!e.TryGetProperty("issues", out var issues) || issues.ValueKind != System.Text.Json.JsonValueKind.Array) continue;
                        if (!e.TryGetProperty("id", out var id) || id.GetString() is not { } eid || !rowids.TryGetValue((r.GetInt64(0), eid), out var row)) continue;
                        foreach (var i in issues.EnumerateArray())
                            if (i.GetString() is { } key)
                                (map.TryGetValue(key, out var list) ? list : map[key] = []).Add(row);
                    }
                }
                catch (System.Text.Json.JsonException)
                {
                    // a record that no longer parses has no tags
                }
            }
        }
        (_eventIssues, _issuesAt) = (map, max);
        return map;
    }

    static void TypeCondition(Conditions c, string? type)
    {
        if (Blank(type) is not { } t) return;
        if (t.All(char.IsAsciiDigit))
        {
            if (t.Length is < 2 or > 4) throw new ArgumentException($"Type: \"{t}\" is not a CAMEO code (2 to 4 digits)", "Type");
            c.Where.Add($"e.cameo >= {c.Param(t)} AND e.cameo < {c.Param(t + PrefixEnd)}");
            return;
        }
        var u = t.ToUpperInvariant();
        if (!PloverTypes.Value.Contains(u))
            throw new ArgumentException($"Type: \"{t}\" is neither a PLOVER type ({string.Join(", ", PloverTypes.Value)}) nor a CAMEO code", "Type");
        c.Where.Add($"e.type = {c.Param(u)} COLLATE NOCASE");
    }

    static void DateConditions(Conditions c, string? from, string? to)
    {
        AddDateWindow(c.Where, c.Param, "e", from, to);
    }

    /// <summary>
    /// Stored events matching every set filter of <paramref name="q"/>, with the total when asked. A bad filter
    /// throws <see cref="ArgumentException"/> whose ParamName is the filter.
    /// </summary>
    public EventPage SearchEvents(EventSearch q)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(q.Limit);
        ArgumentOutOfRangeException.ThrowIfNegative(q.Offset);
        Flush();
        EnsureActorFunctions();
        var c = new Conditions();
        EventConditions(c, q);
        var order = q.Chronological
            ? "e.date_lo IS NULL, e.date_lo, e.date_hi DESC, e.published, e.article_id, e.start, e.rowid"
            : "e.date_lo IS NULL, e.date_lo DESC, e.date_hi, e.published DESC, e.article_id, e.start, e.rowid";
        long? total = null;
        if (q.Count)
        {
            using var count = Command($"SELECT COUNT(*) FROM events e {c.Sql()};");
            c.Apply(count);
            total = (long)count.ExecuteScalar()!;
        }
        // The page's rowids first (a sort over narrow rows), then their details: the sorter would otherwise carry every
        // matching row's columns and party list.
        var cmd = Command($"""
            SELECT a.id, a.content_hash, a.title, a.outlet, a.published, a.url, a.ingested_at,
                   e.event_id, e.type, e.mode, e.cameo, e.goldstein, e.date, e.date_text, e.date_source,
                   e.location_name, e.location_country, e.lat, e.lon, e.negated, e.modality, e.trigger,
                   e.sentence, e.start, e."end", e.confidence, e.evidence, e.sentence_text,
                   (SELECT json_group_array(json_array(side, idx, actor, name, code, country)) FROM event_actors x WHERE x.event_rowid = e.rowid)
            FROM (SELECT e.rowid AS rid FROM events e {c.Sql()} ORDER BY {order} LIMIT $limit OFFSET $offset) page
            JOIN events e ON e.rowid = page.rid
            JOIN articles a ON a.rowid = e.article_rowid
            ORDER BY {order};
            """);
        c.Apply(cmd);
        cmd.Parameters.AddWithValue("$limit", q.Limit);
        cmd.Parameters.AddWithValue("$offset", q.Offset);
        return new EventPage(total, ReadEvents(cmd).ToList());
    }

    /// <summary>Actors named in the latest article versions, one row per <see cref="ActorKey"/>, most widely named first.</summary>
    public IReadOnlyList<ActorSummary> SearchActors(ActorSearch q)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(q.Limit);
        ArgumentOutOfRangeException.ThrowIfNegative(q.Offset);
        Flush();
        EnsureActorFunctions();
        var c = new Conditions();
        if (Blank(q.Name) is { } name && Fold(name) is { Length: > 0 } key) c.Where.Add($"instr(aa.name_key, {c.Param(key)}) > 0");
        if (Blank(q.Code) is { } code) c.Where.Add(PartyMatch(c, "aa", code, nameof(q.Code)));
        if (Blank(q.Kind) is { } kind) c.Where.Add($"aa.kind = {c.Param(kind)} COLLATE NOCASE");
        using var cmd = Command($"""
            SELECT k, name, code, country, kind, articles, mentions FROM (
                SELECT parley_actor_key(aa.code, aa.name) AS k, MIN(aa.name) AS name, MAX(aa.code) AS code, MAX(aa.country) AS country,
                       MAX(aa.kind) AS kind, COUNT(DISTINCT aa.article_rowid) AS articles, SUM(aa.mentions) AS mentions
                FROM article_actors aa
                {c.Sql()}
                GROUP BY k)
            ORDER BY articles DESC, mentions DESC, k
            LIMIT $limit OFFSET $offset;
            """);
        c.Apply(cmd);
        cmd.Parameters.AddWithValue("$limit", q.Limit);
        cmd.Parameters.AddWithValue("$offset", q.Offset);
        return ReadActorSummaries(cmd);
    }

    static List<ActorSummary> ReadActorSummaries(SqliteCommand cmd)
    {
        var list = new List<ActorSummary>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            list.Add(new ActorSummary(r.GetString(0), r.GetString(1), S(2), S(3), S(4), r.GetInt64(5), r.GetInt64(6)));
        }
        return list;
    }

    /// <summary>
    /// One actor by its <see cref="ActorKey"/> ("RUSGOV_sergei-lavrov"), or a group by a bare code ("RUS": every actor
    /// with that code prefix or country). Null when no stored article names it. A malformed key throws <see cref="ArgumentException"/>.
    /// </summary>
    public ActorProfile? GetActor(string key, int recentQuotes = 20, int members = 30)
    {
        ArgumentNullException.ThrowIfNull(key);
        Flush();
        EnsureActorFunctions();
        var group = !ActorKey.TryParse(key, out var keyCode, out var keySlug);
        if (group && !ActorKey.IsCode(key)) throw new ArgumentException($"\"{key}\" is not an actor key (CODE_name-slug) or a code", nameof(key));
        var c = new Conditions();
        c.Where.Add(PartyMatch(c, "aa", key, nameof(key)));
        if (!group && keySlug.Split('-')[0] is { Length: > 0 } first && !(keySlug.Length == 9 && keySlug[0] == 'u' && !keySlug.Contains('-')))
            c.Where.Add($"instr(aa.name_key, {c.Param(first)}) > 0"); // cheap pre-filter: every slug word is in the folded name
        c.Where.Add(Latest("aa.article_rowid"));

        var names = new Dictionary<string, long>();
        var kinds = new Dictionary<string, long>();
        var countries = new Dictionary<string, long>();
        var codes = new Dictionary<string, long>();
        var roles = new Dictionary<string, (HashSet<long> Articles, string? First, string? Last)>();
        var articles = new HashSet<long>();
        long mentions = 0;
        var byMember = new Dictionary<string, (string Name, string? Code, string? Country, string? Kind, HashSet<long> Articles, long Mentions)>();
        using (var cmd = Command($"""
            SELECT aa.name, aa.kind, aa.code, aa.country, aa.role, aa.mentions, aa.article_rowid, a.published
            FROM article_actors aa JOIN articles a ON a.rowid = aa.article_rowid
            {c.Sql()};
            """))
        {
            c.Apply(cmd);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
                var (name, kind, code, country, role, n, row, published) = (r.GetString(0), S(1), S(2), S(3), S(4), r.GetInt64(5), r.GetInt64(6), S(7));
                static void Inc(Dictionary<string, long> d, string? k) { if (!string.IsNullOrEmpty(k)) d[k] = d.GetValueOrDefault(k) + 1; }
                Inc(names, name); Inc(kinds, kind); Inc(countries, country); Inc(codes, code);
                articles.Add(row);
                mentions += n;
                if (!string.IsNullOrWhiteSpace(role))
                {
                    var x = roles.TryGetValue(role, out var v) ? v : ([], null, null);
                    x.Articles.Add(row);
                    if (published is not null)
                    {
                        if (x.First is null || string.CompareOrdinal(published, x.First) < 0) x.First = published;
                        if (x.Last is null || string.CompareOrdinal(published, x.Last) > 0) x.Last = published;
                    }
                    roles[role] = x;
                }
                if (group)
                {
                    var mk = ActorKey.Of(code, name);
                    var m = byMember.TryGetValue(mk, out var mv) ? mv : (name, code, country, kind, [], 0L);
                    m.Articles.Add(row);
                    m.Mentions += n;
                    byMember[mk] = m;
                }
            }
        }
        if (articles.Count == 0) return null;
        static string? Top(Dictionary<string, long> d) => d.Count == 0 ? null : d.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;

        var memberList = byMember.Select(p => new ActorSummary(p.Key, p.Value.Name, p.Value.Code, p.Value.Country, p.Value.Kind, p.Value.Articles.Count, p.Value.Mentions))
            .OrderByDescending(m => m.Articles).ThenByDescending(m => m.Mentions).ThenBy(m => m.Key, StringComparer.Ordinal).Take(members).ToList();
        var displayName = group
            ? memberList.FirstOrDefault(m => string.Equals(m.Code, key, StringComparison.OrdinalIgnoreCase))?.Name ?? key.ToUpperInvariant()
            : Top(names)!;

        // events on each side
        long asSource = 0, asTarget = 0;
        var ec = new Conditions();
        using (var cmd = Command($"""
            SELECT x.side, COUNT(DISTINCT x.event_rowid) FROM event_actors x JOIN events e ON e.rowid = x.event_rowid
            WHERE {PartyMatch(ec, "x", key, nameof(key))} AND {Latest("e.article_rowid")} GROUP BY x.side;
            """))
        {
            ec.Apply(cmd);
            using var r = cmd.ExecuteReader();
            while (r.Read())
                if (r.GetString(0) == "source") asSource = r.GetInt64(1); else asTarget = r.GetInt64(1);
        }

        var (quoteCount, quotes) = ActorQuotes(key, recentQuotes);
        return new ActorProfile(
            group ? key.ToUpperInvariant() : key, group, displayName,
            group ? key.ToUpperInvariant() : (keyCode.Length > 0 ? keyCode : null),
            Top(countries), group ? null : Top(kinds),
            names.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).ToList(),
            roles.Select(p => new ActorRole(p.Key, p.Value.Articles.Count, p.Value.First, p.Value.Last))
                .OrderByDescending(x => x.Articles).ThenBy(x => x.Role, StringComparer.Ordinal).ToList(),
            articles.Count, mentions, asSource, asTarget, quoteCount, quotes, group ? memberList : []);
    }

    /// <summary>Quotes whose speaker is the actor (or in the group), newest article first, with their sentence text.</summary>
    (long Count, List<StoredQuote> Items) ActorQuotes(string key, int limit)
    {
        var c = new Conditions();
        c.Where.Add(PartyMatch(c, "q", key, nameof(key), nameColumn: "speaker_name"));
        c.Where.Add(Latest("q.article_rowid"));
        long count;
        using (var cmd = Command($"SELECT COUNT(*) FROM quotes q {c.Sql()};"))
        {
            c.Apply(cmd);
            count = (long)cmd.ExecuteScalar()!;
        }
        var items = new List<StoredQuote>();
        if (count == 0 || limit <= 0) return (count, items);
        using (var cmd = Command($"""
            SELECT a.id, a.content_hash, a.title, a.outlet, a.published, a.url,
                   q.quote_id, q.kind, q.text, q.start, q."end", q.sentence, q.cue, q.confidence,
                   q.speaker_name, q.speaker_text, q.speaker_start, q.speaker_end, q.actor, q.code, q.country,
                   s.start, s."end", CASE WHEN s.start IS NOT NULL THEN a.text END
            FROM (SELECT q.rowid AS rid FROM quotes q {c.Sql()} ORDER BY q.published DESC, q.article_id, q.start, q.rowid LIMIT $limit) page
            JOIN quotes q ON q.rowid = page.rid
            JOIN articles a ON a.rowid = q.article_rowid
            LEFT JOIN sentences s ON s.article_rowid = q.article_rowid AND s.idx = q.sentence
            ORDER BY q.published DESC, q.article_id, q.start, q.rowid;
            """))
        {
            c.Apply(cmd);
            cmd.Parameters.AddWithValue("$limit", limit);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
                int? I(int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
                items.Add(new StoredQuote
                {
                    ArticleId = r.GetString(0), ContentHash = r.GetString(1), Title = S(2), Outlet = S(3), Published = S(4), Url = S(5),
                    Quote = new QuoteRecord
                    {
                        Id = S(6) ?? "", Kind = S(7) ?? "", Text = S(8) ?? "", Start = r.GetInt32(9), End = r.GetInt32(10), Sentence = r.GetInt32(11),
                        Cue = S(12), Confidence = r.IsDBNull(13) ? 0 : r.GetDouble(13),
                        Speaker = new SpeakerRecord { Name = S(14), Text = S(15), Start = I(16), End = I(17), Actor = S(18), Code = S(19), Country = S(20) },
                    },
                    // C# offsets are UTF-16 units; SQLite's substr counts code points
                    SentenceText = I(21) is int from && I(22) is int to && S(23) is { } text && 0 <= from && from <= to && to <= text.Length ? text[from..to] : null,
                });
            }
        }
        return (count, items);
    }

    static readonly Lazy<string> QuadSql = new(() =>
    {
        // From the knowledge tables (validated: PLOVER types are letters, roots two digits, quads 1-4).
        var plover = Knowledge.ReadTable("export/plover-quad.tsv").Where(r => r.Length >= 2 && r[0].Length > 0)
            .Select(r => (Type: r[0].ToUpperInvariant(), Quad: int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var cameo = Knowledge.ReadTable("export/cameo-quad.tsv").Where(r => r.Length >= 2 && r[0].Length > 0)
            .Select(r => (Root: r[0], Quad: int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        if (plover.Any(p => !p.Type.All(char.IsAsciiLetterUpper) || p.Quad is < 1 or > 4) || cameo.Any(p => !p.Root.All(char.IsAsciiDigit) || p.Quad is < 1 or > 4))
            throw new FormatException("knowledge/export plover-quad.tsv / cameo-quad.tsv: unexpected values");
        return "CASE upper(e.type) " + string.Concat(plover.Select(p => $"WHEN '{p.Type}' THEN {p.Quad} "))
            + "ELSE CASE substr(e.cameo, 1, 2) " + string.Concat(cameo.Select(p => $"WHEN '{p.Root}' THEN {p.Quad} ")) + "END END";
    });

    /// <summary>
    /// The actor network of the events in a date window (and of a type): one node per actor key or country, one edge
    /// per pair of nodes with the count, Goldstein mean and sum, quad counts and the top event refs. Self-pairs are left out.
    /// </summary>
    public Network Network(NetworkQuery q)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(q.Min);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(q.MaxEdges);
        Flush();
        EnsureActorFunctions();
        var node = q.Level switch
        {
            "actor" => "CASE WHEN x.name IS NULL OR x.name = '' THEN NULLIF(x.code, '') ELSE parley_actor_key(x.code, x.name) END",
            "country" => "COALESCE(NULLIF(x.country, ''), NULLIF(x.code, ''))",
            _ => throw new ArgumentException($"Level: \"{q.Level}\" is not actor or country", "Level"),
        };
        var c = new Conditions();
        c.Where.Add(Latest("e.article_rowid"));
        TypeCondition(c, q.Type);
        DateConditions(c, q.From, q.To);
        // Per request, in this connection's temp schema: the matching events, their parties as nodes, and one row per
        // (event, unordered node pair) with a = the smaller key. The aggregates below read these.
        foreach (var sql in new[]
        {
            "CREATE TEMP TABLE IF NOT EXISTS net_ev (rid INTEGER PRIMARY KEY, article_id TEXT, event_id TEXT, g REAL, quad INTEGER);",
            "CREATE TEMP TABLE IF NOT EXISTS net_parts (rid INTEGER, side TEXT, k TEXT, name TEXT, code TEXT, country TEXT);",
            "CREATE INDEX IF NOT EXISTS temp.net_parts_by_rid ON net_parts (rid, side);",
            "CREATE TEMP TABLE IF NOT EXISTS net_pairs (rid INTEGER, article_id TEXT, event_id TEXT, g REAL, quad INTEGER, a TEXT, b TEXT, forward INTEGER);",
            "DELETE FROM temp.net_ev; DELETE FROM temp.net_parts; DELETE FROM temp.net_pairs;",
        })
            using (var cmd = Command(sql)) cmd.ExecuteNonQuery();
        using (var cmd = Command($"INSERT INTO temp.net_ev SELECT e.rowid, e.article_id, e.event_id, e.goldstein, {QuadSql.Value} FROM events e {c.Sql()};"))
        {
            c.Apply(cmd);
            cmd.ExecuteNonQuery();
        }
        using (var cmd = Command($"""
            INSERT INTO temp.net_parts SELECT x.event_rowid, x.side, {node}, x.name, x.code, x.country
            FROM temp.net_ev ev CROSS JOIN event_actors x ON x.event_rowid = ev.rid;
            INSERT INTO temp.net_pairs
            SELECT DISTINCT ev.rid, ev.article_id, ev.event_id, ev.g, ev.quad, min(s.k, t.k), max(s.k, t.k), s.k < t.k
            FROM temp.net_ev ev
            CROSS JOIN temp.net_parts s ON s.rid = ev.rid AND s.side = 'source'
            CROSS JOIN temp.net_parts t ON t.rid = ev.rid AND t.side = 'target'
            WHERE s.k IS NOT NULL AND t.k IS NOT NULL AND s.k <> t.k;
            """))
            cmd.ExecuteNonQuery();

        var edges = new List<NetworkEdge>();
        using (var cmd = Command("""
            SELECT a, b, n, fwd, mean_g, sum_g, q1, q2, q3, q4, article_id, event_id FROM (
                SELECT a, b, COUNT(*) OVER w AS n, SUM(forward) OVER w AS fwd, AVG(g) OVER w AS mean_g, TOTAL(g) OVER w AS sum_g,
                       SUM(quad = 1) OVER w AS q1, SUM(quad = 2) OVER w AS q2, SUM(quad = 3) OVER w AS q3, SUM(quad = 4) OVER w AS q4,
                       ROW_NUMBER() OVER (PARTITION BY a, b ORDER BY abs(COALESCE(g, 0)) DESC, rid) AS rn, article_id, event_id
                FROM temp.net_pairs WINDOW w AS (PARTITION BY a, b))
            WHERE rn <= $top AND n >= $min
            ORDER BY n DESC, abs(sum_g) DESC, a, b, rn;
            """))
        {
            cmd.Parameters.AddWithValue("$top", Math.Max(1, q.TopEvents));
            cmd.Parameters.AddWithValue("$min", q.Min);
            using var r = cmd.ExecuteReader();
            NetworkEdge? current = null;
            List<string> top = [];
            while (r.Read())
            {
                var (a, b) = (r.GetString(0), r.GetString(1));
                if (current is null || current.A != a || current.B != b)
                {
                    if (edges.Count >= q.MaxEdges) break;
                    top = [];
                    var n = r.GetInt64(2);
                    var fwd = r.IsDBNull(3) ? 0 : r.GetInt64(3);
                    current = new NetworkEdge(a, b, n, fwd, n - fwd, r.IsDBNull(4) ? null : Math.Round(r.GetDouble(4), 3), Math.Round(r.GetDouble(5), 3),
                        r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), top);
                    edges.Add(current);
                }
                top.Add(r.GetString(10) + "#" + r.GetString(11));
            }
        }
        var keys = edges.SelectMany(e => new[] { e.A, e.B }).ToHashSet(StringComparer.Ordinal);

        // Nodes: events touching them (among the pairs), Goldstein sum, and the name most often written.
        var stats = new Dictionary<string, (long Events, double Sum)>(StringComparer.Ordinal);
        using (var cmd = Command("SELECT k, COUNT(*), TOTAL(g) FROM (SELECT DISTINCT a AS k, rid, g FROM temp.net_pairs UNION SELECT b, rid, g FROM temp.net_pairs) GROUP BY k;"))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                if (keys.Contains(r.GetString(0))) stats[r.GetString(0)] = (r.GetInt64(1), r.GetDouble(2));
        var total = (long)Scalar(_db, "SELECT COUNT(DISTINCT rid) FROM temp.net_pairs;")!;
        var labels = new Dictionary<string, (string Name, string? Code, string? Country, long N, bool Self)>(StringComparer.Ordinal);
        using (var cmd = Command("SELECT k, name, code, MAX(country), COUNT(*) FROM temp.net_parts WHERE name IS NOT NULL AND k IS NOT NULL GROUP BY k, name, code;"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var k = r.GetString(0);
                if (!keys.Contains(k)) continue;
                var code = r.IsDBNull(2) ? null : r.GetString(2);
                var cand = (Name: r.GetString(1), Code: code, Country: r.IsDBNull(3) ? null : r.GetString(3), N: r.GetInt64(4), Self: string.Equals(code, k, StringComparison.Ordinal)); // the state itself at country level
                if (!labels.TryGetValue(k, out var best) || (cand.Self && !best.Self) || (cand.Self == best.Self && cand.N > best.N))
                    labels[k] = cand;
            }
        }
        using (var cmd = Command("DELETE FROM temp.net_ev; DELETE FROM temp.net_parts; DELETE FROM temp.net_pairs;")) cmd.ExecuteNonQuery();
        var nodes = keys.Select(k =>
        {
            var l = labels.TryGetValue(k, out var v) ? v : (Name: k, Code: null, Country: null, N: 0, Self: false);
            var s = stats.GetValueOrDefault(k);
            var country = q.Level == "country";
            return new NetworkNode(k, country && !l.Self ? k : l.Name, country ? k : l.Code, l.Country, s.Events, Math.Round(s.Sum, 3));
        }).OrderByDescending(n => n.Events).ThenBy(n => n.Key, StringComparer.Ordinal).ToList();
        return new Network(nodes, edges, total);
    }
}
