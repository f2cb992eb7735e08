using Parley.Merge;

namespace Parley.Merge.Tests;

public class EventMergerTests
{
    static MergeEvent Ev(long key, string article, string date, string type = "CONSULT", string[]? src = null, string[]? tgt = null,
        string? mode = null, string source = "text", string? place = null, string? country = null, bool negated = false, string modality = "asserted") => new()
    {
        Key = key, Article = article, Type = type, Mode = mode, Date = date, DateSource = source, Published = date,
        Place = place, PlaceCountry = country, Source = src ?? ["RUS"], Target = tgt ?? ["TUR"], Negated = negated, Modality = modality,
    };

    static MergeDecision Cmp(MergeEvent a, MergeEvent b) => EventMerger.Compare(a, b);

    static string Shape(IEnumerable<EventCluster> clusters) =>
        string.Join(" ", clusters.Select(c => "[" + string.Join(",", c.Members) + "]"));

    [Fact]
    public void Same_day_same_parties_merge_with_a_reason()
    {
        var d = Cmp(Ev(1, "a", "2023-09-04", place: "Sochi", country: "RUS"), Ev(2, "b", "2023-09-04", src: ["TUR"], tgt: ["RUS"], place: "Sochi", country: "RUS"));
        Assert.True(d.Merge);
        Assert.Equal("same-day", d.Reason!.DateRelation);
        Assert.Equal("same-place", d.Reason.PlaceRelation);
        Assert.Equal(["RUS", "TUR"], d.Reason.SharedActors);
        Assert.InRange(d.Reason.Score, 0.8, 1.0);
    }

    [Fact]
    public void Different_written_days_never_merge_and_conflict()
    {
        var d = Cmp(Ev(1, "a", "2019-01-23"), Ev(2, "b", "2023-09-04"));
        Assert.False(d.Merge);
        Assert.True(d.Conflict);
        Assert.Equal("different days", d.Failed);
        Assert.False(Cmp(Ev(1, "a", "2023-09-04"), Ev(2, "b", "2023-09-05")).Merge);
    }

    [Fact]
    public void Phone_call_is_not_a_visit_but_an_unknown_mode_matches_either()
    {
        Assert.False(Cmp(Ev(1, "a", "2024-12-03", mode: "phone"), Ev(2, "b", "2024-12-03", mode: "visit")).Merge);
        Assert.True(Cmp(Ev(1, "a", "2024-12-03", mode: "phone"), Ev(2, "b", "2024-12-03")).Merge);
        Assert.True(Cmp(Ev(1, "a", "2024-12-03", mode: "phone"), Ev(2, "b", "2024-12-03", mode: "phone")).Merge);
    }

    [Fact]
    public void Types_negation_and_modality_must_agree()
    {
        Assert.Equal("type", Cmp(Ev(1, "a", "2024-12-03"), Ev(2, "b", "2024-12-03", type: "AGREE")).Failed);
        Assert.False(Cmp(Ev(1, "a", "2024-12-03"), Ev(2, "b", "2024-12-03", negated: true)).Merge);
        Assert.False(Cmp(Ev(1, "a", "2024-12-03"), Ev(2, "b", "2024-12-03", modality: "planned")).Merge);
        Assert.True(Cmp(Ev(1, "a", "2024-12-03"), Ev(2, "b", "2024-12-03", modality: "reported-claim")).Merge);
    }

    [Fact]
    public void Symmetric_types_ignore_direction_directed_types_do_not()
    {
        Assert.True(Cmp(Ev(1, "a", "2024-12-03"), Ev(2, "b", "2024-12-03", src: ["TUR"], tgt: ["RUS"])).Merge);
        Assert.False(Cmp(Ev(1, "a", "2024-12-03", type: "ACCUSE"), Ev(2, "b", "2024-12-03", type: "ACCUSE", src: ["TUR"], tgt: ["RUS"])).Merge);
        Assert.True(Cmp(Ev(1, "a", "2024-12-03", type: "ACCUSE"), Ev(2, "b", "2024-12-03", type: "ACCUSE")).Merge);
        // a directed event with an unknown target still needs its source to match
        Assert.True(Cmp(Ev(1, "a", "2024-12-03", type: "REQUEST", tgt: []), Ev(2, "b", "2024-12-03", type: "REQUEST")).Merge);
        Assert.False(Cmp(Ev(1, "a", "2024-12-03", type: "REQUEST", src: ["KAZ"], tgt: []), Ev(2, "b", "2024-12-03", type: "REQUEST")).Merge);
    }

    [Fact]
    public void Actor_sets_must_overlap_on_both_sides()
    {
        var d = Cmp(Ev(1, "a", "2024-12-03", src: ["RUS"], tgt: ["TUR"]), Ev(2, "b", "2024-12-03", src: ["RUS"], tgt: ["IRN"]));
        Assert.False(d.Merge);
        Assert.True(d.Conflict); // RUS-TUR and RUS-IRN are different meetings: no third mention may bridge them
        Assert.Equal("actors", d.Failed);
        // a single known participant matches only on the same written day
        Assert.True(Cmp(Ev(1, "a", "2024-12-03", tgt: []), Ev(2, "b", "2024-12-03")).Merge);
        Assert.False(Cmp(Ev(1, "a", "2024-12-03", tgt: []), Ev(2, "b", "2024-12-04", source: "published")).Merge);
        Assert.False(Cmp(Ev(1, "a", "2024-12-03", tgt: [], type: "ACCUSE"), Ev(2, "b", "2024-12-04", source: "published", type: "ACCUSE")).Merge);
        Assert.True(Cmp(Ev(1, "a", "2024-12-03", src: ["RUS", "TUR", "IRN"], tgt: []), Ev(2, "b", "2024-12-03", src: ["RUS"], tgt: ["TUR"])).Merge);
    }

    [Fact]
    public void Partial_dates_merge_when_their_intervals_overlap()
    {
        var d = Cmp(Ev(1, "a", "2023-06"), Ev(2, "b", "2023-06-21"));
        Assert.True(d.Merge);
        Assert.Equal("overlapping-partial", d.Reason!.DateRelation);
        Assert.False(Cmp(Ev(1, "a", "2023-06"), Ev(2, "b", "2023-07-01")).Merge);
        var year = Cmp(Ev(1, "a", "2023"), Ev(2, "b", "2023-06-21"));
        Assert.False(year.Merge);
        Assert.Equal("year-only date", year.Failed);
    }

    [Fact]
    public void Publication_dates_merge_within_the_window_after_the_event_only()
    {
        var d = Cmp(Ev(1, "a", "2023-09-04"), Ev(2, "b", "2023-09-06", source: "published"));
        Assert.True(d.Merge);
        Assert.Equal("within-publication-window", d.Reason!.DateRelation);
        Assert.False(Cmp(Ev(1, "a", "2023-09-04"), Ev(2, "b", "2023-09-10", source: "published")).Merge); // too late
        Assert.False(Cmp(Ev(1, "a", "2023-09-04"), Ev(2, "b", "2023-09-01", source: "published")).Merge); // published before it happened
        Assert.True(Cmp(Ev(1, "a", "2023-09-05", source: "published"), Ev(2, "b", "2023-09-06", source: "published")).Merge);
        Assert.False(Cmp(Ev(1, "a", "2023-09-05", source: "published"), Ev(2, "b", "2023-09-07", source: "published")).Merge);
    }

    [Fact]
    public void A_publication_dated_mention_never_bridges_two_written_days()
    {
        // b (published 09-05) fits both a (09-04) and c (09-03); a and c are different written days, so b joins one of them only
        var events = new[] { Ev(1, "a", "2023-09-04"), Ev(2, "b", "2023-09-05", source: "published"), Ev(3, "c", "2023-09-03") };
        var clusters = EventMerger.Cluster(events);
        Assert.Equal(2, clusters.Count);
        Assert.DoesNotContain(clusters, c => c.Members.Contains(1) && c.Members.Contains(3));
    }

    [Fact]
    public void Places_must_be_compatible()
    {
        Assert.Equal("same-country", Cmp(Ev(1, "a", "2023-09-04", place: "Sochi", country: "RUS"), Ev(2, "b", "2023-09-04", place: "Krasnodar Krai", country: "RUS")).Reason!.PlaceRelation);
        Assert.Equal("unknown", Cmp(Ev(1, "a", "2023-09-04", place: "Sochi", country: "RUS"), Ev(2, "b", "2023-09-04")).Reason!.PlaceRelation);
        var d = Cmp(Ev(1, "a", "2023-09-04", place: "Sochi", country: "RUS"), Ev(2, "b", "2023-09-04", place: "Ankara", country: "TUR"));
        Assert.False(d.Merge);
        Assert.True(d.Conflict);
    }

    [Fact]
    public void Two_mentions_of_one_article_never_merge()
    {
        var d = Cmp(Ev(1, "a", "2023-09-04"), Ev(2, "a", "2023-09-04"));
        Assert.False(d.Merge);
        Assert.Equal("same article", d.Failed);
        // nor through a third article's mention
        var clusters = EventMerger.Cluster([Ev(1, "a", "2023-09-04"), Ev(2, "a", "2023-09-04"), Ev(3, "b", "2023-09-04")]);
        Assert.Equal(2, clusters.Count);
        Assert.All(clusters, c => Assert.False(c.Members.Contains(1) && c.Members.Contains(2)));
    }

    [Fact]
    public void Undated_mentions_stay_alone()
    {
        var a = Ev(1, "a", "2023-09-04") with { Date = null, Published = null };
        Assert.Equal("no date", Cmp(a, Ev(2, "b", "2023-09-04")).Failed);
        Assert.Equal(2, EventMerger.Cluster([a, Ev(2, "b", "2023-09-04")]).Count);
    }

    static List<MergeEvent> Mixed() =>
    [
        Ev(10, "a", "2019-01-23", place: "Moscow", country: "RUS"),
        Ev(11, "b", "2019-01-23", src: ["TUR"], tgt: ["RUS"], place: "Moscow", country: "RUS"),
        Ev(12, "c", "2019-01-24", source: "published"),
        Ev(20, "a", "2023-09-04", place: "Sochi", country: "RUS"),
        Ev(21, "d", "2023-09", src: ["TUR"], tgt: ["RUS"]),
        Ev(22, "e", "2023-09-05", source: "published", place: "Sochi", country: "RUS"),
        Ev(30, "d", "2024-12-03", mode: "phone"),
        Ev(31, "e", "2024-12-03", mode: "visit"),
        Ev(32, "f", "2024-12-04", source: "published", mode: "phone"),
        Ev(40, "f", "2024-12-03", type: "AGREE"),
    ];

    [Fact]
    public void Clusters_are_the_real_events_with_reasons_for_every_member()
    {
        var clusters = EventMerger.Cluster(Mixed());
        Assert.Equal("[10,11,12] [20,21,22] [30,32] [31] [40]", Shape(clusters));
        var sochi = clusters.Single(c => c.Id == 20);
        Assert.Equal("2023-09-04", sochi.Date);
        Assert.Equal("text", sochi.DateSource);
        Assert.Equal("Sochi", sochi.Place);
        Assert.Equal(3, sochi.Articles);
        Assert.Equal("seed", sochi.Reasons[20].Rule);
        Assert.All(sochi.Members.Skip(1), m => Assert.Equal("merged", sochi.Reasons[m].Rule));
        Assert.Equal(20, sochi.Reasons[22].With);
        Assert.Equal("phone", clusters.Single(c => c.Id == 30).Mode);
    }

    [Fact]
    public void Result_does_not_depend_on_input_order()
    {
        var expected = Shape(EventMerger.Cluster(Mixed()));
        var rng = new Random(7);
        for (var i = 0; i < 20; i++)
        {
            var shuffled = Mixed().OrderBy(_ => rng.Next()).ToList();
            var clusters = EventMerger.Cluster(shuffled);
            Assert.Equal(expected, Shape(clusters));
            Assert.Equal(EventMerger.Cluster(Mixed()).Select(c => string.Join(";", c.Reasons.OrderBy(r => r.Key).Select(r => $"{r.Key}<{r.Value.With}"))),
                         clusters.Select(c => string.Join(";", c.Reasons.OrderBy(r => r.Key).Select(r => $"{r.Key}<{r.Value.With}"))));
        }
    }

    [Fact]
    public void Removing_or_changing_a_mention_recomputes_its_cluster()
    {
        var all = Mixed();
        // article b removed: the Moscow meeting keeps a and c
        Assert.Contains("[10,12]", Shape(EventMerger.Cluster(all.Where(e => e.Article != "b"))));
        // article e re-ingested with the Sochi meeting moved to another city: it leaves the cluster
        var changed = all.Select(e => e.Key == 22 ? e with { Key = 50, Place = "Ankara", PlaceCountry = "TUR" } : e).ToList();
        var shape = Shape(EventMerger.Cluster(changed));
        Assert.Contains("[20,21]", shape);
        Assert.Contains("[50]", shape);
    }
}
