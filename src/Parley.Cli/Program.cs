using System.CommandLine;
using Parley.Cli.Commands;

var root = new RootCommand("parley: news reports about diplomacy and conflict → provenance-linked records")
{
    ExtractCommand.Create(),
    IngestCommand.Create(),
    DemoCommand.Create(),
    StatsCommand.Create(),
    EvalCommand.Create(),
    EvalExtractionCommand.Create(),
    BenchCommand.Create(),
};
return root.Parse(args).Invoke();
