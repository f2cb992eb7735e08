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
    long DatabaseBytes)
{
    /// <summary>The key <see cref="ByPublishedSource"/> uses for articles with no publication date.</summary>
    public const string NoPublishedSource = "none";
}
