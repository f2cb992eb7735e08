using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Core;
using Parley.Pipeline;
using Parley.Places;

namespace Parley.Cli.Commands;

/// <summary>
/// parley places: the places gazetteer and the places stage.
///   lookup NAME        gazetteer entries whose id, name or alias matches (case and diacritics ignored)
///   find "TEXT"        the place mentions of a text (- reads stdin), after sentences and actors
/// Both take --places DIR (user gazetteer directories); find also takes --actors DIR.
/// </summary>
static class PlacesCommand
{
    public static Command Create()
    {
        var command = new Command("places", "look up places in the gazetteer, find the place mentions of a text");
        command.Subcommands.Add(Lookup());
        command.Subcommands.Add(Find());
        return command;
    }

    static void Print(JsonNode node) =>
        Console.Out.WriteLine(node.ToJsonString(new JsonSerializerOptions { WriteIndented = !Console.IsOutputRedirected, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

    static JsonObject EntryJson(PlaceEntry e) => new()
    {
        ["id"] = e.Id, ["name"] = e.Name, ["kind"] = e.Kind, ["country"] = e.Country, ["lat"] = e.Lat, ["lon"] = e.Lon,
        ["parent"] = e.Parent, ["aliases"] = new JsonArray([.. e.Aliases.Select(a => (JsonNode?)a)]), ["note"] = e.Note, ["source"] = e.Source,
    };

    static Command Lookup()
    {
        var name = new Argument<string>("NAME") { Description = "an id, name or alias (Idlib, Kiev, syr.idlib-gov)" };
        var places = CommonOptions.PlacesDirs();
        var cmd = new Command("lookup", "gazetteer entries for a name") { name, places };
        cmd.SetAction(parse =>
        {
            var gazetteer = PlaceGazetteer.Load(parse.GetValue(places));
            var found = gazetteer.Lookup(parse.GetValue(name)!);
            Print(new JsonObject { ["query"] = parse.GetValue(name), ["entries"] = new JsonArray([.. found.Select(e => (JsonNode?)EntryJson(e))]) });
            return found.Count > 0 ? 0 : 1;
        });
        return cmd;
    }

    static Command Find()
    {
        var text = new Argument<string>("TEXT") { Description = "the text to read, or - for stdin" };
        var places = CommonOptions.PlacesDirs();
        var actors = CommonOptions.ActorsDirs();
        var published = CommonOptions.Published();
        var cmd = new Command("find", "the place mentions of a text, as JSON") { text, places, actors, published };
        cmd.SetAction(parse =>
        {
            var input = parse.GetValue(text)!;
            if (input == "-") input = Console.In.ReadToEnd();
            var options = CommonOptions.PipelineOptionsFrom(parse.GetValue(published), null, parse.GetValue(actors), null, parse.GetValue(places));
            var record = ArticlePipeline.Build(options).Annotate("text", input, options.Published);
            var json = JsonNode.Parse(RecordJson.Serialize(record))!;
            Print(new JsonObject { ["places"] = json["places"]?.DeepClone(), ["errors"] = json["errors"]?.DeepClone() });
            return 0;
        });
        return cmd;
    }
}
