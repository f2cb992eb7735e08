using System.Text.RegularExpressions;
using Parley.Core;

namespace Parley.Places.Tests;

/// <summary>The shipped gazetteer as data: codes, coordinates, ids, parents, one capital per state.</summary>
public partial class DataSanityTests
{
    static readonly string Dir = Knowledge.PathOf("places");

    static List<PlaceEntry> Rows() =>
        [.. Directory.GetFiles(Dir, "*.tsv").Where(f => Path.GetFileName(f) != "cues.tsv").Order(StringComparer.Ordinal)
            .SelectMany(f => Knowledge.ReadRows(f).Select(r => PlaceGazetteer.ParseRow(r.Cells, $"{f}:{r.Line}")))];

    static Dictionary<string, string> Capitals() =>
        Knowledge.ReadRows(Knowledge.PathOf("actors/countries.tsv")).ToDictionary(r => r.Cells[0], r => r.Cells[5]);

    [GeneratedRegex(@"^-?\d{1,3}\.\d{2,4}$")]
    private static partial Regex Decimal();

    [Fact]
    public void Every_row_is_well_formed_with_a_known_country_and_coordinates()
    {
        var countries = Capitals();
        var rows = Rows();
        Assert.True(rows.Count >= 1000, $"only {rows.Count} rows");
        var bad = new List<string>();
        foreach (var r in rows)
        {
            if (!countries.ContainsKey(r.Country)) bad.Add($"{r.Source}: country {r.Country} is not in actors/countries.tsv");
            if (r.Lat is < -90 or > 90 || r.Lon is < -180 or > 180) bad.Add($"{r.Source}: coordinates out of range");
        }
        foreach (var f in Directory.GetFiles(Dir, "*.tsv").Where(f => Path.GetFileName(f) != "cues.tsv"))
            foreach (var (line, cells) in Knowledge.ReadRows(f))
                if (!Decimal().IsMatch(cells[5]) || !Decimal().IsMatch(cells[6])) bad.Add($"{f}:{line}: lat/lon need 2-4 decimals: {cells[5]} {cells[6]}");
        Assert.True(bad.Count == 0, string.Join("\n", bad));
    }

    [Fact]
    public void Ids_are_unique_and_parents_exist()
    {
        var rows = Rows();
        var dupes = rows.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => string.Join(", ", g.Select(r => r.Source))).ToList();
        Assert.True(dupes.Count == 0, "duplicate ids:\n" + string.Join("\n", dupes));
        var ids = rows.ToDictionary(r => r.Id);
        var orphans = rows.Where(r => r.Parent is not null && !ids.ContainsKey(r.Parent)).Select(r => $"{r.Source}: parent {r.Parent}").ToList();
        Assert.True(orphans.Count == 0, string.Join("\n", orphans));
        // a child lies near its province (catches swapped or sign-flipped coordinates)
        var far = rows.Where(r => r.Parent is not null && ids[r.Parent].Kind == "province"
                                  && (Math.Abs(r.Lat - ids[r.Parent].Lat) > 6 || Math.Abs(r.Lon - ids[r.Parent].Lon) > 6))
            .Select(r => $"{r.Source}: {r.Name} far from {r.Parent}").ToList();
        Assert.True(far.Count == 0, string.Join("\n", far));
        var foreign = rows.Where(r => r.Parent is not null && ids[r.Parent].Country != r.Country && r.Kind != "site").Select(r => r.Source).ToList();
        Assert.True(foreign.Count == 0, "child in another country than its parent:\n" + string.Join("\n", foreign));
    }

    [Fact]
    public void Every_state_has_a_country_row_and_its_capital()
    {
        var rows = Rows();
        var missing = new List<string>();
        foreach (var (iso3, capital) in Capitals())
        {
            if (!rows.Any(r => r.Kind == "country" && r.Country == iso3)) missing.Add($"{iso3}: no country row");
            if (capital.Length == 0) continue;
            if (!rows.Any(r => r.Kind == "capital" && r.Country == iso3 && (r.Name == capital || r.Aliases.Contains(capital))))
                missing.Add($"{iso3}: no capital row for {capital}");
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void Kinds_are_all_represented()
    {
        var kinds = Rows().GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(PlaceEntry.Kinds.Order(), kinds.Keys.Order());
        Assert.True(kinds["province"] >= 150 && kinds["city"] >= 400 && kinds["site"] >= 80, string.Join(", ", kinds));
    }

    [Fact]
    public void The_shipped_directory_loads()
    {
        var g = PlaceGazetteer.Load();
        Assert.Equal(Rows().Count, g.Entries.Count);
        Assert.True(g.Cues.Words.Count > 200);
        Assert.Equal(CueKind.Locative, g.Cues.Of("in"));
        Assert.Equal(["province"], g.Cues.NounKinds["governorate"]);
    }
}
