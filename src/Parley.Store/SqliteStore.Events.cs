using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using Parley.Core;

namespace Parley.Store;

/// <summary>Snake-case JSON (as RecordJson writes records) for the parts of a record the events tables keep as JSON.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false)]
[JsonSerializable(typeof(List<EvidenceRecord>))]
[JsonSerializable(typeof(EventRecord))]
public sealed partial class StoreJsonContext : JsonSerializerContext;

// v3: events (one row per event of an article), their parties (event_actors) and the article's actors (article_actors).
public sealed partial class SqliteStore
{
    // date_lo/date_hi: the days the event date covers ("2023-09" → 2023-09-01..2023-09-30); NULL when it has no year.
    // sentence_text: the sentence (or headline/caption) the event was coded from, so reads need not load the article.
    const string SchemaV3 = """
        CREATE TABLE IF NOT EXISTS events (
            rowid            INTEGER PRIMARY KEY,
            article_rowid    INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            content_hash     TEXT NOT NULL,
            article_id       TEXT NOT NULL,
            published        TEXT,
            event_id         TEXT NOT NULL,
            type             TEXT NOT NULL,
            mode             TEXT,
            cameo            TEXT,
            goldstein        REAL,
            date             TEXT,
            date_lo          TEXT,
            date_hi          TEXT,
            date_text        TEXT,
            date_source      TEXT,
            location_name    TEXT,
            location_country TEXT,
            lat              REAL,
            lon              REAL,
            negated          INTEGER NOT NULL,
            modality         TEXT,
            trigger          TEXT,
            sentence         INTEGER NOT NULL,
            start            INTEGER NOT NULL,
            "end"            INTEGER NOT NULL,
            confidence       REAL,
            evidence         TEXT,
            sentence_text    TEXT
        );
        CREATE INDEX IF NOT EXISTS events_by_article ON events(article_rowid);
        CREATE INDEX IF NOT EXISTS events_by_type ON events(type COLLATE NOCASE);
        CREATE INDEX IF NOT EXISTS events_by_cameo ON events(cameo);
        CREATE INDEX IF NOT EXISTS events_by_date ON events(date_lo, date_hi);

        CREATE TABLE IF NOT EXISTS event_actors (
            event_rowid INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
            side        TEXT NOT NULL CHECK (side IN ('source', 'target')),
            idx         INTEGER NOT NULL,
            actor       TEXT,
            name        TEXT,
            code        TEXT,
            country     TEXT,
            PRIMARY KEY (event_rowid, side, idx)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS event_actors_by_code ON event_actors(code, side);
        CREATE INDEX IF NOT EXISTS event_actors_by_country ON event_actors(country, side);

        CREATE TABLE IF NOT EXISTS article_actors (
            rowid         INTEGER PRIMARY KEY,
            article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            actor_id      TEXT NOT NULL,
            name          TEXT NOT NULL,
            name_key      TEXT NOT NULL,
            kind          TEXT,
            code          TEXT,
            country       TEXT,
            role          TEXT,
            mentions      INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS article_actors_by_article ON article_actors(article_rowid);
        CREATE INDEX IF NOT EXISTS article_actors_by_name ON article_actors(name COLLATE NOCASE);
        CREATE INDEX IF NOT EXISTS article_actors_by_code ON article_actors(code);
        """;

    EventRows? _eventRows;

    /// <summary>v2 → v3: event and actor rows from the stored records. A record that no longer parses is skipped.</summary>
    static void BackfillEvents(SqliteConnection db, SqliteTransaction tx)
    {
        using var rows = new EventRows(db);
        rows.SetTransaction(tx);
        using var read = db.CreateCommand();
        read.Transaction = tx;
        read.CommandText = "SELECT rowid, content_hash, record_json FROM articles ORDER BY rowid;";
        using var r = read.ExecuteReader();
        while (r.Read())
        {
            ArticleRecord? record;
            try
            {
                record = RecordJson.Deserialize(r.GetString(2));
            }
            catch (JsonException)
            {
                continue;
            }
            if (record is not null) rows.Insert(r.GetInt64(0), r.GetString(1), record);
        }
    }

    void InsertEventRows(long rowid, string hash, ArticleRecord r)
    {
        if (r.Events.Count == 0 && r.Actors.Count == 0) return;
        _eventRows ??= new EventRows(_db);
        _eventRows.SetTransaction(_tx);
        _eventRows.Insert(rowid, hash, r);
    }

    void DisposeEventRows() => _eventRows?.Dispose();

    StoreStats WithEventCounts(StoreStats stats) => stats with
    {
        Events = (long)Scalar(_db, "SELECT COUNT(*) FROM events;")!,
        Actors = (long)Scalar(_db, "SELECT COUNT(*) FROM (SELECT DISTINCT name, code FROM article_actors);")!,
    };

    /// <summary>The prepared inserts of events, their parties and the article's actors.</summary>
    sealed class EventRows : IDisposable
    {
        readonly SqliteCommand _event, _party, _actor;

        static readonly string[] EventColumns =
        [
            "article_rowid", "content_hash", "article_id", "published", "event_id", "type", "mode", "cameo", "goldstein",
            "date", "date_lo", "date_hi", "date_text", "date_source", "location_name", "location_country", "lat", "lon",
            "negated", "modality", "trigger", "sentence", "start", "end", "confidence", "evidence", "sentence_text",
        ];

        public EventRows(SqliteConnection db)
        {
            _event = db.CreateCommand();
            _event.CommandText = $"INSERT INTO events ({string.Join(", ", EventColumns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", EventColumns.Select(c => "$" + c))}) RETURNING rowid;";
            foreach (var c in EventColumns) _event.Parameters.AddWithValue("$" + c, DBNull.Value);
            _party = db.CreateCommand();
            _party.CommandText = "INSERT INTO event_actors (event_rowid, side, idx, actor, name, code, country) VALUES ($e, $side, $idx, $actor, $name, $code, $country);";
            foreach (var c in new[] { "$e", "$side", "$idx", "$actor", "$name", "$code", "$country" }) _party.Parameters.AddWithValue(c, DBNull.Value);
            _actor = db.CreateCommand();
            _actor.CommandText = """
                INSERT INTO article_actors (article_rowid, actor_id, name, name_key, kind, code, country, role, mentions)
                VALUES ($row, $id, $name, $key, $kind, $code, $country, $role, $mentions);
                """;
            foreach (var c in new[] { "$row", "$id", "$name", "$key", "$kind", "$code", "$country", "$role", "$mentions" }) _actor.Parameters.AddWithValue(c, DBNull.Value);
        }

        public void SetTransaction(SqliteTransaction? tx)
        {
            _event.Transaction = tx;
            _party.Transaction = tx;
            _actor.Transaction = tx;
        }

        public void Insert(long rowid, string hash, ArticleRecord r)
        {
            var p = _event.Parameters;
            p["$article_rowid"].Value = rowid;
            p["$content_hash"].Value = hash;
            p["$article_id"].Value = Val(r.Id);
            p["$published"].Value = Val(r.Published);
            foreach (var e in r.Events)
            {
                if (e is null) continue;
                var (lo, hi) = DateInterval(e.Date);
                p["$event_id"].Value = Val(e.Id);
                p["$type"].Value = Val(e.Type);
                p["$mode"].Value = Val(e.Mode);
                p["$cameo"].Value = Val(e.Cameo);
                p["$goldstein"].Value = (object?)e.Goldstein ?? DBNull.Value;
                p["$date"].Value = Val(e.Date);
                p["$date_lo"].Value = Val(lo);
                p["$date_hi"].Value = Val(hi);
                p["$date_text"].Value = Val(e.DateText);
                p["$date_source"].Value = Val(e.DateSource);
                p["$location_name"].Value = Val(e.Location?.Name);
                p["$location_country"].Value = Val(e.Location?.Country);
                p["$lat"].Value = (object?)e.Location?.Lat ?? DBNull.Value;
                p["$lon"].Value = (object?)e.Location?.Lon ?? DBNull.Value;
                p["$negated"].Value = e.Negated ? 1 : 0;
                p["$modality"].Value = Val(e.Modality);
                p["$trigger"].Value = Val(e.Trigger);
                p["$sentence"].Value = e.Sentence;
                p["$start"].Value = e.Start;
                p["$end"].Value = e.End;
                p["$confidence"].Value = e.Confidence;
                p["$evidence"].Value = e.Evidence is null ? DBNull.Value : JsonSerializer.Serialize(e.Evidence, StoreJsonContext.Default.ListEvidenceRecord);
                p["$sentence_text"].Value = Val(SentenceTextOf(r, e));
                var eventRow = (long)_event.ExecuteScalar()!;
                Parties(eventRow, "source", e.Source);
                Parties(eventRow, "target", e.Target);
            }
            var a = _actor.Parameters;
            a["$row"].Value = rowid;
            foreach (var actor in r.Actors)
            {
                if (actor is null || string.IsNullOrEmpty(actor.Name)) continue;
                a["$id"].Value = actor.Id ?? "";
                a["$name"].Value = actor.Name;
                a["$key"].Value = TextFold.Fold(actor.Name);
                a["$kind"].Value = Val(actor.Kind);
                a["$code"].Value = Val(actor.Code);
                a["$country"].Value = Val(actor.Country);
                a["$role"].Value = Val(actor.Role);
                a["$mentions"].Value = actor.Mentions?.Count ?? 0;
                _actor.ExecuteNonQuery();
            }
        }

        void Parties(long eventRow, string side, List<ActorRef>? refs)
        {
            if (refs is null) return;
            var p = _party.Parameters;
            p["$e"].Value = eventRow;
            p["$side"].Value = side;
            for (var i = 0; i < refs.Count; i++)
            {
                var x = refs[i];
                if (x is null) continue;
                p["$idx"].Value = i;
                p["$actor"].Value = Val(x.Actor);
                p["$name"].Value = Val(x.Name);
                p["$code"].Value = Val(x.Code);
                p["$country"].Value = Val(x.Country);
                _party.ExecuteNonQuery();
            }
        }

        public void Dispose()
        {
            _event.Dispose();
            _party.Dispose();
            _actor.Dispose();
        }
    }

    /// <summary>The body sentence of the event, or the headline/caption span it was coded from; null when out of range.</summary>
    internal static string? SentenceTextOf(ArticleRecord r, EventRecord e)
    {
        static string? Slice(string? s, int start, int end) =>
            s is not null && 0 <= start && start <= end && end <= s.Length ? s[start..end] : null;
        if (e.Sentence >= 0)
        {
            if (e.Sentence < r.Sentences.Count && Slice(r.Text, r.Sentences[e.Sentence].Start, r.Sentences[e.Sentence].End) is { } sentence)
                return sentence;
            return Slice(r.Text, e.Start, e.End);
        }
        var first = e.Evidence is { Count: > 0 } ev ? ev[0] : null;
        return first?.Where switch
        {
            "title" => Slice(r.Title, e.Start, e.End),
            "caption" when first.Caption is int c && c >= 0 && c < r.Captions.Count => Slice(r.Captions[c], e.Start, e.End),
            _ => null,
        };
    }

    /// <summary>
    /// The first and last day (YYYY-MM-DD) an event date covers: "2019" → 2019-01-01..2019-12-31, "2023-09" →
    /// 2023-09-01..2023-09-30, a day → itself. Longer values are read by their first 10 characters; dates without
    /// a year (XXXX-01-23) or not dates at all → (null, null).
    /// </summary>
    public static (string? Lo, string? Hi) DateInterval(string? date)
    {
        if (date is null) return (null, null);
        var d = date.Length > 10 && date[10] == 'T' ? date[..10] : date;
        if (!QuoteQuery.IsPartialDate(d)) return (null, null);
        var year = int.Parse(d.AsSpan(0, 4), CultureInfo.InvariantCulture);
        if (year < 1) return (null, null);
        if (d.Length == 4) return ($"{d}-01-01", $"{d}-12-31");
        if (d.Length == 7)
        {
            var month = int.Parse(d.AsSpan(5, 2), CultureInfo.InvariantCulture);
            return ($"{d}-01", $"{d}-{DateTime.DaysInMonth(year, month):00}");
        }
        return (d, d);
    }

    static readonly Lazy<HashSet<string>> PloverTypes = new(() =>
        Knowledge.ReadTable("export/plover-quad.tsv").Where(c => c[0].Length > 0).Select(c => c[0].ToUpperInvariant()).ToHashSet(StringComparer.Ordinal));

    /// <summary>The PLOVER event types <see cref="EventQuery.Type"/> accepts (knowledge/export/plover-quad.tsv).</summary>
    public static IReadOnlyCollection<string> KnownEventTypes => PloverTypes.Value;

    /// <summary>
    /// Stored events matching every set filter of <paramref name="q"/>, latest event date first (undated last), then by
    /// article and position. Streams: rows are read as the caller enumerates; do not add while enumerating.
    /// A bad date bound, type or modality throws <see cref="ArgumentException"/> at the call, before enumeration.
    /// </summary>
    public IEnumerable<StoredEvent> Events(EventQuery q) => ReadEvents(EventCommand(q, count: false));

    /// <summary>How many events <see cref="Events"/> would return for <paramref name="q"/> (Limit and Offset included).</summary>
    public long CountEvents(EventQuery q)
    {
        using var cmd = EventCommand(q, count: true);
        return (long)cmd.ExecuteScalar()!;
    }

    SqliteCommand EventCommand(EventQuery q, bool count)
    {
        ArgumentNullException.ThrowIfNull(q);
        if (q.Limit is { } limit) ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit, nameof(q.Limit));
        ArgumentOutOfRangeException.ThrowIfNegative(q.Offset);
        Flush();
        var where = new List<string>();
        var cmd = Command("");
        try
        {
            void Party(string? value, string name, string? side)
            {
                if (Blank(value) is not { } v) return;
                var code = v.ToUpperInvariant();
                var sideSql = side is null ? "" : $" AND side = '{side}'";
                where.Add($"""
                    e.rowid IN (SELECT event_rowid FROM event_actors WHERE code >= ${name} AND code < ${name}_end{sideSql}
                                UNION SELECT event_rowid FROM event_actors WHERE country = ${name}{sideSql})
                    """);
                cmd.Parameters.AddWithValue("$" + name, code);
                cmd.Parameters.AddWithValue("$" + name + "_end", code + PrefixEnd);
            }
            Party(q.Actor, "actor", null);
            Party(q.Source, "source", "source");
            Party(q.Target, "target", "target");
            if (Blank(q.Type) is { } type)
            {
                if (type.All(char.IsAsciiDigit))
                {
                    if (type.Length is < 2 or > 4)
                        throw new ArgumentException($"Type: \"{type}\" is not a CAMEO code (2 to 4 digits)", nameof(q.Type));
                    where.Add("e.cameo >= $cameo AND e.cameo < $cameo_end");
                    cmd.Parameters.AddWithValue("$cameo", type);
                    cmd.Parameters.AddWithValue("$cameo_end", type + PrefixEnd);
                }
                else
                {
                    var t = type.ToUpperInvariant();
                    if (!PloverTypes.Value.Contains(t))
                        throw new ArgumentException($"Type: \"{type}\" is neither a PLOVER type ({string.Join(", ", PloverTypes.Value)}) nor a CAMEO code", nameof(q.Type));
                    where.Add("e.type = $type COLLATE NOCASE");
                    cmd.Parameters.AddWithValue("$type", t);
                }
            }
            AddDateWindow(where, v => Bind(cmd, v), "e", q.From, q.To);
            if (Blank(q.Modality) is { } modality)
            {
                var m = modality.ToLowerInvariant();
                if (!EventQuery.Modalities.Contains(m))
                    throw new ArgumentException($"Modality: \"{modality}\" is not one of {string.Join(", ", EventQuery.Modalities)}", nameof(q.Modality));
                where.Add("e.modality = $modality");
                cmd.Parameters.AddWithValue("$modality", m);
            }
            if (!q.IncludeNegated) where.Add("e.negated = 0");
            var filter = where.Count > 0 ? "WHERE " + string.Join("\n  AND ", where) : "";
            cmd.CommandText = count
                ? $"SELECT COUNT(*) FROM (SELECT 1 FROM events e {filter} LIMIT $limit OFFSET $offset);"
                : $"""
                SELECT a.id, a.content_hash, a.title, a.outlet, a.published, a.url, a.ingested_at,
                       e.event_id, e.type, e.mode, e.cameo, e.goldstein, e.date, e.date_text, e.date_source,
                       e.location_name, e.location_country, e.lat, e.lon, e.negated, e.modality, e.trigger,
                       e.sentence, e.start, e."end", e.confidence, e.evidence, e.sentence_text,
                       (SELECT json_group_array(json_array(side, idx, actor, name, code, country)) FROM event_actors x WHERE x.event_rowid = e.rowid)
                FROM events e
                JOIN articles a ON a.rowid = e.article_rowid
                {filter}
                ORDER BY e.date_lo IS NULL, e.date DESC, e.article_id, e.article_rowid, e.start, e.rowid
                LIMIT $limit OFFSET $offset;
                """;
            cmd.Parameters.AddWithValue("$limit", q.Limit ?? -1);
            cmd.Parameters.AddWithValue("$offset", q.Offset);
            return cmd;
        }
        catch
        {
            cmd.Dispose();
            throw;
        }
    }

    static IEnumerable<StoredEvent> ReadEvents(SqliteCommand cmd)
    {
        using (cmd)
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
                double? D(int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
                var e = new EventRecord
                {
                    Id = r.GetString(7),
                    Type = r.GetString(8),
                    Mode = S(9),
                    Cameo = S(10),
                    Goldstein = D(11),
                    Date = S(12),
                    DateText = S(13),
                    DateSource = S(14),
                    Location = S(15) is { } place ? new LocationRecord { Name = place, Country = S(16), Lat = D(17), Lon = D(18) } : null,
                    Negated = r.GetInt64(19) != 0,
                    Modality = S(20) ?? "asserted",
                    Trigger = S(21),
                    Sentence = r.GetInt32(22),
                    Start = r.GetInt32(23),
                    End = r.GetInt32(24),
                    Confidence = D(25) ?? 0,
                    Evidence = S(26) is { } ev ? JsonSerializer.Deserialize(ev, StoreJsonContext.Default.ListEvidenceRecord) : null,
                };
                ReadParties(S(28), e);
                yield return new StoredEvent
                {
                    ArticleId = r.GetString(0), ContentHash = r.GetString(1), Title = S(2), Outlet = S(3), Published = S(4),
                    Url = S(5), IngestedAt = S(6), Event = e, SentenceText = S(27),
                };
            }
        }
    }

    /// <summary>Parties from [[side, idx, actor, name, code, country], …], each side in idx order.</summary>
    static void ReadParties(string? json, EventRecord e)
    {
        if (json is null) return;
        using var doc = JsonDocument.Parse(json);
        var parties = new List<(string Side, int Idx, ActorRef Ref)>();
        foreach (var row in doc.RootElement.EnumerateArray())
        {
            static string? Str(JsonElement x) => x.ValueKind == JsonValueKind.String ? x.GetString() : null;
            parties.Add((row[0].GetString()!, row[1].GetInt32(), new ActorRef { Actor = Str(row[2]), Name = Str(row[3]), Code = Str(row[4]), Country = Str(row[5]) }));
        }
        foreach (var p in parties.OrderBy(p => p.Idx))
            (p.Side == "source" ? e.Source : e.Target).Add(p.Ref);
    }

    /// <summary>
    /// Actors named in stored articles, aggregated by name, code, country and kind: in how many articles and with how
    /// many mentions in all. Most widely named first.
    /// </summary>
    public IReadOnlyList<StoredActor> Actors(ActorQuery q)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(q.Limit);
        ArgumentOutOfRangeException.ThrowIfNegative(q.Offset);
        Flush();
        var where = new List<string>();
        using var cmd = Command("");
        if (Blank(q.Name) is { } name && Fold(name) is { Length: > 0 } key)
        {
            where.Add("instr(name_key, $name) > 0");
            cmd.Parameters.AddWithValue("$name", key);
        }
        if (Blank(q.Code) is { } code)
        {
            where.Add("((code >= $code AND code < $code_end) OR country = $code)");
            cmd.Parameters.AddWithValue("$code", code.ToUpperInvariant());
            cmd.Parameters.AddWithValue("$code_end", code.ToUpperInvariant() + PrefixEnd);
        }
        if (Blank(q.Kind) is { } kind)
        {
            where.Add("kind = $kind COLLATE NOCASE");
            cmd.Parameters.AddWithValue("$kind", kind);
        }
        cmd.CommandText = $"""
            SELECT name, code, country, kind, COUNT(DISTINCT article_rowid) AS articles, SUM(mentions) AS mentions
            FROM article_actors
            {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            GROUP BY name, code, country, kind
            ORDER BY articles DESC, mentions DESC, name, code
            LIMIT $limit OFFSET $offset;
            """;
        cmd.Parameters.AddWithValue("$limit", q.Limit);
        cmd.Parameters.AddWithValue("$offset", q.Offset);
        var list = new List<StoredActor>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            list.Add(new StoredActor(r.GetString(0), S(1), S(2), S(3), r.GetInt64(4), r.GetInt64(5)));
        }
        return list;
    }
}
