using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

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
    // Source-generated metadata, with non-ASCII text written as is (records are UTF-8 JSONL).
    static readonly JsonTypeInfo<ArticleRecord> Record = (JsonTypeInfo<ArticleRecord>)new JsonSerializerOptions(RecordJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = RecordJsonContext.Default,
    }.GetTypeInfo(typeof(ArticleRecord));

    public static string Serialize(ArticleRecord record) => JsonSerializer.Serialize(record, Record);

    public static ArticleRecord? Deserialize(string json) => JsonSerializer.Deserialize(json, Record);
}
