using Parley.Core;
using Parley.Pipeline;

namespace Parley.Process.Tests;

/// <summary>Fixture texts through the whole pipeline (sentences, time, actors, quotes, events, then the process stages).</summary>
public static class Run
{
    static readonly Lazy<ArticlePipeline> Pipeline = new(() => ArticlePipeline.Build());

    public static ArticlePipeline Shared => Pipeline.Value;

    public static ArticleRecord Article(string text, string published = "2024-05-06")
    {
        var r = Pipeline.Value.Annotate("fixture", text, published);
        Assert.DoesNotContain(r.Errors, e => e.Contains(" failed: "));
        return r;
    }

    public static List<PositionRecord> Positions(string text, string published = "2024-05-06") => Article(text, published).Positions ?? [];

    public static FormatMentionRecord Format(ArticleRecord r, string id)
    {
        var f = r.Formats?.FirstOrDefault(x => x.Format == id);
        Assert.True(f is not null, $"no format {id}; found: {string.Join(", ", r.Formats?.Select(x => x.Format) ?? [])}");
        return f!;
    }

    public static string Describe(IEnumerable<PositionRecord> ps) =>
        string.Join("; ", ps.Select(p => $"{p.Actor.Country ?? p.Actor.Name} {p.Issue} {p.Stance}" +
            (p.Condition is { } c ? $" if '{c.Text}'({c.Issue})" : "") + (p.Targets is { } t ? $" [{string.Join(",", t)}]" : "")));

    /// <summary>The one position of an actor's country on an issue, failing with every position listed.</summary>
    public static PositionRecord One(List<PositionRecord> ps, string country, string issue)
    {
        var of = ps.Where(p => p.Actor.Country == country && p.Issue == issue).ToList();
        Assert.True(of.Count == 1, $"expected one {country} position on {issue}, got: {Describe(ps)}");
        return of[0];
    }
}
