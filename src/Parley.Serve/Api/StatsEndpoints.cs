namespace Parley.Serve.Api;

/// <summary>GET /api/stats: counts and ranges over the store.</summary>
static class StatsEndpoints
{
    public static void Map(RouteGroupBuilder api, ServerContext ctx)
    {
        api.MapGet("/stats", () =>
        {
            var s = ctx.Stores.Read(store => store.GetStats(topOutlets: 50));
            return Results.Ok(new StatsDto(s.Articles, s.DistinctOutlets, s.TopOutlets.Select(o => new OutletCount(o.Outlet, o.Count)).ToList(),
                s.PublishedFrom, s.PublishedTo, s.ByPublishedSource, s.IngestErrors, s.Quotes, s.QuotesWithSpeaker, ctx.Options.AllowIngest));
        })
        .WithTags("Stats")
        .WithName("GetStats")
        .WithSummary("Counts and date range of the store")
        .Produces<StatsDto>();
    }
}
