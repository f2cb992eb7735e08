using System.Text;
using System.Text.Json;

namespace Parley.Ingest.Sources;

/// <summary>
/// One JSONL line parsed without building a DOM: fields id, title, date, outlet, url, authors
/// (string or array), text, html; anything else is skipped.
/// </summary>
sealed class JsonlLine
{
    public string? Id, Title, Date, Outlet, Url, Authors, Text, Html;
    public bool HasText, HasHtml;

    /// <summary>The parsed line, or an error message saying what is wrong with it.</summary>
    public static (JsonlLine? Line, string? Error) Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!reader.Read()) return (null, "empty JSON line");
            if (reader.TokenType != JsonTokenType.StartObject)
                return (null, $"not a JSON object (found {Describe(reader.TokenType)})");
            var line = new JsonlLine();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString() ?? "";
                reader.Read();
                switch (name)
                {
                    case "id": line.Id = Scalar(ref reader); break;
                    case "title": line.Title = Scalar(ref reader); break;
                    case "date": line.Date = Scalar(ref reader); break;
                    case "outlet": line.Outlet = Scalar(ref reader); break;
                    case "url": line.Url = Scalar(ref reader); break;
                    case "authors": line.Authors = ReadAuthors(ref reader); break;
                    case "text": line.HasText = true; line.Text = Scalar(ref reader); break;
                    case "html": line.HasHtml = true; line.Html = Scalar(ref reader); break;
                    default: reader.Skip(); break;
                }
            }
            if (reader.TokenType != JsonTokenType.EndObject) return (null, "malformed JSON object");
            if (HasTrailingData(ref reader)) return (null, "trailing data after the JSON object");
            if (!line.HasText && !line.HasHtml) return (null, "no \"text\" or \"html\" field");
            return (line, null);
        }
        catch (JsonException ex)
        {
            return (null, $"malformed JSON: {Shorten(ex.Message)}");
        }
        catch (InvalidOperationException ex)
        {
            return (null, $"malformed JSON: {Shorten(ex.Message)}");
        }
    }

    static bool HasTrailingData(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (JsonException)
        {
            return true;
        }
    }

    static string? Scalar(ref Utf8JsonReader r) => r.TokenType switch
    {
        JsonTokenType.String => r.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(r.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(r.ValueSequence) : r.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => null,
        _ => SkipNull(ref r),
    };

    static string? SkipNull(ref Utf8JsonReader r)
    {
        r.Skip();
        return null;
    }

    static string? ReadAuthors(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartArray) return Scalar(ref r);
        var names = new List<string>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            var s = Scalar(ref r);
            if (!string.IsNullOrWhiteSpace(s)) names.Add(s.Trim());
        }
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    static string Describe(JsonTokenType t) => t switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => t.ToString(),
    };

    static string Shorten(string s) => s.Length <= 200 ? s : s[..200] + "…";
}
