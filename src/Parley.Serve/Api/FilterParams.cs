using Parley.Core;
using Parley.Store;

namespace Parley.Serve.Api;

/// <summary>Parsing of the event, actor and network filters; a bad value is a 400 naming the parameter.</summary>
static class FilterParams
{
    /// <summary>An actor filter: a CAMEO code, prefix or ISO3 country ("RUS", "usagov"), or an actor key ("RUSGOV_sergei-lavrov").</summary>
    public static string? Actor(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim();
        if (ActorKey.TryParse(v, out _, out _)) return v;
        if (ActorKey.IsCode(v)) return v.ToUpperInvariant();
        throw new BadParameterException(name, $"{name} must be a CAMEO code or ISO3 country (letters and digits, e.g. RUS, USAGOV) or an actor key (e.g. RUSGOV_sergei-lavrov), got \"{Short(v)}\"");
    }

    /// <summary>"A,B": two actor filters.</summary>
    public static (string A, string B)? Dyad(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            throw new BadParameterException(name, $"{name} must be two actors separated by a comma (A,B), got \"{Short(value)}\"");
        return (Actor(parts[0], name)!, Actor(parts[1], name)!);
    }

    /// <summary>A PLOVER type (case-insensitive) or a CAMEO code prefix of 2–4 digits.</summary>
    public static string? EventType(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim();
        if (v.All(char.IsAsciiDigit) && v.Length is >= 2 and <= 4) return v;
        if (SqliteStore.KnownEventTypes.Contains(v.ToUpperInvariant())) return v.ToUpperInvariant();
        throw new BadParameterException(name, $"{name} must be a PLOVER type ({string.Join(", ", SqliteStore.KnownEventTypes.Order(StringComparer.Ordinal))}) or a CAMEO code of 2 to 4 digits, got \"{Short(v)}\"");
    }

    public static bool? Bool(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return value.Trim().ToLowerInvariant() switch
        {
            "true" or "1" or "yes" => true,
            "false" or "0" or "no" => false,
            _ => throw new BadParameterException(name, $"{name} must be true or false, got \"{Short(value)}\""),
        };
    }

    /// <summary>from ≤ to when both are given (compared by the days they cover).</summary>
    public static void Window(string? from, string? to)
    {
        if (from is null || to is null) return;
        var lo = SqliteStore.DateInterval(from).Lo;
        var hi = SqliteStore.DateInterval(to).Hi;
        if (lo is not null && hi is not null && string.CompareOrdinal(lo, hi) > 0)
            throw new BadParameterException("to", $"to ({to}) is before from ({from})");
    }

    static readonly Lazy<HashSet<string>?> IssueIds = new(() =>
    {
        var path = Knowledge.PathOf("process/issues.tsv");
        if (!File.Exists(path)) return null;
        return Knowledge.ReadRows(path).Where(r => r.Cells.Length > 0 && r.Cells[0].Length > 0)
            .Select(r => r.Cells[0]).ToHashSet(StringComparer.Ordinal);
    });

    /// <summary>The issue ids of knowledge/process/issues.tsv; null when the process layer's knowledge is absent.</summary>
    public static IReadOnlySet<string>? KnownIssues => IssueIds.Value;

    public static string? Issue(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim().ToLowerInvariant();
        if (KnownIssues is not { } known)
            throw new BadParameterException(name, "issue filter needs the process layer (no knowledge/process/issues.tsv)");
        return known.Contains(v) ? v
            : throw new BadParameterException(name, $"{name} must be an issue id of knowledge/process/issues.tsv ({string.Join(", ", known.Order(StringComparer.Ordinal))}), got \"{Short(value)}\"");
    }

    static string Short(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
