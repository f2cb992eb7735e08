using Parley.Core;
using Parley.Store;
using StoreEntry = Parley.Store.TimelineEntry;

namespace Parley.Serve.Api;

/// <summary>What the timeline asks for (already validated).</summary>
public sealed record TimelineQuery
{
    /// <summary>Actor filter (code, prefix, ISO3 or actor key) on either side.</summary>
    public string? Actor { get; init; }
    /// <summary>Another party that takes part too.</summary>
    public string? With { get; init; }
    public string? Type { get; init; }
    /// <summary>An issue id of knowledge/process/issues.tsv.</summary>
    public string? Issue { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    /// <summary>Include each source's merge reason.</summary>
    public bool Explain { get; init; }
    public int Limit { get; init; } = 50;
    public int Offset { get; init; }
}

public sealed record TimelinePage(long? Total, IReadOnlyList<TimelineEntry> Items);

/// <summary>Where /api/timeline gets its entries (one class to swap in ParleyServer).</summary>
public interface ITimelineSource
{
    /// <summary>Entries in date order (by the start of each date's interval), dated ones only.</summary>
    TimelinePage Read(TimelineQuery query);

    /// <summary>One entry by id with every source and its merge reason, or null.</summary>
    TimelineEntry? Find(string id);
}

/// <summary>
/// The merged timeline: one entry per real-world event (a cluster of the process layer's cross-article merge), its
/// sources every article mention with the sentence. Entry id = cluster id.
/// </summary>
sealed class ClusterTimelineSource(StorePool stores) : ITimelineSource
{
    public TimelinePage Read(TimelineQuery q)
    {
        var search = new ClusterSearch
        {
            Actor = q.Actor, With = q.With, Type = q.Type, Issue = q.Issue, From = q.From, To = q.To,
            Limit = q.Limit, Offset = q.Offset,
        };
        var page = stores.Read(s => s.SearchClusters(search));
        return new TimelinePage(page.Total, page.Items.Select(v => Entry(v, q.Explain)).ToList());
    }

    public TimelineEntry? Find(string id)
    {
        if (!long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)) return null;
        return stores.Read(s => s.GetCluster(n)) is { } v ? Entry(v, explain: true) : null;
    }

    internal static TimelineEntry Entry(ClusterView v, bool explain)
    {
        var c = v.Entry;
        var members = v.Members;
        // the representative: the member that gives the cluster's date, else the earliest reported
        var lead = members.FirstOrDefault(m => m.Event.Event.Date == c.Date) ?? members.FirstOrDefault();
        var cameo = members.Where(m => m.Event.Event.Cameo is not null).GroupBy(m => m.Event.Event.Cameo!)
            .OrderByDescending(g => g.Count()).ThenBy(g => members.ToList().IndexOf(g.First())).FirstOrDefault();
        var (source, target) = Parties(lead, members);
        var loc = c.Place is null ? null
            : members.Select(m => m.Event.Event.Location).FirstOrDefault(l => l is not null && l.Name == c.Place)
              ?? new LocationRecord { Name = c.Place, Country = c.PlaceCountry };
        var issues = members.SelectMany(m => m.Issues).Distinct().Order(StringComparer.Ordinal).ToList();
        var refs = members.ToDictionary(m => m.Rowid, m => Dto.Ref(m.Event.ArticleId, m.Event.Event.Id));
        var mentions = c.Mentions.ToDictionary(m => m.Rowid);
        var sources = members.Select(m =>
        {
            var e = m.Event.Event;
            var where = e.Sentence >= 0 ? null : e.Evidence is { Count: > 0 } ev ? ev[0].Where : null;
            var reason = explain && mentions.TryGetValue(m.Rowid, out var mention) && mention.Reason is { } r ? Why(r, refs) : null;
            return new TimelineSourceDto(m.Event.ArticleId, m.Event.Title, m.Event.Outlet, m.Event.Published, e.Sentence, m.Event.SentenceText,
                e.Start, e.End, where, refs[m.Rowid], e.Date, e.DateText, e.Trigger, reason);
        }).ToList();
        return new TimelineEntry(c.Cluster.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Date,
            lead?.Event.Event.DateText, c.DateSource, c.Type, c.Mode, cameo?.Key, cameo?.First().Event.Event.Goldstein,
            source, target, loc, c.Negated, c.Modality ?? "asserted", issues, sources);
    }

    /// <summary>The lead mention's parties, then those only other mentions name (on their side, each party once).</summary>
    static (List<PartyDto>, List<PartyDto>) Parties(ClusterMember? lead, IReadOnlyList<ClusterMember> members)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        List<PartyDto> source = [], target = [];
        void Add(List<PartyDto> list, ActorRef r)
        {
            var p = EventDto2.Party(r);
            if (seen.Add(p.Key ?? p.Name ?? "?")) list.Add(p);
        }
        foreach (var m in lead is null ? members : members.Prepend(lead))
        {
            foreach (var r in m.Event.Event.Source) Add(source, r);
            foreach (var r in m.Event.Event.Target) Add(target, r);
        }
        return (source, target);
    }

    static MergeReasonDto Why(Parley.Merge.MergeReason r, Dictionary<long, string> refs)
    {
        var with = r.With is { } w && refs.TryGetValue(w, out var rf) ? rf : null;
        var parts = new List<string>();
        if (r.Rule == "seed") parts.Add("first mention of the event");
        else
        {
            parts.Add(with is null ? "merged" : $"merged with {with}");
            if (r.SharedActors.Count > 0) parts.Add("shares " + string.Join(", ", r.SharedActors));
            if (r.DateRelation is { } d) parts.Add(d.Replace('-', ' '));
            if (r.PlaceRelation is { } p) parts.Add(p == "unknown" ? "place unknown on one side" : p.Replace('-', ' '));
            if (r.ModeRelation is { } mo) parts.Add(mo == "same" ? "same mode" : "mode unknown on one side");
        }
        return new MergeReasonDto(r.Rule, with, r.SharedActors, r.DateRelation, r.PlaceRelation, r.ModeRelation, r.Score, string.Join("; ", parts));
    }
}
