using System.Text.Json;
using Parley.Ingest;
using Parley.Ingest.Metadata;

namespace Parley.Pipeline;

/// <summary>Run-wide settings of the pipeline, from the command line.</summary>
public sealed class PipelineOptions
{
    /// <summary>--published: ISO date for inputs that carry none.</summary>
    public string? Published { get; init; }

    /// <summary>--actors DIR: user actor files in the shapes of knowledge/actors (read after the shipped ones).</summary>
    public IReadOnlyList<string> ActorsDirectories { get; init; } = [];

    /// <summary>--actors-dict FILE: TABARI/PETRARCH actor dictionaries.</summary>
    public IReadOnlyList<string> ActorsDictionaries { get; init; } = [];

    /// <summary>--places DIR: user gazetteer files in the shapes of knowledge/places (read after the shipped ones).</summary>
    public IReadOnlyList<string> PlacesDirectories { get; init; } = [];

    /// <summary>--published-from: input file name (or id) → ISO date; overrides what the input says.</summary>
    public IReadOnlyDictionary<string, string> PublishedByFile { get; init; } = new Dictionary<string, string>();

    internal string? PublishedFor(RawDocument doc)
    {
        if (PublishedByFile.Count == 0) return null;
        var file = Path.GetFileName(doc.Source);
        if (PublishedByFile.TryGetValue(file, out var d)) return d;
        if (PublishedByFile.TryGetValue(doc.Id, out d)) return d;
        return null;
    }

    /// <summary>
    /// Reads a --published-from map: a JSON object {"name": "date"}, or TSV lines "name\tdate".
    /// Every date must parse; a bad one is an error naming its line or key.
    /// </summary>
    public static Dictionary<string, string> ReadPublishedMap(string path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var content = File.ReadAllText(path);
        if (content.TrimStart().StartsWith('{'))
        {
            using var json = JsonDocument.Parse(content);
            foreach (var p in json.RootElement.EnumerateObject())
                map[p.Name] = NormalizeOrThrow(p.Value.GetString(), $"{path}: key \"{p.Name}\"");
            return map;
        }
        foreach (var (lineNo, cells) in Parley.Core.Knowledge.ReadRows(path))
        {
            if (cells.Length < 2) throw new FormatException($"{path}:{lineNo}: expected \"file<TAB>date\"");
            map[cells[0].Trim()] = NormalizeOrThrow(cells[1], $"{path}:{lineNo}");
        }
        return map;
    }

    public static string NormalizeOrThrow(string? raw, string where) =>
        DateNormalizer.Normalize(raw) ?? throw new FormatException($"{where}: not a date: \"{raw}\"");
}
