using Xunit;

namespace Parley.TestSupport;

/// <summary>Locates ../shared (reference data that is never copied into the repo).</summary>
public static class SharedData
{
    public static readonly string? Root = Find();

    public static string PathOf(string relative) =>
        Path.Combine(Root ?? throw new InvalidOperationException("../shared is absent"), relative);

    static string? Find()
    {
        if (Environment.GetEnvironmentVariable("PARLEY_SHARED") is { Length: > 0 } env && Directory.Exists(env))
            return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "seeds")) && dir.GetDirectories("src").Length == 0)
                return candidate;
            var sibling = Path.Combine(dir.FullName, "..", "shared");
            if (Directory.Exists(Path.Combine(sibling, "seeds")))
                return Path.GetFullPath(sibling);
        }
        return null;
    }
}

/// <summary>A fact that reads ../shared; skipped with a clear message when it is absent.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (SharedData.Root is null)
            Skip = "../shared is absent: this test reads reference data from ../shared (seeds, gold, corpora)";
    }
}

/// <summary>A theory over ../shared data; skipped with a clear message when it is absent.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
    {
        if (SharedData.Root is null)
            Skip = "../shared is absent: this test reads reference data from ../shared (seeds, gold, corpora)";
    }
}
