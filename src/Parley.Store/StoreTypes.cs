using Parley.Core;

namespace Parley.Store;

/// <summary>What <see cref="SqliteStore.Add"/> did with a record.</summary>
public enum AddResult
{
    /// <summary>A new article row (content not seen before).</summary>
    Inserted,
    /// <summary>The same content (by hash) is already stored; nothing was written.</summary>
    Unchanged,
    /// <summary>The record had no text (or could not be stored); its errors went to ingest_errors.</summary>
    ErrorRecorded,
}

/// <summary>A summary of the store's contents.</summary>
public sealed record StoreStats(
    long Articles,
    long DistinctOutlets,
    IReadOnlyList<(string Outlet, long Count)> TopOutlets,
    string? PublishedFrom,
    string? PublishedTo,
    IReadOnlyDictionary<string, long> ByPublishedSource,
    long IngestErrors,
    long DatabaseBytes,
    long Quotes,
    long QuotesWithSpeaker)
{
    /// <summary>The key <see cref="ByPublishedSource"/> uses for articles with no publication date.</summary>
    public const string NoPublishedSource = "none";

    /// <summary>Stored events (schema v3).</summary>
    public long Events { get; init; }
    /// <summary>Distinct actors (name and code) named in stored articles.</summary>
    public long Actors { get; init; }
}

/// <summary>
/// Filters for <see cref="SqliteStore.Quotes"/>; unset (null or blank) filters match everything, set ones all apply.
/// </summary>
public sealed record QuoteQuery
{
    /// <summary>Case- and accent-insensitive substring of the speaker's canonical name or of the speaker as written.</summary>
    public string? Speaker { get; init; }
    /// <summary>A CAMEO code: equal to the speaker's code or a prefix of it ("RUS" matches RUSGOV), or equal to its ISO3 country.</summary>
    public string? Actor { get; init; }
    /// <summary>Words the quote text must contain (all of them; "word*" is a prefix). Operators are not interpreted.</summary>
    public string? About { get; init; }
    /// <summary>Earliest article publication date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD.</summary>
    public string? From { get; init; }
    /// <summary>Latest article publication date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD.</summary>
    public string? To { get; init; }
    /// <summary>direct | indirect | mixed.</summary>
    public string? Kind { get; init; }
    public int Limit { get; init; } = 50;
    public int Offset { get; init; }

    /// <summary>True for an ISO date or partial date the From/To bounds accept: YYYY, YYYY-MM or YYYY-MM-DD.</summary>
    public static bool IsPartialDate(string? s)
    {
        if (s is null || s.Length is not (4 or 7 or 10)) return false;
        for (var i = 0; i < s.Length; i++)
            if (i is 4 or 7 ? s[i] != '-' : !char.IsAsciiDigit(s[i])) return false;
        if (s.Length == 4) return true;
        var month = int.Parse(s.AsSpan(5, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        if (month is < 1 or > 12) return false;
        if (s.Length == 7) return true;
        var year = int.Parse(s.AsSpan(0, 4), provider: System.Globalization.CultureInfo.InvariantCulture);
        var day = int.Parse(s.AsSpan(8, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        return year >= 1 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }
}

/// <summary>A stored quote with the article it came from and the text of its sentence.</summary>
public sealed record StoredQuote
{
    public required string ArticleId { get; init; }
    public required string ContentHash { get; init; }
    public string? Title { get; init; }
    public string? Outlet { get; init; }
    public string? Published { get; init; }
    public string? Url { get; init; }
    /// <summary>The quote as the record had it (id, kind, text, offsets, sentence, speaker, cue, confidence).</summary>
    public required QuoteRecord Quote { get; init; }
    /// <summary>The sentence <see cref="QuoteRecord.Sentence"/> of the article, or null when the article has no such sentence.</summary>
    public string? SentenceText { get; init; }
}
