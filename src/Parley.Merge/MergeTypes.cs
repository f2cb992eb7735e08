using System.Globalization;
using Parley.Core;

namespace Parley.Merge;

/// <summary>One event mention as the merge sees it (pure data; the store fills it from its rows).</summary>
public sealed record MergeEvent
{
    /// <summary>Stable, unique key (the store's event rowid). The smallest key of a cluster is its id.</summary>
    public required long Key { get; init; }
    /// <summary>The article it came from; two mentions of one article never merge.</summary>
    public required string Article { get; init; }
    /// <summary>PLOVER type.</summary>
    public required string Type { get; init; }
    public string? Mode { get; init; }
    /// <summary>YYYY, YYYY-MM or YYYY-MM-DD (longer values are cut to the day).</summary>
    public string? Date { get; init; }
    /// <summary>text | published: where <see cref="Date"/> came from.</summary>
    public string? DateSource { get; init; }
    /// <summary>The article's publication date, used when the event has no date.</summary>
    public string? Published { get; init; }
    public string? Place { get; init; }
    public string? PlaceCountry { get; init; }
    /// <summary>Country-level keys of the source side (ISO3, or the actor code/key when it has no country).</summary>
    public IReadOnlyList<string> Source { get; init; } = [];
    public IReadOnlyList<string> Target { get; init; } = [];
    public bool Negated { get; init; }
    public string Modality { get; init; } = "asserted";
}

/// <summary>Why a mention sits in its cluster: the link to the mention it was merged with (null for the cluster's seed).</summary>
public sealed record MergeReason
{
    /// <summary>"seed" for the cluster's first mention, else "merged".</summary>
    public required string Rule { get; init; }
    /// <summary>The key of the mention this one was linked to.</summary>
    public long? With { get; init; }
    public string? Type { get; init; }
    /// <summary>Country-level actor keys both mentions share.</summary>
    public IReadOnlyList<string> SharedActors { get; init; } = [];
    /// <summary>same-day | overlapping-partial | within-publication-window</summary>
    public string? DateRelation { get; init; }
    /// <summary>same-place | same-country | unknown</summary>
    public string? PlaceRelation { get; init; }
    /// <summary>compatible modes: same | unknown</summary>
    public string? ModeRelation { get; init; }
    public double Score { get; init; }
}

/// <summary>The outcome of comparing two mentions.</summary>
public sealed record MergeDecision
{
    /// <summary>Both mentions describe the same event (every rule passed).</summary>
    public bool Merge { get; init; }
    /// <summary>The mentions can never be in one cluster, even through others (same article, different days, places or modes).</summary>
    public bool Conflict { get; init; }
    /// <summary>The rule that failed, when not merged.</summary>
    public string? Failed { get; init; }
    public MergeReason? Reason { get; init; }
}

/// <summary>A merged event: its mentions (keys ascending) with the reason each is in it, and a summary.</summary>
public sealed record EventCluster
{
    /// <summary>The smallest member key.</summary>
    public required long Id { get; init; }
    public required string Type { get; init; }
    public string? Mode { get; init; }
    /// <summary>The best date: the most supported day written in the texts, else the most precise partial date, else a publication date.</summary>
    public string? Date { get; init; }
    public string? DateSource { get; init; }
    public string? Place { get; init; }
    public string? PlaceCountry { get; init; }
    /// <summary>Country-level keys of all members, sorted.</summary>
    public IReadOnlyList<string> Actors { get; init; } = [];
    public IReadOnlyList<string> SourceActors { get; init; } = [];
    public IReadOnlyList<string> TargetActors { get; init; } = [];
    public required IReadOnlyList<long> Members { get; init; }
    public required IReadOnlyDictionary<long, MergeReason> Reasons { get; init; }
    /// <summary>Distinct articles among the members.</summary>
    public int Articles { get; init; }
    public bool Negated { get; init; }
    public string Modality { get; init; } = "asserted";
}

/// <summary>Per-type merge settings (knowledge/merge).</summary>
public sealed class MergeRules
{
    readonly Dictionary<string, (bool Symmetric, int Window)> _types;
    readonly Dictionary<(string Type, string Mode), string> _modes;

    MergeRules(Dictionary<string, (bool, int)> types, Dictionary<(string, string), string> modes)
    {
        _types = types;
        _modes = modes;
    }

    static readonly Lazy<MergeRules> Shipped = new(() => Load(Knowledge.PathOf("merge")));

    /// <summary>The rules of knowledge/merge.</summary>
    public static MergeRules Default => Shipped.Value;

    public static MergeRules Load(string directory)
    {
        var types = new Dictionary<string, (bool, int)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, c) in Knowledge.ReadRows(Path.Combine(directory, "types.tsv")))
        {
            if (c.Length < 3 || !int.TryParse(c[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var w))
                throw new FormatException($"merge/types.tsv line {line}: expected type, symmetric, window");
            types[c[0]] = (c[1] == "yes", w);
        }
        var modes = new Dictionary<(string, string), string>();
        foreach (var (line, c) in Knowledge.ReadRows(Path.Combine(directory, "modes.tsv")))
        {
            if (c.Length < 3) throw new FormatException($"merge/modes.tsv line {line}: expected type, mode, group");
            modes[(c[0].ToUpperInvariant(), c[1].ToLowerInvariant())] = c[2];
        }
        return new MergeRules(types, modes);
    }

    public bool IsSymmetric(string type) => _types.TryGetValue(type, out var t) && t.Symmetric;
    public int Window(string type) => _types.TryGetValue(type, out var t) ? t.Window : 2;
    public string? ModeGroup(string type, string? mode) =>
        mode is null ? null : _modes.GetValueOrDefault((type.ToUpperInvariant(), mode.ToLowerInvariant()));
}
