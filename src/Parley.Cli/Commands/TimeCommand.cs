using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Pipeline;
using Parley.Text;
using Parley.Time;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// parley time "TEXT" [--published DATE] [--json]: the time expressions of a text and their
/// TIMEX3-style values, as a table on a terminal or JSON on a pipe.
/// </summary>
static class TimeCommand
{
    public static Command Create()
    {
        var text = new Argument<string>("TEXT") { Description = "the text to tag, or - to read stdin" };
        var published = CommonOptions.Published();
        published.Description = "publication date (YYYY-MM-DD) that relative expressions are read from";
        var json = new Option<bool>("--json") { Description = "print JSON even on a terminal" };
        var cmd = new Command("time", "find and normalise the time expressions of a text (TIMEX3-style values)") { text, published, json };
        cmd.SetAction(parse =>
        {
            var input = parse.GetValue(text)!;
            if (input == "-") input = Console.In.ReadToEnd();
            var date = parse.GetValue(published) is { } d ? PipelineOptions.NormalizeOrThrow(d, "--published") : null;
            var timexes = TimeTagger.Load().Tag(input, SentenceSplitter.Load().Split(input), date);
            if (parse.GetValue(json) || Console.IsOutputRedirected)
            {
                var items = new JsonArray();
                foreach (var t in timexes)
                {
                    var o = new JsonObject { ["text"] = t.Text, ["value"] = t.Value, ["start"] = t.Start, ["end"] = t.End };
                    if (t.Sentence is { } s) o["sentence"] = s;
                    if (t.Type is { } ty) o["type"] = ty;
                    if (t.Anchor is { } a) o["anchor"] = a;
                    if (t.Mod is { } m) o["mod"] = m;
                    if (t.EndValue is { } ev) o["end_value"] = ev;
                    items.Add(o);
                }
                var result = new JsonObject { ["published"] = date, ["timexes"] = items };
                Console.Out.WriteLine(result.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                return 0;
            }
            var table = new Table().AddColumns("text", "value", "type", "anchor", "mod", "end");
            foreach (var t in timexes)
                table.AddRow(Markup.Escape(t.Text), Markup.Escape(t.Value ?? "-"), t.Type ?? "-", t.Anchor ?? "-", t.Mod ?? "-", Markup.Escape(t.EndValue ?? "-"));
            AnsiConsole.Write(table);
            Console.Out.WriteLine($"{timexes.Count} time expression(s); published {date ?? "unknown"}");
            return 0;
        });
        return cmd;
    }
}
