using Parley.Core;
using Parley.Pipeline;

namespace Parley.Quotes.Tests;

/// <summary>Every quote pattern of the quotes stage on sentences written for these tests.</summary>
public class QuoteExtractionTests
{
    static readonly ArticlePipeline Pipeline = ArticlePipeline.Build();

    static ArticleRecord Run(string text, string? title = null, string published = "2024-03-01") =>
        Pipeline.Annotate("test", text, published, title);

    static List<QuoteRecord> Quotes(string text, string? title = null) => Run(text, title).Quotes;

    static QuoteRecord One(string text, string? title = null)
    {
        var quotes = Quotes(text, title);
        Assert.True(quotes.Count == 1, $"expected one quote, got {quotes.Count}: {string.Join(" | ", quotes.Select(q => q.Kind + ": " + q.Text))}");
        return quotes[0];
    }

    static void AssertOffsets(string text, QuoteRecord q)
    {
        Assert.Equal(q.Text, text[q.Start..q.End]);
        if (q.Speaker is { Start: { } s, End: { } e }) Assert.Equal(q.Speaker.Text, text[s..e]);
    }

    // ---- direct quotes ----

    [Fact]
    public void Direct_with_pronoun_speaker_before_the_quote()
    {
        const string text = "Russian President Vladimir Putin met the press in the evening. He added, “We will keep talking to every side until the guns fall silent.”";
        var q = One(text);
        Assert.Equal("direct", q.Kind);
        Assert.Equal("Vladimir Putin", q.Speaker?.Name);
        Assert.Equal("He", q.Speaker?.Text);
        Assert.Equal("added", q.Cue);
        Assert.StartsWith("We will keep talking", q.Text);
        Assert.Equal(1, q.Sentence);
        AssertOffsets(text, q);
    }

    [Fact]
    public void Direct_with_speaker_after_the_quote()
    {
        const string text = "“The border must be secured before anything else,” Putin told a joint news conference with his guest.";
        var q = One(text);
        Assert.Equal("direct", q.Kind);
        Assert.Equal("Vladimir Putin", q.Speaker?.Name);
        Assert.Equal("RUSGOV", q.Speaker?.Code);
        Assert.Equal("told", q.Cue);
        Assert.Equal("The border must be secured before anything else", q.Text);
        AssertOffsets(text, q);
    }

    [Fact]
    public void Direct_with_colon_and_straight_marks()
    {
        const string text = "Russian Foreign Minister Sergei Lavrov spoke to a newspaper. Lavrov stated: \"The talks cannot go on without a timetable.\"";
        var q = One(text);
        Assert.Equal("direct", q.Kind);
        Assert.Equal("Sergei Lavrov", q.Speaker?.Name);
        Assert.Equal("stated", q.Cue);
        Assert.StartsWith("The talks cannot go on", q.Text);
    }

    [Fact]
    public void Direct_from_an_institution_is_reported_as_written()
    {
        const string text = "“The two presidents agreed to stay in close contact,” the Kremlin said.";
        var q = One(text);
        Assert.Equal("direct", q.Kind);
        Assert.Equal("Kremlin", q.Speaker?.Name);
        Assert.Equal("RUS", q.Speaker?.Country);
        Assert.Equal("the Kremlin", q.Speaker?.Text);
    }

    [Fact]
    public void Direct_with_inverted_verb_first_frame()
    {
        const string text = "“Nobody wants another war in the region,” said Turkish President Recep Tayyip Erdogan.";
        var q = One(text);
        Assert.Equal("Recep Tayyip Erdogan", q.Speaker?.Name);
        Assert.Equal("said", q.Cue);
    }

    [Fact]
    public void Guillemets_and_single_curly_marks_are_quotes()
    {
        var a = One("Lavrov said: «We are ready to meet in Geneva next month.»");
        Assert.Equal("direct", a.Kind);
        Assert.StartsWith("We are ready to meet", a.Text);
        var b = One("‘There is no military solution,’ Putin said after the meeting.");
        Assert.Equal("There is no military solution", b.Text);
        Assert.Equal("Vladimir Putin", b.Speaker?.Name);
    }

    [Fact]
    public void Apostrophes_are_not_quote_marks()
    {
        var q = One("Turkey’s president said the officials’ plan wasn’t ready and Ankara's envoys would return.");
        Assert.Equal("indirect", q.Kind);
        Assert.StartsWith("the officials’ plan wasn’t ready", q.Text);
    }

    [Fact]
    public void Unbalanced_quote_runs_to_the_end_of_its_paragraph()
    {
        const string text = "Lavrov said, “We expect the guarantors to meet again before summer and we will attend.\n\nThe ministry gave no date.";
        var q = One(text);
        Assert.Equal("direct", q.Kind);
        Assert.Equal("Sergei Lavrov", q.Speaker?.Name);
        Assert.EndsWith("we will attend.", q.Text);
        Assert.DoesNotContain("ministry", q.Text);
    }

    [Fact]
    public void Multi_paragraph_quote_is_one_quote_with_the_first_paragraphs_speaker()
    {
        const string text = "Putin described the plan at length. He said, “First, the ceasefire must hold in every province.\n\n" +
                            "“Second, the refugees must be able to come home safely.\n\n" +
                            "“Third, the constitution talks must resume in Geneva.”\n\nThe Turkish side did not comment.";
        var quotes = Quotes(text);
        var q = Assert.Single(quotes);
        Assert.Equal("Vladimir Putin", q.Speaker?.Name);
        Assert.StartsWith("First, the ceasefire", q.Text);
        Assert.EndsWith("resume in Geneva.", q.Text);
        AssertOffsets(text, q);
    }

    [Fact]
    public void Quote_that_is_a_sentence_of_its_own_takes_the_previous_quotes_speaker()
    {
        const string text = "“We have done our part,” Erdogan said. “Now it is time for Damascus to do its part.”";
        var quotes = Quotes(text);
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Recep Tayyip Erdogan", q.Speaker?.Name));
        Assert.True(quotes[1].Confidence < quotes[0].Confidence);
    }

    [Fact]
    public void Participle_after_a_quote_keeps_the_main_speaker()
    {
        const string text = "Security in the north is “our first concern,” he also said, adding: “We will not wait forever.”";
        var record = Run("Turkish President Recep Tayyip Erdogan spoke after prayers. " + text);
        Assert.Equal(2, record.Quotes.Count);
        Assert.All(record.Quotes, q => Assert.Equal("Recep Tayyip Erdogan", q.Speaker?.Name));
        Assert.Equal("mixed", record.Quotes[0].Kind);
        Assert.Equal("direct", record.Quotes[1].Kind);
        Assert.Equal("adding", record.Quotes[1].Cue);
    }

    // ---- reported speech ----

    [Fact]
    public void Reported_speech_with_that()
    {
        const string text = "Putin said that the offensive would stop once the militants left the city.";
        var q = One(text);
        Assert.Equal("indirect", q.Kind);
        Assert.Equal("the offensive would stop once the militants left the city", q.Text);
        Assert.Equal("said", q.Cue);
        AssertOffsets(text, q);
    }

    [Theory]
    [InlineData("Lavrov emphasized that dialogue remained the only path.", "emphasized")]
    [InlineData("Lavrov warned that any incursion would be met with force.", "warned")]
    [InlineData("Lavrov insisted the deal was still alive.", "insisted")]
    [InlineData("Lavrov underscored the need for a lasting ceasefire in the north.", "underscored")]
    [InlineData("Lavrov on Monday stressed that the guarantors were united.", "stressed")]
    [InlineData("Lavrov said on March 3 that the guarantors were united.", "said")]
    [InlineData("Lavrov said in a statement on Monday that the guarantors were united.", "said")]
    public void Reporting_verbs_attribute_to_their_subject(string sentence, string cue)
    {
        var q = One("Russian Foreign Minister Sergei Lavrov arrived in Ankara. " + sentence);
        Assert.Equal("Sergei Lavrov", q.Speaker?.Name);
        Assert.Equal(cue, q.Cue);
        Assert.Equal("indirect", q.Kind);
    }

    [Fact]
    public void According_to_before_and_after_the_content()
    {
        var a = One("According to the Kremlin, the two leaders will meet again in the spring.");
        Assert.Equal("Kremlin", a.Speaker?.Name);
        Assert.Equal("the two leaders will meet again in the spring", a.Text);
        var b = One("Ankara must rein in the armed groups it backs, according to a Kremlin statement.");
        Assert.Equal("Kremlin", b.Speaker?.Name);
        Assert.Equal("Ankara must rein in the armed groups it backs", b.Text);
    }

    [Fact]
    public void According_to_around_a_reported_verb_yields_the_inner_speaker()
    {
        var q = One("According to his office, Erdogan said that Turkey wanted a fair settlement.");
        Assert.Equal("Recep Tayyip Erdogan", q.Speaker?.Name);
        Assert.Equal("Turkey wanted a fair settlement", q.Text);
    }

    [Fact]
    public void Inverted_reported_speech_without_marks()
    {
        var q = One("The next round will open in Astana in July, the Kazakh foreign ministry said.");
        Assert.Equal("The next round will open in Astana in July", q.Text);
        Assert.Equal("said", q.Cue);
        Assert.Contains("ministry", q.Speaker?.Text);
    }

    [Fact]
    public void Possessive_speech_noun()
    {
        var q = One("The talks followed Deputy Foreign Minister Mikhail Bogdanov’s confirmation of fresh efforts to draft a joint plan, diplomats said nothing more.");
        Assert.Equal("Mikhail Bogdanov", q.Speaker?.Name);
        Assert.Equal("confirmation", q.Cue);
        Assert.StartsWith("fresh efforts to draft a joint plan", q.Text);
    }

    [Fact]
    public void Headline_attribution_is_a_title_quote()
    {
        var record = Run("Turkish Foreign Minister Hakan Fidan visited Baghdad on Tuesday. The visit lasted two days.",
            title: "Fidan: Water Deal With Iraq Is Within Reach");
        var q = Assert.Single(record.Quotes);
        Assert.Equal("title", q.Where);
        Assert.Equal(-1, q.Sentence);
        Assert.Equal("Hakan Fidan", q.Speaker?.Name);
        Assert.Equal("Water Deal With Iraq Is Within Reach", q.Text);
        Assert.Equal(q.Text, record.Title![q.Start..q.End]);
    }

    // ---- mixed quotes and scare quotes ----

    [Fact]
    public void Partial_quote_inside_reported_speech_is_mixed()
    {
        const string text = "Putin said that more was needed to “clear the last pockets of resistance” near the border.";
        var q = One(text);
        Assert.Equal("mixed", q.Kind);
        Assert.Equal("Vladimir Putin", q.Speaker?.Name);
        Assert.Contains("clear the last pockets of resistance", q.Text);
    }

    [Fact]
    public void Scare_quotes_and_titles_are_not_quotes()
    {
        Assert.Empty(Quotes("Erdogan gave an interview to the newspaper “Milliyet” before leaving for Brussels."));
        Assert.Empty(Quotes("Ankara wants a so-called “buffer zone” along the frontier."));
        Assert.Empty(Quotes("Putin and Erdogan called each other “old friend” at the start of the meeting."));
    }

    // ---- speakers ----

    [Fact]
    public void Role_nominal_and_it_speakers_resolve_through_the_actors_stage()
    {
        var a = Run("Russian Foreign Minister Sergei Lavrov landed in Doha. The Russian minister said that the guarantors would meet soon.");
        Assert.Equal("Sergei Lavrov", Assert.Single(a.Quotes).Speaker?.Name);
        var b = Run("The Turkish Presidency Communications Directorate issued a statement. “The president stressed the value of diplomacy,” it said.");
        Assert.Equal("Turkish Presidency Communications Directorate", Assert.Single(b.Quotes).Speaker?.Name);
    }

    [Fact]
    public void Unknown_speakers_are_reported_unresolved_with_low_confidence()
    {
        var q = One("“The convoy was stopped twice,” a local official said.");
        Assert.Null(q.Speaker?.Name);
        Assert.Equal("a local official", q.Speaker?.Text);
        Assert.True(q.Confidence <= 0.5);
    }

    [Fact]
    public void Coordinated_content_with_its_own_speaker_is_split()
    {
        var quotes = Quotes("Erdogan said that the plan was agreed, but Putin stressed that the details were still open.");
        Assert.Equal(2, quotes.Count);
        Assert.Equal("Recep Tayyip Erdogan", quotes[0].Speaker?.Name);
        Assert.Equal("the plan was agreed", quotes[0].Text);
        Assert.Equal("Vladimir Putin", quotes[1].Speaker?.Name);
    }

    [Fact]
    public void Noun_uses_of_verb_forms_are_not_cues()
    {
        Assert.Empty(Quotes("Putin’s remarks drew criticism across Europe."));
        Assert.Empty(Quotes("The statements were published on the ministry website."));
    }

    [Fact]
    public void Empty_and_quote_free_text_yield_nothing()
    {
        Assert.Empty(Quotes(""));
        Assert.Empty(Quotes("The convoy reached Idlib before dawn."));
        Assert.Empty(Quotes("“”  \" ' ‘"));
    }

    [Fact]
    public void Parenthetical_between_speaker_and_verb()
    {
        var q = One("Lavrov, for his part, said the return of refugees and the political process had to move together.");
        Assert.Equal("Sergei Lavrov", q.Speaker?.Name);
        Assert.StartsWith("the return of refugees", q.Text);
    }

    [Fact]
    public void Labelled_paragraphs_need_an_actor_or_a_transcript_label()
    {
        var quotes = Quotes("Related: Ceasefire talks resume in Doha after a pause\n\nLavrov: The Guarantors Will Meet Again in Astana\n\nPUTIN: We have no objection to the meeting at all.");
        Assert.Equal(2, quotes.Count);
        Assert.Equal("Sergei Lavrov", quotes[0].Speaker?.Name);
        Assert.Equal("PUTIN", quotes[1].Speaker?.Text);
    }

    [Fact]
    public void Doubled_apostrophes_and_a_frame_between_two_halves()
    {
        const string text = "''The corridor stays open,'' Mr. Lavrov said, ''and we expect the others to keep it that way.''";
        var q = One(text);
        Assert.Equal("direct", q.Kind);
        Assert.Equal("Sergei Lavrov", q.Speaker?.Name);
        Assert.Equal("Mr. Lavrov", q.Speaker?.Text);
        Assert.StartsWith("The corridor stays open", q.Text);
        Assert.EndsWith("keep it that way.", q.Text);
        AssertOffsets(text, q);
    }

    [Fact]
    public void Frame_in_the_middle_of_reported_speech()
    {
        var q = One("Otherwise, Lavrov said, the guarantors would have to find another venue.");
        Assert.Equal("Sergei Lavrov", q.Speaker?.Name);
        Assert.StartsWith("Otherwise", q.Text);
        Assert.EndsWith("another venue", q.Text);
    }

    [Fact]
    public void Long_apposition_and_however_between_verb_and_content()
    {
        var q = One("Putin, who had hosted the talks at his residence on the Black Sea coast for two days, said, however, that no deal was ready.");
        Assert.Equal("Vladimir Putin", q.Speaker?.Name);
        Assert.Equal("no deal was ready", q.Text);
    }
}
