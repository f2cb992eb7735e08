using System.CommandLine;
using System.Globalization;
using System.Text;
using Parley.Store;

namespace Parley.Cli.Commands;

/// <summary>parley positions: the actor × issue matrix of latest stances (or, with --history, every stance in date order).</summary>
static class PositionsCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var issue = new Option<string?>("--issue") { Description = "an issue id of knowledge/process/issues.tsv" };
        var actor = new Option<string?>("--actor") { Description = "the holder: ISO3 country, CAMEO code or prefix, or part of a name" };
        var history = new Option<bool>("--history") { Description = "every stance per actor × issue in date order, not only the latest" };
        var json = new Option<bool>("--json") { Description = "print a JSON array" };
        var command = new Command("positions", "stances of actors on issues, each with its condition, date and evidence sentence")
        {
            db, issue, actor, history, json,
        };
        command.SetAction(parse =>
        {
            using var store = StoreAccess.OpenExisting(parse.GetValue(db)!, "positions");
            if (store is null) return 2;
            var q = new PositionQuery { Issue = parse.GetValue(issue), Actor = parse.GetValue(actor) };
            var rows = parse.GetValue(history) ? store.Positions(q) : store.PositionMatrix(q);
            if (rows.Count == 0)
            {
                Console.Error.WriteLine("parley positions: no matching positions");
                return 1;
            }
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(ProcessJsonOutput.Write(rows));
                return 0;
            }
            foreach (var g in rows.GroupBy(p => p.Holder))
            {
                Console.Out.WriteLine(g.Key);
                foreach (var p in g) Console.Out.Write(Human(p));
            }
            return 0;
        });
        return command;
    }

    internal static string Stance(StoredPosition p) =>
        p.Stance + (p.Targets.Count > 0 ? $" [{string.Join(",", p.Targets)}]" : "") +
        (p.ConditionText is { } c ? $" if “{c}”{(p.ConditionIssue is { } ci ? $" ({ci})" : "")}" : "") +
        (p.Cue is { } cue ? $" — “{cue}”" : "");

    static string Human(StoredPosition p)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"  {p.Issue,-22} {Stance(p)}  {p.Date ?? "(undated)"}  {p.ActorName}\n");
        if (p.Evidence.Text is { } t) sb.Append(CultureInfo.InvariantCulture, $"      “{TimelineCommand.Trim(t, 200)}” — {p.Evidence.ArticleId}, sentence {p.Evidence.Sentence}\n");
        return sb.ToString();
    }
}
