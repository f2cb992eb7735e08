using Parley.Core;
using Parley.Eval.Gold;
using Parley.Ingest;
using Parley.Pipeline;
using Parley.TestSupport;
using Xunit.Abstractions;

namespace Parley.Process.Tests;

/// <summary>Issue 6 acceptance over the five seed articles (../shared): formats, rounds, members, the Kazakh proposal, positions.</summary>
public class SeedsAcceptanceTests(ITestOutputHelper output)
{
    static List<ArticleRecord> Seeds()
    {
        var gold = GoldFile.Load(SharedData.PathOf("gold/seeds.gold.json"));
        var published = gold.Documents.Where(d => d.Published is not null).ToDictionary(d => d.Doc, d => d.Published!);
        var pipeline = ArticlePipeline.Build(new PipelineOptions { PublishedByFile = published });
        return gold.Documents.Select(d =>
        {
            var path = SharedData.PathOf(Path.Combine("seeds", d.Doc));
            return pipeline.Process(new RawDocument { Id = Path.GetFileNameWithoutExtension(d.Doc), Source = path, Text = File.ReadAllText(path) });
        }).ToList();
    }

    static string SentenceOf(ArticleRecord r, int s) => r.Text[r.Sentences[s].Start..r.Sentences[s].End];

    [SharedFact]
    public void Seeds_give_the_process_facts_of_issue_6()
    {
        var seeds = Seeds();
        foreach (var r in seeds)
        {
            Assert.DoesNotContain(r.Errors, e => e.Contains(" failed: "));
            foreach (var f in r.Formats ?? []) output.WriteLine($"{r.Id} {f.Format}: {f.Mentions.Count} mentions, rounds {string.Join(",", f.Rounds?.Select(x => $"{x.Number}@{x.Date}") ?? [])}, " +
                                                                 $"members {f.Members?.Count ?? 0}, facts {string.Join(",", f.Facts?.Select(x => x.Kind) ?? [])}, events {f.Events.Count}+{f.InferredEvents?.Count ?? 0}");
            output.WriteLine($"{r.Id}: {Run.Describe(r.Positions ?? [])}");
        }
        var astana = seeds.SelectMany(r => (r.Formats ?? []).Where(f => f.Format == "ASTANA").Select(f => (r, f))).ToList();

        // the Astana format with guarantors RUS, TUR, IRN and observers including the UN, Jordan, Lebanon and Iraq, each with evidence
        var members = astana.SelectMany(x => (x.f.Members ?? []).Select(m => (x.r, m))).ToList();
        Assert.Equal(["IRN", "RUS", "TUR"], members.Where(x => x.m.Role == "guarantor").Select(x => x.m.Actor.Country!).Distinct().Order());
        var observers = members.Where(x => x.m.Role == "observer").Select(x => x.m.Actor.Country ?? x.m.Actor.Name!).ToHashSet();
        Assert.Superset(new HashSet<string> { "United Nations", "JOR", "LBN", "IRQ" }, observers);
        foreach (var (r, m) in members)
        {
            Assert.Contains(m.Role == "guarantor" ? "guarantor" : "observers", SentenceOf(r, m.Sentence));
            Assert.True(r.Actors.Single(a => a.Id == m.Actor.Actor).Mentions.Any(x => x.Start == m.Start) || r.Text[m.Start..m.End].Contains(m.Actor.Name!));
        }

        // the 20th round in June 2023, with its evidence
        var twentieth = astana.SelectMany(x => (x.f.Rounds ?? []).Where(n => n.Number == 20).Select(n => (x.r, n))).ToList();
        Assert.Equal(2, twentieth.Count);
        Assert.All(twentieth, x => Assert.StartsWith("2023-06", x.n.Date));
        Assert.Contains(twentieth, x => SentenceOf(x.r, x.n.Sentence).Contains("20th round of Astana talks"));
        Assert.Contains(astana, x => x.f.Rounds?.Any(n => n.Number == 21) == true);

        // the Kazakh proposal to end the talks: a fact of the format, by Kazakhstan, June 2023, linked to its event
        var end = astana.SelectMany(x => (x.f.Facts ?? []).Where(k => k.Kind == "end-proposed").Select(k => (x.r, x.f, k))).Single();
        Assert.Equal(("KAZ", "2023-06"), (end.k.Actor?.Country, end.k.Date));
        Assert.NotNull(end.k.Event);
        Assert.Contains(end.k.Event!, end.f.Events);
        Assert.Equal("REQUEST", end.r.Events.Single(e => e.Id == end.k.Event).Type);

        // Syria demands Turkish withdrawal as a prerequisite; Turkey rejects it without border security
        var positions = seeds.SelectMany(r => (r.Positions ?? []).Select(p => (r, p))).ToList();
        var syria = positions.Where(x => x.p.Actor.Country == "SYR" && x.p.Issue == "troop-withdrawal" && x.p.Stance == "supports").ToList();
        Assert.Contains(syria, x => x.p.Cue == "prerequisite" && x.p.Targets?.Contains("TUR") == true && x.p.Quote is not null
                                    && SentenceOf(x.r, x.p.Sentence).Contains("absolute prerequisite"));
        Assert.Contains(positions, x => x.p.Actor.Country == "SYR" && x.p.Issue == "normalisation" && x.p.Stance == "conditions" && x.p.Condition?.Issue == "troop-withdrawal");
        var turkey = positions.Single(x => x.p.Actor.Country == "TUR" && x.p.Issue == "troop-withdrawal" && x.p.Stance == "conditions");
        Assert.Equal("border-security", turkey.p.Condition?.Issue);
        Assert.Contains("inconceivable", SentenceOf(turkey.r, turkey.p.Sentence));
        Assert.Equal("Yasar Guler", turkey.p.Actor.Name);
        foreach (var (r, p) in positions)
        {
            Assert.True(p.Start >= r.Sentences[p.Sentence].Start && p.End <= r.Sentences[p.Sentence].End, $"{r.Id}: position outside its sentence");
            Assert.NotNull(p.Date);
        }

        // the Putin-Erdogan meetings of 2019-01-23 (Moscow), 2023-09-04 (Sochi) and the 2024-12-03 phone call: distinct events
        var meetings = seeds.SelectMany(r => r.Events).Where(e => e.Type == "CONSULT" && e.Source.Concat(e.Target).Select(a => a.Country).Order().SequenceEqual(["RUS", "TUR"]))
            .Select(e => (e.Date, e.Location?.Name, e.Mode)).ToList();
        Assert.Contains(("2019-01-23", "Moscow", (string?)null), meetings);
        Assert.Contains(meetings, m => m.Date == "2023-09-04" && m.Name == "Sochi");
        Assert.Contains(meetings, m => m.Date == "2024-12-03" && m.Mode == "phone");
    }
}
