using Parley.Core;
using Parley.Text;

namespace Parley.Actors.Tests;

/// <summary>The test knowledge base (tests/Parley.Actors.Tests/kb, written for these tests) and helpers.</summary>
public static class TestKb
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "kb");

    static readonly Lazy<ActorEngine> Lazy = new(() => ActorEngine.Load(Directory));
    public static ActorEngine Engine => Lazy.Value;

    static readonly SentenceSplitter Splitter = SentenceSplitter.Load();

    public static List<ActorRecord> Resolve(string text, string? published = "2024-03-01", ActorEngine? engine = null) =>
        (engine ?? Engine).Resolve(text, Splitter.Split(text), published);

    public static ActorRecord ActorOf(List<ActorRecord> actors, string mentionText) =>
        actors.SingleOrDefault(a => a.Mentions.Any(m => m.Text == mentionText))
        ?? throw new Xunit.Sdk.XunitException($"no actor has a mention '{mentionText}'; actors: " +
            string.Join("; ", actors.Select(a => $"{a.Id} {a.Name} [{string.Join(", ", a.Mentions.Select(m => m.Text + (m.Via is null ? "" : "/" + m.Via)))}]")));

    public static MentionRecord MentionOf(List<ActorRecord> actors, string mentionText) =>
        ActorOf(actors, mentionText).Mentions.First(m => m.Text == mentionText);
}
