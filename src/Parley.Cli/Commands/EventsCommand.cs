using System.CommandLine;
using System.Text;
using Parley.Store;
using Parley.Store.Export;

namespace Parley.Cli.Commands;

/// <summary>The event filters `events` and `export` share, declared once; bad values are usage errors (exit 2).</summary>
sealed class EventFilterOptions
{
    readonly Option<string?> _actor = new("--actor") { Description = "a party on either side: CAMEO code or its prefix (RUS matches RUSGOV), or an ISO3 country" };
    readonly Option<string?> _source = new("--source") { Description = "a party on the source side (same matching as --actor)" };
    readonly Option<string?> _target = new("--target") { Description = "a party on the target side (same matching as --actor)" };
    readonly Option<string?> _type = new("--type") { Description = "PLOVER type (CONSULT, ASSAULT, …) or a CAMEO code prefix (04, 042)" };
    readonly Option<string?> _from = new("--from") { Description = "earliest event date, inclusive (2023, 2023-09, 2023-09-05); partial event dates match when they overlap" };
    readonly Option<string?> _to = new("--to") { Description = "latest event date, inclusive (2023, 2023-09, 2023-09-05)" };
    readonly Option<string?> _modality = new("--modality") { Description = "asserted, planned, hypothetical or reported-claim" };
    readonly Option<string?> _negated = new("--negated") { Description = "include or exclude negated events (\"did not meet\")" };
    readonly Option<int> _offset = new("--offset") { Description = "skip the first N matches (paging)", DefaultValueFactory = _ => 0 };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { _actor, _source, _target, _type, _from, _to, _modality, _negated, _offset }) command.Options.Add(o);
    }

    /// <summary>The query the options describe; <paramref name="negatedDefault"/> applies when --negated is not given.</summary>
    public EventQuery Query(ParseResult parse, int? limit, bool negatedDefault)
    {
        var offset = parse.GetValue(_offset);
        if (offset < 0) throw new ArgumentException($"--offset must not be negative (got {offset})");
        return new EventQuery
        {
            Actor = Code(parse.GetValue(_actor), "--actor"),
            Source = Code(parse.GetValue(_source), "--source"),
            Target = Code(parse.GetValue(_target), "--target"),
            Type = TypeOf(parse.GetValue(_type)),
            From = QuotesCommand.DateBound(parse.GetValue(_from), "--from"),
            To = QuotesCommand.DateBound(parse.GetValue(_to), "--to"),
            Modality = ModalityOf(parse.GetValue(_modality)),
            IncludeNegated = parse.GetValue(_negated)?.Trim().ToLowerInvariant() switch
            {
                null or "" => negatedDefault,
                "include" => true,
                "exclude" => false,
                var other => throw new ArgumentException($"--negated: \"{other}\" is not include or exclude"),
            },
            Limit = limit,
            Offset = offset,
        };
    }

    static string? Code(string? raw, string option)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var s = raw.Trim();
        return s.All(char.IsAsciiLetterOrDigit) ? s.ToUpperInvariant()
            : throw new ArgumentException($"{option}: \"{raw}\" is not a CAMEO code or ISO3 country (letters only, e.g. RUS, RUSGOV)");
    }

    internal static string? TypeOf(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var s = raw.Trim();
        if (s.All(char.IsAsciiDigit))
            return s.Length is >= 2 and <= 4 ? s : throw new ArgumentException($"--type: \"{raw}\" is not a CAMEO code prefix (2 to 4 digits, e.g. 04)");
        var t = s.ToUpperInvariant();
        return SqliteStore.KnownEventTypes.Contains(t) ? t
            : throw new ArgumentException($"--type: \"{raw}\" is not a PLOVER type ({string.Join(", ", SqliteStore.KnownEventTypes)}) or a CAMEO code prefix");
    }

    static string? ModalityOf(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var m = raw.Trim().ToLowerInvariant();
        return EventQuery.Modalities.Contains(m) ? m : throw new ArgumentException($"--modality: \"{raw}\" is not one of {string.Join(", ", EventQuery.Modalities)}");
    }
}

/// <summary>
/// parley events: stored events by party, type, event date and modality, latest first. One block per event at a
/// terminal; JSON lines (the jsonl export shape) with --json or when stdout is a pipe.
/// Exit 0 when something matched, 1 when nothing did, 2 on a usage error or a missing database.
/// </summary>
static class EventsCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var filters = new EventFilterOptions();
        var limit = new Option<int>("--limit") { Description = "at most N events", DefaultValueFactory = _ => 50 };
        var json = new Option<bool>("--json") { Description = "one JSON object per event per line (also whenever stdout is a pipe)" };
        var command = new Command("events", "stored events by actor, source, target, type, event date and modality, latest first") { db, limit, json };
        filters.AddTo(command);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(db)!;
            var n = parse.GetValue(limit);
            if (n < 1) throw new ArgumentException($"--limit must be at least 1 (got {n})");
            var query = filters.Query(parse, n, negatedDefault: true);
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"parley events: no database at {Path.GetFullPath(path)} (run `parley ingest` or `parley demo` first)");
                return 2;
            }
            using var store = SqliteStore.Open(path);
            var asJson = parse.GetValue(json) || Console.IsOutputRedirected;
            var writer = asJson ? EventExporter.Create("jsonl", Console.Out) : null;
            var width = TerminalWidth();
            var count = 0;
            foreach (var e in store.Events(query))
            {
                count++;
                if (writer is not null) writer.Write(e);
                else Console.Out.Write(FormatHuman(e, width));
            }
            if (count == 0)
            {
                Console.Error.WriteLine("parley events: no matching events");
                return 1;
            }
            if (!asJson && count == n)
                Console.Error.WriteLine($"parley events: first {count} shown; more with --offset {query.Offset + count}");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// <c>2023-09-04  CONSULT/visit 040  Vladimir Putin (RUSGOV) → Recep Tayyip Erdogan (TURGOV)  @ Sochi</c>,
    /// then the trigger and an excerpt of the sentence, then <c>[article · outlet]</c> and a blank line.
    /// </summary>
    internal static string FormatHuman(StoredEvent s, int width)
    {
        var e = s.Event;
        var sb = new StringBuilder();
        sb.Append(e.Date ?? "undated").Append("  ");
        if (e.Negated) sb.Append("NOT ");
        sb.Append(e.Type);
        if (e.Mode is { Length: > 0 } mode) sb.Append('/').Append(mode);
        if (e.Cameo is { Length: > 0 } cameo) sb.Append(' ').Append(cameo);
        if (e.Modality is { Length: > 0 } m && m != "asserted") sb.Append(" (").Append(m).Append(')');
        sb.Append("  ").Append(Parties(e.Source)).Append(" → ").Append(Parties(e.Target));
        if (e.Location is { } loc) sb.Append("  @ ").Append(loc.Name).Append(loc.Country is { } c ? $" ({c})" : "");
        sb.Append('\n');
        var excerpt = s.SentenceText is { } text ? Excerpt(text, e.Trigger, Math.Max(30, width - 6 - (e.Trigger?.Length ?? 0))) : null;
        sb.Append("    ");
        if (e.Trigger is { Length: > 0 } trigger) sb.Append('"').Append(trigger).Append('"');
        if (excerpt is not null) sb.Append(e.Trigger is { Length: > 0 } ? " — " : "").Append(excerpt);
        sb.Append('\n');
        sb.Append("  [").Append(s.ArticleId);
        if (s.Outlet is { Length: > 0 } outlet) sb.Append(" · ").Append(outlet);
        sb.Append("]\n\n");
        return sb.ToString();
    }

    static string Parties(List<Parley.Core.ActorRef> refs) =>
        refs.Count == 0 ? "-" : string.Join(", ", refs.Select(r =>
            (r.Name ?? r.Code ?? r.Country ?? "?") + ((r.Code ?? r.Country) is { } code && r.Name is not null ? $" ({code})" : "")));

    /// <summary>The sentence cut to <paramref name="width"/> characters around the trigger, with "…" where it was cut.</summary>
    internal static string Excerpt(string text, string? trigger, int width)
    {
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= width) return text;
        var at = trigger is { Length: > 0 } ? text.IndexOf(trigger, StringComparison.OrdinalIgnoreCase) : -1;
        var start = Math.Clamp(at < 0 ? 0 : at - width / 3, 0, text.Length - width);
        var end = start + width;
        // whole words only
        if (start > 0 && text[start - 1] != ' ' && text.IndexOf(' ', start) is var sp and >= 0 && sp < end) start = sp + 1;
        if (end < text.Length && text[end] != ' ' && text.LastIndexOf(' ', end - 1) is var last && last > start) end = last;
        return (start > 0 ? "…" : "") + text[start..end].Trim() + (end < text.Length ? "…" : "");
    }

    static int TerminalWidth()
    {
        try
        {
            return Math.Clamp(Console.WindowWidth, 40, 120);
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
