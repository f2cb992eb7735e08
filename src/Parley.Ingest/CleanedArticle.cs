using Parley.Core;

namespace Parley.Ingest;

/// <summary>What cleaning (plain text or HTML) makes of one document.</summary>
public sealed class CleanedArticle
{
    public string? Title { get; set; }
    public string? Subtitle { get; set; }
    /// <summary>Body paragraphs in reading order; joined by "\n\n" they form the record's text.</summary>
    public List<string> Paragraphs { get; } = [];
    public List<string> Captions { get; } = [];
    public List<RemovedBlock> Removed { get; } = [];
    public string? Outlet { get; set; }
    public string? Byline { get; set; }
    /// <summary>ISO date or datetime found in the document itself.</summary>
    public string? Published { get; set; }
    /// <summary>"text" or "html-meta" when <see cref="Published"/> is set.</summary>
    public string? PublishedSource { get; set; }
    public string? Url { get; set; }
    public List<string> Errors { get; } = [];
}
