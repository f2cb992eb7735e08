using System.Text.Json;

namespace Parley.Cli.Tests;

public class ActorsCliTests
{
    static void UserKb(TempDir dir)
    {
        dir.File("kb/countries.tsv", "# version: 1\nNRL\tNRL\tNorland\tRepublic of Norland\tNorlandic\tVarrow\tVarrow\thead-of-state\n");
        dir.File("kb/role-titles.tsv", "# version: 1\nforeign-minister\tGOV\tForeign Minister\n");
        dir.File("kb/people/mine.tsv", "# version: 1\nClaire Dumont\t\tf\tNRL\tforeign-minister\tForeign Minister\tNRLGOV\t2030-01-01\t2031-12-31\n" +
                                        "Paul Renard\t\tm\tNRL\tforeign-minister\tForeign Minister\tNRLGOV\t2032-01-01\t\n");
    }

    [Fact]
    public void Holders_lookup_and_extract_use_the_user_actor_files()
    {
        using var dir = new TempDir();
        UserKb(dir);
        var kb = Path.Combine(dir.Path, "kb");

        var holders = ParleyProcess.Run(dir.Path, null, "actors", "holders", "NRL", "foreign-minister", "--date", "2032-05-01", "--actors", kb);
        Assert.Equal(0, holders.ExitCode);
        Assert.Equal("Paul Renard", JsonDocument.Parse(holders.Stdout).RootElement.GetProperty("holders")[0].GetProperty("name").GetString());

        dir.File("a.txt", "Talks in Geneva\n\nThe Norlandic foreign minister arrived in Geneva on Monday. She said the talks would be long.\n");
        var run = ParleyProcess.Run(dir.Path, null, "extract", Path.Combine(dir.Path, "a.txt"), "--published", "2031-03-01", "--actors", kb);
        Assert.Equal(0, run.ExitCode);
        var actors = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("actors");
        var claire = actors.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Claire Dumont");
        Assert.Equal(["The Norlandic foreign minister", "She"], claire.GetProperty("mentions").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
    }

    [Fact]
    public void Import_tabari_writes_a_people_file_the_loader_reads()
    {
        using var dir = new TempDir();
        UserKb(dir);
        dir.File("dict.txt", "# written for this test\nANNE_MARTIN_ [NRLGOV 300101-311231] [NRLMIL >320101]\n+MARTIN_\n");
        var import = ParleyProcess.Run(dir.Path, null, "actors", "import-tabari", Path.Combine(dir.Path, "dict.txt"), "--out", Path.Combine(dir.Path, "kb", "people", "tabari.tsv"));
        Assert.Equal(0, import.ExitCode);
        var lookup = ParleyProcess.Run(dir.Path, null, "actors", "lookup", "Anne Martin", "--date", "2033-01-01", "--actors", Path.Combine(dir.Path, "kb"));
        Assert.Equal(0, lookup.ExitCode);
        var person = JsonDocument.Parse(lookup.Stdout).RootElement.GetProperty("entries")[0].GetProperty("person");
        Assert.Equal("NRLMIL", person.GetProperty("roles_at_date")[0].GetProperty("cameo").GetString());
    }
}
