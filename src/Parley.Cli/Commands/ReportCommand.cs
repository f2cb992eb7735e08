using System.CommandLine;
using Parley.Store;

namespace Parley.Cli.Commands;

/// <summary>parley report: an analyst's brief on a process, an actor or an issue, every claim footnoted to its article and sentence.</summary>
static class ReportCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var actor = new Option<string?>("--actor") { Description = "brief on an actor: ISO3 country, CAMEO code, or part of a name" };
        var issue = new Option<string?>("--issue") { Description = "brief on an issue id of knowledge/process/issues.tsv" };
        var process = new Option<string?>("--process") { Description = "brief on a negotiating format (astana, normandy, …)" };
        var format = new Option<string>("--format") { Description = "md or html", DefaultValueFactory = _ => "md" };
        var output = new Option<FileInfo?>("--out") { Description = "write to this file instead of stdout" };
        var limit = new Option<int>("--events") { Description = "at most N events in the timeline section", DefaultValueFactory = _ => 40 };
        var command = new Command("report", "an analyst's brief (Markdown or self-contained HTML) with every claim footnoted to its sources")
        {
            db, actor, issue, process, format, output, limit,
        };
        command.SetAction(parse =>
        {
            var chosen = new[] { parse.GetValue(actor), parse.GetValue(issue), parse.GetValue(process) }.Count(v => !string.IsNullOrWhiteSpace(v));
            if (chosen != 1) throw new ArgumentException("report: give exactly one of --actor, --issue or --process");
            var fmt = parse.GetValue(format)!.Trim().ToLowerInvariant();
            if (fmt is not ("md" or "html")) throw new ArgumentException($"--format: \"{parse.GetValue(format)}\" is not md or html");
            if (parse.GetValue(limit) <= 0) throw new ArgumentException("--events must be positive");
            using var store = StoreAccess.OpenExisting(parse.GetValue(db)!, "report");
            if (store is null) return 2;
            var brief = parse.GetValue(process) is { } p && !string.IsNullOrWhiteSpace(p) ? ProcessBrief(store, p, parse.GetValue(limit))
                : parse.GetValue(actor) is { } a && !string.IsNullOrWhiteSpace(a) ? ActorBrief(store, a.Trim(), parse.GetValue(limit))
                : IssueBrief(store, parse.GetValue(issue)!.Trim(), parse.GetValue(limit));
            var text = fmt == "md" ? brief.Markdown() : brief.Html();
            if (parse.GetValue(output) is { } file) File.WriteAllText(file.FullName, text);
            else Console.Out.Write(text);
            return 0;
        });
        return command;
    }

    static string Who(TimelineEntry e) => TimelineCommand.Actors(e);

    static void TimelineSection(Brief b, string title, IReadOnlyList<TimelineEntry> events)
    {
        if (events.Count == 0) return;
        var t = new Brief.Table(["date", "event", "parties", "place", "sources"], []);
        foreach (var e in events)
            t.Rows.Add([
                b.C(e.Date ?? "undated"),
                b.C(e.Type.ToLowerInvariant() + (e.Mode is { } m ? $" ({m})" : "") + (e.Mentions.FirstOrDefault()?.Trigger is { } tr ? $": “{tr}”" : ""), e.Mentions.Select(x => x.Evidence)),
                b.C(Who(e)), b.C(e.Place ?? ""), b.C(e.Sources.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ]);
        b.Sections.Add(new Brief.Section(title, [t]));
    }

    static void PositionsSection(Brief b, string title, IReadOnlyList<StoredPosition> rows)
    {
        if (rows.Count == 0) return;
        var t = new Brief.Table(["actor", "issue", "latest stance", "condition", "date"], []);
        foreach (var p in rows)
            t.Rows.Add([
                b.C(p.ActorName is { } n && n != p.Holder ? $"{p.Holder} ({n})" : p.Holder), b.C(p.Issue),
                b.C(p.Stance + (p.Targets.Count > 0 ? $" [{string.Join(", ", p.Targets)}]" : "") + (p.Cue is { } c ? $" — “{c}”" : ""), [p.Evidence]),
                b.C(p.ConditionText is { } ct ? $"“{ct}”{(p.ConditionIssue is { } ci ? $" ({ci})" : "")}" : ""), b.C(p.Date ?? ""),
            ]);
        b.Sections.Add(new Brief.Section(title, [t]));
    }

    internal static Brief ProcessBrief(SqliteStore store, string name, int limit)
    {
        var p = store.Process(name);
        var b = new Brief { Title = $"{p.Name}: analyst's brief" };
        b.Summary.Add(b.C($"{p.Name}{(p.Conflict is { } c ? $", on {c}" : "")}{(p.Start is { } s ? $", since {s}" : "")}{(p.End is { } e ? $", until {e}" : "")}; {p.Articles} stored article(s) name or imply it."));
        foreach (var role in p.Members.Where(m => m.Basis != "kb").GroupBy(m => m.Role))
            b.Summary.Add(b.C($"{Plural(role.Key)} named in the texts: {string.Join(", ", role.Select(m => m.Name ?? m.Member))}.", role.SelectMany(m => m.Evidence.Take(1))));
        if (p.Rounds.Count > 0)
        {
            var last = p.Rounds[^1];
            b.Summary.Add(b.C($"{p.Rounds.Count} numbered round(s) attested, the latest the {ProcessCommand.Ordinal(last.Number)}{(last.Date is { } d ? $" ({d}{(last.Place is { } pl ? $", {pl}" : "")})" : "")}.", last.Evidence));
        }
        foreach (var f in p.Facts.Where(f => f.Kind is "end-proposed" or "ended" or "suspended" or "launched" or "resumed"))
            b.Summary.Add(b.C($"{f.Kind.Replace('-', ' ')}: {f.Actor ?? "unnamed actor"}{(f.Date is { } d ? $", {d}" : "")} — “{f.Cue}”.", [f.Evidence]));

        var members = new Brief.Table(["member", "role (texts)", "role (knowledge base)", "attested", "evidence"], []);
        foreach (var m in p.Members)
            members.Rows.Add([
                b.C(m.Name ?? m.Member), b.C(m.Basis == "kb" ? "—" : m.Role), b.C(m.KnownRole is { } k ? k + (m.KnownSince is { } since ? $" since {since}" : "") : "—"),
                b.C(m.First is null ? "" : m.First == m.Last ? m.First : $"{m.First} … {m.Last}"), b.C(m.Evidence.Count == 0 ? "knowledge base only" : $"{m.Evidence.Count} sentence(s)", m.Evidence),
            ]);
        b.Sections.Add(new Brief.Section("Members and roles", [members]));

        if (p.Rounds.Count > 0)
        {
            var rounds = new Brief.Table(["round", "date", "place", "evidence"], []);
            foreach (var r in p.Rounds)
                rounds.Rows.Add([b.C(ProcessCommand.Ordinal(r.Number)), b.C(r.Date ?? "undated"), b.C(r.Place ?? ""), b.C($"{r.Evidence.Count} sentence(s)", r.Evidence)]);
            b.Sections.Add(new Brief.Section("Rounds", [rounds]));
        }
        if (p.Facts.Count > 0 || p.Outcomes.Count > 0)
        {
            var facts = new Brief.Table(["date", "what", "who", "words"], []);
            foreach (var f in p.Facts) facts.Rows.Add([b.C(f.Date ?? ""), b.C(f.Kind), b.C(f.Actor ?? ""), b.C($"“{f.Cue}”", [f.Evidence])]);
            foreach (var f in p.Outcomes)
                facts.Rows.Add([b.C(f.Date ?? ""), b.C($"{f.Label} ({f.Kind.ToLowerInvariant()})"), b.C(f.Actor ?? ""), b.C((f.Cue is { } cue ? $"“{cue}”" : "") + (f.Sources > 1 ? $", {f.Sources} sources" : ""), [f.Evidence])]);
            b.Sections.Add(new Brief.Section("Decisions and outcomes", [facts]));
        }
        var countries = p.Members.Select(m => m.Member).ToHashSet(StringComparer.Ordinal);
        PositionsSection(b, "Positions of members", store.PositionMatrix(new PositionQuery()).Where(x => countries.Contains(x.Holder)).ToList());
        TimelineSection(b, "Timeline of linked events", p.Events.Take(limit).ToList());
        return b;
    }

    internal static Brief ActorBrief(SqliteStore store, string actor, int limit)
    {
        var events = store.Timeline(new TimelineQuery { Actor = actor, Limit = limit });
        var positions = store.PositionMatrix(new PositionQuery { Actor = actor });
        if (events.Count == 0 && positions.Count == 0) throw new ArgumentException($"--actor: nothing stored about \"{actor}\"");
        var b = new Brief { Title = $"{actor}: analyst's brief" };
        b.Summary.Add(b.C($"{events.Count} merged event(s) and {positions.Count} stance(s) on {positions.Select(p => p.Issue).Distinct().Count()} issue(s) in the store."));
        foreach (var p in positions.OrderByDescending(p => p.Date ?? "", StringComparer.Ordinal).Take(3))
            b.Summary.Add(b.C($"{p.Holder} {p.Stance} {p.Issue}{(p.ConditionIssue is { } ci ? $" (on condition of {ci})" : "")}, {p.Date ?? "undated"}.", [p.Evidence]));
        if (events.OrderByDescending(e => e.Sources).FirstOrDefault() is { } top)
            b.Summary.Add(b.C($"Most reported event: {top.Type.ToLowerInvariant()} {Who(top)} on {top.Date ?? "an unknown date"} ({top.Sources} sources).", top.Mentions.Select(m => m.Evidence)));
        PositionsSection(b, "Positions", positions);
        TimelineSection(b, "Timeline", events);
        return b;
    }

    internal static Brief IssueBrief(SqliteStore store, string issue, int limit)
    {
        var positions = store.PositionMatrix(new PositionQuery { Issue = issue });
        var events = store.Timeline(new TimelineQuery { Issue = issue, Limit = limit });
        var b = new Brief { Title = $"Issue {issue}: analyst's brief" };
        b.Summary.Add(b.C($"{positions.Count} actor(s) with a stance; {events.Count} merged event(s) mention the issue."));
        foreach (var g in positions.GroupBy(p => p.Stance).OrderBy(g => g.Key, StringComparer.Ordinal))
            b.Summary.Add(b.C($"{g.Key}: {string.Join(", ", g.Select(p => p.Holder))}.", g.Select(p => p.Evidence)));
        PositionsSection(b, "Positions (latest per actor)", positions);
        TimelineSection(b, "Timeline", events);
        return b;
    }

    static string Plural(string role) => role switch
    {
        "party" => "Parties", "co-chair" => "Co-chairs", _ => char.ToUpperInvariant(role[0]) + role[1..] + "s",
    };
}
