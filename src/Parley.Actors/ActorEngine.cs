using Parley.Core;

namespace Parley.Actors;

/// <summary>
/// The actors stage: knowledge base → gazetteer (compiled once) → resolver. Immutable and thread-safe;
/// build one per process and reuse it for every document.
/// </summary>
public sealed class ActorEngine
{
    public ActorKnowledge Knowledge { get; }
    public Gazetteer Gazetteer { get; }
    public ActorResolver Resolver { get; }

    public ActorEngine(ActorKnowledge knowledge)
    {
        Knowledge = knowledge;
        Gazetteer = new Gazetteer(knowledge);
        Resolver = new ActorResolver(Gazetteer);
    }

    /// <summary>Loads a KB directory plus user directories and TABARI dictionaries (see <see cref="ActorKnowledge.Load"/>).</summary>
    public static ActorEngine Load(string directory, IEnumerable<string>? userDirectories = null, IEnumerable<string>? tabariFiles = null) =>
        new(ActorKnowledge.Load(directory, userDirectories, tabariFiles));

    /// <summary>
    /// The shipped knowledge/actors (whatever of it exists) plus extras. When it holds no countries, organizations
    /// or people, one warning line goes to <paramref name="warnings"/> (stderr by default) and the stage still runs.
    /// </summary>
    public static ActorEngine LoadDefault(IEnumerable<string>? userDirectories = null, IEnumerable<string>? tabariFiles = null, TextWriter? warnings = null)
    {
        var engine = Load(Parley.Core.Knowledge.PathOf("actors"), userDirectories, tabariFiles);
        var kb = engine.Knowledge;
        if (kb.Countries.Count == 0 && kb.Organizations.Count == 0 && kb.People.Count == 0 && kb.Roles.Count == 0)
            (warnings ?? Console.Error).WriteLine($"warning: actor knowledge base is empty ({Parley.Core.Knowledge.PathOf("actors")}): no actors will be found");
        return engine;
    }

    /// <summary>The actors of one article; offsets are into <paramref name="text"/>.</summary>
    public List<ActorRecord> Resolve(string text, IReadOnlyList<TextSpan> sentences, string? published) =>
        Resolver.Resolve(text, sentences, published);
}
