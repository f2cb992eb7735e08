using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Parley.Serve.Api;

/// <summary>GET /api/timeline: merged events in date order with every article and sentence reporting them; GET /api/timeline/{id}: one with why it merged.</summary>
static class TimelineEndpoints
{
    public static void Map(RouteGroupBuilder api, ServerContext ctx, ITimelineSource source)
    {
        api.MapGet("/timeline", (
            [FromQuery, Description("a party on either side: " + EventsEndpoints.ActorHelp)] string? actor,
            [FromQuery, Description("another party that takes part too (alone: like actor)")] string? with,
            [FromQuery, Description("PLOVER type or CAMEO code prefix")] string? type,
            [FromQuery, Description("issue id of knowledge/process/issues.tsv (a mention's sentence names it); unknown ids are a 400 listing the valid ones")] string? issue,
            [FromQuery, Description("earliest date: YYYY, YYYY-MM or YYYY-MM-DD")] string? from,
            [FromQuery, Description("latest date, inclusive")] string? to,
            [FromQuery, Description("true: each source carries its merge reason")] string? explain,
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
                Explain = FilterParams.Bool(explain, "explain") ?? false,
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
        .WithSummary("Timeline of merged events")
        .WithDescription("One entry per real-world event: the process layer merges mentions of the same event across articles (same type, compatible date, parties, place and mode). Oldest first; a partial date (2023, 2023-09) is placed at the start of its interval. id is the cluster id (GET /api/timeline/{id}); sources are every article reporting the event with its sentence, date as written there and event ref; with explain=true each carries its merge reason. Negated and undated events are not on the timeline (see /api/events).")
        .Produces<Page<TimelineEntry>>()
        .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/timeline/{id}", ([Description("cluster id of a timeline entry")] string id) =>
        {
            var v = id.Trim();
            if (v.Length is 0 or > 19 || !v.All(char.IsAsciiDigit))
                throw new BadParameterException("id", $"id must be a timeline entry id (a whole number), got \"{(v.Length > 40 ? v[..40] + "…" : v)}\"");
            return source.Find(v) is { } entry ? Results.Ok(entry) : Problems.NotFound($"no timeline entry with id {v}");
        })
        .WithTags("Timeline")
        .WithName("GetTimelineEntry")
        .WithSummary("One merged event with all its evidence and why it merged")
        .WithDescription("Every source (article, sentence, the date as written there) with its merge reason: the rule (seed: the first mention; merged), the source it was linked to, shared country-level actors, date, place and mode relations, score and a readable text.")
        .Produces<TimelineEntry>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
