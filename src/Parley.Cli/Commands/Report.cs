using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parley.Cli.Commands;

/// <summary>
/// A command's result: aligned "key  value" lines for a person at a terminal,
/// one JSON object when stdout is a pipe or --json is given.
/// </summary>
sealed class Report
{
    readonly List<(string Key, JsonNode? Value)> _rows = [];

    public Report Add(string key, object? value)
    {
        _rows.Add((key, value switch
        {
            null => null,
            JsonNode n => n,
            double d => JsonValue.Create(Math.Round(d, 4)),
            _ => JsonValue.Create(value),
        }));
        return this;
    }

    public void Write(bool json)
    {
        if (json || Console.IsOutputRedirected)
        {
            var obj = new JsonObject();
            foreach (var (k, v) in _rows) obj[k] = v?.DeepClone();
            Console.Out.WriteLine(obj.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            return;
        }
        var width = _rows.Count == 0 ? 0 : _rows.Max(r => r.Key.Length);
        foreach (var (k, v) in _rows)
        {
            if (v is JsonArray items)
            {
                Console.Out.WriteLine(k);
                foreach (var item in items) Console.Out.WriteLine($"  {Format(item)}");
            }
            else Console.Out.WriteLine($"{k.PadRight(width)}  {Format(v)}");
        }
    }

    static string Format(JsonNode? v) => v switch
    {
        null => "-",
        JsonValue value when value.TryGetValue(out string? s) => s,
        JsonArray a => string.Join(", ", a.Select(Format)),
        JsonObject o => string.Join(", ", o.Select(p => $"{p.Key}: {Format(p.Value)}")),
        _ => v.ToJsonString(),
    };
}
