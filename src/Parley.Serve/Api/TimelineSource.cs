using Parley.Store;

namespace Parley.Serve.Api;

/// <summary>What the timeline asks for (already validated).</summary>
public sealed record TimelineQuery
{
    /// <summary>Actor filter (code, prefix, ISO3 or actor key) on either side.</summary>
    public string? Actor { get; init; }
    /// <summary>The other side: with <see cref="Actor"/>, only events between the two (either direction).</summary>
    public string? With { get; init; }
    public string? Type { get; init; }
    /// <summary>An issue id of knowledge/process/issues.tsv.</summary>
    public string? Issue { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public int Limit { get; init; } = 50;
    public int Offset { get; init; }
}

public sealed record TimelinePage(long? Total, IReadOnlyList<TimelineEntry> Items);

/// <summary>
/// Where /api/timeline gets its entries. <see cref="EventsTimelineSource"/> gives one entry per stored event; the
/// process layer's merged cross-article clusters replace it behind the same shape (one class to swap in ParleyServer).
/// </summary>
public interface ITimelineSource
{
    /// <summary>Entries in date order (by the start of each date's interval), dated ones only.</summary>
    TimelinePage Read(TimelineQuery query);
}

/// <summary>The timeline straight from the events table: one entry (one source) per event.</summary>
sealed class EventsTimelineSource(StorePool stores) : ITimelineSource
{
    public TimelinePage Read(TimelineQuery q)
    {
        var search = new EventSearch
        {
            Actor = q.With is null ? q.Actor : null,
            DyadA = q.With is null ? null : q.Actor,
            DyadB = q.With is null ? null : q.With,
            Type = q.Type,
            Issue = q.Issue,
            From = q.From,
            To = q.To,
            DatedOnly = true,
            Chronological = true,
            Limit = q.Limit,
            Offset = q.Offset,
        };
        var page = stores.Read(s => s.SearchEvents(search));
        return new TimelinePage(page.Total, page.Items.Select(EventDto2.Entry).ToList());
    }
}
