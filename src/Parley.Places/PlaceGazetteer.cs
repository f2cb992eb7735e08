using System.Globalization;
using Parley.Actors;
using Parley.Core;
using Parley.Places.Matching;

namespace Parley.Places;

/// <summary>
/// The places stage: the shipped gazetteer (knowledge/places) plus user directories, compiled once into a
/// token trie; <see cref="Find"/> returns the place mentions of a text. Immutable and thread-safe.
/// A places directory holds <c>cues.tsv</c> (cue words) and any number of other <c>*.tsv</c> gazetteer files
/// (id, name, aliases, kind, country, lat, lon, parent, note).
/// </summary>
public sealed class PlaceGazetteer
{
    readonly List<PlaceEntry> _entries;
    readonly Dictionary<string, PlaceEntry> _byId;
    readonly Vocabulary _vocab = new();
    readonly CueKind[] _cueById;
    readonly Dictionary<int, string[]> _nounKinds = [];

    public PlaceCues Cues { get; }
    public PlaceTrie Trie { get; }
    public IReadOnlyDictionary<string, PlaceEntry> Entries => _byId;
    internal IReadOnlyList<PlaceEntry> EntryList => _entries;
    internal Vocabulary Vocabulary => _vocab;

    PlaceGazetteer(List<PlaceEntry> entries, PlaceCues cues)
    {
        _entries = entries;
        _byId = entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
        Cues = cues;
        foreach (var k in (string[])[",", "and", "or", "of", "the", PlaceTokenizer.PossessiveKey, "(", "-", "\u2013", "\u2014"]) _vocab.Add(k);
        foreach (var w in cues.Words.Keys) _vocab.Add(w);
        Trie = new PlaceTrie(_vocab, entries, key => (cues.Words.GetValueOrDefault(key) & CueKind.NeedsCue) != 0);
        _vocab.Freeze();
        _cueById = new CueKind[_vocab.Count];
        foreach (var (w, kind) in cues.Words) _cueById[_vocab.IdOf(w)] = kind;
        foreach (var (w, kinds) in cues.NounKinds) _nounKinds[_vocab.IdOf(w)] = kinds;
    }

    /// <summary>
    /// The shipped knowledge/places plus user directories (same file shapes; read in order, a row whose id is
    /// already known replaces it). Bad rows are <see cref="FormatException"/>s naming file:line.
    /// </summary>
    public static PlaceGazetteer Load(IEnumerable<string>? userDirectories = null, TextWriter? warnings = null)
    {
        var shipped = Knowledge.PathOf("places");
        if (!Directory.Exists(shipped))
        {
            (warnings ?? Console.Error).WriteLine($"warning: places knowledge missing ({shipped}): only user places will be found");
            return Build([], userDirectories ?? []);
        }
        return Build([shipped], userDirectories ?? []);
    }

    /// <summary>A gazetteer from a given directory (instead of the shipped one) plus user directories.</summary>
    public static PlaceGazetteer LoadFrom(string directory, IEnumerable<string>? userDirectories = null) =>
        Build([directory], userDirectories ?? []);

    static PlaceGazetteer Build(IEnumerable<string> baseDirs, IEnumerable<string> userDirs)
    {
        var byId = new Dictionary<string, PlaceEntry>(StringComparer.Ordinal);
        var order = new List<string>();
        var cues = new PlaceCues();
        foreach (var dir in baseDirs.Concat(userDirs))
        {
            if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"places directory not found: {dir}");
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(dir, "*.tsv", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (Path.GetFileName(file) == "cues.tsv") { cues.Read(file); continue; }
                foreach (var (line, cells) in Knowledge.ReadRows(file))
                {
                    var entry = ParseRow(cells, $"{file}:{line}");
                    if (seen.TryGetValue(entry.Id, out var first))
                        throw new FormatException($"{entry.Source}: duplicate id '{entry.Id}' (first at {first})");
                    seen[entry.Id] = entry.Source;
                    if (!byId.ContainsKey(entry.Id)) order.Add(entry.Id);
                    byId[entry.Id] = entry;
                }
            }
        }
        foreach (var e in byId.Values)
            if (e.Parent is { } p && !byId.ContainsKey(p))
                throw new FormatException($"{e.Source}: parent '{p}' is not the id of a place");
        return new PlaceGazetteer([.. order.Select(id => byId[id])], cues);
    }

    /// <summary>One gazetteer row → entry; <paramref name="where"/> is "file:line" for errors.</summary>
    public static PlaceEntry ParseRow(string[] cells, string where)
    {
        if (cells.Length is < 7 or > 9)
            throw new FormatException($"{where}: expected 7 to 9 tab-separated columns (id, name, aliases, kind, country, lat, lon, parent, note), found {cells.Length}");
        string Cell(int i) => i < cells.Length ? cells[i].Trim() : "";
        var id = Cell(0);
        if (id.Length == 0 || id.Any(char.IsWhiteSpace)) throw new FormatException($"{where}: id must be non-empty without spaces: '{id}'");
        var name = Cell(1);
        if (name.Length == 0) throw new FormatException($"{where}: empty name");
        var kind = Cell(3);
        if (!PlaceEntry.Kinds.Contains(kind))
            throw new FormatException($"{where}: kind '{kind}' is not one of {string.Join("|", PlaceEntry.Kinds)}");
        var country = Cell(4);
        if (country.Length != 3 || !country.All(c => c is >= 'A' and <= 'Z'))
            throw new FormatException($"{where}: country must be an ISO 3166 alpha-3 code (e.g. SYR), not '{country}'");
        var lat = Coordinate(Cell(5), 90, "lat", where);
        var lon = Coordinate(Cell(6), 180, "lon", where);
        var aliases = Cell(2).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new PlaceEntry(id, name, aliases, kind, country, lat, lon,
            Cell(7) is { Length: > 0 } parent ? parent : null, Cell(8) is { Length: > 0 } note ? note : null, where);
    }

    static double Coordinate(string s, double limit, string what, string where)
    {
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || double.IsNaN(v))
            throw new FormatException($"{where}: {what} is not a number: '{s}'");
        if (v < -limit || v > limit) throw new FormatException($"{where}: {what} {s} is outside [-{limit}, {limit}]");
        return v;
    }

    /// <summary>Entries with this id, name or alias (case and diacritics ignored).</summary>
    public IReadOnlyList<PlaceEntry> Lookup(string name)
    {
        var found = new List<PlaceEntry>();
        if (_byId.TryGetValue(name.Trim(), out var byId)) found.Add(byId);
        foreach (var form in Trie.Lookup(name.Trim()))
            if (!found.Contains(_entries[form.Entry])) found.Add(_entries[form.Entry]);
        if (name.Trim().StartsWith("the ", StringComparison.OrdinalIgnoreCase))
            foreach (var form in Trie.Lookup(name.Trim()[4..]))
                if (!found.Contains(_entries[form.Entry])) found.Add(_entries[form.Entry]);
        return found;
    }

    /// <summary>
    /// The place mentions of a text: gazetteer names used as places (after a locative preposition, in
    /// "X province" / "the province of X" / "northern X" phrases, as a dateline, as the object of visit/capture
    /// verbs, coordinated with such a place), not countries and capitals used for their governments.
    /// <paramref name="actors"/> (the actors stage's output) tells metonyms and names inside longer names.
    /// </summary>
    public List<PlaceMention> Find(string text, IReadOnlyList<TextSpan> sentences, IReadOnlyList<ActorRecord>? actors = null)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var scratch = t_scratch ??= new Scratch();
        PlaceTokenizer.Scan(text, scratch.Tokens, _vocab);
        Trie.Match(text, scratch.Tokens, scratch.Candidates);
        if (scratch.Candidates.Count == 0) return [];
        return new PlaceFinder(this, text, scratch.Tokens, sentences, actors).Decide(scratch.Candidates);
    }

    /// <summary>The raw trie hits of a text (benchmarks, debugging): every name, place or not.</summary>
    public int CountCandidates(string text)
    {
        var scratch = t_scratch ??= new Scratch();
        PlaceTokenizer.Scan(text, scratch.Tokens, _vocab);
        Trie.Match(text, scratch.Tokens, scratch.Candidates);
        return scratch.Candidates.Count;
    }

    internal CueKind CueOf(int id) => id >= 0 && id < _cueById.Length ? _cueById[id] : CueKind.None;
    internal string[]? NounKindsOf(int id) => _nounKinds.GetValueOrDefault(id);
    internal int IdOf(string key) => _vocab.IdOf(key);

    sealed class Scratch
    {
        public readonly List<PlaceToken> Tokens = new(4096);
        public readonly List<PlaceCandidate> Candidates = new(64);
    }

    [ThreadStatic] static Scratch? t_scratch;
}
