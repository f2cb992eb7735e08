using static Parley.Actors.Tests.TestKb;

namespace Parley.Actors.Tests;

public class ResolutionTests
{
    [Fact]
    public void Unknown_person_with_demonym_title_gets_role_country_and_code()
    {
        var actors = Resolve("Syrian Foreign Minister Walid Muallem arrived on Monday. Muallem said the talks were useful.", "2015-06-01");
        var a = ActorOf(actors, "Syrian Foreign Minister Walid Muallem");
        Assert.Equal(("Walid Muallem", "person", "SYR", "SYRGOV"), (a.Name, a.Kind, a.Country, a.Code));
        Assert.Equal("Foreign Minister of Syria", a.Role);
        Assert.Equal("surname", MentionOf(actors, "Muallem").Via);
    }

    [Fact]
    public void Unknown_person_in_apposition_after_a_possessive_country()
    {
        var actors = Resolve("Turkey's Defense Minister, Kemal Yildiz, visited the border.", "2031-01-01");
        var a = ActorOf(actors, "Kemal Yildiz");
        Assert.Equal(("TUR", "TURMIL"), (a.Country, a.Code));
        Assert.Equal("title", MentionOf(actors, "Turkey's Defense Minister").Via);
    }

    [Fact]
    public void Unknown_person_takes_the_country_of_the_person_before_in_the_sentence()
    {
        var actors = Resolve("Erdogan was accompanied by Defense Minister Kemal Yildiz and others.", "2031-01-01");
        Assert.Equal("TUR", ActorOf(actors, "Defense Minister Kemal Yildiz").Country);
    }

    [Fact]
    public void Name_variants_unify()
    {
        var actors = Resolve("Deputy Foreign Minister Sergey Ryabkov spoke first. Later, Sergei Ryabkov added a point. Ryabkov left.", "2020-01-01");
        var a = ActorOf(actors, "Deputy Foreign Minister Sergey Ryabkov");
        Assert.Equal(3, a.Mentions.Count);
        var kb = Resolve("Foreign Minister Faisal al-Miqdad spoke. Mekdad then left.", "2022-01-01");
        Assert.Equal("Faisal Mekdad", ActorOf(kb, "Foreign Minister Faisal al-Miqdad").Name);
        Assert.Same(ActorOf(kb, "Mekdad"), ActorOf(kb, "Foreign Minister Faisal al-Miqdad"));
    }

    [Theory]
    [InlineData("2019-05-01", "Mevlut Cavusoglu")]
    [InlineData("2024-03-01", "Hakan Fidan")]
    public void The_same_title_names_different_people_at_different_dates(string date, string who)
    {
        var actors = Resolve("The talks ended late. The Turkish foreign minister said nothing.", date);
        var a = ActorOf(actors, "The Turkish foreign minister");
        Assert.Equal(who, a.Name);
        Assert.Equal("role-nominal", a.Mentions[0].Via);
        Assert.Equal("Foreign Minister of Turkey", a.Role);
    }

    [Fact]
    public void Surname_and_pronoun_follow_the_full_name()
    {
        var actors = Resolve("Russian President Vladimir Putin arrived. Putin smiled. He said the visit was useful.", "2019-01-23");
        var putin = ActorOf(actors, "Russian President Vladimir Putin");
        Assert.Equal(("Vladimir Putin", "RUSGOV", "RUS", "President of Russia"), (putin.Name, putin.Code, putin.Country, putin.Role));
        Assert.Equal([null, "surname", "pronoun"], putin.Mentions.Select(m => m.Via));
        Assert.Equal("A1", putin.Id);
    }

    [Fact]
    public void Pronoun_prefers_the_subject_over_a_person_after_a_preposition()
    {
        var actors = Resolve("At a briefing alongside Lavrov, Fidan spoke for an hour. He said both sides agreed.", "2024-03-01");
        Assert.Equal("Hakan Fidan", ActorOf(actors, "He").Name);
        var same = Resolve("Erdogan has said he would call Putin.", "2019-01-23");
        Assert.Equal("Recep Tayyip Erdogan", ActorOf(same, "he").Name);
    }

    [Fact]
    public void Pronoun_gender_comes_from_the_knowledge_base()
    {
        var actors = Resolve("Maria Zakharova spoke after Lavrov. She said the plan was dead.", "2024-03-01");
        Assert.Equal("Maria Zakharova", ActorOf(actors, "She").Name);
    }

    [Fact]
    public void Role_nominals_resolve_from_context_then_from_the_knowledge_base()
    {
        var actors = Resolve("Sergei Lavrov spoke in Ankara. The Russian minister then left. The Turkish leader stayed home. Later the Kremlin chief called.", "2019-01-23");
        Assert.Equal("Sergei Lavrov", ActorOf(actors, "The Russian minister").Name);
        Assert.Equal("Recep Tayyip Erdogan", ActorOf(actors, "The Turkish leader").Name);
        Assert.Equal("Vladimir Putin", ActorOf(actors, "the Kremlin chief").Name);
        Assert.All(new[] { "The Russian minister", "The Turkish leader", "the Kremlin chief" }, t => Assert.Equal("role-nominal", MentionOf(actors, t).Via));
    }

    [Fact]
    public void Counterparts_take_the_same_role_in_the_other_country()
    {
        var actors = Resolve("Vladimir Putin met his Turkish counterpart in Sochi.", "2019-01-23");
        Assert.Equal("Recep Tayyip Erdogan", ActorOf(actors, "Turkish counterpart").Name);
        Assert.Equal("counterpart", MentionOf(actors, "Turkish counterpart").Via);
        Assert.Equal("pronoun", MentionOf(actors, "his").Via);

        var named = Resolve("Hakan Fidan held talks with his Russian counterpart, Sergey Lavrov, in Moscow.", "2024-03-01");
        var lavrov = ActorOf(named, "Russian counterpart");
        Assert.Equal("Sergei Lavrov", lavrov.Name);
        Assert.Same(lavrov, ActorOf(named, "Sergey Lavrov"));

        var unknown = Resolve("Hakan Fidan met his Ruritanian counterpart, Otto Brandt, on Friday.", "2024-03-01");
        Assert.Equal("Otto Brandt", ActorOf(unknown, "Otto Brandt").Name);
        Assert.Equal("Foreign Minister", ActorOf(unknown, "Otto Brandt").Role);
    }

    [Fact]
    public void Pairs_and_compounds_become_groups_with_members()
    {
        var actors = Resolve("Putin hosted Erdogan on Tuesday. The two leaders agreed on a plan. Russia, Turkey, and Iran will meet soon. They set no date.", "2019-01-23");
        var pair = ActorOf(actors, "The two leaders");
        Assert.Equal("group", pair.Kind);
        Assert.Equal("group", pair.Mentions[0].Via);
        Assert.Equal([ActorOf(actors, "Putin").Id, ActorOf(actors, "Erdogan").Id], pair.Members);
        var trio = ActorOf(actors, "Russia, Turkey, and Iran");
        Assert.Equal(3, trio.Members!.Count);
        Assert.Same(trio, ActorOf(actors, "They"));
        Assert.Equal("state", ActorOf(actors, "Iran").Kind);   // each member is still its own actor
    }

    [Fact]
    public void Two_countries_and_both_capitals_refer_to_the_last_two_states()
    {
        var actors = Resolve("Ankara and the Syrian regime are far apart. Moscow wants both capitals to talk.", "2024-11-05");
        Assert.Equal("Russia", ActorOf(actors, "Moscow").Name);
        var both = ActorOf(actors, "both capitals");
        Assert.Equal([ActorOf(actors, "Ankara").Id, ActorOf(actors, "the Syrian regime").Id], both.Members);
    }

    [Fact]
    public void Metonyms_and_demonym_references_name_the_government()
    {
        var actors = Resolve("Damascus rejected the offer. The Syrian side wants a timetable. Damascus officials were silent.", "2023-09-05");
        var syria = ActorOf(actors, "Damascus");
        Assert.Equal(("Syria", "state", "SYRGOV"), (syria.Name, syria.Kind, syria.Code));
        Assert.Equal("demonym", MentionOf(actors, "The Syrian side").Via);
        Assert.Equal("metonym", MentionOf(actors, "Damascus officials").Via);
        Assert.Equal("SYR", ActorOf(Resolve("Syria said no. Damascus agreed later."), "Syria").Code);
    }

    [Fact]
    public void It_refers_to_the_last_institution_before_a_speech_verb()
    {
        var actors = Resolve("The Communications Directorate released a note. “Talks will go on,” it said. It is early.", "2024-12-03");
        Assert.Equal("Turkish Presidency Communications Directorate", ActorOf(actors, "it").Name);
        Assert.DoesNotContain(actors, a => a.Mentions.Any(m => m.Text == "It"));
        var its = Resolve("Ankara must use its influence.", "2024-12-03");
        Assert.Equal("Turkey", ActorOf(its, "its").Name);
    }

    [Fact]
    public void Title_followed_by_a_known_surname()
    {
        var actors = Resolve("President Assad received the envoy.", "2023-09-05");
        var a = ActorOf(actors, "President Assad");
        Assert.Equal(("Bashar al-Assad", "SYRGOV", "surname"), (a.Name, a.Code, a.Mentions[0].Via));
    }

    [Fact]
    public void Titles_alone_find_unknown_people_without_any_other_knowledge()
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("parley-roles-only-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "role-titles.tsv"), "# version: 1\nforeign-minister\tGOV\tForeign Minister\n");
            var engine = ActorEngine.Load(dir);
            var actors = Resolve("Foreign Minister Jan Novak said he was pleased.", "2020-01-01", engine);
            Assert.Equal("Jan Novak", ActorOf(actors, "he").Name);
        }
        finally { System.IO.Directory.Delete(dir, true); }
    }

    [Fact]
    public void Common_word_surnames_count_only_after_the_full_name()
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("parley-may-").FullName;
        try
        {
            System.IO.Directory.CreateDirectory(Path.Combine(dir, "people"));
            File.WriteAllText(Path.Combine(dir, "people", "p.tsv"), "Theresa May\t\tf\tGBR\thead-of-government\tPrime Minister\tGBRGOV\t2016-07-13\t2019-07-24\n");
            var engine = ActorEngine.Load(TestKb.Directory, [dir]);
            Assert.Empty(Resolve("May brought rain. The vote is on May 5.", "2018-01-01", engine));
            var actors = Resolve("Theresa May spoke. May said the vote is on May 5.", "2018-01-01", engine);
            Assert.Equal(2, Assert.Single(actors).Mentions.Count);
        }
        finally { System.IO.Directory.Delete(dir, true); }
    }

    [Fact]
    public void Honorifics_make_unknown_names_people_so_pronouns_find_them()
    {
        var actors = Resolve("Ms. Greta Holm met Putin on Friday. She said later that Holm would return.", "2019-01-23");
        var holm = ActorOf(actors, "Ms. Greta Holm");
        Assert.Equal("Greta Holm", holm.Name);
        Assert.Same(holm, ActorOf(actors, "She"));
        Assert.Same(holm, ActorOf(actors, "Holm"));
    }

    [Fact]
    public void A_name_after_a_title_stops_at_a_weekday()
    {
        var actors = Resolve("Prime Minister Avi Levin Friday said the border would stay shut.", "2019-01-23");
        Assert.Equal("Avi Levin", ActorOf(actors, "Prime Minister Avi Levin").Name);
    }

    [Fact]
    public void A_lower_case_title_before_a_full_name_still_names_a_person()
    {
        var actors = Resolve("Turkish defense minister Kemal Yildiz met them. The defense minister said nothing.", "2031-01-01");
        Assert.Equal(("Kemal Yildiz", "TURMIL"), (ActorOf(actors, "Turkish defense minister Kemal Yildiz").Name, ActorOf(actors, "Turkish defense minister Kemal Yildiz").Code));
        Assert.Equal("Kemal Yildiz", ActorOf(actors, "The defense minister").Name);
    }
}
