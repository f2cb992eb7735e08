namespace Parley.Core;

/// <summary>
/// Locates the versioned data files under <c>knowledge/</c> (copied beside every binary) and
/// reads their common shape: UTF-8 lines, '#' comments, tab-separated fields,
/// a <c># version: N</c> header.
/// </summary>
public static class Knowledge
{
    public static string Directory =>
        Environment.GetEnvironmentVariable("PARLEY_KNOWLEDGE") is { Length: > 0 } dir
            ? dir
            : Path.Combine(AppContext.BaseDirectory, "knowledge");

    public static string PathOf(string file) => Path.Combine(Directory, file);

    /// <summary>Rows of a TSV knowledge file, comments and blank lines skipped.</summary>
    public static IEnumerable<string[]> ReadTable(string file)
    {
        var path = PathOf(file);
        if (!File.Exists(path))
            throw new FileNotFoundException($"knowledge file missing: {path}", path);
        return ReadRows(path).Select(r => r.Cells);
    }

    /// <summary>
    /// Rows of any TSV file in the knowledge shape (a shipped file or a user's), with their 1-based line
    /// numbers for error messages; '#' comment lines and blank lines skipped.
    /// </summary>
    public static IEnumerable<(int Line, string[] Cells)> ReadRows(string path)
    {
        var lineNo = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            yield return (lineNo, line.Split('\t'));
        }
    }

    /// <summary>The <c># version: N</c> header of a knowledge file, or null.</summary>
    public static string? VersionOf(string file)
    {
        foreach (var line in File.ReadLines(PathOf(file)).Take(10))
            if (line.StartsWith("# version:", StringComparison.Ordinal))
                return line["# version:".Length..].Trim();
        return null;
    }
}
