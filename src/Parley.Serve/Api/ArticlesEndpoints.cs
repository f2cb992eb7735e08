using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Parley.Store;

namespace Parley.Serve.Api;

/// <summary>GET /api/articles (list, search), GET /api/articles/{id} (one article with its annotated spans).</summary>
static class ArticlesEndpoints
{
    public static void Map(RouteGroupBuilder api, ServerContext ctx)
    {
        var group = api.MapGroup("/articles").WithTags("Articles");

        group.MapGet("/", (
            [FromQuery, Description("words to find in title or text (all required; word* is a prefix; operators are not interpreted)")] string? q,
            [FromQuery, Description("outlet name, exact, case-insensitive")] string? outlet,
            [FromQuery, Description("earliest publication date: YYYY, YYYY-MM or YYYY-MM-DD")] string? from,
            [FromQuery, Description("latest publication date, inclusive")] string? to,
            [FromQuery, Description("page size (1..max, default 50)")] string? limit,
            [FromQuery, Description("items to skip")] string? offset) =>
        {
            var query = new ArticleQuery
            {
                Text = Params.Words(q, "q"),
                Outlet = Params.Text(outlet, "outlet"),
                From = Params.Date(from, "from"),
                To = Params.Date(to, "to"),
                Limit = Params.Int(limit, "limit", 50, 1, ctx.Options.MaxPageSize),
                Offset = Params.Int(offset, "offset", 0, 0, 10_000_000),
            };
            var page = ctx.Stores.Read(s => s.BrowseArticles(query));
            var next = query.Offset + page.Items.Count < page.Total ? query.Offset + page.Items.Count : (int?)null;
            return Results.Ok(new Page<ArticleListItem>(page.Total, query.Offset, query.Limit, next, page.Items.Select(Dto.ListItem).ToList()));
        })
        .WithName("ListArticles")
        .WithSummary("List or search articles")
        .WithDescription("Newest first; with q, best match first (SQLite FTS5 over title and text) and a snippet with the matches marked.")
        .Produces<Page<ArticleListItem>>()
        .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/{id}", (
            [Description("article id")] string id,
            [FromQuery, Description("content hash of one stored version (default: the latest with this id)")] string? hash) =>
        {
            var h = Params.Text(hash, "hash", 128);
            if (h is not null && !h.All(char.IsAsciiHexDigit)) throw new BadParameterException("hash", "hash must be hexadecimal");
            var found = ctx.Stores.Read(s => s.GetArticle(id, h?.ToLowerInvariant()));
            return found is { } f
                ? Results.Ok(Dto.Article(f.Record, f.ContentHash))
                : Problems.NotFound(h is null ? $"no article with id \"{id}\"" : $"no article with id \"{id}\" and hash {h}");
        })
        .WithName("GetArticle")
        .WithSummary("One article with its text and every annotated span")
        .WithDescription("Sentences, actor mentions with their resolution, quotes with speakers, events, time expressions and places; offsets are UTF-16 code units into text (quotes with where=title point into the title).")
        .Produces<ArticleDetail>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
