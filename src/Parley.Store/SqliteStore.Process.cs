using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Parley.Core;
using Parley.Merge;

namespace Parley.Store;

/// <summary>Snake-case JSON for the process tables' JSON columns.</summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(
    PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[System.Text.Json.Serialization.JsonSerializable(typeof(List<string>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(MergeReason))]
[System.Text.Json.Serialization.JsonSerializable(typeof(List<long>))]
public sealed partial class ProcessJsonContext : System.Text.Json.Serialization.JsonSerializerContext;

// v4: the process layer. Per-article facts (positions, format mentions/members/rounds/facts, event issues, the
// article's actors as global entities) and the merged layer (event clusters with their members and merge reasons).
// An article re-ingested with changed content (same id and source, new hash) supersedes the older row: the old
// row stays for history, its facts drop out of the process queries and its events leave their clusters.
public sealed partial class SqliteStore
{
    const string SchemaV4 = """
        CREATE TABLE IF NOT EXISTS superseded (
            article_rowid INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
            by_rowid      INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS articles_by_id_source ON articles(id, source);
        CREATE INDEX IF NOT EXISTS events_by_type_date ON events(type, date_lo);

        CREATE TABLE IF NOT EXISTS entities (
            key     TEXT PRIMARY KEY,
            name    TEXT NOT NULL,
            kind    TEXT,
            code    TEXT,
            country TEXT
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS article_entities (
            article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            actor_id      TEXT NOT NULL,
            entity        TEXT NOT NULL,
            PRIMARY KEY (article_rowid, actor_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS article_entities_by_entity ON article_entities(entity);

        CREATE TABLE IF NOT EXISTS event_issues (
            event_rowid INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
            issue       TEXT NOT NULL,
            PRIMARY KEY (event_rowid, issue)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS event_issues_by_issue ON event_issues(issue);

        CREATE TABLE IF NOT EXISTS positions (
            rowid           INTEGER PRIMARY KEY,
            article_rowid   INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            article_id      TEXT NOT NULL,
            published       TEXT,
            entity          TEXT,
            holder          TEXT NOT NULL,
            actor_name      TEXT,
            code            TEXT,
            country         TEXT,
            issue           TEXT NOT NULL,
            stance          TEXT NOT NULL,
            cue             TEXT,
            targets         TEXT,
            condition_text  TEXT,
            condition_issue TEXT,
            date            TEXT,
            date_source     TEXT,
            quote_id        TEXT,
            event_id        TEXT,
            sentence        INTEGER NOT NULL,
            start           INTEGER NOT NULL,
            "end"           INTEGER NOT NULL,
            confidence      REAL,
            sentence_text   TEXT
        );
        CREATE INDEX IF NOT EXISTS positions_by_article ON positions(article_rowid);
        CREATE INDEX IF NOT EXISTS positions_by_issue ON positions(issue);
        CREATE INDEX IF NOT EXISTS positions_by_holder ON positions(holder);

        CREATE TABLE IF NOT EXISTS format_mentions (
            rowid           INTEGER PRIMARY KEY,
            article_rowid   INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            article_id      TEXT NOT NULL,
            published       TEXT,
            format          TEXT NOT NULL,
            name            TEXT NOT NULL,
            mentions        INTEGER NOT NULL,
            events          TEXT NOT NULL,
            inferred_events TEXT NOT NULL,
            sentence        INTEGER,
            sentence_text   TEXT
        );
        CREATE INDEX IF NOT EXISTS format_mentions_by_format ON format_mentions(format);
        CREATE INDEX IF NOT EXISTS format_mentions_by_article ON format_mentions(article_rowid);

        CREATE TABLE IF NOT EXISTS format_members (
            rowid         INTEGER PRIMARY KEY,
            article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            article_id    TEXT NOT NULL,
            published     TEXT,
            format        TEXT NOT NULL,
            entity        TEXT,
            member        TEXT NOT NULL,
            name          TEXT,
            code          TEXT,
            country       TEXT,
            role          TEXT NOT NULL,
            cue           TEXT,
            known_role    TEXT,
            sentence      INTEGER NOT NULL,
            start         INTEGER NOT NULL,
            "end"         INTEGER NOT NULL,
            sentence_text TEXT
        );
        CREATE INDEX IF NOT EXISTS format_members_by_format ON format_members(format);
        CREATE INDEX IF NOT EXISTS format_members_by_article ON format_members(article_rowid);

        CREATE TABLE IF NOT EXISTS rounds (
            rowid         INTEGER PRIMARY KEY,
            article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            article_id    TEXT NOT NULL,
            published     TEXT,
            format        TEXT NOT NULL,
            number        INTEGER,
            relative      TEXT,
            text          TEXT NOT NULL,
            date          TEXT,
            date_text     TEXT,
            location      TEXT,
            event_id      TEXT,
            sentence      INTEGER NOT NULL,
            start         INTEGER NOT NULL,
            "end"         INTEGER NOT NULL,
            sentence_text TEXT
        );
        CREATE INDEX IF NOT EXISTS rounds_by_format ON rounds(format, number);
        CREATE INDEX IF NOT EXISTS rounds_by_article ON rounds(article_rowid);

        CREATE TABLE IF NOT EXISTS format_facts (
            rowid         INTEGER PRIMARY KEY,
            article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            article_id    TEXT NOT NULL,
            published     TEXT,
            format        TEXT NOT NULL,
            kind          TEXT NOT NULL,
            cue           TEXT,
            entity        TEXT,
            name          TEXT,
            country       TEXT,
            event_id      TEXT,
            date          TEXT,
            sentence      INTEGER NOT NULL,
            start         INTEGER NOT NULL,
            "end"         INTEGER NOT NULL,
            sentence_text TEXT
        );
        CREATE INDEX IF NOT EXISTS format_facts_by_format ON format_facts(format);
        CREATE INDEX IF NOT EXISTS format_facts_by_article ON format_facts(article_rowid);

        CREATE TABLE IF NOT EXISTS event_clusters (
            id            INTEGER PRIMARY KEY,
            type          TEXT NOT NULL,
            mode          TEXT,
            date          TEXT,
            date_lo       TEXT,
            date_hi       TEXT,
            date_source   TEXT,
            place         TEXT,
            place_country TEXT,
            actors        TEXT NOT NULL,
            source_actors TEXT NOT NULL,
            target_actors TEXT NOT NULL,
            members       INTEGER NOT NULL,
            articles      INTEGER NOT NULL,
            negated       INTEGER NOT NULL,
            modality      TEXT
        );
        CREATE INDEX IF NOT EXISTS event_clusters_by_date ON event_clusters(date_lo, date_hi);
        CREATE TABLE IF NOT EXISTS event_cluster_members (
            event_rowid INTEGER PRIMARY KEY REFERENCES events(rowid) ON DELETE CASCADE,
            cluster_id  INTEGER NOT NULL,
            reason      TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS event_cluster_members_by_cluster ON event_cluster_members(cluster_id);
        """;

    /// <summary>Event rowids whose clusters are recomputed at the next <see cref="Flush"/>.</summary>
    readonly HashSet<long> _pendingMerge = [];
    MergeRules? _mergeRules;
    MergeRules Rules => _mergeRules ??= MergeRules.Default;

    /// <summary>v3 → v4: process rows from the stored records, superseded rows, then every cluster.</summary>
    static void BackfillProcess(SqliteConnection db, SqliteTransaction tx)
    {
        // a store that went back and forth between versions may hold v4 rows already: start clean
        using (var clear = Cmd(db, tx, "DELETE FROM positions; DELETE FROM format_mentions; DELETE FROM format_members; DELETE FROM rounds; " +
                                       "DELETE FROM format_facts; DELETE FROM event_issues; DELETE FROM article_entities; DELETE FROM superseded;"))
            clear.ExecuteNonQuery();
        var rows = new List<(long Rowid, ArticleRecord Record)>();
        using (var read = db.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = "SELECT rowid, record_json FROM articles ORDER BY rowid;";
            using var r = read.ExecuteReader();
            while (r.Read())
            {
                try
                {
                    if (RecordJson.Deserialize(r.GetString(1)) is { } record) rows.Add((r.GetInt64(0), record));
                }
                catch (JsonException)
                {
                }
            }
        }
        foreach (var (rowid, record) in rows)
        {
            InsertProcessRows(db, tx, rowid, record);
            MarkSuperseded(db, tx, rowid, record, null);
        }
        RebuildClusters(db, tx, MergeRules.Default);
    }

    /// <summary>Called by InsertArticle after the v3 rows: the process rows, supersession, and the events to merge.</summary>
    void InsertProcessRows(long rowid, ArticleRecord r)
    {
        InsertProcessRows(_db, _tx, rowid, r);
        MarkSuperseded(_db, _tx, rowid, r, _pendingMerge);
        using var cmd = Command("SELECT rowid FROM events WHERE article_rowid = $r;");
        cmd.Parameters.AddWithValue("$r", rowid);
        using var q = cmd.ExecuteReader();
        while (q.Read()) _pendingMerge.Add(q.GetInt64(0));
    }

    /// <summary>
    /// Older rows with this article's id and source are superseded by <paramref name="rowid"/>; their events leave their
    /// clusters, whose other members go to <paramref name="recompute"/> (null: the caller rebuilds everything).
    /// </summary>
    static void MarkSuperseded(SqliteConnection db, SqliteTransaction? tx, long rowid, ArticleRecord r, HashSet<long>? recompute)
    {
        using var find = Cmd(db, tx, """
            SELECT rowid FROM articles WHERE id = $id AND source = $source AND rowid < $r
              AND rowid NOT IN (SELECT article_rowid FROM superseded);
            """);
        find.Parameters.AddWithValue("$id", r.Id);
        find.Parameters.AddWithValue("$source", r.Source);
        find.Parameters.AddWithValue("$r", rowid);
        var old = new List<long>();
        using (var q = find.ExecuteReader())
            while (q.Read()) old.Add(q.GetInt64(0));
        foreach (var o in old)
        {
            using var mark = Cmd(db, tx, "INSERT OR REPLACE INTO superseded (article_rowid, by_rowid) VALUES ($o, $r);");
            mark.Parameters.AddWithValue("$o", o);
            mark.Parameters.AddWithValue("$r", rowid);
            mark.ExecuteNonQuery();
            DetachArticleEvents(db, tx, o, recompute);
        }
    }

    /// <summary>Takes the article's events out of their clusters; the clusters' other members go to <paramref name="recompute"/>.</summary>
    static void DetachArticleEvents(SqliteConnection db, SqliteTransaction? tx, long articleRowid, HashSet<long>? recompute)
    {
        if (recompute is not null)
        {
            using var others = Cmd(db, tx, """
                SELECT m2.event_rowid FROM events e
                JOIN event_cluster_members m ON m.event_rowid = e.rowid
                JOIN event_cluster_members m2 ON m2.cluster_id = m.cluster_id
                JOIN events e2 ON e2.rowid = m2.event_rowid
                WHERE e.article_rowid = $a AND e2.article_rowid <> $a;
                """);
            others.Parameters.AddWithValue("$a", articleRowid);
            using var q = others.ExecuteReader();
            while (q.Read()) recompute.Add(q.GetInt64(0));
        }
        using var del = Cmd(db, tx, """
            DELETE FROM event_clusters WHERE id IN (SELECT m.cluster_id FROM event_cluster_members m JOIN events e ON e.rowid = m.event_rowid WHERE e.article_rowid = $a);
            DELETE FROM event_cluster_members WHERE event_rowid IN (SELECT rowid FROM events WHERE article_rowid = $a);
            """);
        del.Parameters.AddWithValue("$a", articleRowid);
        del.ExecuteNonQuery();
    }

    /// <summary>
    /// Removes every stored version of the article with this id (and source, when given): its rows go, its events
    /// leave their clusters and the clusters they were in are recomputed. Returns how many rows were removed.
    /// </summary>
    public int Remove(string id, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ObjectDisposedException.ThrowIf(_disposed, this);
        Begin();
        using var find = Command("SELECT rowid FROM articles WHERE id = $id AND ($source IS NULL OR source = $source);");
        find.Parameters.AddWithValue("$id", id);
        find.Parameters.AddWithValue("$source", Val(source));
        var rows = new List<long>();
        using (var q = find.ExecuteReader())
            while (q.Read()) rows.Add(q.GetInt64(0));
        foreach (var row in rows)
        {
            DetachArticleEvents(_db, _tx, row, _pendingMerge);
            using var del = Command("DELETE FROM articles WHERE rowid = $r;");
            del.Parameters.AddWithValue("$r", row);
            del.ExecuteNonQuery();
        }
        Flush();
        return rows.Count;
    }

    static SqliteCommand Cmd(SqliteConnection db, SqliteTransaction? tx, string sql)
    {
        var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    static SqliteCommand Insert(SqliteConnection db, SqliteTransaction? tx, string table, params string[] columns)
    {
        var cmd = Cmd(db, tx, $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))});");
        foreach (var c in columns) cmd.Parameters.AddWithValue("$" + c, DBNull.Value);
        return cmd;
    }

    static object V(object? o) => o ?? DBNull.Value;

    static void Run(SqliteCommand cmd, params (string Name, object? Value)[] values)
    {
        foreach (var (n, v) in values) cmd.Parameters["$" + n].Value = V(v);
        cmd.ExecuteNonQuery();
    }

    static string? SentenceText(ArticleRecord r, int s) =>
        s >= 0 && s < r.Sentences.Count && r.Sentences[s] is var span && 0 <= span.Start && span.Start <= span.End && span.End <= r.Text.Length
            ? r.Text[span.Start..span.End] : null;

    static void InsertProcessRows(SqliteConnection db, SqliteTransaction? tx, long rowid, ArticleRecord r)
    {
        var actors = r.Actors.Where(a => a is not null).GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First());
        string? EntityOf(ActorRef? x)
        {
            if (x is null) return null;
            var rec = x.Actor is not null && actors.TryGetValue(x.Actor, out var a) ? a : null;
            return EntityKeys.Of(rec?.Name ?? x.Name, rec?.Kind, rec?.Code ?? x.Code, rec?.Country ?? x.Country);
        }

        // actors as global entities
        if (actors.Count > 0)
        {
            using var ent = Cmd(db, tx, "INSERT INTO entities (key, name, kind, code, country) VALUES ($k, $n, $kind, $c, $country) ON CONFLICT(key) DO NOTHING;");
            using var link = Cmd(db, tx, "INSERT OR IGNORE INTO article_entities (article_rowid, actor_id, entity) VALUES ($r, $a, $k);");
            foreach (var a in actors.Values)
            {
                if (string.IsNullOrEmpty(a.Name)) continue;
                var key = EntityKeys.Of(a.Name, a.Kind, a.Code, a.Country);
                ent.Parameters.Clear();
                ent.Parameters.AddWithValue("$k", key);
                ent.Parameters.AddWithValue("$n", a.Name);
                ent.Parameters.AddWithValue("$kind", Val(a.Kind));
                ent.Parameters.AddWithValue("$c", Val(a.Code));
                ent.Parameters.AddWithValue("$country", Val(a.Country));
                ent.ExecuteNonQuery();
                link.Parameters.Clear();
                link.Parameters.AddWithValue("$r", rowid);
                link.Parameters.AddWithValue("$a", a.Id);
                link.Parameters.AddWithValue("$k", key);
                link.ExecuteNonQuery();
            }
        }

        // issues of events
        if (r.Events.Any(e => e?.Issues is { Count: > 0 }))
        {
            using var issue = Cmd(db, tx, "INSERT OR IGNORE INTO event_issues (event_rowid, issue) SELECT rowid, $i FROM events WHERE article_rowid = $r AND event_id = $e;");
            foreach (var e in r.Events)
                foreach (var i in e?.Issues ?? [])
                {
                    issue.Parameters.Clear();
                    issue.Parameters.AddWithValue("$i", i);
                    issue.Parameters.AddWithValue("$r", rowid);
                    issue.Parameters.AddWithValue("$e", e!.Id);
                    issue.ExecuteNonQuery();
                }
        }

        if (r.Positions is { Count: > 0 } positions)
        {
            using var p = Insert(db, tx, "positions", "article_rowid", "article_id", "published", "entity", "holder", "actor_name", "code", "country",
                "issue", "stance", "cue", "targets", "condition_text", "condition_issue", "date", "date_source", "quote_id", "event_id",
                "sentence", "start", "end", "confidence", "sentence_text");
            foreach (var x in positions)
            {
                if (x?.Actor is null) continue;
                Run(p, ("article_rowid", rowid), ("article_id", r.Id), ("published", r.Published), ("entity", EntityOf(x.Actor)),
                    ("holder", x.Actor.Country ?? x.Actor.Name ?? x.Actor.Code ?? "?"), ("actor_name", x.Actor.Name), ("code", x.Actor.Code),
                    ("country", x.Actor.Country), ("issue", x.Issue), ("stance", x.Stance), ("cue", x.Cue),
                    ("targets", x.Targets is { Count: > 0 } t ? string.Join(' ', t) : null), ("condition_text", x.Condition?.Text),
                    ("condition_issue", x.Condition?.Issue), ("date", x.Date), ("date_source", x.DateSource), ("quote_id", x.Quote),
                    ("event_id", x.Event), ("sentence", x.Sentence), ("start", x.Start), ("end", x.End), ("confidence", x.Confidence),
                    ("sentence_text", SentenceText(r, x.Sentence)));
            }
        }

        if (r.Formats is not { Count: > 0 } formats) return;
        using var fm = Insert(db, tx, "format_mentions", "article_rowid", "article_id", "published", "format", "name", "mentions", "events",
            "inferred_events", "sentence", "sentence_text");
        using var mem = Insert(db, tx, "format_members", "article_rowid", "article_id", "published", "format", "entity", "member", "name", "code",
            "country", "role", "cue", "known_role", "sentence", "start", "end", "sentence_text");
        using var rd = Insert(db, tx, "rounds", "article_rowid", "article_id", "published", "format", "number", "relative", "text", "date",
            "date_text", "location", "event_id", "sentence", "start", "end", "sentence_text");
        using var ff = Insert(db, tx, "format_facts", "article_rowid", "article_id", "published", "format", "kind", "cue", "entity", "name",
            "country", "event_id", "date", "sentence", "start", "end", "sentence_text");
        foreach (var f in formats)
        {
            if (f is null) continue;
            var first = f.Mentions.Count > 0 ? f.Mentions[0].Sentence : (int?)null;
            Run(fm, ("article_rowid", rowid), ("article_id", r.Id), ("published", r.Published), ("format", f.Format), ("name", f.Name),
                ("mentions", f.Mentions.Count), ("events", JsonSerializer.Serialize(f.Events, ProcessJsonContext.Default.ListString)),
                ("inferred_events", JsonSerializer.Serialize(f.InferredEvents ?? [], ProcessJsonContext.Default.ListString)),
                ("sentence", first), ("sentence_text", first is int s ? SentenceText(r, s) : null));
            foreach (var m in f.Members ?? [])
            {
                if (m?.Actor is null) continue;
                Run(mem, ("article_rowid", rowid), ("article_id", r.Id), ("published", r.Published), ("format", f.Format),
                    ("entity", EntityOf(m.Actor)), ("member", EntityKeys.CountryLevel(m.Actor.Name, m.Actor.Code, m.Actor.Country)),
                    ("name", m.Actor.Name), ("code", m.Actor.Code), ("country", m.Actor.Country), ("role", m.Role), ("cue", m.Cue),
                    ("known_role", m.KnownRole), ("sentence", m.Sentence), ("start", m.Start), ("end", m.End), ("sentence_text", SentenceText(r, m.Sentence)));
            }
            foreach (var n in f.Rounds ?? [])
            {
                if (n is null) continue;
                Run(rd, ("article_rowid", rowid), ("article_id", r.Id), ("published", r.Published), ("format", f.Format), ("number", n.Number),
                    ("relative", n.Relative), ("text", n.Text), ("date", n.Date), ("date_text", n.DateText), ("location", n.Location),
                    ("event_id", n.Event), ("sentence", n.Sentence), ("start", n.Start), ("end", n.End), ("sentence_text", SentenceText(r, n.Sentence)));
            }
            foreach (var k in f.Facts ?? [])
            {
                if (k is null) continue;
                Run(ff, ("article_rowid", rowid), ("article_id", r.Id), ("published", r.Published), ("format", f.Format), ("kind", k.Kind),
                    ("cue", k.Cue), ("entity", EntityOf(k.Actor)), ("name", k.Actor?.Name), ("country", k.Actor?.Country), ("event_id", k.Event),
                    ("date", k.Date), ("sentence", k.Sentence), ("start", k.Start), ("end", k.End), ("sentence_text", SentenceText(r, k.Sentence)));
            }
        }
    }

    // ---- merge maintenance ------------------------------------------------------------------

    /// <summary>Recomputes the clusters around the events added (or left behind) since the last flush.</summary>
    void MergePending()
    {
        if (_pendingMerge.Count == 0 || _tx is null) return;
        var pending = _pendingMerge.ToList();
        _pendingMerge.Clear();
        MergeAround(_db, _tx, pending, Rules);
    }

    /// <summary>
    /// The events near <paramref name="seeds"/> (same type and negation, dates within reach), the clusters they are in,
    /// and all those clusters' members are clustered afresh; their old clusters are replaced.
    /// </summary>
    static void MergeAround(SqliteConnection db, SqliteTransaction tx, IReadOnlyCollection<long> seeds, MergeRules rules)
    {
        var universe = new HashSet<long>(seeds);
        var seedEvents = LoadMergeEvents(db, tx, seeds);
        using (var near = Cmd(db, tx, """
            SELECT e.rowid FROM events e
            WHERE e.type = $t AND e.negated = $n AND e.date_lo BETWEEN $far AND $hi AND e.date_hi >= $lo
              AND e.article_rowid NOT IN (SELECT article_rowid FROM superseded);
            """))
        {
            foreach (var e in seedEvents)
            {
                var date = e.Date ?? e.Published;
                var (lo, hi) = DateInterval(date);
                if (lo is null || hi is null) continue;
                var w = rules.Window(e.Type) + 1;
                near.Parameters.Clear();
                near.Parameters.AddWithValue("$t", e.Type);
                near.Parameters.AddWithValue("$n", e.Negated ? 1 : 0);
                near.Parameters.AddWithValue("$lo", ShiftDay(lo, -w));
                near.Parameters.AddWithValue("$hi", ShiftDay(hi, w));
                near.Parameters.AddWithValue("$far", ShiftDay(lo, -w - 366));
                using var q = near.ExecuteReader();
                while (q.Read()) universe.Add(q.GetInt64(0));
            }
        }
        // whole clusters: every member of a cluster that has a member in the universe
        var oldClusters = new HashSet<long>();
        WithTempSet(db, tx, universe, () =>
        {
            using var c = Cmd(db, tx, "SELECT DISTINCT cluster_id FROM event_cluster_members WHERE event_rowid IN (SELECT id FROM temp.merge_set);");
            using var q = c.ExecuteReader();
            while (q.Read()) oldClusters.Add(q.GetInt64(0));
        });
        using (var m = Cmd(db, tx, "SELECT event_rowid FROM event_cluster_members WHERE cluster_id = $c;"))
        {
            foreach (var c in oldClusters)
            {
                m.Parameters.Clear();
                m.Parameters.AddWithValue("$c", c);
                using var q = m.ExecuteReader();
                while (q.Read()) universe.Add(q.GetInt64(0));
            }
        }
        var events = LoadMergeEvents(db, tx, universe);
        var clusters = EventMerger.Cluster(events, rules);
        using (var del = Cmd(db, tx, "DELETE FROM event_clusters WHERE id = $c;"))
            foreach (var c in oldClusters)
            {
                del.Parameters.Clear();
                del.Parameters.AddWithValue("$c", c);
                del.ExecuteNonQuery();
            }
        WithTempSet(db, tx, universe, () =>
        {
            using var d = Cmd(db, tx, "DELETE FROM event_cluster_members WHERE event_rowid IN (SELECT id FROM temp.merge_set);");
            d.ExecuteNonQuery();
        });
        WriteClusters(db, tx, clusters);
    }

    /// <summary>Drops every cluster and clusters all live events afresh.</summary>
    static void RebuildClusters(SqliteConnection db, SqliteTransaction tx, MergeRules rules)
    {
        using (var d = Cmd(db, tx, "DELETE FROM event_cluster_members; DELETE FROM event_clusters;")) d.ExecuteNonQuery();
        WriteClusters(db, tx, EventMerger.Cluster(LoadMergeEvents(db, tx, null), rules));
    }

    /// <summary>Drops every cluster and clusters all live events afresh (what the incremental merge approximates).</summary>
    public void RebuildClusters()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _pendingMerge.Clear();
        RebuildClusters(_db, Begin(), Rules);
        Flush();
    }

    static string ShiftDay(string day, int days) =>
        DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static void WithTempSet(SqliteConnection db, SqliteTransaction tx, IEnumerable<long> ids, Action action)
    {
        using (var c = Cmd(db, tx, "CREATE TEMP TABLE IF NOT EXISTS merge_set (id INTEGER PRIMARY KEY); DELETE FROM temp.merge_set;")) c.ExecuteNonQuery();
        using (var ins = Cmd(db, tx, "INSERT OR IGNORE INTO temp.merge_set (id) VALUES ($id);"))
        {
            var p = ins.Parameters.Add("$id", SqliteType.Integer);
            foreach (var id in ids)
            {
                p.Value = id;
                ins.ExecuteNonQuery();
            }
        }
        action();
    }

    /// <summary>Live (not superseded) events as merge input; <paramref name="ids"/> null = all of them.</summary>
    static List<MergeEvent> LoadMergeEvents(SqliteConnection db, SqliteTransaction tx, IEnumerable<long>? ids)
    {
        var list = new List<MergeEvent>();
        void Load()
        {
            var filter = ids is null ? "" : "AND e.rowid IN (SELECT id FROM temp.merge_set)";
            using var cmd = Cmd(db, tx, $"""
                SELECT e.rowid, e.article_rowid, e.type, e.mode, e.date, e.date_source, e.published, e.location_name, e.location_country,
                       e.negated, e.modality,
                       (SELECT json_group_array(json_array(side, name, code, country)) FROM event_actors x WHERE x.event_rowid = e.rowid)
                FROM events e
                WHERE e.article_rowid NOT IN (SELECT article_rowid FROM superseded) {filter}
                ORDER BY e.rowid;
                """);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
                var src = new List<string>();
                var tgt = new List<string>();
                if (S(11) is { } json)
                {
                    using var doc = JsonDocument.Parse(json);
                    foreach (var row in doc.RootElement.EnumerateArray())
                    {
                        static string? Str(JsonElement x) => x.ValueKind == JsonValueKind.String ? x.GetString() : null;
                        var key = EntityKeys.CountryLevel(Str(row[1]), Str(row[2]), Str(row[3]));
                        (row[0].GetString() == "source" ? src : tgt).Add(key);
                    }
                }
                list.Add(new MergeEvent
                {
                    Key = r.GetInt64(0), Article = r.GetInt64(1).ToString(CultureInfo.InvariantCulture), Type = r.GetString(2), Mode = S(3),
                    Date = S(4), DateSource = S(5), Published = S(6), Place = S(7), PlaceCountry = S(8), Negated = r.GetInt64(9) != 0,
                    Modality = S(10) ?? "asserted", Source = src, Target = tgt,
                });
            }
        }
        if (ids is null) Load();
        else WithTempSet(db, tx, ids, Load);
        return list;
    }

    static void WriteClusters(SqliteConnection db, SqliteTransaction tx, IReadOnlyList<EventCluster> clusters)
    {
        using var c = Insert(db, tx, "event_clusters", "id", "type", "mode", "date", "date_lo", "date_hi", "date_source", "place", "place_country",
            "actors", "source_actors", "target_actors", "members", "articles", "negated", "modality");
        using var m = Insert(db, tx, "event_cluster_members", "event_rowid", "cluster_id", "reason");
        foreach (var k in clusters)
        {
            var (lo, hi) = DateInterval(k.Date);
            Run(c, ("id", k.Id), ("type", k.Type), ("mode", k.Mode), ("date", k.Date), ("date_lo", lo), ("date_hi", hi), ("date_source", k.DateSource),
                ("place", k.Place), ("place_country", k.PlaceCountry), ("actors", " " + string.Join(' ', k.Actors) + " "),
                ("source_actors", string.Join(' ', k.SourceActors)), ("target_actors", string.Join(' ', k.TargetActors)),
                ("members", k.Members.Count), ("articles", k.Articles), ("negated", k.Negated ? 1 : 0), ("modality", k.Modality));
            foreach (var e in k.Members)
                Run(m, ("event_rowid", e), ("cluster_id", k.Id), ("reason", JsonSerializer.Serialize(k.Reasons[e], ProcessJsonContext.Default.MergeReason)));
        }
    }
}
