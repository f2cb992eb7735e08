namespace Parley.Ingest;

/// <summary>
/// One input item as a reader found it: the decoded content (plain text or HTML) plus whatever
/// metadata the container carried. A reader that could not read an item still yields one, with
/// <see cref="Errors"/> set and no content, so the batch goes on.
/// </summary>
public sealed class RawDocument
{
    public required string Id { get; init; }
    /// <summary>Where it came from: a path, "path:line" for JSONL, or "-" for stdin.</summary>
    public required string Source { get; init; }
    public string? Text { get; set; }
    public string? Html { get; set; }
    public string? Title { get; init; }
    /// <summary>Publication date as the input gave it (unparsed).</summary>
    public string? Published { get; init; }
    public string? Outlet { get; init; }
    public string? Url { get; init; }
    public string? Byline { get; init; }
    /// <summary>Size of the raw item in bytes, before decoding.</summary>
    public long ByteLength { get; init; }
    /// <summary>SHA-256 (hex) of the raw bytes of the item; null for unreadable items.</summary>
    public string? ContentHash { get; set; }
    public List<string> Errors { get; } = [];

    public bool HasContent => Text is { Length: > 0 } || Html is { Length: > 0 };
}
