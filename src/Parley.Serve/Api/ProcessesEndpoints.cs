using System.ComponentModel;
using Parley.Core;

namespace Parley.Serve.Api;

/// <summary>GET /api/processes (the negotiating formats), GET /api/processes/{name} (one as an entity: members, rounds, outcomes).</summary>
static class ProcessesEndpoints
{
    sealed record KbFormat(string Id, string Name, string? Conflict, string? Start, string? End);

    static readonly Lazy<List<KbFormat>> Known = new(() => Knowledge.ReadTable("process/formats.tsv").Where(c => c.Length >= 6 && c[0].Length > 0)
        .Select(c => new KbFormat(c[0], c[1], Empty(c[3]), Empty(c[4]), Empty(c[5]))).ToList());

    static string? Empty(string s) => s.Length == 0 ? null : s;

    public static void Map(RouteGroupBuilder api, ServerContext ctx)
    {
        var group = api.MapGroup("/processes").WithTags("Processes");

        group.MapGet("/", () =>
        {
            var (ids, articles) = ctx.Stores.Read(s => (s.Formats(), s.FormatArticles()));
            var kb = Known.Value.ToDictionary(f => f.Id, StringComparer.Ordinal);
            var items = ids.Select(id => kb.TryGetValue(id, out var f)
                    ? new ProcessListItem(f.Id, f.Name, f.Conflict, f.Start, f.End, articles.GetValueOrDefault(id))
                    : new ProcessListItem(id, id, null, null, null, articles.GetValueOrDefault(id)))
                .OrderByDescending(p => p.Articles).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
            return Results.Ok(items);
        })
        .WithName("ListProcesses")
        .WithSummary("Negotiating formats")
        .WithDescription("The formats of knowledge/process/formats.tsv and any others the stored articles name, with how many articles name or imply each; most reported first.")
        .Produces<List<ProcessListItem>>();

        group.MapGet("/{name}", ([Description("format id, name or alias, case-insensitive (astana, ASTANA, Astana format)")] string name) =>
        {
            var n = name.Trim();
            if (n.Length is 0 or > 100 || !n.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '+' or '.' or '\'' or '(' or ')'))
                throw new BadParameterException("name", $"name must be a format id, name or alias (letters, digits, spaces), got \"{(n.Length > 40 ? n[..40] + "…" : n)}\"");
            try
            {
                return Results.Ok(ProcessDto2.Process(ctx.Stores.Read(s => s.Process(n))));
            }
            catch (ArgumentException ex) when (ex.ParamName == "name")
            {
                return Problems.NotFound(ex.Message.Replace(" (Parameter 'name')", "", StringComparison.Ordinal));
            }
        })
        .WithName("GetProcess")
        .WithSummary("One negotiating format: members, rounds, changes, outcomes, evidence")
        .WithDescription("Members from the knowledge base and from the texts with their roles (guarantor, observer, …; basis kb | text | kb+text) and the first/last dates the texts attest them; numbered rounds with date and place; dated format-level changes (launched, joined, end-proposed, …); outcomes (agreements, rejections, … linked to the format, one per merged event); the merged events its articles link to it. Every claim carries its evidence sentence.")
        .Produces<ProcessDto>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
