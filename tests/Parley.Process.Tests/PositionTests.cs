using Parley.Core;

namespace Parley.Process.Tests;

/// <summary>The positions stage on fixtures written for these tests.</summary>
public class PositionTests
{
    [Fact]
    public void Refusal_with_unless_is_a_condition_with_the_conditions_issue()
    {
        const string text = "Turkey will not withdraw its troops from northern Syria unless its border security is guaranteed, Turkish Defence Minister Hulusi Akar said on Tuesday.";
        var r = Run.Article(text, "2021-03-10");
        var p = Run.One(r.Positions ?? [], "TUR", "troop-withdrawal");
        Assert.Equal("conditions", p.Stance);
        Assert.Equal("border-security", p.Condition?.Issue);
        Assert.Contains("border security is guaranteed", p.Condition!.Text);
        Assert.Equal(p.Condition.Text, text[p.Condition.Start..p.Condition.End]);
        Assert.NotNull(p.Quote);
        var q = r.Quotes.Single(x => x.Id == p.Quote);
        Assert.Equal(["border-security", "troop-withdrawal"], q.Issues!);
    }

    [Fact]
    public void A_prerequisite_is_demanded_and_conditions_what_it_is_for()
    {
        const string text = "A full Turkish withdrawal is a precondition for any normalisation of ties with Ankara, Syrian Foreign Minister Faisal Mekdad said in Damascus.";
        var ps = Run.Positions(text, "2022-11-02");
        var w = Run.One(ps, "SYR", "troop-withdrawal");
        Assert.Equal("supports", w.Stance);
        Assert.Equal(["TUR"], w.Targets!);
        var n = Run.One(ps, "SYR", "normalisation");
        Assert.Equal("conditions", n.Stance);
        Assert.Equal("troop-withdrawal", n.Condition?.Issue);
        Assert.EndsWith("Turkish withdrawal", n.Condition!.Text);
    }

    [Fact]
    public void Hinges_on_puts_the_condition_after_the_cue()
    {
        const string text = "Any rapprochement between Damascus and Ankara depends on a timetable for the pullout of Turkish forces, Syrian President Bashar al-Assad said.";
        var ps = Run.Positions(text, "2023-03-16");
        var n = Run.One(ps, "SYR", "normalisation");
        Assert.Equal(("conditions", "troop-withdrawal"), (n.Stance, n.Condition?.Issue));
        Assert.Equal("supports", Run.One(ps, "SYR", "troop-withdrawal").Stance);
    }

    [Fact]
    public void Rejection_opposes()
    {
        var ps = Run.Positions("Iran rejected any new sanctions on its oil exports, Foreign Minister Hossein Amir-Abdollahian said.", "2022-06-01");
        Assert.Equal("opposes", Run.One(ps, "IRN", "sanctions").Stance);
    }

    [Fact]
    public void Negated_support_opposes()
    {
        var ps = Run.Positions("Turkey does not support a new ceasefire in Idlib, Foreign Minister Mevlut Cavusoglu said.", "2020-02-20");
        Assert.Equal("opposes", Run.One(ps, "TUR", "ceasefire").Stance);
    }

    [Fact]
    public void Negated_opposition_is_no_position()
    {
        var ps = Run.Positions("Russia did not rule out a ceasefire in Ukraine, Foreign Minister Sergei Lavrov said.", "2023-02-20");
        Assert.DoesNotContain(ps, p => p.Issue == "ceasefire");
    }

    [Fact]
    public void Opposing_the_opposite_state_supports_the_issue()
    {
        var ps = Run.Positions("The Syrian government condemned the presence of Turkish forces in Idlib on Sunday.", "2020-03-01");
        var p = Run.One(ps, "SYR", "troop-withdrawal");
        Assert.Equal("supports", p.Stance);
        Assert.Equal(["TUR"], p.Targets!);
        Assert.Null(p.Quote);
    }

    [Fact]
    public void The_subject_of_a_stance_verb_in_a_quote_holds_the_stance()
    {
        const string text = "Russian Foreign Minister Sergei Lavrov said: \"Damascus insists on the withdrawal of Turkish units from Syrian territory.\"";
        var ps = Run.Positions(text, "2024-11-05");
        var p = Run.One(ps, "SYR", "troop-withdrawal");
        Assert.Equal("supports", p.Stance);
        Assert.DoesNotContain(ps, x => x.Actor.Country == "RUS" && x.Issue == "troop-withdrawal");
    }

    [Fact]
    public void A_copular_predicate_after_the_issue_gives_the_stance()
    {
        const string text = "Turkish Defence Minister Yasar Guler said a pullout of Turkish troops from Syria is not feasible for now.";
        var p = Run.One(Run.Positions(text, "2023-08-10"), "TUR", "troop-withdrawal");
        Assert.Equal("opposes", p.Stance);
        Assert.Equal("not feasible", p.Cue);
    }

    [Fact]
    public void Withdrawing_an_offer_is_not_a_troop_withdrawal()
    {
        var r = Run.Article("Ankara withdrew its offer to mediate after the talks collapsed, Turkish officials said.");
        Assert.DoesNotContain(r.Positions ?? [], p => p.Issue == "troop-withdrawal");
        Assert.DoesNotContain(r.Quotes, q => q.Issues?.Contains("troop-withdrawal") == true);
    }

    [Fact]
    public void A_time_after_until_is_not_a_condition()
    {
        var ps = Run.Positions("Russia will not lift its support for the ceasefire until 2025, the Kremlin said.", "2024-01-01");
        Assert.DoesNotContain(ps, p => p.Stance == "conditions");
    }

    [Theory]
    [InlineData("Jordan called for the safe return of Syrian refugees.", "JOR", "refugees-return")]
    [InlineData("Iraq called for border security along the frontier with Syria.", "IRQ", "border-security")]
    [InlineData("Egypt called for a ceasefire in Gaza.", "EGY", "ceasefire")]
    [InlineData("Qatar called for a political solution in Sudan.", "QAT", "political-settlement")]
    [InlineData("Iran called for the lifting of sanctions.", "IRN", "sanctions")]
    [InlineData("Lebanon called for the normalization of relations with Damascus.", "LBN", "normalisation")]
    [InlineData("Russia called for respect for the territorial integrity of Syria.", "RUS", "territorial-integrity")]
    [InlineData("Turkey called for joint action against terrorist groups in the region.", "TUR", "counter-terrorism")]
    [InlineData("Syria called for the withdrawal of American troops from its territory.", "SYR", "troop-withdrawal")]
    [InlineData("Syria urged the government to regain control of the whole territory.", "SYR", "government-control")]
    [InlineData("The United Nations called for humanitarian access to the besieged towns.", null, "humanitarian")]
    [InlineData("Germany called for the rebuilding of schools in Aleppo.", "DEU", "reconstruction")]
    public void Each_issue_has_cues(string text, string? country, string issue)
    {
        var ps = Run.Positions(text);
        var p = ps.FirstOrDefault(x => x.Issue == issue && (country is null || x.Actor.Country == country));
        Assert.True(p is not null, $"no {issue} position: {Run.Describe(ps)}");
        Assert.Equal("supports", p.Stance);
        Assert.Equal(0, p.Sentence);
    }

    [Fact]
    public void Positions_are_dated_by_the_sentence_else_the_publication()
    {
        const string text = "On March 3, 2023, Syria demanded the withdrawal of Turkish forces. Syria also called for the return of refugees.";
        var ps = Run.Positions(text, "2023-03-10");
        var w = Run.One(ps, "SYR", "troop-withdrawal");
        Assert.Equal(("2023-03-03", "text"), (w.Date, w.DateSource));
        var r = Run.One(ps, "SYR", "refugees-return");
        Assert.Equal(("2023-03-10", "published"), (r.Date, r.DateSource));
    }

    [Fact]
    public void Positions_round_trip_through_json()
    {
        var r = Run.Article("Syria demanded the withdrawal of Turkish forces.", "2023-03-10");
        var back = RecordJson.Deserialize(RecordJson.Serialize(r))!;
        Assert.Equal("troop-withdrawal", back.Positions!.Single().Issue);
        Assert.Contains("\"stance\":\"supports\"", RecordJson.Serialize(r));
    }
}
