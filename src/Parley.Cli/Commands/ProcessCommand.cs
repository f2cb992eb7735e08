using System.CommandLine;
using System.Globalization;
using Parley.Store;

namespace Parley.Cli.Commands;

/// <summary>parley process NAME: a multilateral format as one entity — members and roles, rounds, facts, outcomes.</summary>
static class ProcessCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var name = new Argument<string>("NAME") { Description = "format id, name or alias (astana, Normandy format, Minsk talks)" };
        var json = new Option<bool>("--json") { Description = "print the process as one JSON object" };
        var command = new Command("process", "a negotiating format across all stored articles: members with roles and dates, rounds, outcomes, evidence")
        {
            db, name, json,
        };
        command.SetAction(parse =>
        {
            using var store = StoreAccess.OpenExisting(parse.GetValue(db)!, "process");
            if (store is null) return 2;
            var p = store.Process(parse.GetValue(name)!);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(ProcessJsonOutput.Write(p));
                return 0;
            }
            var o = Console.Out;
            o.WriteLine($"{p.Name} ({p.Format}){(p.Conflict is { } c ? $" — {c}" : "")}{(p.Start is { } s ? $", {s}–{p.End ?? ""}" : "")}; {p.Articles} article(s)");
            o.WriteLine("members:");
            foreach (var m in p.Members)
                o.WriteLine($"  {m.Name ?? m.Member,-28} {m.Role,-10} {(m.KnownRole is { } k && k != m.Role ? $"(knowledge base: {k}) " : "")}{m.Basis,-8} " +
                            (m.First is null ? "" : $"attested {m.First}{(m.Last != m.First ? $"..{m.Last}" : "")} in {m.Evidence.Count} sentence(s)"));
            o.WriteLine("rounds:");
            foreach (var r in p.Rounds)
                o.WriteLine($"  {Ordinal(r.Number),-6} {r.Date ?? "(undated)",-10} {r.Place ?? ""}  [{r.Evidence.Count} sentence(s): {string.Join(", ", r.Evidence.Select(e => e.ArticleId).Distinct())}]");
            o.WriteLine("facts:");
            foreach (var f in p.Facts)
                o.WriteLine($"  {f.Date ?? "(undated)",-10} {f.Kind,-14} {f.Actor ?? ""} — “{TimelineCommand.Trim(f.Evidence.Text ?? f.Cue ?? "", 160)}” ({f.Evidence.ArticleId})");
            o.WriteLine("outcomes:");
            foreach (var f in p.Outcomes)
                o.WriteLine($"  {f.Date ?? "(undated)",-10} {f.Kind,-8} {f.Actor ?? ""} [{f.Sources} source(s)] — “{TimelineCommand.Trim(f.Evidence.Text ?? "", 160)}” ({f.Evidence.ArticleId})");
            o.WriteLine("events:");
            foreach (var e in p.Events)
                o.WriteLine($"  {e.Date ?? "(undated)",-10} {e.Type} {TimelineCommand.Actors(e)}{(e.Place is { } pl ? " @ " + pl : "")} [{e.Sources} source(s)] #{e.Cluster}");
            return 0;
        });
        return command;
    }

    internal static string Ordinal(int n) => n.ToString(CultureInfo.InvariantCulture) + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
