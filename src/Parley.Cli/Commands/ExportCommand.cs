using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Parley.Store;
using Parley.Store.Export;

namespace Parley.Cli.Commands;

/// <summary>
/// parley export: stored events as JSON lines (jsonl), PLOVER JSON lines (plover) or a GDELT 2.0 Events table
/// (gdelt-csv), streamed to a file or stdout; progress on stderr for large exports, the count at the end.
/// Negated events are left out of gdelt-csv by default (the table cannot mark them); the JSON formats keep them.
/// </summary>
static class ExportCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var filters = new EventFilterOptions();
        var format = new Option<string>("--format") { Description = "jsonl, plover or gdelt-csv", Required = true };
        var output = new Option<string?>("--out") { Description = "file to write (default: stdout)" };
        var delimiter = new Option<string?>("--delimiter") { Description = "gdelt-csv field separator: tab (default, as GDELT ships) or comma" };
        var limit = new Option<int?>("--limit") { Description = "at most N events (default: all)" };
        var command = new Command("export", "stored events as jsonl, PLOVER JSON lines or a GDELT 2.0 Events table") { db, format, output, delimiter, limit };
        filters.AddTo(command);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(db)!;
            var fmt = parse.GetValue(format)!.Trim().ToLowerInvariant();
            if (!EventExporter.Formats.Contains(fmt))
                throw new ArgumentException($"--format: \"{parse.GetValue(format)}\" is not one of {string.Join(", ", EventExporter.Formats)}");
            var sep = parse.GetValue(delimiter)?.Trim().ToLowerInvariant() switch
            {
                null or "" or "tab" or "\\t" => '\t',
                "comma" or "," => ',',
                var other => throw new ArgumentException($"--delimiter: \"{other}\" is not tab or comma"),
            };
            var n = parse.GetValue(limit);
            if (n is < 1) throw new ArgumentException($"--limit must be at least 1 (got {n})");
            var query = filters.Query(parse, n, negatedDefault: fmt != "gdelt-csv");
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"parley export: no database at {Path.GetFullPath(path)} (run `parley ingest` or `parley demo` first)");
                return 2;
            }
            var outPath = parse.GetValue(output);
            using var store = SqliteStore.Open(path);
            var total = store.CountEvents(query);
            var clock = Stopwatch.StartNew();
            long events = 0, rows = 0;
            var utf8 = new UTF8Encoding(false);
            using (var stream = outPath is null ? Console.OpenStandardOutput() : File.Create(outPath))
            using (var writer = new StreamWriter(stream, utf8, 1 << 16))
            using (var progress = new Progress($"export {fmt}", total))
            {
                var exporter = EventExporter.Create(fmt, writer, sep);
                exporter.Begin();
                foreach (var e in store.Events(query))
                {
                    rows += exporter.Write(e);
                    if (++events % 1000 == 0) progress.Report(events, events);
                }
                progress.Report(events, events);
            }
            var seconds = clock.Elapsed.TotalSeconds;
            var rate = seconds > 0 ? events / seconds : 0;
            var rowNote = fmt == "gdelt-csv" ? $" ({rows} rows)" : "";
            Console.Error.WriteLine($"parley export: {events} events{rowNote} as {fmt}{(outPath is null ? "" : $" to {outPath}")} in {seconds:0.00} s ({rate:0} events/s)");
            return 0;
        });
        return command;
    }
}
