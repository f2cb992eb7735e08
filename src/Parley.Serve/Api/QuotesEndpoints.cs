using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Parley.Store;

namespace Parley.Serve.Api;

/// <summary>GET /api/quotes: stored quotes by speaker, actor code, words, dates and kind.</summary>
static class QuotesEndpoints
{
    public static void Map(RouteGroupBuilder api, ServerContext ctx)
    {
        api.MapGroup("/quotes").WithTags("Quotes").MapGet("/", (
            [FromQuery, Description("speaker name or words as written (substring, case- and accent-insensitive)")] string? speaker,
            [FromQuery, Description("CAMEO code or prefix (RUS, RUSGOV) or ISO3 country of the speaker")] string? actor,
            [FromQuery, Description("words the quote must contain (all; word* is a prefix)")] string? about,
            [FromQuery, Description("earliest article date: YYYY, YYYY-MM or YYYY-MM-DD")] string? from,
            [FromQuery, Description("latest article date, inclusive")] string? to,
            [FromQuery, Description("direct | indirect | mixed")] string? kind,
            [FromQuery, Description("page size (1..max, default 50)")] string? limit,
            [FromQuery, Description("items to skip")] string? offset) =>
        {
            var query = new QuoteQuery
            {
                Speaker = Params.Text(speaker, "speaker"),
                Actor = Params.Text(actor, "actor", 32),
                About = Params.Words(about, "about"),
                From = Params.Date(from, "from"),
                To = Params.Date(to, "to"),
                Kind = Params.OneOf(kind, "kind", "direct", "indirect", "mixed"),
                Limit = Params.Int(limit, "limit", 50, 1, ctx.Options.MaxPageSize),
                Offset = Params.Int(offset, "offset", 0, 0, 10_000_000),
            };
            if (query.Actor is { } a && !a.All(char.IsAsciiLetterOrDigit))
                throw new BadParameterException("actor", "actor must be a CAMEO code or ISO3 country (letters and digits)");
            // One more than asked tells whether there is a next page without counting.
            var rows = ctx.Stores.Read(s => s.Quotes(query with { Limit = query.Limit + 1 }).ToList());
            var more = rows.Count > query.Limit;
            var items = rows.Take(query.Limit).Select(Dto.QuoteItem).ToList();
            return Results.Ok(new Page<QuoteListItem>(null, query.Offset, query.Limit, more ? query.Offset + query.Limit : null, items));
        })
        .WithName("ListQuotes")
        .WithSummary("Search quotes")
        .WithDescription("Newest article first, then by position in the article. total is null: next_offset says whether there is more.")
        .Produces<Page<QuoteListItem>>()
        .ProducesProblem(StatusCodes.Status400BadRequest);
    }
}
