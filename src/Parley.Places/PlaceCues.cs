namespace Parley.Places;

/// <summary>What a cue word says about a neighbouring name (knowledge/places/cues.tsv).</summary>
[Flags]
public enum CueKind : uint
{
    None = 0,
    /// <summary>a locative preposition before a place (in, at, near, across)</summary>
    Locative = 1,
    /// <summary>a preposition that also takes governments (to, from, over): a place unless an actor-before word precedes it</summary>
    WeakLocative = 2,
    /// <summary>a place-type noun (province, city, governorate): "Idlib province", "the province of Idlib"</summary>
    Noun = 4,
    /// <summary>a noun that locates with "of" (north of, outskirts of, parts of)</summary>
    Spatial = 8,
    /// <summary>a directional adjective (northern, northwestern): "northern Syria"</summary>
    Direction = 16,
    /// <summary>a word skipped between a preposition and the name (the, besieged, -held)</summary>
    Modifier = 32,
    /// <summary>a verb whose object is a place (visited, captured, shelled)</summary>
    Verb = 64,
    /// <summary>a word before a weak preposition that makes the name an addressee or source (message to, support from)</summary>
    ActorBefore = 128,
    /// <summary>a word after a name that shows it acting (said, has, will): stops coordination</summary>
    ActorNext = 256,
    /// <summary>a capitalised word that does not extend a name (Monday, January)</summary>
    Time = 512,
    /// <summary>a name that is also a common word or a person's name (Van, Batman): a place only with a cue</summary>
    NeedsCue = 1024,
    /// <summary>an Arabic article hyphen-joined to a name (al-Raqqa, ar-Raqqa)</summary>
    Particle = 2048,
    /// <summary>"of", "and", "or" and the comma are read by the finder itself; listed for completeness</summary>
    Joiner = 4096,
    /// <summary>a noun after a country or capital that makes it a modifier, not a place (U.S. troops, the Iran deal)</summary>
    Attribute = 8192,
    /// <summary>a noun after any name that makes it the name of a document or format (the Geneva communique, the Astana format)</summary>
    Document = 16384,
    /// <summary>a word before a name that makes it a topic (talks about Syria)</summary>
    Topic = 32768,
    /// <summary>a capitalised word that continues a name even in a headline (Moscow Times, Damascus University)</summary>
    NameNext = 65536,
}

/// <summary>The cue tables, by folded word (single words; phrases of several words are rejected when loading).</summary>
public sealed class PlaceCues
{
    static readonly Dictionary<string, CueKind> KindNames = new(StringComparer.Ordinal)
    {
        ["locative"] = CueKind.Locative, ["noun"] = CueKind.Noun, ["spatial"] = CueKind.Spatial,
        ["direction"] = CueKind.Direction, ["modifier"] = CueKind.Modifier, ["verb"] = CueKind.Verb,
        ["actor-before"] = CueKind.ActorBefore, ["actor-next"] = CueKind.ActorNext, ["time"] = CueKind.Time,
        ["needs-cue"] = CueKind.NeedsCue, ["particle"] = CueKind.Particle, ["joiner"] = CueKind.Joiner,
        ["attribute"] = CueKind.Attribute, ["document"] = CueKind.Document, ["topic"] = CueKind.Topic,
        ["name-next"] = CueKind.NameNext,
    };

    readonly Dictionary<string, CueKind> _words = new(StringComparer.Ordinal);
    readonly Dictionary<string, string[]> _nounKinds = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, CueKind> Words => _words;

    /// <summary>The entry kinds a place-type noun selects ("province" → province; "capital" → capital).</summary>
    public IReadOnlyDictionary<string, string[]> NounKinds => _nounKinds;

    public CueKind Of(string word) => _words.GetValueOrDefault(Matching.PlaceTokenizer.FoldKey(word));

    /// <summary>Adds the rows of a cues.tsv (kind, word, value); a bad row is an error naming file:line.</summary>
    internal void Read(string path)
    {
        foreach (var (line, cells) in Parley.Core.Knowledge.ReadRows(path))
        {
            var where = $"{path}:{line}";
            if (cells.Length < 2) throw new FormatException($"{where}: expected kind<TAB>word[<TAB>value]");
            var kindName = cells[0].Trim();
            if (!KindNames.TryGetValue(kindName, out var kind))
                throw new FormatException($"{where}: unknown cue kind '{kindName}' (one of {string.Join(", ", KindNames.Keys)})");
            var word = cells[1].Trim();
            if (word.Length == 0 || word.Any(char.IsWhiteSpace) || word.Contains('-'))
                throw new FormatException($"{where}: a cue is one word without spaces or hyphens: '{word}'");
            var value = cells.Length > 2 ? cells[2].Trim() : "";
            if (kind == CueKind.Locative && value == "weak") kind = CueKind.WeakLocative;
            else if (kind == CueKind.Locative && value is not ("" or "strong"))
                throw new FormatException($"{where}: locative value must be strong or weak, not '{value}'");
            var key = Matching.PlaceTokenizer.FoldKey(word);
            _words[key] = _words.GetValueOrDefault(key) | kind;
            if (kind == CueKind.Noun)
            {
                var kinds = value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                foreach (var k in kinds)
                    if (!PlaceEntry.Kinds.Contains(k)) throw new FormatException($"{where}: unknown place kind '{k}' for noun '{word}'");
                _nounKinds[key] = kinds;
            }
        }
    }
}
