using System.Text.Json;

namespace Parley.Eval.Gold;

/// <summary>A <c>parley-gold/1</c> annotation file (shared/spec/gold-format.md).</summary>
public sealed class GoldFile
{
    public const string FormatName = "parley-gold/1";

    public required string Format { get; init; }
    public string? Note { get; init; }
    public required IReadOnlyList<GoldDocument> Documents { get; init; }

    public static GoldFile Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream, path);
    }

    public static GoldFile Parse(string json, string where = "gold")
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        return Read(doc.RootElement, where);
    }

    static GoldFile Parse(Stream stream, string where)
    {
        using var doc = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        return Read(doc.RootElement, where);
    }

    static GoldFile Read(JsonElement root, string where)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException($"{where}: top level must be an object");
        var format = Str(root, "format") ?? throw new FormatException($"{where}: missing \"format\"");
        if (format != FormatName) throw new FormatException($"{where}: format is \"{format}\", expected \"{FormatName}\"");
        if (!root.TryGetProperty("documents", out var docs) || docs.ValueKind != JsonValueKind.Array)
            throw new FormatException($"{where}: missing \"documents\" array");
        var list = new List<GoldDocument>();
        var n = 0;
        foreach (var d in docs.EnumerateArray())
        {
            n++;
            var name = Str(d, "doc") ?? throw new FormatException($"{where}: document {n} has no \"doc\"");
            list.Add(new GoldDocument
            {
                Doc = name,
                Published = Str(d, "published"),
                Title = Str(d, "title"),
                HasOutlet = d.TryGetProperty("outlet", out _),
                Outlet = Str(d, "outlet"),
                BodyIncludes = Strings(d, "body_includes"),
                BodyExcludes = Strings(d, "body_excludes"),
                Quotes = Array(d, "quotes").Select(q => new GoldQuote
                {
                    Speaker = Str(q, "speaker") ?? throw new FormatException($"{where}: {name}: quote without \"speaker\""),
                    SpeakerAlternatives = Strings(q, "speaker_alternatives"),
                    Kind = Str(q, "kind"),
                    Text = Str(q, "text") ?? throw new FormatException($"{where}: {name}: quote without \"text\""),
                    Required = Bool(q, "required") ?? true,
                }).ToList(),
                Events = Array(d, "events").Select(e => ReadEvent(e, where, name)).ToList(),
                MustNotEvents = Array(d, "must_not_events").Select(e => ReadEvent(e, where, name)).ToList(),
            });
        }
        return new GoldFile { Format = format, Note = Str(root, "note"), Documents = list };
    }

    static GoldEvent ReadEvent(JsonElement e, string where, string doc) => new()
    {
        Type = Str(e, "type") ?? throw new FormatException($"{where}: {doc}: event without \"type\""),
        Source = Strings(e, "source"),
        Target = Strings(e, "target"),
        Date = Str(e, "date"),
        Location = Str(e, "location"),
        Mode = Str(e, "mode"),
        Anchor = Str(e, "anchor"),
        Why = Str(e, "why"),
        Required = Bool(e, "required") ?? true,
    };

    static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static bool? Bool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    static IReadOnlyList<string> Strings(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v)) return [];
        if (v.ValueKind == JsonValueKind.String) return [v.GetString()!];
        if (v.ValueKind != JsonValueKind.Array) return [];
        return v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList();
    }

    static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().ToList() : [];
}

/// <summary>One annotated document.</summary>
public sealed class GoldDocument
{
    /// <summary>Input file name.</summary>
    public required string Doc { get; init; }
    /// <summary>Publication date to pass as metadata.</summary>
    public string? Published { get; init; }
    public string? Title { get; init; }
    /// <summary>Expected outlet; only scored when the document has an <c>outlet</c> field.</summary>
    public string? Outlet { get; init; }
    public bool HasOutlet { get; init; }
    public IReadOnlyList<string> BodyIncludes { get; init; } = [];
    public IReadOnlyList<string> BodyExcludes { get; init; } = [];
    public IReadOnlyList<GoldQuote> Quotes { get; init; } = [];
    public IReadOnlyList<GoldEvent> Events { get; init; } = [];
    public IReadOnlyList<GoldEvent> MustNotEvents { get; init; } = [];
}

public sealed class GoldQuote
{
    public required string Speaker { get; init; }
    public IReadOnlyList<string> SpeakerAlternatives { get; init; } = [];
    /// <summary>direct | indirect | mixed.</summary>
    public string? Kind { get; init; }
    /// <summary>A distinctive substring of the quoted content.</summary>
    public required string Text { get; init; }
    public bool Required { get; init; } = true;
}

public sealed class GoldEvent
{
    /// <summary>PLOVER event type.</summary>
    public required string Type { get; init; }
    /// <summary>ISO3 or IGO codes of the source actors' countries.</summary>
    public IReadOnlyList<string> Source { get; init; } = [];
    public IReadOnlyList<string> Target { get; init; } = [];
    public string? Date { get; init; }
    public string? Location { get; init; }
    public string? Mode { get; init; }
    /// <summary>Text of the sentence the event is in.</summary>
    public string? Anchor { get; init; }
    /// <summary>For must-not events: why a correct system must not produce it.</summary>
    public string? Why { get; init; }
    public bool Required { get; init; } = true;
}
