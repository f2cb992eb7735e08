namespace Parley.Actors.Tests;

public class KnowledgeTests
{
    static ActorKnowledge Kb => TestKb.Engine.Knowledge;

    [Theory]
    [InlineData("2019-05-01", "Mevlut Cavusoglu")]
    [InlineData("2024-03-01", "Hakan Fidan")]
    [InlineData("2012-01-01", "Ahmet Davutoglu")]
    public void Role_holders_depend_on_the_date(string date, string expected) =>
        Assert.Equal([expected], Kb.RoleHolders("TUR", "foreign-minister", date).Select(p => p.Name));

    [Fact]
    public void A_persons_roles_at_a_date()
    {
        Assert.Equal("head-of-government", Assert.Single(Kb.RolesOf("Recep Tayyip Erdogan", "2010-06-01")).Role);
        Assert.Equal("head-of-state", Assert.Single(Kb.RolesOf("Recep Tayyip Erdogan", "2019-01-23")).Role);
        Assert.Empty(Kb.RolesOf("Hulusi Akar", "2024-01-01"));
    }

    [Fact]
    public void Lookup_by_name_or_alias_folds_case_and_diacritics()
    {
        Assert.Equal("Recep Tayyip Erdogan", Assert.IsType<Person>(Assert.Single(Kb.Lookup("Recep Tayyip ERDOĞAN"))).Name);
        Assert.Equal("TUR", Assert.IsType<Country>(Assert.Single(Kb.Lookup("türkiye"))).Iso3);
        Assert.Equal("SYR", Assert.IsType<Country>(Assert.Single(Kb.Lookup("Damascus"))).Iso3);
        Assert.Equal("Sergei Lavrov", Assert.IsType<Person>(Assert.Single(Kb.Lookup("Sergey Lavrov"))).Name);
        Assert.Equal("Recep Tayyip Erdogan", Assert.IsType<Person>(Assert.Single(Kb.Lookup("Erdoğan"))).Name);
    }

    [Fact]
    public void A_bad_row_names_its_file_and_line()
    {
        var dir = Directory.CreateTempSubdirectory("parley-kb-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "people"));
            File.WriteAllText(Path.Combine(dir, "people", "bad.tsv"), "# version: 1\nJane Roe\t\tx\tGBR\tforeign-minister\tForeign Secretary\tGBRGOV\t2020-01-01\t\n");
            var ex = Assert.Throws<FormatException>(() => ActorKnowledge.Load(dir));
            Assert.Contains("bad.tsv:2", ex.Message);
            Assert.Contains("gender", ex.Message);

            File.WriteAllText(Path.Combine(dir, "people", "bad.tsv"), "Jane Roe\t\tf\tGBR\tforeign-minister\tForeign Secretary\tGBRGOV\t2020-13-01\t\n");
            Assert.Contains("bad.tsv:1", Assert.Throws<FormatException>(() => ActorKnowledge.Load(dir)).Message);

            File.Delete(Path.Combine(dir, "people", "bad.tsv"));
            File.WriteAllText(Path.Combine(dir, "countries.tsv"), "# version: 1\nTurkey\tTUR\tTurkey\n");
            Assert.Contains("countries.tsv:2", Assert.Throws<FormatException>(() => ActorKnowledge.Load(dir)).Message);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void User_rows_replace_shipped_rows_with_the_same_id_or_name()
    {
        var dir = Directory.CreateTempSubdirectory("parley-user-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "people"));
            File.WriteAllText(Path.Combine(dir, "people", "mine.tsv"),
                "Hakan Fidan\t\tm\tTUR\tspy-chief\tHead of Intelligence\tTURSPY\t2010-05-27\t2023-06-03\n" +
                "Jane Roe\t\tf\tGBR\tforeign-minister\tForeign Secretary\tGBRGOV\t2030-01-01\t\n");
            File.WriteAllText(Path.Combine(dir, "countries.tsv"), "SYR\tSYR\tSyria\t\tSyrian\tDamascus\tthe Palace\thead-of-state\n");
            var kb = ActorKnowledge.Load(TestKb.Directory, [dir]);
            var fidan = kb.People["Hakan Fidan"];
            Assert.Equal("spy-chief", Assert.Single(fidan.Tenures).Role);
            Assert.Equal("Jane Roe", Assert.Single(kb.RoleHolders("GBR", "foreign-minister", "2031-01-01")).Name);
            Assert.Equal(["the Palace"], kb.Countries["SYR"].Metonyms);
            Assert.Contains("Sergei Lavrov", kb.People.Keys);   // the rest is kept
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Tabari_dictionary_entries_become_people_with_dated_codes()
    {
        const string dict = """
            # a small actor dictionary written for this test
            RECEP_TAYYIP_ERDOGAN_ [TURGOV 030314-140827] [TURGOV >140828]
            +ERDOGAN_
            +TAYYIP_ERDOGAN_   # short form
            JOHN_Q_PUBLIC_ [USAGOV <191231] [USABUS 200101-211231]
            +J._Q._PUBLIC_
            ANNA_EXAMPLE_ [RUSMIL]
            """;
        var entries = TabariDictionary.Parse(new StringReader(dict), "test.txt");
        Assert.Equal(3, entries.Count);
        var erdogan = entries[0];
        Assert.Equal("Recep Tayyip Erdogan", erdogan.Name);
        Assert.Equal(["Erdogan", "Tayyip Erdogan"], erdogan.Synonyms);
        Assert.Equal(new TabariCode("TURGOV", "2003-03-14", "2014-08-27"), erdogan.Codes[0]);
        Assert.Equal(new TabariCode("TURGOV", "2014-08-28", null), erdogan.Codes[1]);
        Assert.Equal(new TabariCode("USAGOV", null, "2019-12-31"), entries[1].Codes[0]);
        Assert.Equal(new TabariCode("RUSMIL", null, null), Assert.Single(entries[2].Codes));

        var kb = ActorKnowledge.Load(TestKb.Directory);
        kb.Merge(entries);
        var pub = kb.People["John Q Public"];
        Assert.Equal("USABUS", pub.TenureAt("2021-06-01")!.Cameo);
        Assert.Equal("USAGOV", pub.TenureAt("2018-06-01")!.Cameo);
        Assert.Null(pub.TenureAt("2023-01-01"));
        Assert.Contains("J. Q. Public", pub.Aliases);
        // merged into the existing person, not a duplicate
        Assert.Equal(4, kb.People["Recep Tayyip Erdogan"].Tenures.Count);

        var engine = new ActorEngine(kb);
        var actors = TestKb.Resolve("Anna Example met John Q Public in Moscow.", "2021-01-01", engine);
        Assert.Equal("RUSMIL", TestKb.ActorOf(actors, "Anna Example").Code);
        Assert.Equal("USABUS", TestKb.ActorOf(actors, "John Q Public").Code);
    }

    [Theory]
    [InlineData("FOO_ [TURGOV 0303-140827]")]
    [InlineData("+FOO_")]
    [InlineData("FOO_ [TURGOV 031314-140827]")]
    [InlineData("FOO_ [TURGOV 030314]")]
    public void Bad_tabari_lines_name_their_line(string line) =>
        Assert.Contains("d.txt:2", Assert.Throws<FormatException>(() => TabariDictionary.Parse(new StringReader("# x\n" + line), "d.txt")).Message);
}
