using Microsoft.Data.Sqlite;
using Parley.Core;
using static Parley.Store.Tests.EventFixtures;

namespace Parley.Store.Tests;

/// <summary>Schema v3: events, their parties and the articles' actors, written with the article and queried.</summary>
public sealed class EventStoreTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("parley-events-").FullName;
    string DbPath => Path.Combine(_dir, "parley.db");

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    SqliteStore Filled()
    {
        var store = SqliteStore.Open(DbPath);
        Assert.Equal(AddResult.Inserted, store.Add(Sochi()));
        Assert.Equal(AddResult.Inserted, store.Add(Geneva()));
        return store;
    }

    static string Keys(IEnumerable<StoredEvent> events) => string.Join(" ", events.Select(e => $"{e.ArticleId}/{e.Event.Id}"));

    static string Find(SqliteStore store, EventQuery q) => Keys(store.Events(q with { Limit = 100 }));

    [Fact]
    public void Every_field_of_an_event_comes_back_with_its_article_and_sentence()
    {
        using var store = Filled();
        var s = Assert.Single(store.Events(new EventQuery { Type = "ASSAULT" }));
        Assert.Equal(("sochi", "Title of sochi", "Northern Wire", "2023-09-05", "https://example.org/sochi"), (s.ArticleId, s.Title, s.Outlet, s.Published, s.Url));
        Assert.Equal(Sochi().ContentHash, s.ContentHash);
        Assert.NotNull(s.IngestedAt);
        Assert.Equal("Russian forces shelled Ukrainian positions near Kherson throughout August.", s.SentenceText);
        var e = s.Event;
        var expected = Sochi().Events[1];
        Assert.Equal(RecordJsonOf(expected), RecordJsonOf(e));
        Assert.Equal("RUSMIL", Assert.Single(e.Source).Code);
        Assert.Equal("Kherson", e.Location!.Name);
    }

    static string RecordJsonOf(EventRecord e) =>
        System.Text.Json.JsonSerializer.Serialize(e, StoreJsonContext.Default.EventRecord);

    [Fact]
    public void Compound_parties_keep_their_order_and_evidence_round_trips()
    {
        var r = Sochi();
        r.Events[3].Evidence = [new EvidenceRecord { Sentence = 3, Start = r.Sentences[3].Start, End = r.Sentences[3].End, Where = "body", Trigger = "did not meet" },
            new EvidenceRecord { Sentence = -1, Start = 0, End = 5, Where = "title", Trigger = "meet" }];
        using var store = SqliteStore.Open(DbPath);
        store.Add(r);
        var e = Assert.Single(store.Events(new EventQuery { Type = "consult", Source = "TUR" })).Event;
        Assert.Equal(["Vladimir Putin", "Recep Tayyip Erdoğan"], e.Source.Select(p => p.Name));
        Assert.Equal(["body", "title"], e.Evidence!.Select(x => x.Where));
        Assert.True(e.Negated);
    }

    [Fact]
    public void Order_is_latest_event_date_first_then_article_and_position_undated_last()
    {
        using var store = Filled();
        Assert.Equal("sochi/E3 sochi/E4 sochi/E1 sochi/E2 geneva/E1 geneva/E2", Find(store, new EventQuery()));
    }

    [Theory]
    [InlineData("RUS", "sochi/E3 sochi/E4 sochi/E1 sochi/E2 geneva/E1")]         // code prefix or country, either side
    [InlineData("rusmil", "sochi/E2")]
    [InlineData("TUR", "sochi/E3 sochi/E4 sochi/E1")]
    [InlineData("IGO", "geneva/E1 geneva/E2")]
    [InlineData("USA", "")]
    public void Actor_matches_either_side(string actor, string expected)
    {
        using var store = Filled();
        Assert.Equal(expected, Find(store, new EventQuery { Actor = actor }));
    }

    [Fact]
    public void Source_and_target_match_their_own_side()
    {
        using var store = Filled();
        Assert.Equal("sochi/E4 sochi/E1 sochi/E2", Find(store, new EventQuery { Source = "RUS" }));
        Assert.Equal("sochi/E3 geneva/E1", Find(store, new EventQuery { Target = "RUS" }));
        Assert.Equal("sochi/E1", Find(store, new EventQuery { Source = "RUSGOV", Target = "TUR" }));
        Assert.Equal("sochi/E4 sochi/E2", Find(store, new EventQuery { Target = "UKR" }));
    }

    [Theory]
    [InlineData("CONSULT", "sochi/E4 sochi/E1 geneva/E2")]
    [InlineData("consult", "sochi/E4 sochi/E1 geneva/E2")]
    [InlineData("04", "sochi/E4 sochi/E1 geneva/E2")]
    [InlineData("03", "sochi/E3")]
    [InlineData("025", "geneva/E1")]
    [InlineData("19", "sochi/E2")]
    [InlineData("0256", "geneva/E1")]
    public void Type_is_a_plover_type_or_a_cameo_prefix(string type, string expected)
    {
        using var store = Filled();
        Assert.Equal(expected, Find(store, new EventQuery { Type = type }));
    }

    [Theory]
    [InlineData("2023-09-04", "2023-09-04", "sochi/E1")]
    [InlineData("2023-08-15", "2023-08-15", "sochi/E2")]             // a day inside "2023-08"
    [InlineData("2023-08-31", "2023-09-04", "sochi/E1 sochi/E2")]   // the month's last day overlaps
    [InlineData("2023-09", "2023-09", "sochi/E4 sochi/E1")]
    [InlineData("2023", "2023", "sochi/E4 sochi/E1 sochi/E2")]
    [InlineData("2024-06-01", null, "sochi/E3")]                     // "2024" covers June
    [InlineData(null, "2019", "geneva/E1")]                          // XXXX-01-23 has no year: in no window
    [InlineData("2023-09-06", "2023-12", "")]
    public void Date_windows_overlap_the_event_dates_interval(string? from, string? to, string expected)
    {
        using var store = Filled();
        Assert.Equal(expected, Find(store, new EventQuery { From = from, To = to }));
    }

    [Fact]
    public void Modality_negation_and_paging()
    {
        using var store = Filled();
        Assert.Equal("sochi/E3 geneva/E2", Find(store, new EventQuery { Modality = "planned" }));
        Assert.Equal("sochi/E4", Find(store, new EventQuery { Actor = "UKR", Modality = "ASSERTED", Type = "CONSULT" }));
        Assert.Equal("sochi/E1", Find(store, new EventQuery { Type = "CONSULT", Actor = "RUS", IncludeNegated = false }));
        Assert.Equal("sochi/E4 sochi/E1", Keys(store.Events(new EventQuery { Limit = 2, Offset = 1 })));
        Assert.Equal(6, store.CountEvents(new EventQuery { Limit = null }));
        Assert.Equal(2, store.CountEvents(new EventQuery { Limit = 2, Offset = 1 }));
        Assert.Equal(3, store.CountEvents(new EventQuery { Actor = "TUR" }));
    }

    [Theory]
    [InlineData("Type", "DIPLOMACY")]
    [InlineData("Type", "5")]
    [InlineData("From", "yesterday")]
    [InlineData("To", "2023-02-30")]
    [InlineData("Modality", "rumoured")]
    public void Bad_filters_throw_at_the_call(string field, string value)
    {
        using var store = Filled();
        var q = field switch
        {
            "Type" => new EventQuery { Type = value },
            "From" => new EventQuery { From = value },
            "To" => new EventQuery { To = value },
            _ => new EventQuery { Modality = value },
        };
        var ex = Assert.Throws<ArgumentException>(() => store.Events(q));
        Assert.Contains(value, ex.Message);
    }

    [Theory]
    [InlineData("2019", "2019-01-01", "2019-12-31")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2023-02", "2023-02-01", "2023-02-28")]
    [InlineData("2023-09-04", "2023-09-04", "2023-09-04")]
    [InlineData("2023-09-04T10:00:00Z", "2023-09-04", "2023-09-04")]
    [InlineData("XXXX-01-23", null, null)]
    [InlineData("2023-W36", null, null)]
    [InlineData("2023-13", null, null)]
    [InlineData(null, null, null)]
    public void Date_intervals(string? date, string? lo, string? hi) =>
        Assert.Equal((lo, hi), SqliteStore.DateInterval(date));

    [Fact]
    public void Re_adding_the_same_content_writes_no_second_copy()
    {
        using var store = Filled();
        Assert.Equal(AddResult.Unchanged, store.Add(Sochi()));
        Assert.Equal(AddResult.Unchanged, store.Add(Geneva()));
        var stats = store.GetStats();
        Assert.Equal(6, stats.Events);
        Assert.Equal(4, stats.Actors); // Putin (in both), Erdoğan, Russian forces, United Nations
        Assert.Equal(6, store.CountEvents(new EventQuery { Limit = null }));
    }

    [Fact]
    public void Deleting_an_article_removes_its_event_and_actor_rows()
    {
        using (var store = Filled()) { }
        using (var db = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "PRAGMA foreign_keys = ON; DELETE FROM articles WHERE id = 'sochi'; SELECT (SELECT COUNT(*) FROM events) || '/' || (SELECT COUNT(*) FROM event_actors) || '/' || (SELECT COUNT(*) FROM article_actors);";
            Assert.Equal("2/3/2", cmd.ExecuteScalar());
        }
    }

    [Fact]
    public void Actors_aggregate_across_articles()
    {
        using var store = Filled();
        var putin = Assert.Single(store.Actors(new ActorQuery { Name = "putin" }));
        Assert.Equal(new StoredActor("Vladimir Putin", "RUSGOV", "RUS", "person", 2, 3), putin);
        Assert.Equal("Recep Tayyip Erdoğan", Assert.Single(store.Actors(new ActorQuery { Name = "ERDOGAN" })).Name);
        Assert.Equal(["Vladimir Putin", "Russian forces"], store.Actors(new ActorQuery { Code = "RUS" }).Select(a => a.Name));
        Assert.Equal(["Russian forces"], store.Actors(new ActorQuery { Code = "RUSMIL" }).Select(a => a.Name));
        Assert.Equal(["United Nations"], store.Actors(new ActorQuery { Kind = "ORGANIZATION" }).Select(a => a.Name));
        Assert.Equal(["Vladimir Putin", "Recep Tayyip Erdoğan"], store.Actors(new ActorQuery { Kind = "person" }).Select(a => a.Name));
        Assert.Equal(["Recep Tayyip Erdoğan"], store.Actors(new ActorQuery { Kind = "person", Limit = 1, Offset = 1 }).Select(a => a.Name));
        Assert.Empty(store.Actors(new ActorQuery { Name = "lavrov" }));
    }

    [Fact]
    public void A_v2_store_is_migrated_and_its_events_backfilled()
    {
        // A v2 database: the current store minus the v3 tables, its version set back; one record no longer parses.
        using (var store = Filled()) store.Add(EventFixtures.Doc("plain", "2020-01-01", "Wire", "Nothing happened here."));
        using (var db = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = """
                DROP TABLE event_actors; DROP TABLE events; DROP TABLE article_actors;
                UPDATE schema_version SET version = 2;
                UPDATE articles SET record_json = '{"id": broken' WHERE id = 'geneva';
                """;
            cmd.ExecuteNonQuery();
        }
        using (var store = SqliteStore.Open(DbPath))
        {
            Assert.Equal("sochi/E3 sochi/E4 sochi/E1 sochi/E2", Find(store, new EventQuery()));
            Assert.Equal("sochi/E4 sochi/E1", Find(store, new EventQuery { Source = "RUSGOV", From = "2023-09" }));
            Assert.Equal(3, store.GetStats().Actors);
            Assert.Equal(3, store.GetStats().Articles);
        }
        using (var db = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "SELECT MAX(version) FROM schema_version;";
            Assert.Equal((long)SqliteStore.SchemaVersion, cmd.ExecuteScalar());
            Assert.Equal(4, SqliteStore.SchemaVersion);
        }
    }

    [Fact]
    public void Title_and_caption_events_take_their_text_from_the_title_or_caption()
    {
        var r = EventFixtures.Doc("headline", "2022-03-01", "Wire", "A body sentence.");
        r.Title = "Envoys meet in Istanbul";
        r.Captions = ["Delegates shake hands before the session."];
        var t = Event(r, 0, "CONSULT", "040", "meet", [Russia], [Ukraine], "2022-03-01");
        (t.Sentence, t.Start, t.End, t.Evidence) = (-1, 0, 11, [new EvidenceRecord { Sentence = -1, Start = 0, End = 11, Where = "title" }]);
        var c = Event(r, 0, "CONSULT", "040", "shake hands", [Russia], [Ukraine], "2022-03-01");
        (c.Sentence, c.Start, c.End, c.Evidence) = (-1, 0, 28, [new EvidenceRecord { Sentence = -1, Start = 0, End = 28, Where = "caption", Caption = 0 }]);
        Assert.Equal("Envoys meet", SqliteStore.SentenceTextOf(r, t));
        Assert.Equal("Delegates shake hands before", SqliteStore.SentenceTextOf(r, c));
        c.Evidence![0].Caption = 4;
        Assert.Null(SqliteStore.SentenceTextOf(r, c));
    }
}
