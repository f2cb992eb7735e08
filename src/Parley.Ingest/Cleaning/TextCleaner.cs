namespace Parley.Ingest.Cleaning;

// SHELL: replaced by the text-cleaning helper.
public sealed class TextCleaner
{
    public static TextCleaner Load() => new();
    public CleanedArticle Clean(string text, string? titleHint = null) => throw new NotImplementedException();
}
