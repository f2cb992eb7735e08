using System.CommandLine;
using Parley.Cli.Commands;

var root = new RootCommand("parley: news reports about diplomacy and conflict → provenance-linked records")
{
    ExtractCommand.Create(),
    IngestCommand.Create(),
    DemoCommand.Create(),
    StatsCommand.Create(),
    QuotesCommand.Create(),
    EventsCommand.Create(),
    ExportCommand.Create(),
    EvalCommand.Create(),
    EvalExtractionCommand.Create(),
    EvalPolNearCommand.Create(),
    BenchCommand.Create(),
    ActorsCommand.Create(),
    TimeCommand.Create(),
    PlacesCommand.Create(),
    ServeCommand.Create(),
    TimelineCommand.Create(),
    TimelineCommand.CreateEvent(),
    PositionsCommand.Create(),
    ProcessCommand.Create(),
    ReportCommand.Create(),
};
try
{
    return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException or ArgumentException)
{
    // Usage and environment errors (a bad date, an unreadable map file): one clear line, no stack trace.
    Console.Error.WriteLine($"parley: {ex.Message}");
    return 2;
}
