using Microsoft.Data.Sqlite;
using Parley.Core;
using static Parley.Store.Tests.EventFixtures;

namespace Parley.Store.Tests;

/// <summary>Schema v4: the merged event layer on ingest — incremental, reversible on re-ingest and removal, migrated from v3.</summary>
public class ProcessStoreTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("parley-process-").FullName;
    string Db => Path.Combine(_dir, "p.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    static readonly LocationRecord Sochi = new() { Name = "Sochi", Country = "RUS" };

    /// <summary>An article reporting the Sochi meeting (and, for variety, a date of its own choosing).</summary>
    static ArticleRecord Report(string id, string outlet, string date, string place = "Sochi", string published = "2023-09-05", string? extra = null)
    {
        var r = Doc(id, published, outlet, $"Putin and Erdogan held talks in {place} on the day, {outlet} reported.", extra ?? "Both sides praised the talks.");
        Event(r, 0, "CONSULT", "040", "held talks", [Putin], [Erdogan], date,
            location: new LocationRecord { Name = place, Country = place == "Sochi" ? "RUS" : "TUR" });
        return r;
    }

    static string Shape(SqliteStore s) => string.Join(" ", s.Timeline(new TimelineQuery()).Select(e => $"{e.Date}:{string.Join("+", e.Mentions.Select(m => m.Evidence.ArticleId).Order())}"));

    [Fact]
    public void Ingesting_two_reports_merges_them_and_a_third_joins_incrementally()
    {
        using var s = SqliteStore.Open(Db);
        s.Add(Report("a", "North Wire", "2023-09-04"));
        s.Add(Report("b", "South Post", "2023-09-04"));
        var e = Assert.Single(s.Timeline(new TimelineQuery()));
        Assert.Equal(2, e.Sources);
        Assert.Equal(("2023-09-04", "Sochi", "CONSULT"), (e.Date, e.Place, e.Type));
        Assert.Equal(["RUS", "TUR"], e.Actors);
        Assert.Equal("same-day", e.Mentions.Single(m => m.Reason!.Rule == "merged").Reason!.DateRelation);
        s.Add(Report("c", "East Daily", "2023-09-04"));
        Assert.Equal("2023-09-04:a+b+c", Shape(s));
        s.Add(Report("d", "West Times", "2023-09-06"));   // another day: another event
        Assert.Equal("2023-09-04:a+b+c 2023-09-06:d", Shape(s));
    }

    [Fact]
    public void Incremental_merging_matches_a_full_rebuild()
    {
        using var s = SqliteStore.Open(Db);
        foreach (var (id, date, place) in new[] { ("a", "2023-09-04", "Sochi"), ("b", "2023-09-04", "Ankara"), ("c", "2023-09", "Sochi"), ("d", "2023-09-04", "Sochi"), ("e", "2019-01-23", "Sochi") })
        {
            s.Add(Report(id, "Wire " + id, date, place));
            s.Flush(); // each article in its own batch: the incremental path
        }
        var incremental = Shape(s);
        s.RebuildClusters();
        Assert.Equal(incremental, Shape(s));
        Assert.Equal("2019-01-23:e 2023-09-04:a+c+d 2023-09-04:b", incremental);
    }

    [Fact]
    public void Reingesting_changed_content_recomputes_the_clusters()
    {
        using var s = SqliteStore.Open(Db);
        s.Add(Report("a", "North Wire", "2023-09-04"));
        s.Add(Report("b", "South Post", "2023-09-04"));
        Assert.Equal("2023-09-04:a+b", Shape(s));
        // a's outlet corrects its story: the meeting was a day later in Ankara
        Assert.Equal(AddResult.Inserted, s.Add(Report("a", "North Wire", "2023-09-05", place: "Ankara", extra: "Correction appended.")));
        Assert.Equal("2023-09-04:b 2023-09-05:a", Shape(s));
        var stale = s.Timeline(new TimelineQuery()).SelectMany(e => e.Mentions).Count(m => m.Evidence.Text!.Contains("Sochi") && m.Evidence.ArticleId == "a");
        Assert.Equal(0, stale);
        // and back: the same day and place again → merged again
        s.Add(Report("a", "North Wire", "2023-09-04", extra: "Second correction."));
        Assert.Equal("2023-09-04:a+b", Shape(s));
    }

    [Fact]
    public void Removing_an_article_takes_its_mentions_out()
    {
        using var s = SqliteStore.Open(Db);
        s.Add(Report("a", "North Wire", "2023-09-04"));
        s.Add(Report("b", "South Post", "2023-09-04"));
        s.Add(Report("c", "East Daily", "2023-09-04"));
        var before = s.Timeline(new TimelineQuery()).Single();
        Assert.Equal(1, s.Remove("a"));
        var after = s.Timeline(new TimelineQuery()).Single();
        Assert.Equal(2, after.Sources);
        Assert.DoesNotContain(after.Mentions, m => m.Evidence.ArticleId == "a");
        Assert.Equal(0, s.Remove("a"));
    }

    [Fact]
    public void Superseded_articles_leave_positions_and_formats_too()
    {
        using var s = SqliteStore.Open(Db);
        ArticleRecord WithPosition(string stance, string extra)
        {
            var r = Report("p", "North Wire", "2023-09-04", extra: extra);
            r.Positions = [new PositionRecord { Actor = Erdogan, Issue = "troop-withdrawal", Stance = stance, Date = "2023-09-04", Sentence = 1, Start = 0, End = 4, Confidence = 0.7 }];
            r.Formats = [new FormatMentionRecord { Format = "ASTANA", Name = "Astana format", Rounds = [new RoundRecord { Number = 20, Text = "20th round", Date = "2023-06", Sentence = 1 }] }];
            return r;
        }
        s.Add(WithPosition("opposes", "First version."));
        s.Add(WithPosition("conditions", "Second version."));
        var p = Assert.Single(s.PositionMatrix(new PositionQuery { Actor = "TUR" }));
        Assert.Equal("conditions", p.Stance);
        Assert.Single(s.Positions(new PositionQuery { Issue = "troop-withdrawal" }));
        var astana = s.Process("Astana talks");
        Assert.Equal(1, astana.Articles);
        Assert.Equal("Second version.", Assert.Single(Assert.Single(astana.Rounds).Evidence).Text);
        Assert.Contains(astana.Members, m => m.Member == "RUS" && m.Basis == "kb" && m.Role == "guarantor");
    }

    [Fact]
    public void A_v3_store_is_migrated_with_clusters_backfilled()
    {
        using (var s = SqliteStore.Open(Db))
        {
            s.Add(Report("a", "North Wire", "2023-09-04"));
            s.Add(Report("b", "South Post", "2023-09-04"));
        }
        // make it look like a v3 store: drop what v4 added
        using (var db = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = """
                DROP TABLE event_cluster_members; DROP TABLE event_clusters; DROP TABLE positions; DROP TABLE format_mentions;
                DROP TABLE format_members; DROP TABLE rounds; DROP TABLE format_facts; DROP TABLE entities; DROP TABLE article_entities;
                DROP TABLE event_issues; DROP TABLE superseded; UPDATE schema_version SET version = 3;
                """;
            cmd.ExecuteNonQuery();
        }
        using var store = SqliteStore.Open(Db);
        var e = Assert.Single(store.Timeline(new TimelineQuery()));
        Assert.Equal(2, e.Sources);
    }

    [Fact]
    public void Timeline_validates_its_filters()
    {
        using var s = SqliteStore.Open(Db);
        Assert.Throws<ArgumentException>(() => s.Timeline(new TimelineQuery { Type = "MEET" }));
        Assert.Throws<ArgumentException>(() => s.Timeline(new TimelineQuery { Issue = "weather" }));
        Assert.Throws<ArgumentException>(() => s.Timeline(new TimelineQuery { From = "last week" }));
        Assert.Throws<ArgumentException>(() => s.Process("no such format"));
    }
}
