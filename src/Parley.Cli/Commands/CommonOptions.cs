using System.CommandLine;
using Parley.Pipeline;

namespace Parley.Cli.Commands;

/// <summary>Options several commands share, and how they become pipeline settings.</summary>
static class CommonOptions
{
    public static Argument<string[]> Inputs() => new("INPUT")
    {
        Description = "files (.txt, .html, .htm, .jsonl, .jsonl.gz), directories (recursive), or - for stdin",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Option<string?> Published() => new("--published")
    {
        Description = "publication date (YYYY-MM-DD) for inputs that carry none",
    };

    public static Option<FileInfo?> PublishedFrom() => new("--published-from")
    {
        Description = "TSV (name<TAB>date) or JSON {name: date} map of input file name → publication date; overrides the input's own",
    };

    public static Option<string> Db() => new("--db")
    {
        Description = "SQLite database path",
        DefaultValueFactory = _ => "parley.db",
    };

    public static Option<int> Threads() => new("--threads")
    {
        Description = "worker threads (default: all cores)",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    public static Option<string[]> ActorsDirs() => new("--actors")
    {
        Description = "directory of user actor files in the shapes of knowledge/actors (countries.tsv, organizations.tsv, role-titles.tsv, people/*.tsv); rows replace shipped rows with the same id or name",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string[]> ActorsDicts() => new("--actors-dict")
    {
        Description = "TABARI/PETRARCH actor dictionary to merge (persons with dated CAMEO codes)",
    };

    public static Option<string[]> PlacesDirs() => new("--places")
    {
        Description = "directory of user gazetteer files in the shapes of knowledge/places (*.tsv: id, name, aliases, kind, country, lat, lon, parent, note; cues.tsv); rows replace shipped rows with the same id",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Pipeline options from --published/--published-from/--actors/--actors-dict/--places; a bad value is a usage error.</summary>
    public static PipelineOptions PipelineOptionsFrom(string? published, FileInfo? publishedFrom, string[]? actors = null, string[]? actorsDicts = null, string[]? places = null) => new()
    {
        ActorsDirectories = actors ?? [],
        ActorsDictionaries = actorsDicts ?? [],
        PlacesDirectories = places ?? [],
        Published = published is null ? null : PipelineOptions.NormalizeOrThrow(published, "--published"),
        PublishedByFile = publishedFrom is null
            ? new Dictionary<string, string>()
            : PipelineOptions.ReadPublishedMap(publishedFrom.FullName),
    };
}

/// <summary>The options that configure the pipeline (--published, --published-from, --actors, --actors-dict, --places), declared once.</summary>
sealed class PipelineOptionSet
{
    readonly Option<string?> _published = CommonOptions.Published();
    readonly Option<FileInfo?> _publishedFrom = CommonOptions.PublishedFrom();
    readonly Option<string[]> _actors = CommonOptions.ActorsDirs();
    readonly Option<string[]> _actorsDicts = CommonOptions.ActorsDicts();
    readonly Option<string[]> _places = CommonOptions.PlacesDirs();

    public void AddTo(Command command)
    {
        command.Options.Add(_published);
        command.Options.Add(_publishedFrom);
        command.Options.Add(_actors);
        command.Options.Add(_actorsDicts);
        command.Options.Add(_places);
    }

    public PipelineOptions From(ParseResult parse) => CommonOptions.PipelineOptionsFrom(
        parse.GetValue(_published), parse.GetValue(_publishedFrom), parse.GetValue(_actors), parse.GetValue(_actorsDicts), parse.GetValue(_places));
}
