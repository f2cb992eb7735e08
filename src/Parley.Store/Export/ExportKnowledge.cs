using System.Globalization;
using Parley.Core;

namespace Parley.Store.Export;

/// <summary>The knowledge/export tables (and the places gazetteer's names and kinds), loaded once.</summary>
public sealed class ExportKnowledge
{
    static readonly Lazy<ExportKnowledge> Shared = new(() => new ExportKnowledge());
    public static ExportKnowledge Default => Shared.Value;

    public IReadOnlyDictionary<string, string> Fips { get; }
    public IReadOnlyDictionary<string, int> CameoQuad { get; }
    public IReadOnlyDictionary<string, int> PloverQuad { get; }
    public IReadOnlyDictionary<string, string[]> CameoContext { get; }
    /// <summary>3-letter actor code part → class (type, group, religion, ethnic, region).</summary>
    public IReadOnlyDictionary<string, string> ActorCodeClass { get; }
    public IReadOnlyList<string> GdeltColumns { get; }
    /// <summary>ISO3 → country name (knowledge/places/countries.tsv).</summary>
    public IReadOnlyDictionary<string, string> CountryNames { get; }
    /// <summary>(place name lower-cased, ISO3) → gazetteer kind (country, capital, city, province, region, site).</summary>
    public IReadOnlyDictionary<(string Name, string Country), string> PlaceKinds { get; }

    ExportKnowledge()
    {
        static IEnumerable<string[]> Rows(string file, int columns) =>
            Knowledge.ReadTable("export/" + file).Select(c => c.Length >= columns && c[0].Length > 0
                ? c : throw new FormatException($"{Knowledge.PathOf("export/" + file)}: a row has fewer than {columns} columns: {string.Join("\\t", c)}"));
        static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
        Fips = Rows("iso3-fips.tsv", 2).ToDictionary(c => c[0], c => c[1], StringComparer.Ordinal);
        CameoQuad = Rows("cameo-quad.tsv", 2).ToDictionary(c => c[0], c => Int(c[1]), StringComparer.Ordinal);
        PloverQuad = Rows("plover-quad.tsv", 2).ToDictionary(c => c[0], c => Int(c[1]), StringComparer.OrdinalIgnoreCase);
        CameoContext = Rows("cameo-context.tsv", 2).ToDictionary(c => c[0], c => c[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);
        ActorCodeClass = Rows("cameo-actor-codes.tsv", 2).ToDictionary(c => c[0], c => c[1], StringComparer.Ordinal);
        GdeltColumns = Rows("gdelt-events-columns.tsv", 1).Select(c => c[0]).ToList();

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var kinds = new Dictionary<(string, string), string>();
        var places = Knowledge.PathOf("places");
        if (Directory.Exists(places))
        {
            foreach (var file in Directory.EnumerateFiles(places, "*.tsv").Order(StringComparer.Ordinal))
            {
                if (Path.GetFileName(file) == "cues.tsv") continue;
                foreach (var (_, c) in Knowledge.ReadRows(file))
                {
                    // id, name, aliases, kind, country, lat, lon, ...
                    if (c.Length < 5 || c[1].Length == 0 || c[4].Length == 0) continue;
                    if (c[3] == "country") names.TryAdd(c[4], c[1]);
                    kinds.TryAdd((c[1].ToLowerInvariant(), c[4]), c[3]);
                }
            }
        }
        CountryNames = names;
        PlaceKinds = kinds;
    }

    /// <summary>
    /// A CAMEO actor code split into GDELT's columns: the leading country, the first known group, ethnic and
    /// religion codes, and up to three type codes. Unknown parts are skipped.
    /// </summary>
    public ActorCodeParts SplitActorCode(string? code)
    {
        var parts = new ActorCodeParts();
        if (string.IsNullOrEmpty(code)) return parts;
        for (var i = 0; i + 3 <= code.Length; i += 3)
        {
            var part = code.Substring(i, 3);
            if (i == 0 && Fips.ContainsKey(part)) { parts.Country = part; continue; }
            switch (ActorCodeClass.GetValueOrDefault(part))
            {
                case "type": if (parts.Types.Count < 3) parts.Types.Add(part); break;
                case "group": parts.KnownGroup ??= part; break;
                case "ethnic": parts.Ethnic ??= part; break;
                case "religion": parts.Religions.Add(part); break;
            }
        }
        return parts;
    }
}

public sealed class ActorCodeParts
{
    public string? Country { get; set; }
    public string? KnownGroup { get; set; }
    public string? Ethnic { get; set; }
    public List<string> Religions { get; } = [];
    public List<string> Types { get; } = [];
}
