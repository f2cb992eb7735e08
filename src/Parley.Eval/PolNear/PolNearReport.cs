namespace Parley.Eval.PolNear;

/// <summary>Matched contents out of gold and predicted: precision, recall, F1 (0 when undefined).</summary>
public sealed record PrfScore(int Matched, int Gold, int Predicted)
{
    public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Strict-match recall of the gold contents introduced by one cue (lower-cased).</summary>
public sealed record CueRecall(string Cue, int Gold, int Matched)
{
    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;
}

/// <summary>Strict-match precision of the predicted quotes of one kind (direct, indirect, mixed).</summary>
public sealed record KindPrecision(string Kind, int Predicted, int Matched)
{
    public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;
}

/// <summary>One document's counts, and short excerpts of what it missed (strict rule).</summary>
public sealed class DocumentScore
{
    public required string Id { get; init; }
    public int Gold { get; init; }
    /// <summary>Gold contents that have a Source (the ones attribution is scored on).</summary>
    public int GoldWithSource { get; init; }
    public int Predicted { get; init; }
    public int Matched { get; init; }
    public int LenientMatched { get; init; }
    public int ExactMatched { get; init; }
    public int AttributionTotal { get; init; }
    public int AttributionCorrect { get; init; }
    /// <summary>Gold contents without a strict match.</summary>
    public IReadOnlyList<string> MissedGold { get; init; } = [];
    /// <summary>Predicted quotes without a strict match.</summary>
    public IReadOnlyList<string> UnmatchedPredicted { get; init; } = [];
    /// <summary>Each gold content's cue and whether it was matched.</summary>
    public IReadOnlyList<(string Cue, bool Matched)> Cues { get; init; } = [];
    /// <summary>Each predicted quote's kind and whether it was matched.</summary>
    public IReadOnlyList<(string Kind, bool Matched)> Kinds { get; init; } = [];
    public int Misses => Gold - Matched;
}

/// <summary>The result of one PolNeAR run.</summary>
public sealed class PolNearReport
{
    public required string Split { get; init; }
    public int Documents => PerDocument.Count;
    public int GoldContents => PerDocument.Sum(d => d.Gold);
    public int GoldWithSource => PerDocument.Sum(d => d.GoldWithSource);
    public int Predicted => PerDocument.Sum(d => d.Predicted);
    public PrfScore Strict => new(PerDocument.Sum(d => d.Matched), GoldContents, Predicted);
    public PrfScore Lenient => new(PerDocument.Sum(d => d.LenientMatched), GoldContents, Predicted);
    public PrfScore Exact => new(PerDocument.Sum(d => d.ExactMatched), GoldContents, Predicted);
    /// <summary>Strict pairs whose gold content has a Source.</summary>
    public int AttributionTotal => PerDocument.Sum(d => d.AttributionTotal);
    public int AttributionCorrect => PerDocument.Sum(d => d.AttributionCorrect);
    /// <summary>Null when no strict pair has a gold Source.</summary>
    public double? AttributionAccuracy => AttributionTotal == 0 ? null : (double)AttributionCorrect / AttributionTotal;
    /// <summary>Documents that have more than one annotator's file (the alphabetically first annotator is used).</summary>
    public int MultiAnnotatorDocuments { get; init; }
    /// <summary>Seconds spent in the annotate delegate.</summary>
    public double Seconds { get; init; }
    /// <summary>Seconds for the whole run, reading included.</summary>
    public double TotalSeconds { get; init; }
    public double DocumentsPerSecond => Seconds > 0 ? Documents / Seconds : 0;
    public IReadOnlyList<DocumentScore> PerDocument { get; init; } = [];
    public IReadOnlyList<PolNearProblem> Problems { get; init; } = [];

    /// <summary>Recall by gold cue: the <paramref name="top"/> most frequent cues (ties by cue).</summary>
    public List<CueRecall> ByCue(int top = 25) => PerDocument
        .SelectMany(d => d.Cues)
        .GroupBy(c => c.Cue, StringComparer.Ordinal)
        .Select(g => new CueRecall(g.Key, g.Count(), g.Count(c => c.Matched)))
        .OrderByDescending(c => c.Gold).ThenBy(c => c.Cue, StringComparer.Ordinal)
        .Take(top)
        .ToList();

    /// <summary>Precision by predicted kind, most frequent first.</summary>
    public List<KindPrecision> ByKind() => PerDocument
        .SelectMany(d => d.Kinds)
        .GroupBy(k => k.Kind, StringComparer.Ordinal)
        .Select(g => new KindPrecision(g.Key, g.Count(), g.Count(k => k.Matched)))
        .OrderByDescending(k => k.Predicted).ThenBy(k => k.Kind, StringComparer.Ordinal)
        .ToList();

    /// <summary>The <paramref name="n"/> documents with the most missed gold contents (then most unmatched predictions).</summary>
    public List<DocumentScore> Worst(int n) => PerDocument
        .OrderByDescending(d => d.Misses).ThenByDescending(d => d.UnmatchedPredicted.Count).ThenBy(d => d.Id, StringComparer.Ordinal)
        .Take(n)
        .ToList();
}
