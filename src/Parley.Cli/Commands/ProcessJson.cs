using System.Text.Json;
using System.Text.Json.Serialization;
using Parley.Store;

namespace Parley.Cli.Commands;

/// <summary>Snake-case JSON of the process views (timeline, positions, process).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<TimelineEntry>))]
[JsonSerializable(typeof(TimelineEntry))]
[JsonSerializable(typeof(IReadOnlyList<StoredPosition>))]
[JsonSerializable(typeof(ProcessView))]
sealed partial class ProcessJsonOutput : JsonSerializerContext
{
    static readonly Lazy<ProcessJsonOutput> Compact = new(() => new ProcessJsonOutput(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }));

    public static string Write<T>(T value) =>
        JsonSerializer.Serialize(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Compact.Value.GetTypeInfo(typeof(T))!);
}

static class StoreAccess
{
    /// <summary>The store at <paramref name="path"/>, or null after a clear message when there is none (exit 2).</summary>
    public static SqliteStore? OpenExisting(string path, string command)
    {
        if (File.Exists(path)) return SqliteStore.Open(path);
        Console.Error.WriteLine($"parley {command}: no database at {Path.GetFullPath(path)} (run `parley ingest` or `parley demo` first)");
        return null;
    }
}
