namespace Parley.Actors;

/// <summary>A row of countries.tsv.</summary>
public sealed record Country(
    string Iso3, string Cameo, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Demonyms,
    string? Capital, IReadOnlyList<string> Metonyms, string Leader);

/// <summary>A row of organizations.tsv. Kind: igo | group | format | agency.</summary>
public sealed record Organization(
    string Id, string Kind, string? Cameo, string Name, IReadOnlyList<string> Aliases, string? Country,
    IReadOnlyList<string> Members, string? Note);

/// <summary>A row of role-titles.tsv.</summary>
public sealed record RoleTitle(string Role, string? Agent, IReadOnlyList<string> Phrases);

/// <summary>One tenure of a person (a row of people/*.tsv, or a dated code of a TABARI entry).</summary>
public sealed record Tenure(string? Country, string? Role, string? Title, string? Cameo, string? Start, string? End)
{
    /// <summary>True when the (ISO, possibly partial) date falls inside the tenure; a null date means "now".</summary>
    public bool Covers(string? date) => KbDate.Covers(Start, End, date);
}

/// <summary>A person: canonical name, aliases, gender and dated tenures.</summary>
public sealed class Person
{
    public required string Name { get; init; }
    public List<string> Aliases { get; } = [];
    /// <summary>m, f or null.</summary>
    public string? Gender { get; set; }
    public List<Tenure> Tenures { get; } = [];
    /// <summary>Where the person came from: a file name or "tabari".</summary>
    public string? Source { get; set; }

    /// <summary>The tenure at the date (null date: the current or latest one); null when none covers it.</summary>
    public Tenure? TenureAt(string? date)
    {
        Tenure? best = null;
        foreach (var t in Tenures)
            if (t.Covers(date) && (best is null || string.CompareOrdinal(KbDate.StartKey(t.Start), KbDate.StartKey(best.Start)) > 0))
                best = t;
        return best;
    }

    /// <summary>The tenure at the date, else the one closest to it in time (for codes and countries of people out of office).</summary>
    public Tenure? TenureNearest(string? date)
    {
        if (TenureAt(date) is { } at) return at;
        if (Tenures.Count == 0) return null;
        var key = KbDate.StartKey(date ?? "9999");
        Tenure? best = null;
        long bestDist = long.MaxValue;
        foreach (var t in Tenures)
        {
            var dist = Math.Min(KbDate.Distance(key, KbDate.StartKey(t.Start)), KbDate.Distance(key, KbDate.EndKey(t.End)));
            if (dist < bestDist) { best = t; bestDist = dist; }
        }
        return best;
    }
}

/// <summary>ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) compared as padded strings.</summary>
public static class KbDate
{
    public static bool IsValid(string s) =>
        s.Length is 4 or 7 or 10 && DateOnly.TryParseExact(Pad(s, "-01-01"), "yyyy-MM-dd", out _);

    static string Pad(string s, string tail) => s.Length >= 10 ? s[..10] : s + tail[(s.Length - 4)..];

    public static string StartKey(string? s) => string.IsNullOrEmpty(s) ? "0000-01-01" : Pad(s, "-01-01");
    public static string EndKey(string? s) => string.IsNullOrEmpty(s) ? "9999-12-31" : Pad(s, "-12-31");

    public static bool Covers(string? start, string? end, string? date)
    {
        var d = date is { Length: >= 4 } ? StartKey(date) : "9999-12-30";
        return string.CompareOrdinal(StartKey(start), d) <= 0 && string.CompareOrdinal(d, EndKey(end)) <= 0;
    }

    internal static long Distance(string a, string b)
    {
        static long Days(string k) => DateOnly.TryParseExact(k, "yyyy-MM-dd", out var d) ? d.DayNumber : 0;
        return Math.Abs(Days(a) - Days(b));
    }
}
