using System.Globalization;

namespace Parley.Ingest.Metadata;

/// <summary>
/// Normalises the date strings inputs and pages carry ("2019-01-23", "2019-01-23T10:00:00Z",
/// "3.12.2024 - 19:23", "January 23, 2019", "23 Jan 2019", RFC 1123) to ISO 8601:
/// a date, or a datetime when a time of day is given.
/// </summary>
public static class DateNormalizer
{
    static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm",
        "d.M.yyyy - HH:mm", "d.M.yyyy HH:mm", "d.M.yyyy, HH:mm",
        "ddd, dd MMM yyyy HH:mm:ss 'GMT'", "ddd, d MMM yyyy HH:mm:ss zzz", "ddd, dd MMM yyyy HH:mm:ss zzz",
        "MMMM d, yyyy h:mm tt", "MMMM d, yyyy HH:mm", "MMM d, yyyy h:mm tt",
    ];

    static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd", "d.M.yyyy", "dd.MM.yyyy",
        "MMMM d, yyyy", "MMMM d yyyy", "MMM d, yyyy", "MMM. d, yyyy", "MMM d yyyy",
        "d MMMM yyyy", "d MMM yyyy", "dd MMMM yyyy", "dd MMM yyyy", "dddd, MMMM d, yyyy", "dddd d MMMM yyyy",
        "M/d/yyyy",
    ];

    /// <summary>ISO form of <paramref name="raw"/>, or null when it is not a recognisable date.</summary>
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var s = raw.Trim();
        if (s.Length > 64) return null;
        var inv = CultureInfo.InvariantCulture;
        if (DateTime.TryParseExact(s, DateTimeFormats, inv, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var dt))
            return Plausible(dt) ? (HasZone(s) ? dt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", inv) : dt.ToString("yyyy-MM-dd'T'HH:mm:ss", inv)) : null;
        if (DateTime.TryParseExact(s, DateFormats, inv, DateTimeStyles.AllowWhiteSpaces, out var d))
            return Plausible(d) ? d.ToString("yyyy-MM-dd", inv) : null;
        if (DateTimeOffset.TryParse(s, inv, DateTimeStyles.AssumeUniversal, out var dto))
            return Plausible(dto.UtcDateTime) ? dto.UtcDateTime.ToString(dto.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss'Z'", inv) : null;
        return null;
    }

    static bool HasZone(string s) => s.EndsWith('Z') || s.Contains('+') || s.Contains("GMT") || (s.Length > 19 && s[^6] == '-');

    static bool Plausible(DateTime d) => d.Year is >= 1900 and <= 2100;
}
