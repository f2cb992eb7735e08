using System.Globalization;

namespace Parley.Eval.Gold;

/// <summary>One score: a value in [0,1] (or a count for <c>must_not_events</c>), null when undefined, and its fraction.</summary>
public sealed record GoldMetric(string Name, double? Value, string Detail)
{
    public override string ToString() =>
        $"{Name,-20} {(Value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a"),6}  {Detail}";
}

/// <summary>Something a document got wrong, for a --verbose listing.</summary>
public sealed record GoldFinding(string Doc, string Kind, string Detail)
{
    public override string ToString() => $"{Doc}: {Kind}: {Detail}";
}

/// <summary>The scores of one evaluation run.</summary>
public sealed class GoldReport
{
    public required IReadOnlyList<GoldMetric> Metrics { get; init; }
    public required IReadOnlyList<GoldFinding> Findings { get; init; }

    /// <summary>The metric of that name; throws when there is none.</summary>
    public GoldMetric this[string name] =>
        Metrics.FirstOrDefault(m => m.Name == name) ?? throw new KeyNotFoundException($"no metric \"{name}\"");

    public override string ToString() => string.Join(Environment.NewLine, Metrics);
}

/// <summary>Metric and finding names.</summary>
public static class GoldMetricNames
{
    public const string BodyIncludes = "body_includes";
    public const string BodyExcludes = "body_excludes";
    public const string Titles = "titles";
    public const string Outlets = "outlets";
    public const string QuotePrecision = "quote_precision";
    public const string QuoteRecall = "quote_recall";
    public const string QuoteF1 = "quote_f1";
    public const string SpeakerAccuracy = "speaker_accuracy";
    public const string EventPrecision = "event_precision";
    public const string EventRecall = "event_recall";
    public const string EventF1 = "event_f1";
    public const string EventDateAccuracy = "event_date_accuracy";
    public const string MustNotEvents = "must_not_events";
}
