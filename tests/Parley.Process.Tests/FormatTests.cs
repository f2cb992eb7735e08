using Parley.Core;

namespace Parley.Process.Tests;

/// <summary>The formats stage on fixtures written for these tests (news-style sentences about public events).</summary>
public class FormatTests
{
    [Fact]
    public void Format_cues_are_found_with_their_spans()
    {
        const string text = "Leaders of Germany, France, Russia and Ukraine met in Paris on December 9, 2019, for a Normandy format summit. " +
                            "Separately, the Minsk Group co-chairs urged Armenia and Azerbaijan to return to talks.";
        var r = Run.Article(text, "2019-12-10");
        var normandy = Run.Format(r, "NORMANDY");
        Assert.Equal("Normandy format", normandy.Mentions.Single().Text);
        Assert.Equal("Normandy format", text[normandy.Mentions[0].Start..normandy.Mentions[0].End]);
        Assert.Equal(1, Run.Format(r, "MINSKGROUP").Mentions.Single().Sentence);
    }

    [Fact]
    public void A_capitalised_alias_does_not_match_a_common_phrase()
    {
        var r = Run.Article("A small group of protesters gathered outside the embassy in Amman on Friday.");
        Assert.Null(r.Formats);
    }

    [Fact]
    public void Rounds_are_read_from_ordinals_numbers_and_relative_words()
    {
        const string text = "The Astana talks on Syria resumed in the Kazakh capital on January 24, 2024, in what officials called the 21st round. " +
                            "Delegations agreed that round 22 would be held later in the year. " +
                            "Diplomats expect the next round to focus on detainees.";
        var rounds = Run.Format(Run.Article(text, "2024-01-25"), "ASTANA").Rounds!;
        Assert.Equal([21, 22, null], rounds.Select(x => x.Number));
        Assert.Equal("next", rounds[2].Relative);
        Assert.Equal("2024-01-24", rounds[0].Date);
    }

    [Fact]
    public void Ordinal_words_make_round_numbers()
    {
        const string text = "Kazakhstan hosted the twentieth meeting of the Astana process in June 2023. " +
                            "A year later it organised the twenty-second meeting at the request of the guarantors.";
        var rounds = Run.Format(Run.Article(text, "2024-11-20"), "ASTANA").Rounds!;
        Assert.Equal([20, 22], rounds.Select(x => x.Number));
        Assert.Equal("2023-06", rounds[0].Date);
    }

    [Fact]
    public void A_count_of_meetings_is_not_a_round()
    {
        var r = Run.Article("Since 2017 the Astana format has held 21 meetings on the Syrian settlement.");
        Assert.Null(Run.Format(r, "ASTANA").Rounds);
    }

    [Fact]
    public void Ordinals_without_a_format_are_not_rounds()
    {
        var r = Run.Article("Putin and Erdogan held their fourth meeting of the year in Sochi on Monday.");
        Assert.Null(r.Formats);
    }

    [Fact]
    public void Members_are_learned_with_roles_from_an_as_list()
    {
        const string text = "The Astana process groups Russia, Turkey and Iran as guarantor states, with the United Nations and Jordan attending as observers.";
        var members = Run.Format(Run.Article(text), "ASTANA").Members!;
        Assert.Equal(["IRN", "RUS", "TUR"], members.Where(m => m.Role == "guarantor").Select(m => m.Actor.Country!).Order());
        Assert.Equal(["Jordan", "United Nations"], members.Where(m => m.Role == "observer").Select(m => m.Actor.Name!).Order());
        Assert.All(members, m => Assert.Equal(0, m.Sentence));
    }

    [Fact]
    public void Members_are_learned_from_an_apposition()
    {
        const string text = "Russia, Turkey and Iran, the three guarantor countries of the Astana format, met in Tehran in July 2022.";
        var members = Run.Format(Run.Article(text, "2022-07-20"), "ASTANA").Members!;
        Assert.Equal(["IRN", "RUS", "TUR"], members.Select(m => m.Actor.Country!).Order());
        Assert.All(members, m => Assert.Equal("guarantor", m.Role));
    }

    [Fact]
    public void Joining_as_an_observer_is_a_member_and_a_dated_fact()
    {
        const string text = "Iraq joined the Astana format as an observer in 2019, diplomats said.";
        var f = Run.Format(Run.Article(text, "2020-01-10"), "ASTANA");
        var m = Assert.Single(f.Members!);
        Assert.Equal(("IRQ", "observer"), (m.Actor.Country, m.Role));
        var fact = Assert.Single(f.Facts!);
        Assert.Equal(("joined", "IRQ", "2019"), (fact.Kind, fact.Actor?.Country, fact.Date));
    }

    [Fact]
    public void A_role_the_knowledge_base_disagrees_with_is_flagged()
    {
        const string text = "The Astana format lists Syria as an observer, the ministry claimed.";
        var m = Assert.Single(Run.Format(Run.Article(text), "ASTANA").Members!);
        Assert.Equal(("observer", "party"), (m.Role, m.KnownRole));
    }

    [Fact]
    public void A_proposal_to_end_the_format_is_a_fact_linked_to_its_event()
    {
        const string text = "In June 2023, Kazakhstan's foreign ministry proposed ending the Astana talks, saying the format had achieved its goals.";
        var r = Run.Article(text, "2023-06-22");
        var f = Run.Format(r, "ASTANA");
        var fact = Assert.Single(f.Facts!, x => x.Kind == "end-proposed");
        Assert.Equal("KAZ", fact.Actor?.Country);
        Assert.Equal("2023-06", fact.Date);
        if (fact.Event is { } id) Assert.Contains(id, f.Events);
    }

    [Fact]
    public void Events_in_a_format_sentence_are_linked()
    {
        const string text = "Russian, Turkish and Iranian envoys met in Astana on Tuesday for the 19th round of the Astana talks.";
        var r = Run.Article(text, "2023-01-05");
        var f = Run.Format(r, "ASTANA");
        var consult = Assert.Single(r.Events, e => e.Type == "CONSULT");
        Assert.Contains(consult.Id, f.Events);
        Assert.Equal(consult.Id, f.Rounds!.Single().Event);
    }

    [Fact]
    public void A_meeting_of_exactly_a_formats_members_is_linked_by_inference()
    {
        const string text = "The defence ministers of Russia, Turkey, Iran and Syria held a meeting in Moscow on April 25.";
        var r = Run.Article(text, "2023-04-26");
        var consult = Assert.Single(r.Events, e => e.Type == "CONSULT");
        var f = Run.Format(r, "QUADRIPARTITE");
        Assert.Empty(f.Mentions);
        Assert.Equal([consult.Id], f.InferredEvents!);
    }

    [Fact]
    public void Formats_serialise_in_snake_case_and_round_trip()
    {
        var r = Run.Article("The 20th round of Astana talks took place in June 2023.", "2023-07-01");
        var json = RecordJson.Serialize(r);
        Assert.Contains("\"formats\":[{\"format\":\"ASTANA\"", json);
        Assert.Contains("\"rounds\":[{\"number\":20", json);
        var back = RecordJson.Deserialize(json)!;
        Assert.Equal(20, back.Formats![0].Rounds![0].Number);
        Assert.DoesNotContain("\"positions\"", json);
    }
}
