namespace Parley.Places.Tests;

public sealed class LoaderTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("parley-places-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }

    string Dir(string name, params (string File, string Content)[] files)
    {
        var dir = Path.Combine(_root, name);
        Directory.CreateDirectory(dir);
        foreach (var (file, content) in files) File.WriteAllText(Path.Combine(dir, file), content);
        return dir;
    }

    const string Header = "# version: 1\n# id\tname\taliases\tkind\tcountry\tlat\tlon\tparent\tnote\n";

    string Base() => Dir("base",
        ("a.tsv", Header +
                  "nrl\tNorland\t\tcountry\tNRL\t60.1\t10.2\n" +
                  "nrl.varrow\tVarrow\tVarow\tcapital\tNRL\t59.5\t10.9\n" +
                  "nrl.east\tEast March\tEastmarch\tprovince\tNRL\t61.0\t12.0\n" +
                  "nrl.kell\tKell\t\tcity\tNRL\t61.2\t12.3\tnrl.east\ta river town\n"),
        ("cues.tsv", "# version: 1\nlocative\tin\nnoun\tprovince\tprovince\n"));

    [Fact]
    public void Reads_rows_and_cues_and_keeps_columns()
    {
        var g = PlaceGazetteer.LoadFrom(Base());
        Assert.Equal(4, g.Entries.Count);
        var kell = g.Entries["nrl.kell"];
        Assert.Equal(("Kell", "city", "NRL", 61.2, 12.3, "nrl.east", "a river town"), (kell.Name, kell.Kind, kell.Country, kell.Lat, kell.Lon, kell.Parent, kell.Note));
        Assert.EndsWith("a.tsv:6", kell.Source);
        Assert.Equal(CueKind.Locative, g.Cues.Of("In"));
        Assert.Equal(["nrl.varrow"], g.Lookup("varow").Select(e => e.Id));
    }

    [Theory]
    [InlineData("nrl.x\tX\t\ttown\tNRL\t1\t1", "kind 'town'")]
    [InlineData("nrl.x\tX\t\tcity\tNorland\t1\t1", "ISO 3166 alpha-3")]
    [InlineData("nrl.x\tX\t\tcity\tNRL\tnorth\t1", "lat is not a number")]
    [InlineData("nrl.x\tX\t\tcity\tNRL\t1\t181", "lon 181 is outside")]
    [InlineData("nrl.x\tX\t\tcity\tNRL\t1", "expected 7 to 9")]
    [InlineData("nrl.x\t\t\tcity\tNRL\t1\t1", "empty name")]
    [InlineData("nrl.x\tX\t\tcity\tNRL\t1\t1\tnrl.nowhere", "parent 'nrl.nowhere'")]
    [InlineData("nrl.kell\tKell again\t\tcity\tNRL\t1\t1", "duplicate id 'nrl.kell'")]
    public void A_bad_row_names_its_file_and_line(string row, string message)
    {
        var user = Dir("bad", ("mine.tsv", Header + "nrl.kell\tKell\t\tcity\tNRL\t61.2\t12.3\n" + row + "\n"));
        var ex = Assert.Throws<FormatException>(() => PlaceGazetteer.LoadFrom(Base(), [user]));
        Assert.Contains(Path.Combine(user, "mine.tsv") + ":4:", ex.Message);
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void A_bad_cue_names_its_file_and_line()
    {
        var user = Dir("badcue", ("cues.tsv", "# version: 1\nlocative\tin\nlocative\tclose to\n"));
        var ex = Assert.Throws<FormatException>(() => PlaceGazetteer.LoadFrom(Base(), [user]));
        Assert.Contains(Path.Combine(user, "cues.tsv") + ":3:", ex.Message);
    }

    [Fact]
    public void User_rows_override_shipped_ids_and_add_new_places()
    {
        var user = Dir("user", ("fix.tsv", Header +
            "nrl.kell\tKell\tKellport\tcity\tNRL\t61.25\t12.35\tnrl.east\tmoved\n" +
            "nrl.dunmore\tDunmore\t\tcity\tNRL\t62.0\t13.0\n"));
        var g = PlaceGazetteer.LoadFrom(Base(), [user]);
        Assert.Equal(5, g.Entries.Count);
        Assert.Equal(61.25, g.Entries["nrl.kell"].Lat);
        Assert.Equal(["nrl.kell"], g.Lookup("Kellport").Select(e => e.Id));
        var found = g.Find("Talks were held in Dunmore and in Kellport.", [new(0, 44)]);
        Assert.Equal(["Dunmore", "Kell"], found.Select(p => p.Name));
    }

    [Fact]
    public void A_missing_user_directory_is_an_error()
    {
        Assert.Throws<DirectoryNotFoundException>(() => PlaceGazetteer.LoadFrom(Base(), [Path.Combine(_root, "nope")]));
    }

    [Fact]
    public void User_places_extend_the_shipped_gazetteer()
    {
        var user = Dir("shipped-plus", ("mine.tsv", Header + "syr.tell-hamis\tTell Hamis\tTal Hamis\tcity\tSYR\t36.90\t41.75\tsyr.hasakah-gov\n"));
        var g = PlaceGazetteer.Load([user]);
        var found = g.Find("Clashes were reported near Tal Hamis on Sunday.", [new(0, 47)]);
        var p = Assert.Single(found);
        Assert.Equal(("Tell Hamis", "SYR"), (p.Name, p.Country));
        Assert.True(g.Entries.Count > 1000);
    }
}
