using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Parley.Core;

namespace Parley.Store.Tests;

/// <summary>The quotes table: written with the article, queried by speaker, actor, words, dates and kind.</summary>
public sealed class QuoteStoreTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("parley-quotes-").FullName;
    string DbPath => Path.Combine(_dir, "parley.db");

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    // ---- hand-made records --------------------------------------------------------------------

    static ArticleRecord Doc(string id, string? published, string outlet, params string[] sentences)
    {
        var text = string.Join(" ", sentences);
        var r = new ArticleRecord
        {
            Id = id, Source = $"in/{id}.txt", Title = $"Title of {id}", Outlet = outlet, Published = published,
            Url = $"https://example.org/{id}", Text = text,
            ContentHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))),
        };
        var start = 0;
        foreach (var s in sentences)
        {
            r.Sentences.Add(new TextSpan(start, start + s.Length));
            start += s.Length + 1;
        }
        return r;
    }

    static void Quote(ArticleRecord r, string kind, string text, string? name, string? speakerText, string? code, string? country,
        string? cue = "said", string? actor = null, double confidence = 0.9, bool noSpeaker = false)
    {
        var start = r.Text.IndexOf(text, StringComparison.Ordinal);
        Assert.True(start >= 0, text);
        var sentence = r.Sentences.FindIndex(s => s.Start <= start && start < s.End);
        var sp = speakerText is null ? -1 : r.Text.IndexOf(speakerText, StringComparison.Ordinal);
        r.Quotes.Add(new QuoteRecord
        {
            Id = $"Q{r.Quotes.Count + 1}", Kind = kind, Text = text, Start = start, End = start + text.Length, Sentence = sentence,
            Cue = cue, Confidence = confidence,
            Speaker = noSpeaker ? null : new SpeakerRecord
            {
                Actor = actor, Name = name, Code = code, Country = country, Text = speakerText,
                Start = sp >= 0 ? sp : null, End = sp >= 0 ? sp + speakerText!.Length : null,
            },
        });
    }

    static ArticleRecord Moscow()
    {
        var r = Doc("moscow", "2023-09-05", "Northern Wire",
            "“We will not accept this,” Foreign Minister Sergei Lavrov said on Tuesday.",
            "President Vladimir Putin said that the grain deal could be revived only if Western sanctions were eased.",
            "Officials said the talks would continue in Sochi.");
        Quote(r, "direct", "We will not accept this", "Sergei Lavrov", "Foreign Minister Sergei Lavrov", "RUSGOV", "RUS", actor: "A1");
        Quote(r, "indirect", "the grain deal could be revived only if Western sanctions were eased", "Vladimir Putin", "President Vladimir Putin", "RUSGOV", "RUS", actor: "A2");
        Quote(r, "indirect", "the talks would continue in Sochi", null, "Officials", null, null, confidence: 0.5);
        return r;
    }

    static ArticleRecord Ankara()
    {
        var r = Doc("ankara", "2023-08-20", "Southern Herald",
            "Turkish President Recep Tayyip Erdoğan said Ankara was ready to host a new round of talks.",
            "“Grain must reach the hungry, whatever the politics,” he told reporters in Istanbul.",
            "Kremlin spokesman Dmitry Peskov said Moscow had received no formal proposal.");
        Quote(r, "indirect", "Ankara was ready to host a new round of talks", "Recep Tayyip Erdoğan", "Turkish President Recep Tayyip Erdoğan", "TURGOV", "TUR", actor: "A1");
        Quote(r, "direct", "Grain must reach the hungry, whatever the politics", "Recep Tayyip Erdoğan", "he", "TURGOV", "TUR", cue: "told", actor: "A1");
        Quote(r, "indirect", "Moscow had received no formal proposal", "Dmitry Peskov", "Kremlin spokesman Dmitry Peskov", null, "RUS", actor: "A3");
        return r;
    }

    static ArticleRecord Kyiv()
    {
        var r = Doc("kyiv", "2022-12-01", "Northern Wire",
            "The Kremlin said the strikes on energy targets were a response to the bridge attack.",
            "Ukraine's foreign ministry called the claim “a cynical lie: nothing more”.");
        Quote(r, "indirect", "the strikes on energy targets were a response to the bridge attack", "Kremlin", "The Kremlin", "RUSGOV", "RUS", actor: "A1");
        Quote(r, "mixed", "a cynical lie: nothing more", "Ukraine", "Ukraine's foreign ministry", "UKRGOV", "UKR", cue: "called", actor: "A2");
        return r;
    }

    static ArticleRecord Undated()
    {
        var r = Doc("undated", null, "Example Times", "“No comment,” a spokesperson said.");
        Quote(r, "direct", "No comment", null, null, null, null, noSpeaker: true);
        return r;
    }

    SqliteStore Filled()
    {
        var store = SqliteStore.Open(DbPath);
        // Added out of date order: the query orders, not the insertion.
        foreach (var r in new[] { Kyiv(), Undated(), Moscow(), Ankara() }) Assert.Equal(AddResult.Inserted, store.Add(r));
        return store;
    }

    static string[] Keys(IEnumerable<StoredQuote> quotes) => [.. quotes.Select(q => $"{q.ArticleId}/{q.Quote.Id}")];

    // ---- storing and reading ------------------------------------------------------------------

    [Fact]
    public void Quotes_come_back_with_their_article_and_sentence_newest_first()
    {
        using var store = Filled();
        var all = store.Quotes(new QuoteQuery()).ToList();
        Assert.Equal(["moscow/Q1", "moscow/Q2", "moscow/Q3", "ankara/Q1", "ankara/Q2", "ankara/Q3", "kyiv/Q1", "kyiv/Q2", "undated/Q1"], Keys(all));

        var lavrov = all[0];
        var source = Moscow();
        Assert.Equal(("moscow", "Title of moscow", "Northern Wire", "2023-09-05", "https://example.org/moscow", source.ContentHash),
            (lavrov.ArticleId, lavrov.Title, lavrov.Outlet, lavrov.Published, lavrov.Url, lavrov.ContentHash));
        Assert.Equal(RecordJsonOf(source.Quotes[0]), RecordJsonOf(lavrov.Quote));
        Assert.Equal("“We will not accept this,” Foreign Minister Sergei Lavrov said on Tuesday.", lavrov.SentenceText);
        Assert.Equal("Officials said the talks would continue in Sochi.", all[2].SentenceText);
        Assert.Null(all[2].Quote.Speaker!.Name);
        Assert.Equal("Officials", all[2].Quote.Speaker!.Text);
        Assert.Equal(0.5, all[2].Quote.Confidence);
        Assert.Null(all[8].Quote.Speaker);
        Assert.Null(all[8].Published);
        Assert.Equal("“Grain must reach the hungry, whatever the politics,” he told reporters in Istanbul.", all[4].SentenceText);
    }

    static string RecordJsonOf(QuoteRecord q)
    {
        var r = new ArticleRecord { Id = "x", Source = "x", Quotes = [q] };
        return JsonNode.Parse(RecordJson.Serialize(r))!["quotes"]!.ToJsonString();
    }

    [Fact]
    public void A_sentence_index_outside_the_article_gives_no_sentence_text()
    {
        using var store = SqliteStore.Open(DbPath);
        var r = Doc("odd", "2024-01-01", "X", "One sentence only.");
        r.Quotes.Add(new QuoteRecord { Id = "Q1", Kind = "direct", Text = "only", Start = 13, End = 17, Sentence = 7 });
        store.Add(r);
        var q = Assert.Single(store.Quotes(new QuoteQuery()));
        Assert.Null(q.SentenceText);
        Assert.Equal("only", q.Quote.Text);
    }

    [Fact]
    public void Stats_count_quotes_and_resolved_speakers()
    {
        using var store = Filled();
        var s = store.GetStats();
        Assert.Equal(9, s.Quotes);
        Assert.Equal(7, s.QuotesWithSpeaker); // the "Officials" quote and the one without a speaker are unresolved
    }

    [Fact]
    public void Re_adding_the_same_content_adds_no_quotes()
    {
        using (var store = Filled())
        {
            foreach (var r in new[] { Moscow(), Ankara(), Kyiv(), Undated() }) Assert.Equal(AddResult.Unchanged, store.Add(r));
            // Same hash, other quotes: still the stored content, nothing rewritten.
            var changed = Moscow();
            changed.Quotes.RemoveAt(0);
            Assert.Equal(AddResult.Unchanged, store.Add(changed));
        }
        using (var store = SqliteStore.Open(DbPath))
        {
            Assert.Equal(9, store.GetStats().Quotes);
            Assert.Equal(["moscow/Q1", "moscow/Q2", "moscow/Q3"], Keys(store.Quotes(new QuoteQuery { Speaker = "", From = "2023-09" })));
        }
        Assert.Equal("9", Scalar("SELECT COUNT(*) FROM quotes_fts"));
    }

    [Fact]
    public void A_record_that_fails_leaves_no_quote_rows()
    {
        using var store = SqliteStore.Open(DbPath);
        var bad = Moscow();
        bad.Id = null!; // NOT NULL on articles.id
        Assert.Equal(AddResult.ErrorRecorded, store.Add(bad));
        Assert.Equal(AddResult.Inserted, store.Add(Kyiv()));
        store.Flush();
        Assert.Equal(2, store.GetStats().Quotes);
        Assert.Equal(["kyiv/Q1", "kyiv/Q2"], Keys(store.Quotes(new QuoteQuery())));
    }

    [Fact]
    public void The_quote_index_follows_inserts_updates_and_deletes()
    {
        using (var store = Filled()) { }
        Write("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check');"); // throws when index and rows differ
        Write("UPDATE quotes SET text = 'bread and salt' WHERE article_id = 'kyiv' AND quote_id = 'Q1';");
        Write("DELETE FROM articles WHERE id = 'moscow';"); // cascades to its quotes
        Write("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check');");
        using (var store = SqliteStore.Open(DbPath))
        {
            Assert.Equal(["kyiv/Q1"], Keys(store.Quotes(new QuoteQuery { About = "bread" })));
            Assert.Empty(store.Quotes(new QuoteQuery { About = "strikes" }));
            Assert.Equal(["ankara/Q2"], Keys(store.Quotes(new QuoteQuery { About = "grain" })));
            Assert.Equal(6, store.GetStats().Quotes);
        }
    }

    void Write(string sql)
    {
        using var c = new SqliteConnection($"Data Source={DbPath};Pooling=False;Foreign Keys=True");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    // ---- filters ------------------------------------------------------------------------------

    [Theory]
    [InlineData("lavrov", "moscow/Q1")]
    [InlineData("SERGEI LAVROV", "moscow/Q1")]
    [InlineData("minister", "moscow/Q1")]                       // the speaker as written
    [InlineData("officials", "moscow/Q3")]                      // unresolved: only the text
    [InlineData("erdogan", "ankara/Q1 ankara/Q2")]              // accents ignored
    [InlineData("ERDOĞAN", "ankara/Q1 ankara/Q2")]
    [InlineData("kremlin", "ankara/Q3 kyiv/Q1")]                // "Kremlin spokesman Dmitry Peskov" and "Kremlin"
    [InlineData("ministry", "kyiv/Q2")]
    [InlineData("%", "")]                                       // not a LIKE pattern
    [InlineData("_", "")]
    [InlineData("Lavrov\nFo", "")]                               // name and text are not one string
    [InlineData("nobody", "")]
    public void Speaker_is_a_case_and_accent_insensitive_substring_of_name_or_text(string speaker, string expected)
    {
        using var store = Filled();
        Assert.Equal(expected, string.Join(" ", Keys(store.Quotes(new QuoteQuery { Speaker = speaker }))));
    }

    [Theory]
    [InlineData("cavusoglu", "Mevlüt Çavuşoğlu")]
    [InlineData("radoslaw sikorski", "Radosław Sikorski")]
    [InlineData("SORENSEN", "Søren Sørensen")]
    [InlineData("strasse", "Anna Straße")]
    [InlineData("erdogan", "Recep Tayyip Erdog\u0306an")]   // decomposed: a combining breve
    [InlineData("erdoğan", "Recep Tayyip Erdogan")]          // folding applies to the query too
    [InlineData("istanbul", "İstanbul Governor")]
    public void Accent_folding_covers_the_letters_of_names(string query, string name)
    {
        using var store = SqliteStore.Open(DbPath);
        var r = Doc("folds", "2024-04-04", "X", "“Yes,” the official said.");
        Quote(r, "direct", "Yes", name, "the official", null, null);
        store.Add(r);
        Assert.Equal(name, Assert.Single(store.Quotes(new QuoteQuery { Speaker = query })).Quote.Speaker!.Name);
        Assert.Empty(store.Quotes(new QuoteQuery { Speaker = query + "x" }));
    }

    [Theory]
    [InlineData("RUS", "moscow/Q1 moscow/Q2 ankara/Q3 kyiv/Q1")]  // RUSGOV by prefix, Peskov by country
    [InlineData("rus", "moscow/Q1 moscow/Q2 ankara/Q3 kyiv/Q1")]
    [InlineData("RUSGOV", "moscow/Q1 moscow/Q2 kyiv/Q1")]
    [InlineData("TUR", "ankara/Q1 ankara/Q2")]
    [InlineData("UKRGOV", "kyiv/Q2")]
    [InlineData("GOV", "")]                                       // a prefix, not a substring
    [InlineData("RUSGOVX", "")]
    [InlineData("RU", "moscow/Q1 moscow/Q2 kyiv/Q1")]             // a code prefix; country must be equal
    public void Actor_matches_a_code_its_prefix_or_the_country(string actor, string expected)
    {
        using var store = Filled();
        Assert.Equal(expected, string.Join(" ", Keys(store.Quotes(new QuoteQuery { Actor = actor }))));
    }

    [Theory]
    [InlineData("grain", "moscow/Q2 ankara/Q2")]
    [InlineData("Grain SANCTIONS", "moscow/Q2")]                  // all words
    [InlineData("sanction*", "moscow/Q2")]                        // a trailing * is a prefix
    [InlineData("sanction", "")]                                  // otherwise whole words
    [InlineData("lavrov", "")]                                    // speaker names are not quote text
    [InlineData("lie: nothing", "kyiv/Q2")]
    [InlineData("\"cynical", "kyiv/Q2")]
    [InlineData("-lie", "kyiv/Q2")]                               // not an exclusion
    [InlineData("NOT lie", "")]                                   // NOT is a word here: no quote has both
    [InlineData("not accept", "moscow/Q1")]
    [InlineData("lie OR grain", "")]                              // OR is a word too
    [InlineData("speaker_name:putin", "")]                        // no column filters from user text
    [InlineData("text:lie", "")]
    [InlineData("(lie", "kyiv/Q2")]
    [InlineData("NEAR(lie nothing)", "")]
    [InlineData("lie \"\" - : *", "kyiv/Q2")]                     // punctuation-only terms are dropped
    [InlineData("grain*  \t  hungry", "ankara/Q2")]
    [InlineData("“No comment”", "undated/Q1")]
    public void About_takes_user_words_literally(string about, string expected)
    {
        using var store = Filled();
        Assert.Equal(expected, string.Join(" ", Keys(store.Quotes(new QuoteQuery { About = about }))));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("\" - : ( )")]
    public void About_without_any_word_is_an_ArgumentException(string about)
    {
        using var store = Filled();
        var ex = Assert.Throws<ArgumentException>(() => store.Quotes(new QuoteQuery { About = about }).ToList());
        Assert.Contains("no words", ex.Message);
        Assert.Equal(9, store.Quotes(new QuoteQuery()).Count());
    }

    [Theory]
    [InlineData("2023", null, "moscow/Q1 moscow/Q2 moscow/Q3 ankara/Q1 ankara/Q2 ankara/Q3")]
    [InlineData(null, "2022", "kyiv/Q1 kyiv/Q2")]
    [InlineData("2023-09", "2023-09", "moscow/Q1 moscow/Q2 moscow/Q3")]
    [InlineData("2023-08-21", null, "moscow/Q1 moscow/Q2 moscow/Q3")]
    [InlineData(null, "2023-08-20", "ankara/Q1 ankara/Q2 ankara/Q3 kyiv/Q1 kyiv/Q2")]  // inclusive to the day
    [InlineData("2023-08-20", "2023-08-20", "ankara/Q1 ankara/Q2 ankara/Q3")]
    [InlineData("2022-12", "2023-08", "ankara/Q1 ankara/Q2 ankara/Q3 kyiv/Q1 kyiv/Q2")]
    [InlineData("2024", null, "")]
    [InlineData("2023-10", "2023-01", "")]
    public void From_and_To_bound_the_publication_date_inclusively(string? from, string? to, string expected)
    {
        using var store = Filled();
        Assert.Equal(expected, string.Join(" ", Keys(store.Quotes(new QuoteQuery { From = from, To = to }))));
    }

    [Theory]
    [InlineData("2023-13")]
    [InlineData("2023-02-30")]
    [InlineData("last week")]
    [InlineData("23")]
    [InlineData("2023-9-5")]
    [InlineData("2023-09-05T10:00:00Z")]
    public void A_bad_date_bound_is_an_ArgumentException(string bad)
    {
        using var store = Filled();
        Assert.Contains("not a date", Assert.Throws<ArgumentException>(() => store.Quotes(new QuoteQuery { From = bad })).Message);
        Assert.Contains("not a date", Assert.Throws<ArgumentException>(() => store.Quotes(new QuoteQuery { To = bad })).Message);
    }

    [Fact]
    public void Datetimes_in_published_fall_inside_their_day()
    {
        using var store = SqliteStore.Open(DbPath);
        var r = Doc("timed", "2023-09-05T23:10:00Z", "X", "“Later,” she said.");
        Quote(r, "direct", "Later", "Jane Roe", "she", null, null);
        store.Add(r);
        Assert.Single(store.Quotes(new QuoteQuery { From = "2023-09-05", To = "2023-09-05" }));
        Assert.Empty(store.Quotes(new QuoteQuery { To = "2023-09-04" }));
        Assert.Empty(store.Quotes(new QuoteQuery { From = "2023-09-06" }));
    }

    [Theory]
    [InlineData("direct", "moscow/Q1 ankara/Q2 undated/Q1")]
    [InlineData("MIXED", "kyiv/Q2")]
    [InlineData("indirect", "moscow/Q2 moscow/Q3 ankara/Q1 ankara/Q3 kyiv/Q1")]
    [InlineData("rumour", "")]
    public void Kind_filters_by_quote_kind(string kind, string expected)
    {
        using var store = Filled();
        Assert.Equal(expected, string.Join(" ", Keys(store.Quotes(new QuoteQuery { Kind = kind }))));
    }

    [Fact]
    public void Filters_combine()
    {
        using var store = Filled();
        Assert.Equal(["ankara/Q2"], Keys(store.Quotes(new QuoteQuery { Speaker = "erdogan", Kind = "direct" })));
        Assert.Equal(["moscow/Q2"], Keys(store.Quotes(new QuoteQuery { Actor = "RUS", About = "grain" })));
        Assert.Equal(["moscow/Q2", "ankara/Q3"], Keys(store.Quotes(new QuoteQuery { Actor = "RUS", From = "2023", Kind = "indirect" })));
        Assert.Equal(["kyiv/Q1"], Keys(store.Quotes(new QuoteQuery { Speaker = "kremlin", To = "2022-12" })));
        Assert.Empty(store.Quotes(new QuoteQuery { Speaker = "putin", From = "2023-09-06" }));
        Assert.Equal(["ankara/Q2"], Keys(store.Quotes(new QuoteQuery { Actor = "TUR", About = "hungry", From = "2023-08", To = "2023-08-31", Kind = "direct", Speaker = "tayyip" })));
        Assert.Empty(store.Quotes(new QuoteQuery { Actor = "UKR", About = "grain" }));
    }

    [Fact]
    public void Limit_and_offset_page_through_the_ordered_results()
    {
        using var store = Filled();
        var all = Keys(store.Quotes(new QuoteQuery()));
        Assert.Equal(all[..4], Keys(store.Quotes(new QuoteQuery { Limit = 4 })));
        Assert.Equal(all[4..8], Keys(store.Quotes(new QuoteQuery { Limit = 4, Offset = 4 })));
        Assert.Equal(all[8..], Keys(store.Quotes(new QuoteQuery { Limit = 4, Offset = 8 })));
        Assert.Empty(store.Quotes(new QuoteQuery { Offset = 100 }));
        Assert.Equal(["moscow/Q2"], Keys(store.Quotes(new QuoteQuery { Actor = "RUS", Limit = 1, Offset = 1 })));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Quotes(new QuoteQuery { Limit = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Quotes(new QuoteQuery { Offset = -1 }));
    }

    [Fact]
    public void The_default_limit_is_50()
    {
        using var store = SqliteStore.Open(DbPath);
        for (var i = 0; i < 60; i++)
        {
            var r = Doc($"n{i:D2}", "2024-02-02", "X", $"“Number {i} is here,” the clerk said.");
            Quote(r, "direct", $"Number {i} is here", "A Clerk", "the clerk", null, null);
            store.Add(r);
        }
        var page = store.Quotes(new QuoteQuery()).ToList();
        Assert.Equal(50, page.Count);
        Assert.Equal("n00", page[0].ArticleId); // same date: by article id
        Assert.Equal(10, store.Quotes(new QuoteQuery { Offset = 50 }).Count());
    }

    [Fact]
    public void Quote_fields_with_quotes_and_sql_are_stored_as_data()
    {
        using var store = SqliteStore.Open(DbPath);
        var r = Doc("evil", "2024-03-03", "O'Brien's", "“Robert'); DROP TABLE quotes; --” said O'Neil.");
        Quote(r, "direct", "Robert'); DROP TABLE quotes; --", "Pat O'Neil", "O'Neil", null, null);
        store.Add(r);
        var q = Assert.Single(store.Quotes(new QuoteQuery { Speaker = "o'neil", About = "robert drop" }));
        Assert.Equal("Robert'); DROP TABLE quotes; --", q.Quote.Text);
        Assert.Empty(store.Quotes(new QuoteQuery { Speaker = "'); DROP" }));
        Assert.Single(store.Quotes(new QuoteQuery { About = "'); DROP TABLE --" }));
        Assert.Equal(1, store.GetStats().Quotes);
    }

    // ---- migration ----------------------------------------------------------------------------

    // The schema a version-1 store was created with (before quotes existed).
    const string SchemaV1 = """
        CREATE TABLE schema_version (version INTEGER NOT NULL);
        INSERT INTO schema_version(version) VALUES (1);
        CREATE TABLE articles (
            rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, content_hash TEXT NOT NULL UNIQUE, source TEXT NOT NULL,
            url TEXT, title TEXT, subtitle TEXT, published TEXT, published_source TEXT, outlet TEXT, byline TEXT,
            text TEXT NOT NULL, record_json TEXT NOT NULL, ingested_at TEXT NOT NULL);
        CREATE INDEX articles_by_id ON articles(id);
        CREATE INDEX articles_by_outlet ON articles(outlet);
        CREATE INDEX articles_by_published ON articles(published);
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TABLE sentences (
            article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            PRIMARY KEY (article_rowid, idx)) WITHOUT ROWID;
        CREATE TABLE ingest_errors (
            rowid INTEGER PRIMARY KEY, source TEXT NOT NULL, id TEXT NOT NULL, message TEXT NOT NULL, first_seen TEXT NOT NULL,
            UNIQUE (source, id, message));
        """;

    void CreateV1Store(params (ArticleRecord Record, string Json)[] articles)
    {
        using var c = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        c.Open();
        using (var cmd = c.CreateCommand()) { cmd.CommandText = SchemaV1; cmd.ExecuteNonQuery(); }
        foreach (var (r, json) in articles)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                INSERT INTO articles (id, content_hash, source, title, published, outlet, url, text, record_json, ingested_at)
                VALUES ($id, $hash, $source, $title, $published, $outlet, $url, $text, $json, '2024-01-01T00:00:00.000Z') RETURNING rowid;
                """;
            cmd.Parameters.AddWithValue("$id", r.Id);
            cmd.Parameters.AddWithValue("$hash", r.ContentHash);
            cmd.Parameters.AddWithValue("$source", r.Source);
            cmd.Parameters.AddWithValue("$title", r.Title);
            cmd.Parameters.AddWithValue("$published", (object?)r.Published ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$outlet", r.Outlet);
            cmd.Parameters.AddWithValue("$url", r.Url);
            cmd.Parameters.AddWithValue("$text", r.Text);
            cmd.Parameters.AddWithValue("$json", json);
            var rowid = (long)cmd.ExecuteScalar()!;
            for (var i = 0; i < r.Sentences.Count; i++)
            {
                using var s = c.CreateCommand();
                s.CommandText = """INSERT INTO sentences VALUES ($r, $i, $s, $e);""";
                s.Parameters.AddWithValue("$r", rowid);
                s.Parameters.AddWithValue("$i", i);
                s.Parameters.AddWithValue("$s", r.Sentences[i].Start);
                s.Parameters.AddWithValue("$e", r.Sentences[i].End);
                s.ExecuteNonQuery();
            }
        }
    }

    [Fact]
    public void A_version_1_store_is_migrated_and_its_quotes_backfilled_from_the_records()
    {
        var moscow = Moscow();
        var kyiv = Kyiv();
        // A record written before quotes were part of the format: no "quotes" key at all.
        var old = JsonNode.Parse(RecordJson.Serialize(kyiv))!.AsObject();
        old.Remove("quotes");
        var broken = Doc("broken", "2020-01-01", "X", "Its stored record no longer parses.");
        CreateV1Store((moscow, RecordJson.Serialize(moscow)), (kyiv, old.ToJsonString()), (broken, "{ not json"));

        using (var store = SqliteStore.Open(DbPath))
        {
            Assert.Equal($"{SqliteStore.SchemaVersion}", Scalar("SELECT version FROM schema_version"));
            var quotes = store.Quotes(new QuoteQuery()).ToList();
            Assert.Equal(["moscow/Q1", "moscow/Q2", "moscow/Q3"], Keys(quotes));
            Assert.Equal("President Vladimir Putin said that the grain deal could be revived only if Western sanctions were eased.", quotes[1].SentenceText);
            Assert.Equal("Vladimir Putin", quotes[1].Quote.Speaker!.Name);
            Assert.Equal(["moscow/Q2"], Keys(store.Quotes(new QuoteQuery { About = "sanctions", Actor = "RUS" })));
            Assert.Equal((3L, 2L), (store.GetStats().Quotes, store.GetStats().QuotesWithSpeaker));
            Assert.Equal(3, store.GetStats().Articles);
            Assert.Single(store.Search("parses", 5)); // the old FTS still works

            // New adds write quotes; old content stays unchanged.
            Assert.Equal(AddResult.Unchanged, store.Add(kyiv));
            Assert.Equal(AddResult.Inserted, store.Add(Ankara()));
        }
        using (var store = SqliteStore.Open(DbPath)) // no second backfill
        {
            Assert.Equal(6, store.GetStats().Quotes);
            Assert.Equal(["ankara/Q2"], Keys(store.Quotes(new QuoteQuery { About = "hungry" })));
        }
        Write("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check');");
    }

    [Fact]
    public void A_store_newer_than_this_build_is_refused_without_being_touched()
    {
        using (SqliteStore.Open(DbPath)) { }
        using (var c = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"UPDATE schema_version SET version = {SqliteStore.SchemaVersion + 1}";
            cmd.ExecuteNonQuery();
        }
        var ex = Assert.Throws<InvalidOperationException>(() => SqliteStore.Open(DbPath));
        Assert.Contains($"schema version {SqliteStore.SchemaVersion + 1}", ex.Message);
        Assert.Contains($"knows up to {SqliteStore.SchemaVersion}", ex.Message);
        Assert.Equal($"{SqliteStore.SchemaVersion + 1}", Scalar("SELECT version FROM schema_version"));
    }

    string Scalar(string sql)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DbPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
