namespace Parley.Places;

/// <summary>One gazetteer row: a country, capital, city, province, region or site, with coordinates.</summary>
public sealed record PlaceEntry(
    string Id,
    string Name,
    IReadOnlyList<string> Aliases,
    string Kind,
    string Country,
    double Lat,
    double Lon,
    string? Parent,
    string? Note,
    string Source)
{
    public static readonly IReadOnlyList<string> Kinds = ["country", "capital", "city", "province", "region", "site"];

    /// <summary>Countries and capitals double as names of governments: they count as places only with a cue.</summary>
    public bool IsStateName => Kind is "country" or "capital";

    /// <summary>Tie-break between same-named entries: the more prominent kind first.</summary>
    internal int KindRank => Kind switch
    {
        "country" => 5, "capital" => 4, "city" => 3, "province" => 2, "region" => 1, _ => 0,
    };
}
