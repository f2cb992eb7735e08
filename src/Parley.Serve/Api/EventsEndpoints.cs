using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Parley.Store;

namespace Parley.Serve.Api;

/// <summary>GET /api/events: stored events by actor, side, dyad, type, date window, location, modality and negation.</summary>
static class EventsEndpoints
{
    public const string ActorHelp = "CAMEO code or prefix (RUS, RUSGOV), ISO3 country, or an actor key (RUSGOV_sergei-lavrov)";

    public static void Map(RouteGroupBuilder api, ServerContext ctx)
    {
        api.MapGroup("/events").WithTags("Events").MapGet("/", (
            [FromQuery, Description("a party on either side: " + ActorHelp)] string? actor,
            [FromQuery, Description("a party on the source side: " + ActorHelp)] string? source,
            [FromQuery, Description("a party on the target side: " + ActorHelp)] string? target,
            [FromQuery, Description("A,B: one side matches A and the other B, either direction")] string? dyad,
            [FromQuery, Description("PLOVER type (CONSULT, ASSAULT, …) or CAMEO code prefix (04, 042)")] string? type,
            [FromQuery, Description("earliest event date: YYYY, YYYY-MM or YYYY-MM-DD (an event matches when its date interval overlaps the window)")] string? from,
            [FromQuery, Description("latest event date, inclusive")] string? to,
            [FromQuery, Description("place name (prefix, case-insensitive) or ISO3 country of the event's location")] string? location,
            [FromQuery, Description("asserted | planned | hypothetical | reported-claim")] string? modality,
            [FromQuery, Description("true: only negated events (\"did not meet\"); false: leave them out; default both")] string? negated,
            [FromQuery, Description("page size (1..max, default 50)")] string? limit,
            [FromQuery, Description("items to skip")] string? offset) =>
        {
            var d = FilterParams.Dyad(dyad, "dyad");
            var q = new EventSearch
            {
                Actor = FilterParams.Actor(actor, "actor"),
                Source = FilterParams.Actor(source, "source"),
                Target = FilterParams.Actor(target, "target"),
                DyadA = d?.A,
                DyadB = d?.B,
                Type = FilterParams.EventType(type, "type"),
                From = Params.Date(from, "from"),
                To = Params.Date(to, "to"),
                Location = Params.Text(location, "location", 100),
                Modality = Params.OneOf(modality, "modality", EventQuery.Modalities),
                Negated = FilterParams.Bool(negated, "negated"),
                Limit = Params.Int(limit, "limit", 50, 1, ctx.Options.MaxPageSize),
                Offset = Params.Int(offset, "offset", 0, 0, 10_000_000),
            };
            FilterParams.Window(q.From, q.To);
            var page = ctx.Stores.Read(s => s.SearchEvents(q));
            var total = page.Total ?? 0;
            var next = q.Offset + page.Items.Count < total ? q.Offset + page.Items.Count : (int?)null;
            return Results.Ok(new Page<EventListItem>(page.Total, q.Offset, q.Limit, next, page.Items.Select(EventDto2.Item).ToList()));
        })
        .WithName("ListEvents")
        .WithSummary("Search events")
        .WithDescription("Latest event date first, undated last. Each item's ref (\"{article id}#E3\") is stable. Only the latest stored version of an article counts.")
        .Produces<Page<EventListItem>>()
        .ProducesProblem(StatusCodes.Status400BadRequest);
    }
}
