using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Parley.Core;

namespace Parley.Store;

/// <summary>
/// Articles in one SQLite file: idempotent by content hash, full-text searchable (FTS5 over title and
/// text), with sentence spans for later stages, the records' quotes as queryable rows (FTS5 over quote
/// text) and a deduplicated log of records that had no text.
/// Writes are batched: a transaction is committed every <see cref="BatchSize"/> adds and on
/// <see cref="Flush"/>/<see cref="Dispose"/>, so a crash loses at most the open batch. Reads flush first,
/// so they see everything added. One writer per file; other processes may open it (they wait on locks).
/// Not thread-safe: use one instance per thread.
/// </summary>
public sealed partial class SqliteStore : IDisposable
{
    public const int SchemaVersion = 4;
    public const int BatchSize = 500;

    readonly SqliteConnection _db;
    readonly string _path;
    SqliteTransaction? _tx;
    // The statements Add runs (article, sentences; quotes and their index), prepared once and reused (Transaction set on each use).
    SqliteCommand? _insertArticle, _insertSentence, _insertQuote, _indexQuotes;
    int _pending;
    bool _disposed;

    SqliteStore(SqliteConnection db, string path)
    {
        _db = db;
        _path = path;
    }

    /// <summary>Opens (creating if need be) the store at <paramref name="path"/>.</summary>
    public static SqliteStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { Length: > 0 } dir) Directory.CreateDirectory(dir);
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false, // Dispose really closes the file
            DefaultTimeout = 30,
        }.ToString();
        var db = new SqliteConnection(cs);
        try
        {
            db.Open();
            Exec(db, "PRAGMA busy_timeout = 10000;");
            var mode = Scalar(db, "PRAGMA journal_mode = WAL;") as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"could not switch {path} to WAL mode (got {mode})");
            Exec(db, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
            CreateSchema(db, path);
            return new SqliteStore(db, full);
        }
        catch (SqliteException ex)
        {
            db.Dispose();
            throw new InvalidOperationException($"cannot open store {path}: {ex.Message}", ex);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    static void CreateSchema(SqliteConnection db, string path)
    {
        // A plain read first: when the schema is current (another process may be writing right now),
        // opening must not need the write lock.
        if (Scalar(db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version';") is 1L)
        {
            var current = Scalar(db, "SELECT MAX(version) FROM schema_version;");
            if (current is long c && c == SchemaVersion) return;
        }
        using var tx = db.BeginTransaction();
        Exec(db, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);", tx);
        var existing = Scalar(db, "SELECT MAX(version) FROM schema_version;", tx) as long? ?? 0;
        if (existing > SchemaVersion)
            throw new InvalidOperationException($"store {path} has schema version {existing}; this build knows up to {SchemaVersion}");
        if (existing == SchemaVersion) { tx.Commit(); return; }
        // Migrations in order; a new store runs them all (the backfill then has nothing to read).
        if (existing < 1) Exec(db, SchemaV1, tx);
        if (existing < 2)
        {
            Exec(db, SchemaV2, tx);
            BackfillQuotes(db, tx);
        }
        if (existing < 3)
        {
            Exec(db, SchemaV3, tx);
            BackfillEvents(db, tx);
        }
        if (existing < 4)
        {
            Exec(db, SchemaV4, tx);
            BackfillProcess(db, tx);
        }
        using (var cmd = db.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "DELETE FROM schema_version; INSERT INTO schema_version(version) VALUES ($v);";
            cmd.Parameters.AddWithValue("$v", SchemaVersion);
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }

    const string SchemaV1 = """
        CREATE TABLE IF NOT EXISTS articles (
            rowid            INTEGER PRIMARY KEY,
            id               TEXT NOT NULL,
            content_hash     TEXT NOT NULL UNIQUE,
            source           TEXT NOT NULL,
            url              TEXT,
            title            TEXT,
            subtitle         TEXT,
            published        TEXT,
            published_source TEXT,
            outlet           TEXT,
            byline           TEXT,
            text             TEXT NOT NULL,
            record_json      TEXT NOT NULL,
            ingested_at      TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS articles_by_id ON articles(id);
        CREATE INDEX IF NOT EXISTS articles_by_outlet ON articles(outlet);
        CREATE INDEX IF NOT EXISTS articles_by_published ON articles(published);

        CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
            title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;

        CREATE TABLE IF NOT EXISTS sentences (
            article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            idx           INTEGER NOT NULL,
            start         INTEGER NOT NULL,
            "end"         INTEGER NOT NULL,
            PRIMARY KEY (article_rowid, idx)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS ingest_errors (
            rowid      INTEGER PRIMARY KEY,
            source     TEXT NOT NULL,
            id         TEXT NOT NULL,
            message    TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            UNIQUE (source, id, message)
        );
        """;

    // v2: one row per quote of an article (article fields copied for filtering), FTS5 over quote text and speaker.
    // speaker_key is the speaker's name and text lower-cased with accents removed, for substring search.
    // Triggers keep quotes_fts in step on update and delete; inserts index an article's quotes in one statement
    // (IndexQuotesSql): an insert trigger made every row flush FTS5's pending data and cost 2-3x in ingest.
    const string SchemaV2 = """
        CREATE TABLE IF NOT EXISTS quotes (
            rowid         INTEGER PRIMARY KEY,
            article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            content_hash  TEXT NOT NULL,
            article_id    TEXT NOT NULL,
            published     TEXT,
            quote_id      TEXT,
            kind          TEXT,
            text          TEXT,
            start         INTEGER NOT NULL,
            "end"         INTEGER NOT NULL,
            sentence      INTEGER NOT NULL,
            speaker_name  TEXT,
            speaker_text  TEXT,
            speaker_start INTEGER,
            speaker_end   INTEGER,
            actor         TEXT,
            code          TEXT,
            country       TEXT,
            cue           TEXT,
            confidence    REAL,
            speaker_key   TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS quotes_by_article ON quotes(article_rowid);
        CREATE INDEX IF NOT EXISTS quotes_by_speaker ON quotes(speaker_name COLLATE NOCASE);
        CREATE INDEX IF NOT EXISTS quotes_by_code ON quotes(code);
        CREATE INDEX IF NOT EXISTS quotes_by_country ON quotes(country);
        CREATE INDEX IF NOT EXISTS quotes_by_published ON quotes(published DESC, article_id, article_rowid, start);

        CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(
            text, speaker_name, content='quotes', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER IF NOT EXISTS quotes_fts_delete AFTER DELETE ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name) VALUES ('delete', old.rowid, old.text, old.speaker_name);
        END;
        CREATE TRIGGER IF NOT EXISTS quotes_fts_update AFTER UPDATE ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name) VALUES ('delete', old.rowid, old.text, old.speaker_name);
            INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (new.rowid, new.text, new.speaker_name);
        END;
        """;

    /// <summary>v1 → v2: quote rows from the stored records, then their index. A record that no longer parses is skipped, not fatal.</summary>
    static void BackfillQuotes(SqliteConnection db, SqliteTransaction tx)
    {
        using (var insert = NewQuoteInsert(db))
        using (var read = db.CreateCommand())
        {
            insert.Transaction = tx;
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
                catch (System.Text.Json.JsonException)
                {
                    continue;
                }
                if (record is { Quotes.Count: > 0 }) InsertQuotes(insert, r.GetInt64(0), r.GetString(1), record);
            }
        }
        Exec(db, "INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');", tx);
    }

    const string IndexQuotesSql = """
        INSERT INTO quotes_fts(rowid, text, speaker_name) SELECT rowid, text, speaker_name FROM quotes WHERE article_rowid = $row;
        """;

    /// <summary>
    /// Stores one record. Same content hash as a stored article → <see cref="AddResult.Unchanged"/>, nothing
    /// written. No text → its errors (or "no text") go to ingest_errors, once per (source, id, message).
    /// A record that cannot be stored (e.g. it will not serialise) is rolled back on its own, logged to
    /// ingest_errors, and the batch goes on.
    /// </summary>
    public AddResult Add(ArticleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (string.IsNullOrWhiteSpace(record.Text))
        {
            var message = record.Errors.Count > 0 ? string.Join("; ", record.Errors) : "no text";
            RecordError(record.Source, record.Id, message);
            return AddResult.ErrorRecorded;
        }
        string json;
        try
        {
            json = RecordJson.Serialize(record);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NotSupportedException or System.Text.Json.JsonException)
        {
            RecordError(record.Source, record.Id, $"store: record could not be serialised: {ex.Message}");
            return AddResult.ErrorRecorded;
        }
        var hash = record.ContentHash is { Length: > 0 } h ? h : HashOf(record);
        var tx = Begin();
        tx.Save("add_record");
        try
        {
            var result = InsertArticle(record, hash, json);
            tx.Release("add_record");
            if (result == AddResult.Inserted) Counted();
            return result;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is not (SQLITE_BUSY or SQLITE_FULL or SQLITE_IOERR or SQLITE_CORRUPT))
        {
            // Undo this record only; the rest of the open batch stays.
            tx.Rollback("add_record");
            tx.Release("add_record");
            RecordError(record.Source, record.Id, $"store: {ex.Message}");
            return AddResult.ErrorRecorded;
        }
    }

    const int SQLITE_BUSY = 5, SQLITE_FULL = 13, SQLITE_IOERR = 10, SQLITE_CORRUPT = 11;

    /// <summary>Stand-in idempotence key when a record carries no hash: its source and text.</summary>
    static string HashOf(ArticleRecord r) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(r.Source + "\n" + r.Text)));

    AddResult InsertArticle(ArticleRecord r, string hash, string json)
    {
        long rowid;
        var cmd = Prepared(ref _insertArticle, """
            INSERT INTO articles (id, content_hash, source, url, title, subtitle, published, published_source,
                                  outlet, byline, text, record_json, ingested_at)
            VALUES ($id, $hash, $source, $url, $title, $subtitle, $published, $published_source,
                    $outlet, $byline, $text, $json, $now)
            ON CONFLICT(content_hash) DO NOTHING
            RETURNING rowid;
            """);
        {
            // Nulls become SQL NULL, so a record missing a required field fails on the NOT NULL constraint.
            cmd.Parameters.Clear();
            cmd.Parameters.AddWithValue("$id", Val(r.Id));
            cmd.Parameters.AddWithValue("$hash", hash);
            cmd.Parameters.AddWithValue("$source", Val(r.Source));
            cmd.Parameters.AddWithValue("$url", Val(r.Url));
            cmd.Parameters.AddWithValue("$title", Val(r.Title));
            cmd.Parameters.AddWithValue("$subtitle", Val(r.Subtitle));
            cmd.Parameters.AddWithValue("$published", Val(r.Published));
            cmd.Parameters.AddWithValue("$published_source", Val(r.PublishedSource));
            cmd.Parameters.AddWithValue("$outlet", Val(r.Outlet));
            cmd.Parameters.AddWithValue("$byline", Val(r.Byline));
            cmd.Parameters.AddWithValue("$text", Val(r.Text));
            cmd.Parameters.AddWithValue("$json", json);
            cmd.Parameters.AddWithValue("$now", Now());
            var result = cmd.ExecuteScalar();
            if (result is null or DBNull) return AddResult.Unchanged;
            rowid = (long)result;
        }
        if (r.Sentences.Count > 0)
        {
            var s = Prepared(ref _insertSentence, """INSERT INTO sentences (article_rowid, idx, start, "end") VALUES ($row, $idx, $start, $end);""");
            s.Parameters.Clear();
            var pRow = s.Parameters.Add("$row", SqliteType.Integer);
            var pIdx = s.Parameters.Add("$idx", SqliteType.Integer);
            var pStart = s.Parameters.Add("$start", SqliteType.Integer);
            var pEnd = s.Parameters.Add("$end", SqliteType.Integer);
            pRow.Value = rowid;
            for (var i = 0; i < r.Sentences.Count; i++)
            {
                pIdx.Value = i;
                pStart.Value = r.Sentences[i].Start;
                pEnd.Value = r.Sentences[i].End;
                s.ExecuteNonQuery();
            }
        }
        if (r.Quotes.Count > 0)
        {
            _insertQuote ??= NewQuoteInsert(_db);
            _insertQuote.Transaction = _tx;
            InsertQuotes(_insertQuote, rowid, hash, r);
            var index = Prepared(ref _indexQuotes, IndexQuotesSql);
            index.Parameters.Clear();
            index.Parameters.AddWithValue("$row", rowid);
            index.ExecuteNonQuery();
        }
        InsertEventRows(rowid, hash, r);
        InsertProcessRows(rowid, r);
        return AddResult.Inserted;
    }

    static SqliteCommand NewQuoteInsert(SqliteConnection db)
    {
        var cmd = db.CreateCommand();
        cmd.CommandText = """
            INSERT INTO quotes (article_rowid, content_hash, article_id, published, quote_id, kind, text, start, "end", sentence,
                                speaker_name, speaker_text, speaker_start, speaker_end, actor, code, country, cue, confidence, speaker_key)
            VALUES ($row, $hash, $article, $published, $id, $kind, $text, $start, $end, $sentence,
                    $sname, $stext, $sstart, $send, $actor, $code, $country, $cue, $confidence, $skey);
            """;
        foreach (var name in QuoteParameters)
            cmd.Parameters.Add(name, name switch
            {
                "$row" or "$start" or "$end" or "$sentence" or "$sstart" or "$send" => SqliteType.Integer,
                "$confidence" => SqliteType.Real,
                _ => SqliteType.Text,
            });
        return cmd;
    }

    static readonly string[] QuoteParameters =
    [
        "$row", "$hash", "$article", "$published", "$id", "$kind", "$text", "$start", "$end", "$sentence",
        "$sname", "$stext", "$sstart", "$send", "$actor", "$code", "$country", "$cue", "$confidence", "$skey",
    ];

    /// <summary>The record's quotes as rows of the article at <paramref name="rowid"/> (parameters in <see cref="QuoteParameters"/> order).</summary>
    static void InsertQuotes(SqliteCommand cmd, long rowid, string hash, ArticleRecord r)
    {
        var p = cmd.Parameters;
        p[0].Value = rowid;
        p[1].Value = hash;
        p[2].Value = Val(r.Id);
        p[3].Value = Val(r.Published);
        foreach (var q in r.Quotes)
        {
            if (q is null) continue;
            var sp = q.Speaker;
            p[4].Value = Val(q.Id);
            p[5].Value = Val(q.Kind);
            p[6].Value = Val(q.Text);
            p[7].Value = q.Start;
            p[8].Value = q.End;
            p[9].Value = q.Sentence;
            p[10].Value = Val(sp?.Name);
            p[11].Value = Val(sp?.Text);
            p[12].Value = (object?)sp?.Start ?? DBNull.Value;
            p[13].Value = (object?)sp?.End ?? DBNull.Value;
            p[14].Value = Val(sp?.Actor);
            p[15].Value = Val(sp?.Code);
            p[16].Value = Val(sp?.Country);
            p[17].Value = Val(q.Cue);
            p[18].Value = q.Confidence;
            p[19].Value = SpeakerKey(sp?.Name, sp?.Text);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Name and text as written, folded, on two lines (so a search cannot match across them).</summary>
    static string SpeakerKey(string? name, string? text) => Fold(name) + "\n" + Fold(text);

    static string Fold(string? s) => TextFold.Fold(s);

    void RecordError(string? source, string? id, string message)
    {
        Begin();
        using var cmd = Command("""
            INSERT INTO ingest_errors (source, id, message, first_seen) VALUES ($source, $id, $message, $now)
            ON CONFLICT(source, id, message) DO NOTHING;
            """);
        cmd.Parameters.AddWithValue("$source", source ?? "");
        cmd.Parameters.AddWithValue("$id", id ?? "");
        cmd.Parameters.AddWithValue("$message", message);
        cmd.Parameters.AddWithValue("$now", Now());
        if (cmd.ExecuteNonQuery() > 0) Counted();
    }

    static object Val(string? s) => (object?)s ?? DBNull.Value;

    static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    SqliteTransaction Begin() => _tx ??= _db.BeginTransaction(deferred: false);

    void Counted()
    {
        if (++_pending >= BatchSize) Flush();
    }

    /// <summary>Commits the open batch, if any.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_tx is null) return;
        MergePending();
        _tx.Commit();
        _tx.Dispose();
        _tx = null;
        _pending = 0;
    }

    SqliteCommand Prepared(ref SqliteCommand? cached, string sql)
    {
        if (cached is null)
        {
            cached = _db.CreateCommand();
            cached.CommandText = sql;
        }
        cached.Transaction = _tx;
        return cached;
    }

    SqliteCommand Command(string sql)
    {
        var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = _tx;
        return cmd;
    }

    // ---- reads ------------------------------------------------------------------------------

    /// <summary>The most recently stored article with this id, or null.</summary>
    public ArticleRecord? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        Flush();
        using var cmd = Command("SELECT record_json FROM articles WHERE id = $id ORDER BY rowid DESC LIMIT 1;");
        cmd.Parameters.AddWithValue("$id", id);
        return cmd.ExecuteScalar() is string json ? RecordJson.Deserialize(json) : null;
    }

    /// <summary>All stored articles in insertion order, read one row at a time. Do not add while enumerating.</summary>
    public IEnumerable<ArticleRecord> Articles()
    {
        Flush();
        using var cmd = Command("SELECT record_json FROM articles ORDER BY rowid;");
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var record = RecordJson.Deserialize(reader.GetString(0));
            if (record is not null) yield return record;
        }
    }

    /// <summary>
    /// Full-text search (FTS5 query syntax: words, "phrases", AND/OR/NOT, prefix*, title:word), best first,
    /// with a snippet of the matching text. A malformed query throws <see cref="ArgumentException"/>.
    /// </summary>
    public IEnumerable<(string Id, string Title, string Snippet)> Search(string ftsQuery, int limit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ftsQuery);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        Flush();
        using var cmd = Command("""
            SELECT a.id, COALESCE(a.title, ''), snippet(articles_fts, 1, '[', ']', '…', 16)
            FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
            WHERE articles_fts MATCH $q
            ORDER BY rank
            LIMIT $limit;
            """);
        cmd.Parameters.AddWithValue("$q", ftsQuery);
        cmd.Parameters.AddWithValue("$limit", limit);
        var results = new List<(string, string, string)>();
        try
        {
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) results.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1) // SQLITE_ERROR: fts5 syntax errors and the like
        {
            throw new ArgumentException($"invalid full-text query \"{ftsQuery}\": {ex.Message.Replace("SQLite Error 1: ", "")}", nameof(ftsQuery), ex);
        }
        return results;
    }

    /// <summary>
    /// Stored quotes matching every set filter of <paramref name="q"/>, newest article first, then by article and
    /// position in it. A bad date bound or an <see cref="QuoteQuery.About"/> without words throws <see cref="ArgumentException"/>.
    /// </summary>
    public IEnumerable<StoredQuote> Quotes(QuoteQuery q)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(q.Limit);
        ArgumentOutOfRangeException.ThrowIfNegative(q.Offset);
        Flush();
        var where = new List<string>();
        using var cmd = Command("");
        if (Blank(q.Speaker) is { } who && Fold(who).Replace("\n", " ") is { Length: > 0 } key)
        {
            where.Add("instr(q.speaker_key, $speaker) > 0");
            cmd.Parameters.AddWithValue("$speaker", key);
        }
        if (Blank(q.Actor) is { } actor)
        {
            // equal code or country, or a code that starts with it (a range, so the code index serves)
            where.Add("(q.code = $actor OR q.country = $actor OR (q.code > $actor AND q.code < $actor_end))");
            cmd.Parameters.AddWithValue("$actor", actor.ToUpperInvariant());
            cmd.Parameters.AddWithValue("$actor_end", actor.ToUpperInvariant() + PrefixEnd);
        }
        if (Blank(q.About) is { } about)
        {
            where.Add("q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH $about)");
            cmd.Parameters.AddWithValue("$about", QuotedFtsQuery(about, "text"));
        }
        if (Blank(q.From) is { } from)
        {
            where.Add("q.published >= $from");
            cmd.Parameters.AddWithValue("$from", DateBound(from, nameof(q.From)));
        }
        if (Blank(q.To) is { } to)
        {
            where.Add("q.published < $to_end");
            cmd.Parameters.AddWithValue("$to_end", DateBound(to, nameof(q.To)) + PrefixEnd);
        }
        if (Blank(q.Kind) is { } kind)
        {
            where.Add("q.kind = $kind COLLATE NOCASE");
            cmd.Parameters.AddWithValue("$kind", kind.ToLowerInvariant());
        }
        // NULLs sort last in descending order: undated articles come at the end.
        cmd.CommandText = $"""
            SELECT q.article_rowid, a.id, a.content_hash, a.title, a.outlet, a.published, a.url,
                   q.quote_id, q.kind, q.text, q.start, q."end", q.sentence, q.cue, q.confidence,
                   q.speaker_name, q.speaker_text, q.speaker_start, q.speaker_end, q.actor, q.code, q.country,
                   s.start, s."end"
            FROM quotes q
            JOIN articles a ON a.rowid = q.article_rowid
            LEFT JOIN sentences s ON s.article_rowid = q.article_rowid AND s.idx = q.sentence
            {(where.Count > 0 ? "WHERE " + string.Join("\n  AND ", where) : "")}
            ORDER BY q.published DESC, q.article_id, q.article_rowid, q.start, q.rowid
            LIMIT $limit OFFSET $offset;
            """;
        cmd.Parameters.AddWithValue("$limit", q.Limit);
        cmd.Parameters.AddWithValue("$offset", q.Offset);

        var rows = new List<(long Article, StoredQuote Quote, int SentenceStart, int SentenceEnd)>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
                int? I(int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
                var speaker = new SpeakerRecord
                {
                    Name = S(15), Text = S(16), Start = I(17), End = I(18), Actor = S(19), Code = S(20), Country = S(21),
                };
                var quote = new QuoteRecord
                {
                    Id = S(7) ?? "", Kind = S(8) ?? "", Text = S(9) ?? "",
                    Start = r.GetInt32(10), End = r.GetInt32(11), Sentence = r.GetInt32(12),
                    Cue = S(13), Confidence = r.IsDBNull(14) ? 0 : r.GetDouble(14),
                    Speaker = speaker is { Name: null, Text: null, Start: null, End: null, Actor: null, Code: null, Country: null } ? null : speaker,
                };
                rows.Add((r.GetInt64(0), new StoredQuote
                {
                    ArticleId = r.GetString(1), ContentHash = r.GetString(2), Title = S(3), Outlet = S(4), Published = S(5), Url = S(6),
                    Quote = quote,
                }, I(22) ?? -1, I(23) ?? -1));
            }
        }
        // Sentence text from the article text (C# offsets are UTF-16; SQLite's substr counts code points).
        var texts = new Dictionary<long, string>();
        var result = new List<StoredQuote>(rows.Count);
        foreach (var (article, stored, start, end) in rows)
        {
            if (start < 0) { result.Add(stored); continue; }
            if (!texts.TryGetValue(article, out var text))
            {
                using var t = Command("SELECT text FROM articles WHERE rowid = $r;");
                t.Parameters.AddWithValue("$r", article);
                texts[article] = text = t.ExecuteScalar() as string ?? "";
            }
            result.Add(start <= end && end <= text.Length ? stored with { SentenceText = text[start..end] } : stored);
        }
        return result;
    }

    /// <summary>Sorts after every character of a code or date, so [x, x + PrefixEnd) is "starts with x".</summary>
    const string PrefixEnd = "\uFFFF";

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>
    /// Inclusive window over partial dates on a table with date_lo/date_hi: a row matches when its interval
    /// overlaps the window. <paramref name="bind"/> turns a bound into a parameter name.
    /// </summary>
    static void AddDateWindow(List<string> where, Func<string, string> bind, string alias, string? from, string? to)
    {
        if (Blank(from) is { } f) where.Add($"{alias}.date_hi >= {bind(DateInterval(DateBound(f, "From")).Lo!)}");
        if (Blank(to) is { } t) where.Add($"{alias}.date_lo <= {bind(DateInterval(DateBound(t, "To")).Hi!)}");
    }

    /// <summary>A parameter of <paramref name="cmd"/> holding <paramref name="value"/>, named by its position.</summary>
    static string Bind(SqliteCommand cmd, string value)
    {
        var name = "$w" + cmd.Parameters.Count;
        cmd.Parameters.AddWithValue(name, value);
        return name;
    }

    static string DateBound(string value, string name) =>
        QuoteQuery.IsPartialDate(value) ? value
            : throw new ArgumentException($"{name}: not a date: \"{value}\" (expected YYYY, YYYY-MM or YYYY-MM-DD)", name);

    /// <summary>
    /// User words as a safe FTS5 query on one column: every whitespace-separated term becomes a quoted string
    /// (quotes doubled), all terms required; a trailing * keeps its prefix meaning. Terms without a letter or
    /// digit are dropped; none left → <see cref="ArgumentException"/>.
    /// </summary>
    internal static string QuotedFtsQuery(string words, string column)
    {
        var terms = new List<string>();
        foreach (var raw in words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var prefix = raw.Length > 1 && raw[^1] == '*';
            var term = prefix ? raw.TrimEnd('*') : raw;
            if (!term.Any(char.IsLetterOrDigit)) continue;
            terms.Add("\"" + term.Replace("\"", "\"\"") + "\"" + (prefix ? "*" : ""));
        }
        if (terms.Count == 0) throw new ArgumentException($"no words to search for in \"{words}\"", nameof(words));
        return column + " : (" + string.Join(" ", terms) + ")";
    }

    /// <summary>Counts and ranges over the whole store.</summary>
    public StoreStats GetStats(int topOutlets = 10)
    {
        Flush();
        var articles = (long)Scalar(_db, "SELECT COUNT(*) FROM articles;")!;
        var outlets = (long)Scalar(_db, "SELECT COUNT(DISTINCT outlet) FROM articles;")!;
        var top = new List<(string, long)>();
        using (var cmd = Command("""
            SELECT outlet, COUNT(*) AS n FROM articles WHERE outlet IS NOT NULL
            GROUP BY outlet ORDER BY n DESC, outlet LIMIT $k;
            """))
        {
            cmd.Parameters.AddWithValue("$k", topOutlets);
            using var r = cmd.ExecuteReader();
            while (r.Read()) top.Add((r.GetString(0), r.GetInt64(1)));
        }
        string? from = null, to = null;
        using (var cmd = Command("SELECT MIN(published), MAX(published) FROM articles WHERE published IS NOT NULL;"))
        using (var r = cmd.ExecuteReader())
        {
            if (r.Read())
            {
                from = r.IsDBNull(0) ? null : r.GetString(0);
                to = r.IsDBNull(1) ? null : r.GetString(1);
            }
        }
        var bySource = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var cmd = Command("SELECT COALESCE(published_source, $none), COUNT(*) FROM articles GROUP BY 1 ORDER BY 1;"))
        {
            cmd.Parameters.AddWithValue("$none", StoreStats.NoPublishedSource);
            using var r = cmd.ExecuteReader();
            while (r.Read()) bySource[r.GetString(0)] = r.GetInt64(1);
        }
        var errors = (long)Scalar(_db, "SELECT COUNT(*) FROM ingest_errors;")!;
        long quotes = 0, withSpeaker = 0;
        using (var cmd = Command("SELECT COUNT(*), COUNT(speaker_name) FROM quotes;"))
        using (var r = cmd.ExecuteReader())
            if (r.Read()) (quotes, withSpeaker) = (r.GetInt64(0), r.GetInt64(1));
        return WithEventCounts(new StoreStats(articles, outlets, top, from, to, bySource, errors, DatabaseBytes(), quotes, withSpeaker));
    }

    long DatabaseBytes()
    {
        long total = 0;
        foreach (var suffix in new[] { "", "-wal" })
        {
            var f = new FileInfo(_path + suffix);
            if (f.Exists) total += f.Length;
        }
        return total;
    }

    /// <summary>Ingest errors as stored (source, id, message, first_seen), oldest first.</summary>
    public IEnumerable<(string Source, string Id, string Message, string FirstSeen)> IngestErrors()
    {
        Flush();
        using var cmd = Command("SELECT source, id, message, first_seen FROM ingest_errors ORDER BY rowid;");
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3));
    }

    /// <summary>Sentence spans stored for the article with this content hash.</summary>
    public IReadOnlyList<TextSpan> SentencesOf(string contentHash)
    {
        Flush();
        using var cmd = Command("""
            SELECT s.start, s."end" FROM sentences s JOIN articles a ON a.rowid = s.article_rowid
            WHERE a.content_hash = $h ORDER BY s.idx;
            """);
        cmd.Parameters.AddWithValue("$h", contentHash);
        using var r = cmd.ExecuteReader();
        var list = new List<TextSpan>();
        while (r.Read()) list.Add(new TextSpan(r.GetInt32(0), r.GetInt32(1)));
        return list;
    }

    public void Dispose()
    {
        if (_disposed) return;
        try
        {
            Flush();
        }
        finally
        {
            _disposed = true;
            _insertArticle?.Dispose();
            _insertSentence?.Dispose();
            _insertQuote?.Dispose();
            _indexQuotes?.Dispose();
            DisposeEventRows();
            _tx?.Dispose();
            _db.Dispose();
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    static void Exec(SqliteConnection db, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        cmd.ExecuteNonQuery();
    }

    static object? Scalar(SqliteConnection db, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd.ExecuteScalar();
    }
}
