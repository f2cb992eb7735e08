using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Parley.Store;

namespace Parley.Serve.Api;

/// <summary>GET /api/network: actors (or countries) as nodes, the events between them as edges.</summary>
static class NetworkEndpoints
{
    public static void Map(RouteGroupBuilder api, ServerContext ctx)
    {
        api.MapGet("/network", (
            [FromQuery, Description("earliest event date: YYYY, YYYY-MM or YYYY-MM-DD")] string? from,
            [FromQuery, Description("latest event date, inclusive")] string? to,
            [FromQuery, Description("PLOVER type or CAMEO code prefix")] string? type,
            [FromQuery, Description("country (default: one node per ISO3 country, else per code) | actor (one node per actor key)")] string? level,
            [FromQuery, Description("only edges with at least this many events (default 1)")] string? min,
            [FromQuery, Description("at most this many edges, the busiest first (1..2000, default 300)")] string? limit) =>
        {
            var q = new NetworkQuery
            {
                From = Params.Date(from, "from"),
                To = Params.Date(to, "to"),
                Type = FilterParams.EventType(type, "type"),
                Level = Params.OneOf(level, "level", "country", "actor") ?? "country",
                Min = Params.Int(min, "min", 1, 1, 100_000),
                MaxEdges = Params.Int(limit, "limit", 300, 1, 2000),
            };
            FilterParams.Window(q.From, q.To);
            var n = ctx.Stores.Read(s => s.Network(q));
            return Results.Ok(new NetworkDto(q.Level, q.From, q.To, q.Type, q.Min, n.Events, n.Nodes, n.Edges));
        })
        .WithTags("Network")
        .WithName("GetNetwork")
        .WithSummary("Actor network of the events in a window")
        .WithDescription("Edges join two nodes (a < b by key) over the events with one as source and the other as target, either direction: count, a_to_b / b_to_a, mean and sum Goldstein, counts per quad (verbal/material cooperation, verbal/material conflict; by PLOVER type, else CAMEO root) and the refs of the events with the largest |Goldstein|. Node keys are actor keys (level=actor) or codes (level=country), usable with /api/actors/{key}.")
        .Produces<NetworkDto>()
        .ProducesProblem(StatusCodes.Status400BadRequest);
    }
}
