using static Parley.Events.Tests.Coding;

namespace Parley.Events.Tests;

/// <summary>Sources and targets: passives, nominal events, coordination, compounds, appositions, relative clauses.</summary>
public class ArgumentTests
{
    [Fact]
    public void Passive_with_an_agent()
    {
        var e = One(Code("Residents of Kobani dread a Turkish push against Syria – a push threatened by Erdogan since the spring."), "THREATEN");
        Assert.Equal("THREATEN TUR>SYR", Sides(e));
        Assert.Equal("SUPPORT ISR>TUR", Sides(One(Code("Turkey was praised by Israeli Prime Minister Benjamin Netanyahu."), "SUPPORT")));
        // the praised thing is not an actor
        Assert.Empty(Code("The decision was praised by Israeli Prime Minister Benjamin Netanyahu."));
        Assert.Equal("ASSAULT ISR>LBN", Sides(One(Code("Lebanon was attacked by Israel on Sunday."), "ASSAULT")));
    }

    [Fact]
    public void Passive_without_an_agent_has_no_source()
    {
        Assert.Empty(Code("A truce between Armenia and Azerbaijan was agreed in the early hours."));
    }

    [Fact]
    public void Nominal_events_with_their_own_parties()
    {
        Exactly(Code("Officials in Ankara finished the agenda a week before Erdogan's visit to Russia."), "CONSULT TUR>RUS");
        Exactly(Code("The withdrawal of Turkish forces from Syria began on Sunday."), "RETREAT TUR>SYR");
        Exactly(Code("A meeting between the intelligence chiefs of Iraq, Iran and Syria took place in Baghdad last year."), "CONSULT IRQ>IRN,SYR");
    }

    [Fact]
    public void A_nominal_that_is_only_a_topic_is_not_an_event()
    {
        // the withdrawal is what is demanded, not something that happened
        Exactly(Code("Syria insists on a clear timetable for the withdrawal of Turkish forces."), "REQUEST SYR>TUR");
        Assert.Empty(Code("The withdrawal of Turkish forces from Syria is not feasible at present."));
    }

    [Fact]
    public void Coordinated_subjects_of_a_symmetric_act_are_split_into_two_sides()
    {
        var e = One(Code("Putin and Erdogan struck a deal on the Black Sea corridor."), "AGREE");
        Assert.Equal("AGREE RUS>TUR", Sides(e));
        Assert.Equal(["Vladimir Putin"], e.Source.Select(a => a.Name));
        Assert.Equal(["Recep Tayyip Erdogan"], e.Target.Select(a => a.Name));
        Assert.All(e.Source.Concat(e.Target), a => Assert.NotNull(a.Actor));
    }

    [Fact]
    public void A_compound_of_many_parties_stays_one_event()
    {
        var events = Code("The trade ministers of Egypt, Jordan, Iraq and Kuwait gathered in Amman on Sunday.");
        var e = One(events, "CONSULT");
        Assert.Equal(4, e.Source.Count + e.Target.Count);
        Assert.Equal("multilateral", e.Mode);
    }

    [Fact]
    public void Apposition_and_counterpart_after_the_subject()
    {
        Exactly(Code("Iran's Foreign Minister, Hossein Amir-Abdollahian, flew to Beijing and held talks with Chinese officials."), "CONSULT IRN>CHN");
        Exactly(Code("Lavrov met his Turkish counterpart, Mevlut Cavusoglu, as well as President Recep Tayyip Erdogan.", "2021-05-06"), "CONSULT RUS>TUR,TUR");
    }

    [Fact]
    public void A_relative_clause_takes_its_antecedent_as_subject()
    {
        Exactly(Code("Iraqi Kurds who govern much of northern Iraq have rejected the Turkish proposal."), "REJECT IRQ>TUR");
        // the antecedent is not an actor: no source
        Assert.Empty(Code("Iran has funded militia fighters who are battling against Iraqi government forces."));
    }

    [Fact]
    public void A_participial_clause_between_commas_is_skipped()
    {
        Exactly(Code("Lebanese Christian militias, worried by Israel's threat to expand the war, asked the Lebanese government for protection."), "REQUEST LBN>LBN");
    }

    [Fact]
    public void Visit_targets_the_country_of_the_capital()
    {
        var e = One(Code("Russian Foreign Minister Sergei Lavrov visited Ankara on June 7."), "CONSULT");
        Assert.Equal("CONSULT RUS>TUR", Sides(e));
        Assert.Equal("Ankara", e.Location?.Name);
        Assert.Equal("TUR", e.Location?.Country);
    }

    [Fact]
    public void A_threat_in_a_quotation_is_the_speakers()
    {
        var text = "Erdogan spoke to reporters in Ankara. \"We will not allow a terror corridor, and we will strike Syria if it is needed,\" Erdogan said.";
        var e = One(Code(text), "ASSAULT");
        Assert.Equal("ASSAULT TUR>SYR", Sides(e));
        Assert.Equal("hypothetical", e.Modality);
    }

    [Fact]
    public void A_demand_stated_as_a_precondition()
    {
        var text = "Armenian Prime Minister Nikol Pashinyan met Putin in Moscow, saying: \"The Azerbaijani withdrawal from our border villages is a precondition for any peace treaty.\"";
        var events = Code(text);
        Assert.Equal("REQUEST ARM>AZE", Sides(One(events, "REQUEST")));
        Assert.Equal("CONSULT ARM>RUS", Sides(One(events, "CONSULT")));
    }

    [Fact]
    public void Modifier_names_are_not_parties()
    {
        Assert.Empty(Code("Trump slammed the Russia investigation as a hoax."));
        Exactly(Code("Trump slammed Russia for meddling."), "ACCUSE USA>RUS");
    }

    [Fact]
    public void Infinitives_take_the_right_subject()
    {
        // object control: the one encouraged acts
        Exactly(Code("Mahmoud Abbas urged Egypt to support Qatar's mediation."), "REQUEST PSE>EGY");
        Exactly(Code("Mahmoud Abbas encouraged Qatar to support Egypt."), "SUPPORT QAT>EGY");
        // an infinitive under a noun belongs to the noun: Russia did not call on anyone
        Assert.Empty(Code("Russia blocked a Security Council resolution to call on Syria to cooperate."));
        // a subordinate subject after "since"
        Exactly(Code("The attack came days after Trump announced the withdrawal of troops from Syria."), "RETREAT USA>SYR");
    }

    [Fact]
    public void Places_are_not_parties()
    {
        Exactly(Code("From Germany, Obama will travel to Peru for a summit."), "AGREE USA>PER");
        var e = One(Code("His Helsinki summit with Putin was criticised at home, Trump's critics said."), "CONSULT");
        Assert.DoesNotContain(e.Source.Concat(e.Target), a => a.Country == "FIN");
        Exactly(Code("After a quick trip to the meeting in Bonn, Germany, Tillerson met Lavrov."), "CONSULT USA>RUS");
    }

    [Fact]
    public void Misleading_objects_and_agents()
    {
        // the country is the subject of what was warned, not the one warned
        Assert.Empty(Code("Trump warned the United States will abandon the deal and restore sanctions."));
        // an agent belongs to the verb right before it
        Assert.Empty(Code("Flynn is accused of being paid by companies linked to Russia."));
        // fighting alongside is not an attack on the ally
        Assert.Empty(Code("NATO allies have fought with the United States in Iraq."));
    }

    [Fact]
    public void Names_inside_other_names_and_compounds_are_not_parties()
    {
        Assert.Empty(Code("A Trump Organization lawyer was collaborating with Russian officials."));
        Assert.Empty(Code("Protesters travelled to the pro-Maduro rally in Caracas."));
        Assert.Empty(Code("North Korea resisted U.S. requests to visit the site."));
        // an unknown name right before the verb is its subject, not an earlier known one
        Assert.Empty(Code("Mnuchin said there was nothing unusual about Zhou asking Trump to review the penalty."));
    }

    [Fact]
    public void Domestic_acts_and_gerunds()
    {
        // one's own troops or interests are not another party
        Assert.Empty(Code("Trump flew to the base at Christmas to visit U.S. troops."));
        Assert.Empty(Code("Critics pointed to Trump's continued pressing of sanctions against Iran."));
        Exactly(Code("Trump's credibility is an obstacle for China to reach a lasting deal with the United States."), "AGREE CHN>USA");
        Exactly(Code("In a stormy trip to Europe, Trump scolded allies and shocked Britain by publicly criticizing Germany."), "ACCUSE USA>DEU");
    }

    [Fact]
    public void Intentions_need_their_act_and_orders_their_party()
    {
        Assert.Empty(Code("The United States and Iran have offered different accounts of the incident."));
        Exactly(Code("Obama pledged to veto the bill sponsored by Israel."), "REJECT USA>ISR");
        Assert.Empty(Code("Egypt's president ordered the retrial of Hosni Mubarak."));
        // "called X to congratulate": the caller congratulates
        var congratulated = One(Code("Manmohan Singh called Narendra Modi to congratulate Nepal on its election."), "SUPPORT");
        Assert.Equal(("Manmohan Singh", "NPL"), (congratulated.Source[0].Name, congratulated.Target[0].Country));
    }

    [Fact]
    public void Approximations_allies_and_appositions()
    {
        Exactly(Code("Turkey has killed around 16 Syrian Kurds, America's top partner in the fight."), "ASSAULT TUR>SYR");
        Assert.Empty(Code("The Obama administration is pressing U.S. allies to do more."));
        Assert.Equal("reported-claim", One(Code("Flynn denied he had discussed the sanctions with Russian Ambassador Sergey Kislyak."), "CONSULT").Modality);
    }

    [Fact]
    public void An_order_is_the_act_ordered()
    {
        Exactly(Code("Trump ordered the bombing of Syria."), "ASSAULT USA>SYR");
        Exactly(Code("Putin ordered the withdrawal of Russian forces from Georgia."), "RETREAT RUS>GEO");
    }
}
