using System.Text;

namespace Parley.Eval.PolNear;

/// <summary>One PolNeAR document: its text file, the annotation file used, and its metadata.</summary>
public sealed record PolNearDocument(string Id, string TextPath, string AnnotationPath, string Annotator, string? Published, string? Title)
{
    /// <summary>How many annotators' files the document has (only <see cref="Annotator"/>'s is used).</summary>
    public int AnnotationFiles { get; init; } = 1;
}

/// <summary>
/// The layout of PolNeAR: <c>{split}/text/ID.txt</c>, <c>{split}/attributions/ID_ANNOTATOR.ann</c>, and
/// <c>metadata.tsv</c> (columns filename, publication_date, title). When a document has several
/// annotators' files, the alphabetically first annotator (ordinal) is used.
/// </summary>
public static class PolNearCorpus
{
    /// <summary>The split's documents ordered by id; texts without annotations (and the reverse) are reported.</summary>
    public static List<PolNearDocument> List(string dir, string split, List<PolNearProblem> problems)
    {
        var textDir = Path.Combine(dir, split, "text");
        var annDir = Path.Combine(dir, split, "attributions");
        if (!Directory.Exists(textDir)) throw new DirectoryNotFoundException($"no PolNeAR texts in {textDir}");
        if (!Directory.Exists(annDir)) throw new DirectoryNotFoundException($"no PolNeAR annotations in {annDir}");

        var annotations = new Dictionary<string, List<(string Annotator, string Path)>>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(annDir, "*.ann"))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var cut = name.LastIndexOf('_');
            if (cut <= 0 || cut == name.Length - 1)
            {
                problems.Add(new(Path.GetFileName(path), 0, "annotation file name is not <document>_<annotator>.ann; ignored"));
                continue;
            }
            var id = name[..cut];
            if (!annotations.TryGetValue(id, out var list)) annotations[id] = list = [];
            list.Add((name[(cut + 1)..], path));
        }

        var metadata = ReadMetadata(Path.Combine(dir, "metadata.tsv"), problems);
        var docs = new List<PolNearDocument>();
        var texts = Directory.EnumerateFiles(textDir, "*.txt").Order(StringComparer.Ordinal).ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in texts)
        {
            var id = Path.GetFileNameWithoutExtension(path);
            ids.Add(id);
            if (!annotations.TryGetValue(id, out var anns))
            {
                problems.Add(new(Path.GetFileName(path), 0, "no annotation file; document skipped"));
                continue;
            }
            var (annotator, annPath) = anns.OrderBy(a => a.Annotator, StringComparer.Ordinal).First();
            metadata.TryGetValue(id, out var meta);
            docs.Add(new PolNearDocument(id, path, annPath, annotator, meta.Published, meta.Title) { AnnotationFiles = anns.Count });
        }
        foreach (var id in annotations.Keys.Where(k => !ids.Contains(k)).Order(StringComparer.Ordinal))
            problems.Add(new(Path.GetFileName(annotations[id][0].Path), 0, "annotation file without a text; ignored"));
        return docs;
    }

    /// <summary>filename → (publication date, title); "None" and blanks are null. A missing file is reported.</summary>
    static Dictionary<string, (string? Published, string? Title)> ReadMetadata(string path, List<PolNearProblem> problems)
    {
        var result = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            problems.Add(new(Path.GetFileName(path), 0, "missing; documents are annotated without publication dates and titles"));
            return result;
        }
        int file = -1, date = -1, title = -1, number = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            number++;
            if (line.Length == 0) continue;
            var cols = line.Split('\t');
            if (file < 0)
            {
                file = Array.IndexOf(cols, "filename");
                date = Array.IndexOf(cols, "publication_date");
                title = Array.IndexOf(cols, "title");
                if (file < 0)
                {
                    problems.Add(new(Path.GetFileName(path), number, "header has no filename column; metadata ignored"));
                    return result;
                }
                continue;
            }
            if (cols.Length <= file)
            {
                problems.Add(new(Path.GetFileName(path), number, $"{cols.Length} columns, the header has more"));
                continue;
            }
            result[cols[file]] = (Value(cols, date) is { } d && IsDate(d) ? d : null, Value(cols, title));
        }
        return result;
    }

    static string? Value(string[] cols, int i) =>
        i >= 0 && i < cols.Length && cols[i].Trim() is { Length: > 0 } v && v != "None" ? v : null;

    static bool IsDate(string s) => DateOnly.TryParseExact(s, "yyyy-MM-dd", out _);
}
