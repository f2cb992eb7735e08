using Parley.Actors;
using Parley.Core;
using Parley.Events;
using Parley.Ingest;
using Parley.Ingest.Cleaning;
using Parley.Ingest.Html;
using Parley.Ingest.Metadata;
using Parley.Places;
using Parley.ProcessLayer;
using Parley.Quotes;
using Parley.Text;
using Parley.Time;

namespace Parley.Pipeline;

/// <summary>
/// The article pipeline: RawDocument → clean (text or HTML) → metadata → sentences → ArticleRecord.
/// Built once (knowledge loaded, tables compiled), then reused for any number of documents;
/// it holds no per-document state, so one instance may serve several threads.
/// </summary>
public sealed class ArticlePipeline
{
    readonly TextCleaner _textCleaner;
    readonly HtmlExtractor _htmlExtractor;
    readonly SentenceSplitter _sentences;
    readonly TimeTagger _time;
    readonly ActorEngine _actors;
    readonly PlaceGazetteer _places;
    readonly QuoteExtractor _quotes;
    readonly EventCoder _events;
    readonly FormatTagger _formats;
    readonly PositionTagger _positions;
    readonly PipelineOptions _options;

    ArticlePipeline(ActorEngine actors, PipelineOptions options)
    {
        _textCleaner = TextCleaner.Load();
        _htmlExtractor = HtmlExtractor.Load();
        _sentences = SentenceSplitter.Load();
        _time = TimeTagger.Load();
        _actors = actors;
        _places = PlaceGazetteer.Load(options.PlacesDirectories);
        _quotes = QuoteExtractor.Load(actors.Knowledge.Countries.Values.Select(c => c.Capital).OfType<string>());
        _events = EventCoder.Load(actors.Knowledge);
        var process = Parley.ProcessLayer.Knowledge.ProcessKnowledge.Load(actors.Knowledge);
        _formats = new FormatTagger(process);
        _positions = new PositionTagger(process);
        _options = options;
    }

    /// <summary>The default pipeline: shipped knowledge, plus the options' user actor files and dictionaries.</summary>
    public static ArticlePipeline Build(PipelineOptions? options = null)
    {
        options ??= new PipelineOptions();
        return Build(options, ActorEngine.LoadDefault(options.ActorsDirectories, options.ActorsDictionaries));
    }

    /// <summary>A pipeline with a given actors engine (tests, benchmarks, other knowledge bases).</summary>
    public static ArticlePipeline Build(PipelineOptions? options, ActorEngine actors) => new(actors, options ?? new PipelineOptions());

    /// <summary>The actors engine of this pipeline (knowledge lookups: people, roles at a date).</summary>
    public ActorEngine ActorEngine => _actors;

    public ArticleRecord Process(RawDocument doc)
    {
        var record = new ArticleRecord { Id = doc.Id, Source = doc.Source, ContentHash = doc.ContentHash, Url = doc.Url };
        record.Errors.AddRange(doc.Errors);
        if (!doc.HasContent)
        {
            if (record.Errors.Count == 0) record.Errors.Add("empty input: no text to extract");
            ApplyMetadata(record, doc, null);
            return record;
        }
        CleanedArticle cleaned;
        try
        {
            cleaned = Clean(doc);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            record.Errors.Add($"cleaning failed: {ex.GetType().Name}: {ex.Message}");
            ApplyMetadata(record, doc, null);
            return record;
        }
        ApplyMetadata(record, doc, cleaned);
        record.Text = string.Join("\n\n", cleaned.Paragraphs);
        record.Subtitle = cleaned.Subtitle;
        record.Captions.AddRange(cleaned.Captions);
        record.Removed.AddRange(cleaned.Removed);
        record.Errors.AddRange(cleaned.Errors);
        record.Sentences = _sentences.Split(record.Text);
        if (record.Text.Length == 0) record.Errors.Add("no article body found");
        else
        {
            Annotate(record);
        }
        return record;
    }

    /// <summary>
    /// The stages after cleaning, on text as given (offsets stay the caller's): sentences, time, actors, places, quotes.
    /// Used for corpora whose annotations point into the raw text (PolNeAR).
    /// </summary>
    public ArticleRecord Annotate(string id, string text, string? published, string? title = null)
    {
        var record = new ArticleRecord { Id = id, Source = id, Text = text, Published = published, Title = title };
        record.Sentences = _sentences.Split(text);
        Annotate(record);
        return record;
    }

    void Annotate(ArticleRecord record)
    {
        Stage(record, "time", r => r.Timexes = _time.Tag(r.Text, r.Sentences, r.Published));
        if (!Stage(record, "actors", r => r.Actors = Actors(r.Text, r.Sentences, r.Published))) return;
        Stage(record, "places", r => r.Places = Places(r.Text, r.Sentences, r.Actors));
        Stage(record, "quotes", r => r.Quotes = Quotes(new QuoteInput(r.Text, r.Sentences, r.Actors, r.Title)));
        Stage(record, "events", r => r.Events = Events(new EventInput(r.Text, r.Sentences, r.Actors, r.Timexes, r.Places, r.Published, r.Title, r.Captions)
        {
            ResolveExtra = s => Actors(s, Sentences(s), r.Published),
        }));
        Stage(record, "formats", r => r.Formats = NullIfEmpty(_formats.Tag(new FormatInput(r.Text, r.Sentences, r.Actors, r.Events, r.Timexes, r.Places, r.Quotes, r.Published))));
        Stage(record, "positions", r => r.Positions = NullIfEmpty(_positions.Tag(new PositionInput(r.Text, r.Sentences, r.Actors, r.Quotes, r.Events, r.Timexes, r.Published))
            .ApplyIssues(r.Quotes, r.Events)));
    }

    /// <summary>Runs one stage; a failure becomes the record's error ("quotes failed: …") and the article goes on.</summary>
    static bool Stage(ArticleRecord record, string name, Action<ArticleRecord> run)
    {
        try
        {
            run(record);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            record.Errors.Add($"{name} failed: {ex.GetType().Name}: {ex.Message}");
            return false;
        }
    }

    /// <summary>The cleaning stage alone: HTML goes to the main-content extractor, text to the line cleaner.</summary>
    public CleanedArticle Clean(RawDocument doc) =>
        doc.Html is { Length: > 0 } html
            ? _htmlExtractor.Extract(html, doc.Url)
            : _textCleaner.Clean(doc.Text ?? "", doc.Title);

    /// <summary>The time stage alone: time expressions, anchored on the publication date.</summary>
    public List<TimexRecord> Time(string text, IReadOnlyList<TextSpan> sentences, string? published) =>
        _time.Tag(text, sentences, published);

    /// <summary>The actors stage alone: actors and their mentions in the text, roles at the publication date.</summary>
    public List<ActorRecord> Actors(string text, IReadOnlyList<TextSpan> sentences, string? published) =>
        _actors.Resolve(text, sentences, published);

    /// <summary>The places stage alone: place mentions, told from governments by the actors' mentions.</summary>
    public List<PlaceMention> Places(string text, IReadOnlyList<TextSpan> sentences, IReadOnlyList<ActorRecord>? actors) =>
        _places.Find(text, sentences, actors);

    /// <summary>The quotes stage alone: attributed statements with speakers resolved to the given actors.</summary>
    public List<QuoteRecord> Quotes(QuoteInput input) => _quotes.Extract(input);

    /// <summary>The events stage alone: PLOVER/CAMEO events with their actors, dates and places.</summary>
    public List<EventRecord> Events(EventInput input) => _events.Code(input);

    /// <summary>The formats stage alone: negotiation formats, rounds and facts.</summary>
    public List<FormatMentionRecord> Formats(FormatInput input) => _formats.Tag(input);

    /// <summary>The positions stage alone: issues, stances and conditions (issues not yet applied to quotes and events).</summary>
    public PositionResult Positions(PositionInput input) => _positions.Tag(input);

    /// <summary>The sentence stage alone.</summary>
    public List<TextSpan> Sentences(string text) => _sentences.Split(text);

    void ApplyMetadata(ArticleRecord record, RawDocument doc, CleanedArticle? cleaned)
    {
        record.Title = NullIfBlank(doc.Title) ?? cleaned?.Title;
        record.Outlet = NullIfBlank(doc.Outlet) ?? cleaned?.Outlet;
        record.Byline = NullIfBlank(doc.Byline) ?? cleaned?.Byline;
        record.Url ??= cleaned?.Url;
        (record.Published, record.PublishedSource) = ResolvePublished(doc, cleaned);
    }

    /// <summary>
    /// Publication date, strongest claim first: a --published-from entry for this file, the input's
    /// own date field, the page's metadata or a dateline in the text, then --published as a fallback.
    /// </summary>
    (string?, string?) ResolvePublished(RawDocument doc, CleanedArticle? cleaned)
    {
        if (_options.PublishedFor(doc) is { } mapped) return (mapped, "argument");
        if (DateNormalizer.Normalize(doc.Published) is { } input) return (input, "input");
        if (cleaned?.Published is { } found) return (found, cleaned.PublishedSource ?? "text");
        if (_options.Published is { } fallback) return (fallback, "argument");
        return (null, null);
    }

    static List<T>? NullIfEmpty<T>(List<T> list) => list.Count == 0 ? null : list;

    static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
