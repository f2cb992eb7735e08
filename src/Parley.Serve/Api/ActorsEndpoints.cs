using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Parley.Store;

namespace Parley.Serve.Api;

/// <summary>GET /api/actors (search), GET /api/actors/{key} (one actor: roles, quotes, events; positions: its latest stance per issue).</summary>
static class ActorsEndpoints
{
    public static void Map(RouteGroupBuilder api, ServerContext ctx)
    {
        var group = api.MapGroup("/actors").WithTags("Actors");

        group.MapGet("/", (
            [FromQuery, Description("words of the name (substring, case- and accent-insensitive)")] string? q,
            [FromQuery, Description("CAMEO code or prefix, or ISO3 country")] string? code,
            [FromQuery, Description("person | state | org | … as the actors stage writes it")] string? kind,
            [FromQuery, Description("page size (1..max, default 50)")] string? limit,
            [FromQuery, Description("items to skip")] string? offset) =>
        {
            var query = new ActorSearch
            {
                Name = Params.Words(q, "q", 200),
                Code = Params.Text(code, "code", 32),
                Kind = Params.Text(kind, "kind", 32),
                Limit = Params.Int(limit, "limit", 50, 1, ctx.Options.MaxPageSize),
                Offset = Params.Int(offset, "offset", 0, 0, 10_000_000),
            };
            if (query.Code is { } c && !ActorKey.IsCode(c))
                throw new BadParameterException("code", "code must be a CAMEO code or ISO3 country (letters and digits)");
            if (query.Kind is { } k && !k.All(ch => char.IsAsciiLetter(ch) || ch == '-'))
                throw new BadParameterException("kind", "kind must be a word such as person, state or org");
            var rows = ctx.Stores.Read(s => s.SearchActors(query with { Limit = query.Limit + 1 }));
            var more = rows.Count > query.Limit;
            var items = rows.Take(query.Limit).Select(Item).ToList();
            return Results.Ok(new Page<ActorListItem>(null, query.Offset, query.Limit, more ? query.Offset + query.Limit : null, items));
        })
        .WithName("ListActors")
        .WithSummary("Search actors")
        .WithDescription("One item per actor key (\"{CAMEO code}_{name slug}\", stable and URL-safe), most widely named first. total is null: next_offset says whether there is more.")
        .Produces<Page<ActorListItem>>()
        .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/{key}", (
            [Description("actor key (RUSGOV_sergei-lavrov, _name-without-code) or a bare code for a group (RUS: every actor of that code prefix or country)")] string key,
            [FromQuery, Description("recent events to include (0..200, default 25)")] string? events,
            [FromQuery, Description("recent quotes to include (0..200, default 20)")] string? quotes) =>
        {
            var k = key.Trim();
            if (!ActorKey.TryParse(k, out _, out _) && !ActorKey.IsCode(k))
                throw new BadParameterException("key", $"key must be an actor key such as RUSGOV_sergei-lavrov or a code such as RUS, got \"{(k.Length > 40 ? k[..40] + "…" : k)}\"");
            if (!k.Contains('_')) k = k.ToUpperInvariant();
            var nEvents = Params.Int(events, "events", 25, 0, 200);
            var nQuotes = Params.Int(quotes, "quotes", 20, 0, 200);
            var found = ctx.Stores.Read<(ActorProfile? Profile, IReadOnlyList<StoredEvent> Events, List<StoredPosition> Positions)>(s =>
            {
                var p = s.GetActor(k, nQuotes);
                if (p is null) return (p, [], []);
                var positions = PositionsEndpoints.Read(s, null, k);
                if (nEvents == 0) return (p, [], positions);
                return (p, s.SearchEvents(new EventSearch { Actor = k, Limit = nEvents, Count = false }).Items, positions);
            });
            if (found.Profile is not { } a) return Problems.NotFound($"no stored article names an actor with key \"{k}\"");
            var enc = Uri.EscapeDataString(a.Key);
            return Results.Ok(new ActorDetail(a.Key, a.Group, a.Name, a.Code, a.Country, a.Kind, a.Names, a.Roles, a.Articles, a.Mentions,
                new ActorEvents(a.EventsAsSource, a.EventsAsTarget, found.Events.Select(EventDto2.Item).ToList()),
                new ActorQuotes(a.Quotes, a.RecentQuotes.Select(Dto.QuoteItem).ToList()),
                a.Members.Select(Item).ToList(), PositionsEndpoints.Cells(found.Positions),
                new ActorLinks($"/api/events?actor={enc}", $"/api/timeline?actor={enc}",
                    a.Code is { } code && a.Group ? $"/api/quotes?actor={Uri.EscapeDataString(code)}" : $"/api/quotes?speaker={Uri.EscapeDataString(a.Name)}",
                    $"/api/positions/history?actor={enc}")));
        })
        .WithName("GetActor")
        .WithSummary("One actor: names, roles, articles, recent events and quotes")
        .WithDescription("Roles are as the records give them (with article counts and first/last publication date). events counts the events where the actor is source or target; quotes the quotes it is the speaker of. positions: per issue the actor's latest stance (supports | opposes | conditions) with its evidence, as cells of /api/positions (a group key: every holder of that code or country).")
        .Produces<ActorDetail>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound);
    }

    static ActorListItem Item(ActorSummary a) => new(a.Key, a.Name, a.Code, a.Country, a.Kind, a.Articles, a.Mentions);
}
