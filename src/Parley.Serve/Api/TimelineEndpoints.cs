using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Parley.Serve.Api;

/// <summary>GET /api/timeline: dated entries in date order with the sentences they are written in.</summary>
static class TimelineEndpoints
{
    public static void Map(RouteGroupBuilder api, ServerContext ctx, ITimelineSource source)
    {
        api.MapGet("/timeline", (
            [FromQuery, Description("a party on either side: " + EventsEndpoints.ActorHelp)] string? actor,
            [FromQuery, Description("the other party (with actor: events between the two, either direction; alone: like actor)")] string? with,
            [FromQuery, Description("PLOVER type or CAMEO code prefix")] string? type,
            [FromQuery, Description("issue id of knowledge/process/issues.tsv (events the positions stage tagged with it)")] string? issue,
            [FromQuery, Description("earliest date: YYYY, YYYY-MM or YYYY-MM-DD")] string? from,
            [FromQuery, Description("latest date, inclusive")] string? to,
            [FromQuery, Description("page size (1..max, default 50)")] string? limit,
            [FromQuery, Description("items to skip")] string? offset) =>
        {
            var a = FilterParams.Actor(actor, "actor");
            var w = FilterParams.Actor(with, "with");
            var q = new TimelineQuery
            {
                Actor = a ?? w,
                With = a is null ? null : w,
                Type = FilterParams.EventType(type, "type"),
                Issue = FilterParams.Issue(issue, "issue"),
                From = Params.Date(from, "from"),
                To = Params.Date(to, "to"),
                Limit = Params.Int(limit, "limit", 50, 1, ctx.Options.MaxPageSize),
                Offset = Params.Int(offset, "offset", 0, 0, 10_000_000),
            };
            FilterParams.Window(q.From, q.To);
            var page = source.Read(q);
            var total = page.Total ?? 0;
            var next = q.Offset + page.Items.Count < total ? q.Offset + page.Items.Count : (int?)null;
            return Results.Ok(new Page<TimelineEntry>(page.Total, q.Offset, q.Limit, next, page.Items));
        })
        .WithTags("Timeline")
        .WithName("GetTimeline")
        .WithSummary("Timeline of dated events")
        .WithDescription("Oldest first; a partial date (2023, 2023-09) is placed at the start of its interval and shown as written (date, date_text). Each entry has a stable id and sources: the articles and sentences it is written in (one per entry until the process layer merges events across articles). Undated events are not on the timeline (see /api/events).")
        .Produces<Page<TimelineEntry>>()
        .ProducesProblem(StatusCodes.Status400BadRequest);
    }
}
