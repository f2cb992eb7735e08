using System.Text.Json;
using Parley.Core;
using Parley.Ingest;
using Parley.Pipeline;
using Parley.TestSupport;
using Xunit.Abstractions;

namespace Parley.Actors.Tests;

/// <summary>
/// The five seed articles (read from ../shared at run time) through the pipeline;
/// the speakers of the gold quotes must resolve to the gold's canonical names.
/// </summary>
public abstract class SeedsAcceptanceTests(ITestOutputHelper output, Lazy<ArticlePipeline> pipeline)
{
    ArticleRecord Run(string prefix)
    {
        var seeds = SharedData.PathOf("seeds");
        var path = Directory.GetFiles(seeds, prefix + "_*.txt").Single();
        using var gold = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("gold/seeds.gold.json")));
        var published = gold.RootElement.GetProperty("documents").EnumerateArray()
            .First(d => d.GetProperty("doc").GetString() == Path.GetFileName(path)).GetProperty("published").GetString();
        return pipeline.Value.Process(new RawDocument { Id = prefix, Source = path, Text = File.ReadAllText(path), Published = published });
    }

    /// <summary>The actor with a mention of <paramref name="mention"/> at its place inside the unique <paramref name="context"/>.</summary>
    ActorRecord At(ArticleRecord r, string context, string mention)
    {
        var at = r.Text.IndexOf(context, StringComparison.Ordinal);
        Assert.True(at >= 0, $"context not in the text: {context}");
        var start = at + context.IndexOf(mention, StringComparison.Ordinal);
        var actor = r.Actors.FirstOrDefault(a => a.Mentions.Any(m => m.Start == start && m.Text == mention));
        if (actor is null)
        {
            foreach (var a in r.Actors)
                output.WriteLine($"{a.Id} {a.Name} {a.Code} {a.Country} [{string.Join(", ", a.Mentions.Select(m => $"{m.Start}:{m.Text}" + (m.Via is null ? "" : "/" + m.Via)))}]");
            Assert.Fail($"no actor mention '{mention}' at {start} in '{context}'");
        }
        return actor!;
    }

    void Is(ActorRecord a, string name, string? code = null, string? country = null)
    {
        Assert.Equal(name, a.Name);
        if (code is not null) Assert.Equal(code, a.Code);
        if (country is not null) Assert.Equal(country, a.Country);
    }

    [SharedFact]
    public void Seed_000_putin_erdogan_sochi()
    {
        var r = Run("000");
        Is(At(r, "He stated, “Our", "He"), "Vladimir Putin", "RUSGOV", "RUS");
        Is(At(r, "He added, “We", "He"), "Vladimir Putin");
        Is(At(r, "his Turkish counterpart, Recep", "Turkish counterpart"), "Recep Tayyip Erdogan", "TURGOV", "TUR");
        Is(At(r, "Turkish Defense Minister Yasar Guler previously", "Turkish Defense Minister Yasar Guler"), "Yasar Guler", "TURMIL", "TUR");
        Is(At(r, "President Assad expressed", "President Assad"), "Bashar al-Assad", "SYRGOV", "SYR");
        Is(At(r, "Iranian Foreign Minister Hossein Amir-Abdollahian", "Iranian Foreign Minister Hossein Amir-Abdollahian"), "Hossein Amir-Abdollahian", "IRNGOV", "IRN");
        Is(At(r, "Mekdad, Amir-Abdollahian stated", "Amir-Abdollahian"), "Hossein Amir-Abdollahian");
        Is(At(r, "He also noted", "He"), "Hossein Amir-Abdollahian");
        Is(At(r, "the Syrian side maintains", "the Syrian side"), "Syria");
        Is(At(r, "his Russian counterpart, Sergey Lavrov", "Russian counterpart"), "Sergei Lavrov", "RUSGOV");
    }

    [SharedFact]
    public void Seed_001_lavrov_interview()
    {
        var r = Run("001");
        Is(At(r, "Russian Foreign Minister Sergei Lavrov emphasized", "Russian Foreign Minister Sergei Lavrov"), "Sergei Lavrov", "RUSGOV", "RUS");
        Is(At(r, "Lavrov stated:", "Lavrov"), "Sergei Lavrov");
        Is(At(r, "He added: \"In Turkey", "He"), "Sergei Lavrov");
        Is(At(r, "The Russian minister declared", "The Russian minister"), "Sergei Lavrov");
        Is(At(r, "noting that he had asked", "he"), "Recep Tayyip Erdogan");
        var both = At(r, "from both capitals", "both capitals");
        Assert.Equal(["Syria", "Turkey"], both.Members!.Select(id => r.Actors.Single(a => a.Id == id).Name).Order());
    }

    [SharedFact]
    public void Seed_002_phone_call()
    {
        var r = Run("002");
        Is(At(r, "\" it said.", "it"), "Turkish Presidency Communications Directorate", "TURGOV");
        Is(At(r, "the Kremlin said", "the Kremlin"), "Russia");
        Is(At(r, "his Turkish counterpart Recep Tayyip Erdogan in a telephone", "Turkish counterpart"), "Recep Tayyip Erdogan");
    }

    [SharedFact]
    public void Seed_003_foreign_ministers()
    {
        var r = Run("003");
        Is(At(r, "Turkish Foreign Minister Mevlut Cavusoglu emphasized", "Turkish Foreign Minister Mevlut Cavusoglu"), "Mevlut Cavusoglu", "TURGOV", "TUR");
        Is(At(r, "Russian Foreign Minister Sergey Lavrov", "Russian Foreign Minister Sergey Lavrov"), "Sergei Lavrov", "RUSGOV");
        Is(At(r, "Foreign Minister Faisal al-Mekdad expressed", "Foreign Minister Faisal al-Mekdad"), "Faisal Mekdad", "SYRGOV", "SYR");
        Is(At(r, "Mekdad emphasized", "Mekdad"), "Faisal Mekdad");
        Is(At(r, "Turkish Defense Minister Hulusi Akar confirmed", "Turkish Defense Minister Hulusi Akar"), "Hulusi Akar", "TURMIL", "TUR");
        var bogdanov = At(r, "Deputy Foreign Minister Mikhail Bogdanov", "Deputy Foreign Minister Mikhail Bogdanov");
        Assert.Equal(("Mikhail Bogdanov", "person"), (bogdanov.Name, bogdanov.Kind));
    }

    [SharedFact]
    public void Seed_004_moscow_meeting()
    {
        var r = Run("004");
        Is(At(r, "with his Turkish counterpart in Moscow", "Turkish counterpart"), "Recep Tayyip Erdogan", "TURGOV");
        var pair = At(r, "said the two leaders discussed", "the two leaders");
        Assert.Equal(["Recep Tayyip Erdogan", "Vladimir Putin"], pair.Members!.Select(id => r.Actors.Single(a => a.Id == id).Name).Order());
        Is(At(r, "Russia’s Foreign Ministry warned", "Russia’s Foreign Ministry"), "Russian Foreign Ministry", "RUSGOV");
        Is(At(r, "He didn't provide", "He"), "Vladimir Putin");
        Is(At(r, ",\" he also said", "he"), "Recep Tayyip Erdogan", "TURGOV", "TUR");
        Is(At(r, "The Turkish leader said", "The Turkish leader"), "Recep Tayyip Erdogan");
        Is(At(r, "Russian Foreign Minister Sergei Lavrov last week", "Russian Foreign Minister Sergei Lavrov"), "Sergei Lavrov");
        Is(At(r, "by Foreign Minister Mevlut Cavusoglu", "Foreign Minister Mevlut Cavusoglu"), "Mevlut Cavusoglu", "TURGOV");
        Is(At(r, "and Defense Minister Hulusi Akar", "Defense Minister Hulusi Akar"), "Hulusi Akar", "TURMIL");
        Is(At(r, "U.S. President Donald Trump", "U.S. President Donald Trump"), "Donald Trump", "USAGOV", "USA");
    }

    /// <summary>Prints every seed's actors (run with --logger "console;verbosity=detailed" to read them).</summary>
    [SharedFact]
    public void Seed_actors_listing()
    {
        foreach (var prefix in new[] { "000", "001", "002", "003", "004" })
        {
            var r = Run(prefix);
            output.WriteLine($"== {prefix} ({r.Published})");
            foreach (var a in r.Actors)
                output.WriteLine($"{a.Id} {a.Name} | {a.Kind} {a.Code} {a.Country} {a.Role}" + (a.Members is null ? "" : " members " + string.Join(",", a.Members)) +
                                 $" [{string.Join(", ", a.Mentions.Select(m => m.Text + (m.Via is null ? "" : "/" + m.Via)))}]");
            Assert.All(r.Actors, a => Assert.All(a.Mentions, m => Assert.Equal(m.Text, r.Text[m.Start..m.End])));
        }
    }
}

/// <summary>The seeds with the small knowledge base written for the tests.</summary>
public sealed class SeedsWithTestKnowledge(ITestOutputHelper output) : SeedsAcceptanceTests(output, Pipeline)
{
    static readonly Lazy<ArticlePipeline> Pipeline = new(() => ArticlePipeline.Build(new PipelineOptions(), TestKb.Engine));
}

/// <summary>The seeds with the shipped knowledge base (knowledge/actors), as users run them.</summary>
public sealed class SeedsWithShippedKnowledge(ITestOutputHelper output) : SeedsAcceptanceTests(output, Pipeline)
{
    static readonly Lazy<ArticlePipeline> Pipeline = new(() => ArticlePipeline.Build(new PipelineOptions()));
}
