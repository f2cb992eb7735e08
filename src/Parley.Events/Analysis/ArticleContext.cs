using Parley.Core;
using Parley.Events.Knowledge;

namespace Parley.Events.Analysis;

/// <summary>Per-article state shared by its units: actors by id, quotation speakers, plural antecedents.</summary>
sealed class ArticleContext
{
    public EventKnowledge Kb { get; }
    public EventInput Input { get; }
    public Dictionary<string, ActorRecord> ActorsById { get; } = new(StringComparer.Ordinal);
    /// <summary>Body mentions sorted by start, with the actor's index in the input's actors.</summary>
    public List<(MentionRecord Mention, ActorRecord Actor, int Index)> Mentions { get; } = [];

    // quotations spanning sentences
    public bool QuoteOpen;
    public int QuoteId = -1;
    public Dictionary<int, List<Party>> QuoteSpeakers { get; } = [];
    public List<Party>? LastSpeaker;

    /// <summary>Plural noun phrases seen so far (for "they" left open by the actors stage), latest last.</summary>
    public List<(int Sentence, int Position, List<Party> Parties)> Plurals { get; } = [];

    public ArticleContext(EventKnowledge kb, EventInput input)
    {
        Kb = kb;
        Input = input;
        for (var i = 0; i < input.Actors.Count; i++)
        {
            var a = input.Actors[i];
            ActorsById[a.Id] = a;
            foreach (var m in a.Mentions) Mentions.Add((m, a, i));
        }
        _parties = new List<Party>?[input.Actors.Count];
        Mentions.Sort((x, y) => x.Mention.Start != y.Mention.Start ? x.Mention.Start.CompareTo(y.Mention.Start) : y.Mention.End.CompareTo(x.Mention.End));
    }

    readonly List<Party>?[] _parties;

    /// <summary><see cref="PartiesOf"/> for the article's own actor at <paramref name="index"/> of the input's actors, made once (the lists are never changed).</summary>
    public List<Party> CachedParties(int index) => _parties[index] ??= PartiesOf(Input.Actors[index]);

    /// <summary>An actor as parties: a compound group is its members.</summary>
    public List<Party> PartiesOf(ActorRecord a, IReadOnlyDictionary<string, ActorRecord>? extra = null, int depth = 0)
    {
        if (a.Members is { Count: > 0 } members && depth < 3)
        {
            var list = new List<Party>();
            foreach (var id in members)
                if ((extra?.GetValueOrDefault(id) ?? ActorsById.GetValueOrDefault(id)) is { } m)
                    foreach (var p in PartiesOf(m, extra, depth + 1))
                        if (!list.Exists(x => x.Identity == p.Identity)) list.Add(p);
            if (list.Count > 0) return list;
        }
        return [new Party(a.Id, a.Name, a.Code, a.Country ?? CountryFromCode(a.Code), a.Kind == "person", a.Kind == "state")];
    }

    /// <summary>The country a code starts with when the actor has none ("SYRREB" → SYR), if it is a known country.</summary>
    string? CountryFromCode(string? code) =>
        code is { Length: >= 3 } && Kb.Countries.ContainsKey(code[..3]) ? code[..3] : null;
}
