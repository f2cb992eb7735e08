using Parley.Actors;
using Parley.Core;
using Parley.Text;

namespace Parley.Events.Tests;

/// <summary>Real inputs for the coder: the shipped actors knowledge base, the sentence splitter, hand-built timexes and places.</summary>
public static class Coding
{
    static readonly Lazy<ActorEngine> Actors = new(() => ActorEngine.LoadDefault());
    static readonly Lazy<EventCoder> Coder = new(() => EventCoder.Load(Actors.Value.Knowledge));
    static readonly SentenceSplitter Splitter = SentenceSplitter.Load();

    public static EventCoder EventCoder => Coder.Value;

    public static EventInput Input(string text, string? published = "2024-05-06", string? title = null, IReadOnlyList<string>? captions = null,
        IReadOnlyList<TimexRecord>? timexes = null, IReadOnlyList<PlaceMention>? places = null, bool resolveExtra = true)
    {
        var sentences = Splitter.Split(text);
        return new EventInput(text, sentences, Actors.Value.Resolve(text, sentences, published), timexes ?? [], places ?? [], published, title, captions ?? [])
        {
            ResolveExtra = resolveExtra ? s => Actors.Value.Resolve(s, Splitter.Split(s), published) : null,
        };
    }

    public static List<EventRecord> Code(string text, string? published = "2024-05-06", string? title = null, IReadOnlyList<string>? captions = null,
        IReadOnlyList<TimexRecord>? timexes = null, IReadOnlyList<PlaceMention>? places = null) =>
        Coder.Value.Code(Input(text, published, title, captions, timexes, places));

    /// <summary>A time expression at the first occurrence of <paramref name="written"/> in the text.</summary>
    public static TimexRecord Timex(string text, string written, string value)
    {
        var at = text.IndexOf(written, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{written}' not in the text");
        return new TimexRecord { Text = written, Value = value, Start = at, End = at + written.Length };
    }

    public static PlaceMention Place(string text, string written, string country, double lat, double lon, string kind = "city")
    {
        var at = text.IndexOf(written, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{written}' not in the text");
        return new PlaceMention { Text = written, Name = written, Start = at, End = at + written.Length, Country = country, Lat = lat, Lon = lon, Kind = kind };
    }

    public static string Sides(EventRecord e) =>
        $"{e.Type} {string.Join(",", e.Source.Select(Country))}>{string.Join(",", e.Target.Select(Country))}";

    static string Country(ActorRef a) => a.Country ?? a.Code ?? "?";

    public static string Describe(IEnumerable<EventRecord> events) =>
        string.Join("; ", events.Select(e => $"{Sides(e)} {e.Cameo} '{e.Trigger}' {e.Modality}{(e.Negated ? " negated" : "")}"));

    /// <summary>The one event of a type, failing with every event listed.</summary>
    public static EventRecord One(List<EventRecord> events, string type)
    {
        var of = events.Where(e => e.Type == type).ToList();
        Assert.True(of.Count == 1, $"expected one {type} event, got: {Describe(events)}");
        return of[0];
    }

    /// <summary>Asserts the events are exactly these "TYPE SRC>TGT" lines (countries in order), in any order.</summary>
    public static void Exactly(List<EventRecord> events, params string[] expected) =>
        Assert.True(events.Select(Sides).Order().SequenceEqual(expected.Order()), $"expected [{string.Join("; ", expected)}], got: {Describe(events)}");
}
