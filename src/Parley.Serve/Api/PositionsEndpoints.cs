using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Parley.Store;

namespace Parley.Serve.Api;

/// <summary>GET /api/positions (actor × issue matrix of the latest stances), GET /api/positions/history (every stance in date order).</summary>
static class PositionsEndpoints
{
    const string ActorHelp = "ISO3 country or CAMEO code/prefix (RUS, TURGOV: the holder, its country or code), an actor key (RUSGOV_sergei-lavrov: stances that actor took), or part of a name";

    public static void Map(RouteGroupBuilder api, ServerContext ctx)
    {
        var group = api.MapGroup("/positions").WithTags("Positions");

        group.MapGet("/", (
            [FromQuery, Description("issue id of knowledge/process/issues.tsv")] string? issue,
            [FromQuery, Description(ActorHelp)] string? actor) =>
        {
            var i = FilterParams.Issue(issue, "issue");
            var a = ActorFilter(actor, "actor");
            var all = ctx.Stores.Read(s => Read(s, i, a));
            return Results.Ok(Matrix(all, i, a));
        })
        .WithName("GetPositions")
        .WithSummary("Positions matrix: actors × issues")
        .WithDescription("Rows are stance holders (the actor's country, else its name), columns the issues with a stance, one cell per holder and issue: the latest stance (supports | opposes | conditions, with the condition as written), its date, and the evidence sentence (article id + sentence index). statements counts every stance behind the cell (see /api/positions/history).")
        .Produces<PositionMatrixDto>()
        .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/history", (
            [FromQuery, Description("required: " + ActorHelp)] string? actor,
            [FromQuery, Description("issue id of knowledge/process/issues.tsv (default: every issue)")] string? issue) =>
        {
            var a = ActorFilter(actor, "actor") ?? throw new BadParameterException("actor", "actor is required (a country, code, actor key or name)");
            var i = FilterParams.Issue(issue, "issue");
            var items = ctx.Stores.Read(s => Read(s, i, a));
            return Results.Ok(new PositionHistoryDto(a, i, items.OrderBy(p => p.Issue, StringComparer.Ordinal).ThenBy(p => p.Date ?? "9999", StringComparer.Ordinal)
                .Select(p => ProcessDto2.Position(p)).ToList()));
        })
        .WithName("GetPositionHistory")
        .WithSummary("Every stance of an actor (on an issue) in date order")
        .WithDescription("By issue, then date (undated last): how the stance changed, each with its evidence sentence.")
        .Produces<PositionHistoryDto>()
        .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    /// <summary>A code (capitals and digits), an actor key, or a name; null when blank.</summary>
    static string? ActorFilter(string? value, string name)
    {
        var v = Params.Text(value, name, 100);
        if (v is null) return null;
        if (ActorKey.TryParse(v, out _, out _) || ActorKey.IsCode(v)) return v;
        return v.Any(char.IsLetter) && v.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '.' or '+' or '\'')
            ? v : throw new BadParameterException(name, $"{name} must be a country or CAMEO code, an actor key or a name, got \"{(v.Length > 40 ? v[..40] + "…" : v)}\"");
    }

    /// <summary>Stances matching the filters. Codes match holder, country or code prefix exactly; keys one actor; other text a part of the actor's name.</summary>
    internal static List<StoredPosition> Read(SqliteStore s, string? issue, string? actor)
    {
        if (actor is null) return [.. s.Positions(new PositionQuery { Issue = issue })];
        if (ActorKey.TryParse(actor, out var code, out _))
            return s.Positions(new PositionQuery { Issue = issue, Actor = code.Length > 0 ? code : null })
                .Where(p => ActorKey.OfParty(p.Code, p.ActorName) == actor).ToList();
        if (ActorKey.IsCode(actor) && actor == actor.ToUpperInvariant())
            return s.Positions(new PositionQuery { Issue = issue, Actor = actor })
                .Where(p => p.Holder == actor || p.Country == actor || (p.Code ?? "").StartsWith(actor, StringComparison.Ordinal)).ToList();
        return [.. s.Positions(new PositionQuery { Issue = issue, Actor = actor })];
    }

    /// <summary>Per holder and issue the latest stance (latest date; on one date the more confident), as the store's PositionMatrix.</summary>
    internal static List<PositionDto> Cells(IEnumerable<StoredPosition> all) =>
        all.GroupBy(p => (p.Holder, p.Issue))
            .Select(g => ProcessDto2.Position(g.OrderByDescending(p => p.Date ?? "", StringComparer.Ordinal).ThenByDescending(p => p.Confidence).First(), g.Count()))
            .OrderBy(c => c.Holder, StringComparer.Ordinal).ThenBy(c => c.Issue, StringComparer.Ordinal).ToList();

    static PositionMatrixDto Matrix(List<StoredPosition> all, string? issue, string? actor)
    {
        var cells = Cells(all);
        var labels = VocabEndpoints.IssueLabels;
        var issues = cells.Select(c => c.Issue).Distinct()
            .OrderBy(i => labels.Keys.ToList().IndexOf(i) is var n && n >= 0 ? n : int.MaxValue).ThenBy(i => i, StringComparer.Ordinal)
            .Select(i => new IssueLabelDto(i, labels.GetValueOrDefault(i) ?? i)).ToList();
        var rows = all.GroupBy(p => p.Holder).Select(g => new PositionRowDto(g.Key, g.Select(p => p.Country).FirstOrDefault(c => c is not null),
                g.Select(p => p.ActorName).Where(n => n is not null).GroupBy(n => n!).OrderByDescending(n => n.Count()).ThenBy(n => n.Key, StringComparer.Ordinal)
                    .Select(n => n.Key).Take(5).ToList(),
                g.Select(p => p.Issue).Distinct().Count()))
            .OrderByDescending(r => r.Issues).ThenBy(r => r.Holder, StringComparer.Ordinal).ToList();
        return new PositionMatrixDto(issue, actor, rows, issues, cells);
    }
}
