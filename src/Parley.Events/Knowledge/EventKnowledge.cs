using Parley.Actors;
using Parley.Events.Analysis;

namespace Parley.Events.Knowledge;

/// <summary>A country as the events stage needs it: demonyms for implicit parties, the capital for locations.</summary>
sealed record CountryInfo(string Iso3, string Cameo, string Name, string? Capital);

/// <summary>
/// Everything the events stage loads once (knowledge/events plus the countries of the actors knowledge base):
/// CAMEO table, type policy, trigger lexicon, support verbs, cues, demonyms and capitals. Read-only afterwards.
/// </summary>
sealed class EventKnowledge
{
    public required CameoTable Cameo { get; init; }
    public required TypeTable Types { get; init; }
    public required Lexicon Lexicon { get; init; }
    public required Cues Cues { get; init; }
    /// <summary>Folded demonym ("turkish", "turks") → country.</summary>
    public Dictionary<string, CountryInfo> Demonyms { get; } = new(StringComparer.Ordinal);
    /// <summary>Folded capital name ("moscow") → country.</summary>
    public Dictionary<string, CountryInfo> Capitals { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, CountryInfo> Countries { get; } = new(StringComparer.Ordinal);

    public static EventKnowledge Load(string directory, ActorKnowledge actors)
    {
        string P(string f) => Path.Combine(directory, f);
        foreach (var f in new[] { "cameo.tsv", "types.tsv", "patterns.tsv", "support-verbs.tsv", "irregular-verbs.tsv", "cues.tsv" })
            if (!File.Exists(P(f))) throw new FileNotFoundException($"events knowledge file missing: {P(f)}", P(f));
        var cameo = CameoTable.Load(P("cameo.tsv"));
        var irregulars = Lexicon.LoadIrregulars(P("irregular-verbs.tsv"));
        var kb = new EventKnowledge
        {
            Cameo = cameo,
            Types = TypeTable.Load(P("types.tsv")),
            Lexicon = Lexicon.Load(P("patterns.tsv"), P("support-verbs.tsv"), irregulars, cameo),
            Cues = Cues.Load(P("cues.tsv"), irregulars),
        };
        foreach (var key in kb.Lexicon.Triggers.FirstKeys) kb.Cues.Word(key).TriggerStart = true;
        foreach (var key in kb.Lexicon.Supports.FirstKeys) kb.Cues.Word(key).SupportStart = true;
        foreach (var p in kb.Lexicon.Patterns)
            if (kb.Types[p.Type] is null) throw new FormatException($"{p.Where}: type {p.Type} is not in types.tsv");
        foreach (var c in actors.Countries.Values)
        {
            var info = new CountryInfo(c.Iso3, c.Cameo, c.Name, c.Capital);
            kb.Countries[c.Iso3] = info;
            foreach (var d in c.Demonyms)
            {
                var keys = Tokens.KeysOf(d);
                if (keys.Length == 1) kb.Demonyms.TryAdd(keys[0], info);
            }
            if (c.Capital is { Length: > 0 } cap) kb.Capitals.TryAdd(string.Join(' ', Tokens.KeysOf(cap)), info);
            foreach (var d in c.Demonyms) kb.Cues.Word(Tokens.KeysOf(d) is [var dk] ? dk : d);
        }
        return kb;
    }
}
