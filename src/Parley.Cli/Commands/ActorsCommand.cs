using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Actors;
using Parley.Core;
using Parley.Pipeline;

namespace Parley.Cli.Commands;

/// <summary>
/// parley actors: the actor knowledge base and the actors stage.
///   lookup NAME [--date D]            entries whose name or alias matches, with roles at the date
///   holders COUNTRY ROLE [--date D]   who held the role (e.g. TUR foreign-minister) at the date
///   import-tabari DICT --out FILE     a TABARI/PETRARCH actor dictionary → a people/*.tsv file
///   resolve FILE [--published D]      the actors of one article (JSON)
/// Every subcommand takes --actors DIR and --actors-dict FILE like extract does.
/// </summary>
static class ActorsCommand
{
    public static Command Create()
    {
        var command = new Command("actors", "look up actors and roles at a date, import TABARI dictionaries, run the actors stage on one article");
        command.Subcommands.Add(Lookup());
        command.Subcommands.Add(Holders());
        command.Subcommands.Add(ImportTabari());
        command.Subcommands.Add(Resolve());
        return command;
    }

    static Option<string?> Date() => new("--date") { Description = "date (YYYY-MM-DD) for roles; default: today" };

    static ActorEngine Engine(ParseResult parse, Option<string[]> dirs, Option<string[]> dicts) =>
        ActorEngine.LoadDefault(parse.GetValue(dirs), parse.GetValue(dicts));

    static string? DateOf(ParseResult parse, Option<string?> date) =>
        parse.GetValue(date) is { } d ? PipelineOptions.NormalizeOrThrow(d, "--date") : DateTime.UtcNow.ToString("yyyy-MM-dd");

    static JsonObject PersonJson(Person p, string? date) => new()
    {
        ["name"] = p.Name,
        ["aliases"] = new JsonArray([.. p.Aliases.Select(a => (JsonNode?)a)]),
        ["gender"] = p.Gender,
        ["roles_at_date"] = new JsonArray([.. p.Tenures.Where(t => t.Covers(date)).Select(TenureJson)]),
        ["tenures"] = new JsonArray([.. p.Tenures.Select(TenureJson)]),
    };

    static JsonNode? TenureJson(Tenure t) => new JsonObject
    {
        ["country"] = t.Country, ["role"] = t.Role, ["title"] = t.Title, ["cameo"] = t.Cameo, ["start"] = t.Start, ["end"] = t.End,
    };

    static void Print(JsonNode node) =>
        Console.Out.WriteLine(node.ToJsonString(new JsonSerializerOptions { WriteIndented = !Console.IsOutputRedirected, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

    static Command Lookup()
    {
        var name = new Argument<string>("NAME") { Description = "a name, alias, demonym or capital (case and diacritics ignored)" };
        var date = Date();
        var dirs = CommonOptions.ActorsDirs();
        var dicts = CommonOptions.ActorsDicts();
        var cmd = new Command("lookup", "knowledge-base entries for a name, with roles at the date") { name, date, dirs, dicts };
        cmd.SetAction(parse =>
        {
            var kb = Engine(parse, dirs, dicts).Knowledge;
            var d = DateOf(parse, date);
            var found = new JsonArray();
            foreach (var entry in kb.Lookup(parse.GetValue(name)!))
                found.Add(entry switch
                {
                    Person p => new JsonObject { ["kind"] = "person", ["person"] = PersonJson(p, d) },
                    Country c => new JsonObject { ["kind"] = "state", ["iso3"] = c.Iso3, ["cameo"] = c.Cameo, ["name"] = c.Name, ["capital"] = c.Capital },
                    Organization o => new JsonObject { ["kind"] = o.Kind, ["id"] = o.Id, ["cameo"] = o.Cameo, ["name"] = o.Name, ["country"] = o.Country },
                    _ => null,
                });
            Print(new JsonObject { ["query"] = parse.GetValue(name), ["date"] = d, ["entries"] = found });
            return found.Count > 0 ? 0 : 1;
        });
        return cmd;
    }

    static Command Holders()
    {
        var country = new Argument<string>("COUNTRY") { Description = "ISO3 code (or org id for IGO posts)" };
        var role = new Argument<string>("ROLE") { Description = "role type from role-titles.tsv (head-of-state, foreign-minister, …) or a title phrase" };
        var date = Date();
        var dirs = CommonOptions.ActorsDirs();
        var dicts = CommonOptions.ActorsDicts();
        var cmd = new Command("holders", "who held a role in a country at a date") { country, role, date, dirs, dicts };
        cmd.SetAction(parse =>
        {
            var kb = Engine(parse, dirs, dicts).Knowledge;
            var d = DateOf(parse, date);
            var r = parse.GetValue(role)!;
            var roleId = kb.Roles.ContainsKey(r) ? r : kb.RoleByPhrase(r)?.Role ?? r;
            var holders = kb.RoleHolders(parse.GetValue(country)!.ToUpperInvariant(), roleId, d);
            Print(new JsonObject
            {
                ["country"] = parse.GetValue(country), ["role"] = roleId, ["date"] = d,
                ["holders"] = new JsonArray([.. holders.Select(p => (JsonNode?)PersonJson(p, d))]),
            });
            return holders.Count > 0 ? 0 : 1;
        });
        return cmd;
    }

    static Command ImportTabari()
    {
        var dict = new Argument<FileInfo>("DICT") { Description = "TABARI/PETRARCH actor dictionary" };
        var output = new Option<FileInfo>("--out", "-o") { Description = "people TSV to write (e.g. my-actors/people/tabari.tsv)", Required = true };
        var cmd = new Command("import-tabari", "convert a TABARI/PETRARCH actor dictionary into a people/*.tsv file for --actors") { dict, output };
        cmd.SetAction(parse =>
        {
            var path = parse.GetValue(dict)!.FullName;
            List<TabariEntry> entries;
            using (var reader = new StreamReader(path)) entries = TabariDictionary.Parse(reader, path);
            var sb = new StringBuilder();
            sb.Append("# version: 1\n# imported from ").Append(Path.GetFileName(path)).Append(" by parley actors import-tabari\n");
            var rows = 0;
            foreach (var e in entries)
                foreach (var c in e.Codes.Count > 0 ? e.Codes : [new TabariCode("", null, null)])
                {
                    if (c.Code.Length == 0) continue;
                    var iso = c.Code.Length >= 3 ? c.Code[..3] : "";
                    var role = c.Code.Length > 3 ? "cameo-" + c.Code[3..].ToLowerInvariant() : "cameo";
                    sb.Append(string.Join('\t', e.Name, string.Join('|', e.Synonyms), "", iso, role, "", c.Code, c.Start ?? "", c.End ?? "")).Append('\n');
                    rows++;
                }
            var outFile = parse.GetValue(output)!;
            outFile.Directory?.Create();
            File.WriteAllText(outFile.FullName, sb.ToString(), new UTF8Encoding(false));
            Console.Error.WriteLine($"parley actors import-tabari: {entries.Count} actors, {rows} dated codes → {outFile.FullName}");
            return 0;
        });
        return cmd;
    }

    static Command Resolve()
    {
        var input = new Argument<FileInfo>("FILE") { Description = "a .txt or .html article" };
        var published = CommonOptions.Published();
        var dirs = CommonOptions.ActorsDirs();
        var dicts = CommonOptions.ActorsDicts();
        var cmd = new Command("resolve", "the actors of one article, as JSON") { input, published, dirs, dicts };
        cmd.SetAction(parse =>
        {
            var options = CommonOptions.PipelineOptionsFrom(parse.GetValue(published), null, parse.GetValue(dirs), parse.GetValue(dicts));
            var pipeline = ArticlePipeline.Build(options);
            var file = parse.GetValue(input)!;
            var content = File.ReadAllText(file.FullName);
            var html = file.Extension is ".html" or ".htm";
            var record = pipeline.Process(new Parley.Ingest.RawDocument
            {
                Id = Path.GetFileNameWithoutExtension(file.Name), Source = file.FullName,
                Text = html ? null : content, Html = html ? content : null,
            });
            var json = JsonNode.Parse(RecordJson.Serialize(record))!;
            Print(new JsonObject { ["published"] = record.Published, ["actors"] = json["actors"]?.DeepClone() });
            return 0;
        });
        return cmd;
    }
}
