using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parley.Core;

/// <summary>The one JSON shape of records: snake_case names, nulls written, compact lines.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false)]
[JsonSerializable(typeof(ArticleRecord))]
public sealed partial class RecordJsonContext : JsonSerializerContext;

public static class RecordJson
{
    static readonly JsonSerializerOptions Options = new(RecordJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = RecordJsonContext.Default,
    };

    public static string Serialize(ArticleRecord record) =>
        JsonSerializer.Serialize(record, Options.GetTypeInfo(typeof(ArticleRecord)) as System.Text.Json.Serialization.Metadata.JsonTypeInfo<ArticleRecord>
            ?? throw new InvalidOperationException("no type info for ArticleRecord"));

    public static ArticleRecord? Deserialize(string json) =>
        JsonSerializer.Deserialize(json, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<ArticleRecord>)Options.GetTypeInfo(typeof(ArticleRecord)));
}
