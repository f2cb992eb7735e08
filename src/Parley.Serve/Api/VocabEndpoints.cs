using Parley.Store;

namespace Parley.Serve.Api;

/// <summary>GET /api/vocab: the values filters accept (event types and their quads, issues when the process layer's knowledge is present).</summary>
static class VocabEndpoints
{
    public sealed record EventTypeDto(string Type, int Quad);
    public sealed record IssueDto(string Id, string Label);
    public sealed record VocabDto(IReadOnlyList<EventTypeDto> EventTypes, IReadOnlyList<IssueDto>? Issues);

    static readonly Lazy<VocabDto> Vocab = new(() =>
    {
        var types = Parley.Core.Knowledge.ReadTable("export/plover-quad.tsv").Where(r => r.Length >= 2 && r[0].Length > 0)
            .Select(r => new EventTypeDto(r[0].ToUpperInvariant(), int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var path = Parley.Core.Knowledge.PathOf("process/issues.tsv");
        var issues = File.Exists(path)
            ? Parley.Core.Knowledge.ReadRows(path).Where(r => r.Cells.Length >= 2 && r.Cells[0].Length > 0).Select(r => new IssueDto(r.Cells[0], r.Cells[1])).ToList()
            : null;
        return new VocabDto(types, issues);
    });

    /// <summary>Issue id → label, in the order of knowledge/process/issues.tsv (empty without it).</summary>
    public static IReadOnlyDictionary<string, string> IssueLabels => Labels.Value;

    static readonly Lazy<Dictionary<string, string>> Labels = new(() =>
        (Vocab.Value.Issues ?? []).ToDictionary(i => i.Id, i => i.Label, StringComparer.Ordinal));

    public static void Map(RouteGroupBuilder api, ServerContext ctx)
    {
        _ = ctx;
        api.MapGet("/vocab", () => Results.Ok(Vocab.Value))
            .WithTags("Stats")
            .WithName("GetVocab")
            .WithSummary("Values the filters accept")
            .WithDescription("PLOVER event types with their quad (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict) and the issue ids of the process layer (null when its knowledge is absent: the issue filter then answers 400).")
            .Produces<VocabDto>();
    }
}
