using Parley.Core;
using static Parley.Store.Tests.EventFixtures;

namespace Parley.Store.Tests;

/// <summary>Actor keys and the serve reads: SearchEvents, GetActor, Network.</summary>
public sealed class NetworkStoreTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("parley-network-").FullName;
    string DbPath => Path.Combine(_dir, "parley.db");

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    SqliteStore Filled()
    {
        var store = SqliteStore.Open(DbPath);
        store.Add(Sochi());
        store.Add(Geneva());
        return store;
    }

    [Theory]
    [InlineData("TURGOV", "Recep Tayyip Erdoğan", "TURGOV_recep-tayyip-erdogan")]
    [InlineData("rusgov", "  Sergei  Lavrov ", "RUSGOV_sergei-lavrov")]
    [InlineData(null, "John O'Neill", "_john-o-neill")]
    [InlineData("IGOUNO", "U.N. Security Council", "IGOUNO_u-n-security-council")]
    public void Keys_are_stable_url_safe_and_parse_back(string? code, string name, string key)
    {
        Assert.Equal(key, ActorKey.Of(code, name));
        Assert.True(ActorKey.TryParse(key, out var c, out var slug));
        Assert.Equal((code ?? "").ToUpperInvariant(), c);
        Assert.Equal(key[(key.IndexOf('_') + 1)..], slug);
        Assert.Equal(key, Uri.EscapeDataString(key));
    }

    [Fact]
    public void A_name_without_latin_letters_gets_a_stable_hash_slug()
    {
        var key = ActorKey.Of("RUSGOV", "Сергей Лавров");
        Assert.Matches("^RUSGOV_u[0-9a-f]{8}$", key);
        Assert.Equal(key, ActorKey.Of("RUSGOV", "Сергей Лавров"));
        Assert.NotEqual(key, ActorKey.Of("RUSGOV", "Владимир Путин"));
        Assert.True(ActorKey.TryParse(key, out _, out _));
        Assert.False(ActorKey.TryParse("RUS", out _, out _));
        Assert.False(ActorKey.TryParse("rus_x", out _, out _));
        Assert.False(ActorKey.TryParse("RUS_Bad Slug", out _, out _));
    }

    [Fact]
    public void Events_by_key_match_that_actor_only()
    {
        using var store = Filled();
        var erdogan = store.SearchEvents(new EventSearch { Actor = "TURGOV_recep-tayyip-erdogan" });
        Assert.Equal(["sochi#E1", "sochi#E3", "sochi#E4"], erdogan.Items.Select(e => $"{e.ArticleId}#{e.Event.Id}").Order());
        Assert.Equal(3, erdogan.Total);
        var asSource = store.SearchEvents(new EventSearch { Source = "TURGOV_recep-tayyip-erdogan" });
        Assert.Equal(["sochi#E3", "sochi#E4"], asSource.Items.Select(e => $"{e.ArticleId}#{e.Event.Id}").Order());
        var dyad = store.SearchEvents(new EventSearch { DyadA = "UKR", DyadB = "RUS" });
        Assert.Equal(["sochi#E2", "sochi#E4"], dyad.Items.Select(e => $"{e.ArticleId}#{e.Event.Id}").Order());
        Assert.Throws<ArgumentException>(() => store.SearchEvents(new EventSearch { Actor = "RUS;--" }));
    }

    [Fact]
    public void Timeline_order_places_partial_dates_at_their_start()
    {
        using var store = Filled();
        var page = store.SearchEvents(new EventSearch { DatedOnly = true, Chronological = true });
        // 2019-06-11, 2023-08 (from 08-01), 2023-09-04, 2023-09-05, 2024 — the date without a year is left out
        Assert.Equal(["2019-06-11", "2023-08", "2023-09-04", "2023-09-05", "2024"], page.Items.Select(e => e.Event.Date));
        Assert.Equal(5, page.Total);
        var second = store.SearchEvents(new EventSearch { DatedOnly = true, Chronological = true, Limit = 2, Offset = 2 });
        Assert.Equal(["2023-09-04", "2023-09-05"], second.Items.Select(e => e.Event.Date));
    }

    [Fact]
    public void Only_the_latest_version_of_an_article_counts()
    {
        using var store = Filled();
        var changed = Sochi();
        changed.Text += " A correction was appended.";
        changed.ContentHash = "changed-" + changed.ContentHash;
        changed.Events.RemoveAt(1); // the shelling is gone from the new version
        Assert.Equal(AddResult.Inserted, store.Add(changed));
        var sochi = store.SearchEvents(new EventSearch { Actor = "RUS" }).Items.Where(e => e.ArticleId == "sochi").ToList();
        Assert.DoesNotContain(sochi, e => e.Event.Type == "ASSAULT");
        Assert.Equal(3, sochi.Count);
        var net = store.Network(new NetworkQuery { Level = "country" });
        Assert.DoesNotContain(net.Edges, e => e.A == "RUS" && e.B == "UKR" && e.MaterialConflict > 0);
    }

    [Fact]
    public void Actor_profile_and_group()
    {
        using var store = Filled();
        var putin = store.GetActor("RUSGOV_vladimir-putin")!;
        Assert.Equal("Vladimir Putin", putin.Name);
        Assert.Equal(2, putin.Articles);
        Assert.Equal(3, putin.Mentions);
        Assert.Equal((2L, 0L), (putin.EventsAsSource, putin.EventsAsTarget));
        Assert.Null(store.GetActor("RUSGOV_nobody"));
        var rus = store.GetActor("RUS")!;
        Assert.True(rus.Group);
        Assert.Equal(["RUSGOV_vladimir-putin", "RUSMIL_russian-forces"], rus.Members.Select(m => m.Key).Order());
        Assert.Throws<ArgumentException>(() => store.GetActor("not a key"));
    }

    [Fact]
    public void Network_edges_count_quads_and_directions()
    {
        using var store = Filled();
        var net = store.Network(new NetworkQuery { Level = "country" });
        var ru = net.Edges.Single(e => e.A == "RUS" && e.B == "TUR");
        // E1 Putin→Erdoğan (CONSULT, verbal coop), E3 Erdoğan→Russia (AGREE, verbal coop)
        Assert.Equal((2L, 1L, 1L, 2L, 0L), (ru.Count, ru.AToB, ru.BToA, ru.VerbalCooperation, ru.Conflict));
        var ukr = net.Edges.Single(e => e.A == "RUS" && e.B == "UKR");
        Assert.Equal((2L, 1L, 1L), (ukr.Count, ukr.MaterialConflict, ukr.VerbalCooperation));
        Assert.Equal("sochi#E2", ukr.TopEvents[0]); // |−10| first
        Assert.Contains(net.Nodes, n => n.Key == "IGOUNO" && n.Label == "United Nations");
        var actors = store.Network(new NetworkQuery { Level = "actor", From = "2023-09", To = "2023-09" });
        Assert.Equal(["RUSGOV_vladimir-putin|TURGOV_recep-tayyip-erdogan", "RUSGOV_vladimir-putin|UKR_ukraine", "TURGOV_recep-tayyip-erdogan|UKR_ukraine"],
            actors.Edges.Select(e => e.A + "|" + e.B).Order());
    }
}
