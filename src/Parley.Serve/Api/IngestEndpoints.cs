using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Parley.Ingest;
using Parley.Ingest.Metadata;
using Parley.Store;

namespace Parley.Serve.Api;

/// <summary>
/// POST /api/ingest: one article object or an array of them → pipeline → store. Off (404) unless the server
/// was started with ingest allowed; needs "Authorization: Bearer TOKEN" (401 without, 403 with a wrong one).
/// </summary>
static class IngestEndpoints
{
    static readonly string[] Fields = ["id", "title", "text", "html", "published", "url", "outlet"];

    public static void Map(RouteGroupBuilder api, ServerContext ctx)
    {
        api.MapPost("/ingest", async (HttpContext http) =>
        {
            var o = ctx.Options;
            if (!o.AllowIngest)
                return Problems.Status(StatusCodes.Status404NotFound, "Ingest is off", "this server was started without --allow-ingest");
            if (Authorize(http, o.Token!) is { } denied) return denied;
            if (!http.Request.HasJsonContentType())
                return Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "send the articles as application/json");
            if (http.Request.ContentLength > o.MaxBodyBytes) return TooLarge(o.MaxBodyBytes);

            JsonDocument body;
            try
            {
                body = await JsonDocument.ParseAsync(http.Request.Body, default, http.RequestAborted);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return TooLarge(o.MaxBodyBytes);
            }
            catch (JsonException ex)
            {
                return Problems.BadParameter("body", $"body is not valid JSON: {ex.Message}");
            }
            using (body)
            {
                var items = body.RootElement.ValueKind switch
                {
                    JsonValueKind.Object => [body.RootElement],
                    JsonValueKind.Array => body.RootElement.EnumerateArray().ToList(),
                    _ => throw new BadParameterException("body", "body must be an article object or an array of them"),
                };
                if (items.Count == 0) throw new BadParameterException("body", "no articles in the body");
                if (items.Count > o.MaxIngestItems)
                    throw new BadParameterException("body", $"at most {o.MaxIngestItems} articles per request, got {items.Count}");
                var docs = items.Select((e, i) => Document(e, i)).ToList();

                var pipeline = ctx.Pipeline.Value;
                var records = docs.Select(pipeline.Process).ToList();
                var results = ctx.Stores.Write(store => records.Select((r, i) =>
                {
                    var added = store.Add(r);
                    var result = added switch { AddResult.Inserted => "inserted", AddResult.Unchanged => "unchanged", _ => "error" };
                    return new IngestResult(i, r.Id, added == AddResult.ErrorRecorded ? null : r.ContentHash, result, r.Errors);
                }).ToList());
                return Results.Ok(new IngestResponse(
                    results.Count(r => r.Result == "inserted"), results.Count(r => r.Result == "unchanged"),
                    results.Count(r => r.Result == "error"), results));
            }
        })
        .WithTags("Ingest")
        .WithName("Ingest")
        .WithSummary("Add articles (off unless started with --allow-ingest; bearer token)")
        .WithDescription("Body: {id?, title?, text | html, published?, url?, outlet?} or an array of them. Each runs through the pipeline and is stored; the same content again is 'unchanged'.")
        .Accepts<IngestItem[]>("application/json")
        .Produces<IngestResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    static IResult TooLarge(long max) =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"the body may be at most {max} bytes");

    static IResult? Authorize(HttpContext http, string token)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Status(StatusCodes.Status401Unauthorized, "Unauthorized", "send Authorization: Bearer <token>");
        }
        var given = Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim());
        var expected = Encoding.UTF8.GetBytes(token);
        return CryptographicOperations.FixedTimeEquals(given, expected) ? null
            : Problems.Status(StatusCodes.Status403Forbidden, "Forbidden", "wrong token");
    }

    /// <summary>One body item as a raw document; a bad field is a 400 naming it ("body[2].text").</summary>
    static RawDocument Document(JsonElement e, int index)
    {
        var at = $"body[{index}]";
        if (e.ValueKind != JsonValueKind.Object) throw new BadParameterException(at, $"{at} must be an object");
        var values = new Dictionary<string, string?>();
        foreach (var p in e.EnumerateObject())
        {
            if (!Fields.Contains(p.Name))
                throw new BadParameterException($"{at}.{p.Name}", $"{at}: unknown field \"{p.Name}\" (expected {string.Join(", ", Fields)})");
            values[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Null => null,
                _ => throw new BadParameterException($"{at}.{p.Name}", $"{at}.{p.Name} must be a string"),
            };
        }
        string? V(string name) => values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
        var text = V("text");
        var html = V("html");
        if (text is null && html is null) throw new BadParameterException($"{at}.text", $"{at} needs text or html");
        if (text is not null && html is not null) throw new BadParameterException($"{at}.html", $"{at}: give text or html, not both");
        if (V("published") is { } published && DateNormalizer.Normalize(published) is null)
            throw new BadParameterException($"{at}.published", $"{at}.published is not a date: \"{published}\"");
        if (V("id") is { } givenId && (givenId.Length > 200 || givenId.Any(char.IsControl)))
            throw new BadParameterException($"{at}.id", $"{at}.id must be at most 200 characters without control characters");
        // Same item again → same hash → "unchanged".
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(e.GetRawText())));
        return new RawDocument
        {
            Id = V("id") ?? "api-" + hash[..16],
            Source = "api",
            Text = text,
            Html = html,
            Title = V("title"),
            Published = V("published"),
            Outlet = V("outlet"),
            Url = V("url"),
            ByteLength = Encoding.UTF8.GetByteCount(e.GetRawText()),
            ContentHash = hash,
        };
    }
}
