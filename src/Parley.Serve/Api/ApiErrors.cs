using System.Globalization;
using Parley.Store;

namespace Parley.Serve.Api;

/// <summary>A request parameter that is malformed or out of range; becomes a 400 problem naming it.</summary>
sealed class BadParameterException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}

/// <summary>Parsing and checking of query parameters, with errors that name the parameter.</summary>
static class Params
{
    public static int Int(string? value, string name, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            throw new BadParameterException(name, $"{name} must be a whole number, got \"{Short(value)}\"");
        if (n < min || n > max)
            throw new BadParameterException(name, $"{name} must be between {min} and {max}, got {n}");
        return n;
    }

    public static string? Date(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim();
        return QuoteQuery.IsPartialDate(v) ? v
            : throw new BadParameterException(name, $"{name} must be a date YYYY, YYYY-MM or YYYY-MM-DD, got \"{Short(value)}\"");
    }

    /// <summary>Words for a full-text search: at least one letter or digit.</summary>
    public static string? Words(string? value, string name, int maxLength = 500)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (value.Length > maxLength) throw new BadParameterException(name, $"{name} is longer than {maxLength} characters");
        return value.Any(char.IsLetterOrDigit) ? value
            : throw new BadParameterException(name, $"{name} has no words to search for");
    }

    public static string? OneOf(string? value, string name, params string[] allowed)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim().ToLowerInvariant();
        return allowed.Contains(v) ? v
            : throw new BadParameterException(name, $"{name} must be one of {string.Join(", ", allowed)}, got \"{Short(value)}\"");
    }

    public static string? Text(string? value, string name, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return value.Length <= maxLength ? value.Trim()
            : throw new BadParameterException(name, $"{name} is longer than {maxLength} characters");
    }

    static string Short(string s) => s.Length <= 40 ? s : s[..40] + "…";
}

/// <summary>RFC 7807 problem responses.</summary>
static class Problems
{
    public static IResult BadParameter(string parameter, string detail) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "Bad request parameter", detail: detail,
        extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    public static IResult NotFound(string detail) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static IResult Status(int status, string title, string detail) => Results.Problem(statusCode: status, title: title, detail: detail);
}
