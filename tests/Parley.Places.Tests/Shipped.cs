using Parley.Core;
using Parley.Pipeline;

namespace Parley.Places.Tests;

/// <summary>The shipped gazetteer and a full pipeline, built once for the tests that read sentences.</summary>
static class Shipped
{
    static readonly Lazy<PlaceGazetteer> LazyGazetteer = new(() => PlaceGazetteer.Load());
    static readonly Lazy<ArticlePipeline> LazyPipeline = new(() => ArticlePipeline.Build());

    public static PlaceGazetteer Gazetteer => LazyGazetteer.Value;
    public static ArticlePipeline Pipeline => LazyPipeline.Value;

    /// <summary>Places of a text after sentences and actors, as the pipeline finds them.</summary>
    public static List<PlaceMention> Places(string text) => Pipeline.Annotate("t", text, "2024-05-01").Places;

    /// <summary>Places of a text from the gazetteer alone (no actors stage).</summary>
    public static List<PlaceMention> PlacesWithoutActors(string text) =>
        Gazetteer.Find(text, Pipeline.Sentences(text));
}
