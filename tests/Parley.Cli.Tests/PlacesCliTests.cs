using System.Text.Json;

namespace Parley.Cli.Tests;

public class PlacesCliTests
{
    [Fact]
    public void Lookup_find_and_extract_use_the_user_places()
    {
        using var dir = new TempDir();
        dir.File("places/mine.tsv", "# version: 1\n" +
                                    "syr.tell-hamis\tTell Hamis\tTal Hamis|Tell Hamees\tcity\tSYR\t36.90\t41.75\tsyr.hasakah-gov\twritten for this test\n");
        var places = Path.Combine(dir.Path, "places");

        var lookup = ParleyProcess.Run(dir.Path, null, "places", "lookup", "tal hamis", "--places", places);
        Assert.Equal(0, lookup.ExitCode);
        var entry = JsonDocument.Parse(lookup.Stdout).RootElement.GetProperty("entries")[0];
        Assert.Equal(("syr.tell-hamis", "SYR", 36.90), (entry.GetProperty("id").GetString(), entry.GetProperty("country").GetString(), entry.GetProperty("lat").GetDouble()));
        Assert.Equal(1, ParleyProcess.Run(dir.Path, null, "places", "lookup", "Atlantis").ExitCode);

        var find = ParleyProcess.Run(dir.Path, null, "places", "find", "Damascus said the army entered Tell Hamees after clashes in Qamishli.", "--places", places);
        Assert.Equal(0, find.ExitCode);
        var found = JsonDocument.Parse(find.Stdout).RootElement.GetProperty("places").EnumerateArray()
            .Select(p => (p.GetProperty("name").GetString(), p.GetProperty("kind").GetString())).ToList();
        Assert.Equal([("Tell Hamis", "city"), ("Qamishli", "city")], found);

        dir.File("a.txt", "Talks in Geneva\n\nThe envoys flew from Sochi to Tal Hamis on Monday. Ankara said nothing.\n");
        var run = ParleyProcess.Run(dir.Path, null, "extract", Path.Combine(dir.Path, "a.txt"), "--places", places);
        Assert.Equal(0, run.ExitCode);
        var names = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("places").EnumerateArray().Select(p => p.GetProperty("name").GetString());
        Assert.Equal(["Sochi", "Tell Hamis"], names);

        dir.File("bad/x.tsv", "# version: 1\nsyr.x\tX\t\tvillage\tSYR\t1\t1\n");
        var bad = ParleyProcess.Run(dir.Path, null, "places", "lookup", "X", "--places", Path.Combine(dir.Path, "bad"));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("x.tsv:2:", bad.Stderr);
    }
}
