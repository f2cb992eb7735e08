using Microsoft.Data.Sqlite;
using Parley.Core;
using Parley.Store;

namespace Parley.Store.Tests;

public sealed class SqliteStoreTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("parley-store-").FullName;
    string DbPath => Path.Combine(_dir, "parley.db");

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    static ArticleRecord Article(string id, string text, string? outlet = "Example Times", string? published = "2024-05-01",
        string? publishedSource = "input", string? title = null, string? hash = null)
    {
        var r = new ArticleRecord
        {
            Id = id,
            Source = $"inputs/{id}.txt",
            Title = title ?? $"Headline for {id}",
            Text = text,
            Outlet = outlet,
            Published = published,
            PublishedSource = published is null ? null : publishedSource,
            Url = $"https://example.org/{id}",
            Byline = "A. Reporter",
            ContentHash = hash ?? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id + text))),
        };
        var start = 0;
        foreach (var part in text.Split(". "))
        {
            var end = Math.Min(text.Length, start + part.Length + 1);
            r.Sentences.Add(new TextSpan(start, end));
            start = Math.Min(text.Length, end + 1);
        }
        return r;
    }

    static long Count(string db, string table)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = table switch
        {
            "articles" => "SELECT COUNT(*) FROM articles",
            "sentences" => "SELECT COUNT(*) FROM sentences",
            "ingest_errors" => "SELECT COUNT(*) FROM ingest_errors",
            _ => throw new ArgumentException(table),
        };
        return (long)cmd.ExecuteScalar()!;
    }

    static string Scalar(string db, string sql)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    [Fact]
    public void Inserts_and_reads_back_a_record()
    {
        var a = Article("a1", "The council voted on Monday. The motion passed narrowly.");
        a.Quotes.Add(new QuoteRecord { Id = "Q1", Kind = "direct", Text = "passed", Start = 40, End = 46, Confidence = 0.8 });
        using (var store = SqliteStore.Open(DbPath))
        {
            Assert.Equal(AddResult.Inserted, store.Add(a));
            var back = store.Get("a1");
            Assert.NotNull(back);
            Assert.Equal(RecordJson.Serialize(a), RecordJson.Serialize(back));
            Assert.Null(store.Get("nope"));
            Assert.Equal(a.Sentences, store.SentencesOf(a.ContentHash!));
        }
        Assert.Equal("wal", Scalar(DbPath, "PRAGMA journal_mode"));
        Assert.Equal($"{SqliteStore.SchemaVersion}", Scalar(DbPath, "SELECT version FROM schema_version"));
        Assert.Equal("Example Times", Scalar(DbPath, "SELECT outlet FROM articles WHERE id = 'a1'"));
        Assert.Equal(2, Count(DbPath, "sentences"));
    }

    [Fact]
    public void Re_adding_the_same_content_changes_nothing()
    {
        var a = Article("a1", "Same content twice. Nothing should change.");
        using (var store = SqliteStore.Open(DbPath))
        {
            Assert.Equal(AddResult.Inserted, store.Add(a));
            store.Flush();
        }
        var stamp = Scalar(DbPath, "SELECT ingested_at FROM articles");
        var json = Scalar(DbPath, "SELECT record_json FROM articles");
        Thread.Sleep(20);
        using (var store = SqliteStore.Open(DbPath))
        {
            Assert.Equal(AddResult.Unchanged, store.Add(a));
            // Same hash with different fields is still the same content: unchanged, not overwritten.
            var again = Article("a1", "Same content twice. Nothing should change.", outlet: "Other");
            again.ContentHash = a.ContentHash;
            Assert.Equal(AddResult.Unchanged, store.Add(again));
        }
        Assert.Equal(1, Count(DbPath, "articles"));
        Assert.Equal(2, Count(DbPath, "sentences"));
        Assert.Equal(stamp, Scalar(DbPath, "SELECT ingested_at FROM articles"));
        Assert.Equal(json, Scalar(DbPath, "SELECT record_json FROM articles"));
    }

    [Fact]
    public void Records_without_text_go_to_ingest_errors_once()
    {
        using var store = SqliteStore.Open(DbPath);
        var bad = new ArticleRecord { Id = "broken", Source = "inputs/broken.png" };
        bad.Errors.Add("not text: looks like PNG image");
        Assert.Equal(AddResult.ErrorRecorded, store.Add(bad));
        Assert.Equal(AddResult.ErrorRecorded, store.Add(bad));
        var silent = new ArticleRecord { Id = "blank", Source = "inputs/blank.txt" };
        Assert.Equal(AddResult.ErrorRecorded, store.Add(silent));
        var errors = store.IngestErrors().ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal(("inputs/broken.png", "broken", "not text: looks like PNG image"), (errors[0].Source, errors[0].Id, errors[0].Message));
        Assert.Equal("no text", errors[1].Message);
        Assert.Equal(0, store.GetStats().Articles);
        Assert.Equal(2, store.GetStats().IngestErrors);
    }

    [Fact]
    public void A_record_with_text_and_errors_is_stored_as_an_article()
    {
        using var store = SqliteStore.Open(DbPath);
        var a = Article("mojibake", "Decoded with a replacement \uFFFD character.");
        a.Errors.Add("invalid UTF-8 at byte 28 (1 invalid sequence)");
        Assert.Equal(AddResult.Inserted, store.Add(a));
        Assert.Equal(["invalid UTF-8 at byte 28 (1 invalid sequence)"], store.Get("mojibake")!.Errors);
        Assert.Equal(0, store.GetStats().IngestErrors);
    }

    [Fact]
    public void Full_text_search_finds_title_and_text_with_snippets()
    {
        using var store = SqliteStore.Open(DbPath);
        store.Add(Article("port", "Dock workers walked out over pay. The harbour stayed closed.", title: "Strike at the port"));
        store.Add(Article("rail", "Train drivers accepted the offer. Services resume tomorrow.", title: "Rail deal agreed"));
        store.Add(Article("cafe", "The café reopened after repairs.", title: "Local news"));

        var hits = store.Search("harbour", 10).ToList();
        var hit = Assert.Single(hits);
        Assert.Equal("port", hit.Id);
        Assert.Equal("Strike at the port", hit.Title);
        Assert.Contains("[harbour]", hit.Snippet);

        Assert.Equal(["rail"], store.Search("title:rail", 10).Select(h => h.Id));
        Assert.Equal(["port", "rail"], store.Search("strike OR drivers", 10).Select(h => h.Id).Order());
        Assert.Equal(["cafe"], store.Search("cafe", 10).Select(h => h.Id)); // diacritics folded
        Assert.Single(store.Search("dock OR train", 1));
        Assert.Empty(store.Search("volcano", 10));
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("AND OR")]
    [InlineData("nosuchcolumn:word")]
    [InlineData("(((")]
    public void A_malformed_search_is_an_ArgumentException(string query)
    {
        using var store = SqliteStore.Open(DbPath);
        store.Add(Article("x", "Some text here."));
        var ex = Assert.Throws<ArgumentException>(() => store.Search(query, 5));
        Assert.Contains("invalid full-text query", ex.Message);
        Assert.Single(store.Search("text", 5)); // the store still works
    }

    [Fact]
    public void Stats_summarise_the_store()
    {
        using var store = SqliteStore.Open(DbPath);
        store.Add(Article("a", "One.", outlet: "Alpha", published: "2021-01-02"));
        store.Add(Article("b", "Two.", outlet: "Alpha", published: "2023-06-30", publishedSource: "text"));
        store.Add(Article("c", "Three.", outlet: "Beta", published: "2022-03-04T10:00:00Z", publishedSource: "html-meta"));
        store.Add(Article("d", "Four.", outlet: null, published: null));
        store.Add(new ArticleRecord { Id = "e", Source = "e.bin", Errors = { "binary" } });
        var s = store.GetStats();
        Assert.Equal(4, s.Articles);
        Assert.Equal(2, s.DistinctOutlets);
        Assert.Equal([("Alpha", 2L), ("Beta", 1L)], s.TopOutlets);
        Assert.Equal("2021-01-02", s.PublishedFrom);
        Assert.Equal("2023-06-30", s.PublishedTo);
        Assert.Equal(1, s.ByPublishedSource["input"]);
        Assert.Equal(1, s.ByPublishedSource["text"]);
        Assert.Equal(1, s.ByPublishedSource["html-meta"]);
        Assert.Equal(1, s.ByPublishedSource[StoreStats.NoPublishedSource]);
        Assert.Equal(1, s.IngestErrors);
        Assert.True(s.DatabaseBytes > 0);
    }

    [Fact]
    public void Data_survives_dispose_and_reopen()
    {
        using (var store = SqliteStore.Open(DbPath))
        {
            for (var i = 0; i < 7; i++) store.Add(Article($"r{i}", $"Article number {i}. It has two sentences."));
            store.Add(new ArticleRecord { Id = "bad", Source = "bad.txt", Errors = { "empty file" } });
        } // no explicit Flush: Dispose commits
        using (var store = SqliteStore.Open(DbPath))
        {
            Assert.Equal(Enumerable.Range(0, 7).Select(i => $"r{i}"), store.Articles().Select(a => a.Id));
            Assert.Equal(1, store.GetStats().IngestErrors);
            Assert.Equal(AddResult.Unchanged, store.Add(Article("r3", "Article number 3. It has two sentences.")));
            Assert.Single(store.Search("number", 1));
        }
    }

    [Fact]
    public void Batches_commit_every_500_adds_and_uncommitted_work_is_invisible_to_other_connections()
    {
        using var store = SqliteStore.Open(DbPath);
        for (var i = 0; i < SqliteStore.BatchSize + 20; i++) store.Add(Article($"b{i}", $"Batch item {i}."));
        // A second connection (as another process would) sees only the committed batch, and is not blocked.
        Assert.Equal(SqliteStore.BatchSize, Count(DbPath, "articles"));
        store.Flush();
        Assert.Equal(SqliteStore.BatchSize + 20, Count(DbPath, "articles"));
    }

    [Fact]
    public async Task A_store_opened_twice_waits_for_the_writer_instead_of_failing()
    {
        using var writer = SqliteStore.Open(DbPath);
        writer.Add(Article("w1", "Written by the first store."));
        using var second = SqliteStore.Open(DbPath); // schema exists; opening does not need the write lock
        var task = Task.Run(() => second.Add(Article("w2", "Written by the second store.")));
        await Task.Delay(200);
        writer.Flush(); // releases the write lock; the second store's busy timeout lets it proceed
        Assert.Equal(AddResult.Inserted, await task.WaitAsync(TimeSpan.FromSeconds(15)));
        second.Flush();
        Assert.Equal(2, Count(DbPath, "articles"));
    }

    [Fact]
    public void One_failing_record_does_not_lose_the_rest_of_the_batch()
    {
        using (var store = SqliteStore.Open(DbPath))
        {
            Assert.Equal(AddResult.Inserted, store.Add(Article("before", "Stored before the failure.")));

            // Cannot be serialised: JSON has no NaN.
            var nan = Article("nan", "A stage produced a NaN confidence.");
            nan.Quotes.Add(new QuoteRecord { Id = "Q1", Kind = "direct", Text = "x", Confidence = double.NaN });
            Assert.Equal(AddResult.ErrorRecorded, store.Add(nan));

            // Fails inside SQLite (NOT NULL id), after its article row would have been started.
            var noId = Article("ignored", "A record whose id went missing.");
            noId.Id = null!;
            Assert.Equal(AddResult.ErrorRecorded, store.Add(noId));

            Assert.Equal(AddResult.Inserted, store.Add(Article("after", "Stored after the failure.")));
        }
        using (var store = SqliteStore.Open(DbPath))
        {
            Assert.Equal(["before", "after"], store.Articles().Select(a => a.Id));
            var errors = store.IngestErrors().ToList();
            Assert.Equal(2, errors.Count);
            Assert.Contains("could not be serialised", errors[0].Message);
            Assert.Equal("nan", errors[0].Id);
            Assert.Contains("NOT NULL", errors[1].Message);
        }
        Assert.Equal(2, Count(DbPath, "sentences")); // one each for the two stored articles, none left by the failures
    }

    [Fact]
    public void Records_without_a_hash_are_keyed_by_source_and_text()
    {
        using var store = SqliteStore.Open(DbPath);
        var a = Article("nohash", "No hash supplied.");
        a.ContentHash = null;
        Assert.Equal(AddResult.Inserted, store.Add(a));
        Assert.Equal(AddResult.Unchanged, store.Add(a));
    }

    [Fact]
    public void Parameters_are_not_interpreted_as_sql()
    {
        using var store = SqliteStore.Open(DbPath);
        var evil = Article("x'); DROP TABLE articles; --", "Robert'); DROP TABLE articles; -- said hello.", outlet: "O'Brien's \"Daily\"");
        Assert.Equal(AddResult.Inserted, store.Add(evil));
        Assert.Equal("O'Brien's \"Daily\"", store.Get("x'); DROP TABLE articles; --")!.Outlet);
        Assert.Equal(1, store.GetStats().Articles);
    }

    [Fact]
    public void Opening_something_that_is_not_a_database_fails_clearly()
    {
        File.WriteAllText(DbPath, "this is a text file, not SQLite, and it is long enough to have a header of sorts......");
        var ex = Assert.Throws<InvalidOperationException>(() => SqliteStore.Open(DbPath));
        Assert.Contains("cannot open store", ex.Message);
    }

    [Fact]
    public void A_newer_schema_version_is_refused()
    {
        using (SqliteStore.Open(DbPath)) { }
        using (var c = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE schema_version SET version = 99";
            cmd.ExecuteNonQuery();
        }
        var ex = Assert.Throws<InvalidOperationException>(() => SqliteStore.Open(DbPath));
        Assert.Contains("schema version 99", ex.Message);
    }
}
