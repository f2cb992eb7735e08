using Parley.Core;
using Parley.Ingest;
using Parley.TestSupport;

namespace Parley.Places.Tests;

/// <summary>The five seed articles (read from ../shared at run time) through the full pipeline.</summary>
public class SeedsTests
{
    static List<ArticleRecord> Seeds() =>
        [.. Directory.GetFiles(SharedData.PathOf("seeds"), "*.txt").Order(StringComparer.Ordinal).Select(path =>
            Shipped.Pipeline.Process(new RawDocument { Id = Path.GetFileNameWithoutExtension(path), Source = path, Text = File.ReadAllText(path) }))];

    /// <summary>Is the <paramref name="name"/> inside the first <paramref name="context"/> of an article a place mention?</summary>
    static PlaceMention? PlaceAt(IEnumerable<ArticleRecord> records, string context, string name)
    {
        foreach (var r in records)
        {
            var at = r.Text.IndexOf(context, StringComparison.Ordinal);
            if (at < 0) continue;
            var start = at + context.IndexOf(name, StringComparison.Ordinal);
            return r.Places.FirstOrDefault(p => p.Start == start && p.Text == name);
        }
        Assert.Fail($"no seed contains '{context}'");
        return null;
    }

    [SharedFact]
    public void Seed_places_are_found_and_governments_are_not()
    {
        var records = Seeds();
        Assert.All(records, r => Assert.DoesNotContain(r.Errors, e => e.StartsWith("places failed", StringComparison.Ordinal)));
        var all = records.SelectMany(r => r.Places).ToList();

        var sochi = all.First(p => p.Name == "Sochi");
        Assert.Equal(("city", "RUS"), (sochi.Kind, sochi.Country));
        Assert.Contains(all, p => p.Name == "Moscow" && p.Kind == "capital" && p.Country == "RUS");
        Assert.Contains(all, p => p.Name == "Idlib" && p.Country == "SYR");
        Assert.Contains(all, p => p.Name == "Kazan" && p.Country == "RUS");
        var damascus = PlaceAt(records, "visited Damascus on August 30", "Damascus");
        Assert.NotNull(damascus);
        Assert.Equal("capital", damascus.Kind);

        // the same capitals speaking for their governments
        Assert.Null(PlaceAt(records, "between Damascus and Ankara hinges", "Damascus"));
        Assert.DoesNotContain(all, p => p.Name == "Ankara");
        Assert.DoesNotContain(all, p => p.Text == "Kremlin" || p.Text == "The Kremlin");
    }
}
