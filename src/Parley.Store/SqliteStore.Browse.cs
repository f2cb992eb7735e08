using Parley.Core;

namespace Parley.Store;

/// <summary>Filters for <see cref="SqliteStore.BrowseArticles"/>; unset filters match everything.</summary>
public sealed record ArticleQuery
{
    /// <summary>Words to find in title or text (all of them; "word*" is a prefix). Operators are not interpreted.</summary>
    public string? Text { get; init; }
    /// <summary>Outlet name, exact (case-insensitive).</summary>
    public string? Outlet { get; init; }
    /// <summary>Earliest publication date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD.</summary>
    public string? From { get; init; }
    /// <summary>Latest publication date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD.</summary>
    public string? To { get; init; }
    public int Limit { get; init; } = 50;
    public int Offset { get; init; }
}

/// <summary>One article in a listing: its stable key (content hash), metadata, counts and, for a search, a snippet.</summary>
public sealed record ArticleSummary(
    string Id, string ContentHash, string? Title, string? Outlet, string? Published, string? Url,
    int TextLength, int Quotes, string? Snippet);

/// <summary>A page of articles and how many match in all.</summary>
public sealed record ArticlePage(long Total, IReadOnlyList<ArticleSummary> Items);

public sealed partial class SqliteStore
{
    /// <summary>Marks the start and end of a matched term in <see cref="ArticleSummary.Snippet"/>.</summary>
    public const char SnippetMarkStart = '\u0002', SnippetMarkEnd = '\u0003';

    /// <summary>
    /// Articles matching every set filter: best match first for a text search, else newest first (undated last),
    /// then by insertion. A bad date bound or a search without words throws <see cref="ArgumentException"/>.
    /// </summary>
    public ArticlePage BrowseArticles(ArticleQuery q)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(q.Limit);
        ArgumentOutOfRangeException.ThrowIfNegative(q.Offset);
        Flush();
        var where = new List<string>();
        var parameters = new List<(string, object)>();
        var search = Blank(q.Text) is { } text ? QuotedFtsQuery(text, "{title text}") : null;
        if (search is not null)
        {
            where.Add("articles_fts MATCH $q");
            parameters.Add(("$q", search));
        }
        if (Blank(q.Outlet) is { } outlet)
        {
            where.Add("a.outlet = $outlet COLLATE NOCASE");
            parameters.Add(("$outlet", outlet));
        }
        if (Blank(q.From) is { } from)
        {
            where.Add("a.published >= $from");
            parameters.Add(("$from", DateBound(from, nameof(q.From))));
        }
        if (Blank(q.To) is { } to)
        {
            where.Add("a.published < $to_end");
            parameters.Add(("$to_end", DateBound(to, nameof(q.To)) + PrefixEnd));
        }
        var from_ = search is not null ? "articles_fts JOIN articles a ON a.rowid = articles_fts.rowid" : "articles a";
        var filter = where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "";

        long total;
        using (var count = Command($"SELECT COUNT(*) FROM {from_} {filter};"))
        {
            foreach (var (n, v) in parameters) count.Parameters.AddWithValue(n, v);
            total = (long)count.ExecuteScalar()!;
        }
        var snippet = search is not null ? $"snippet(articles_fts, 1, char({(int)SnippetMarkStart}), char({(int)SnippetMarkEnd}), '…', 20)" : "NULL";
        using var cmd = Command($"""
            SELECT a.id, a.content_hash, a.title, a.outlet, a.published, a.url, length(a.text),
                   (SELECT COUNT(*) FROM quotes qq WHERE qq.article_rowid = a.rowid), {snippet}
            FROM {from_} {filter}
            ORDER BY {(search is not null ? "rank, " : "")}a.published IS NULL, a.published DESC, a.rowid DESC
            LIMIT $limit OFFSET $offset;
            """);
        foreach (var (n, v) in parameters) cmd.Parameters.AddWithValue(n, v);
        cmd.Parameters.AddWithValue("$limit", q.Limit);
        cmd.Parameters.AddWithValue("$offset", q.Offset);
        var items = new List<ArticleSummary>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
                items.Add(new ArticleSummary(r.GetString(0), r.GetString(1), S(2), S(3), S(4), S(5), r.GetInt32(6), r.GetInt32(7), S(8)));
            }
        }
        return new ArticlePage(total, items);
    }

    /// <summary>
    /// One stored article with its content hash: by content hash when <paramref name="contentHash"/> is set
    /// (and its id must match), else the most recently stored with this id; null when there is none.
    /// </summary>
    public (ArticleRecord Record, string ContentHash)? GetArticle(string id, string? contentHash = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        Flush();
        using var cmd = Command(contentHash is null
            ? "SELECT record_json, content_hash FROM articles WHERE id = $id ORDER BY rowid DESC LIMIT 1;"
            : "SELECT record_json, content_hash FROM articles WHERE id = $id AND content_hash = $hash LIMIT 1;");
        cmd.Parameters.AddWithValue("$id", id);
        if (contentHash is not null) cmd.Parameters.AddWithValue("$hash", contentHash);
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        return RecordJson.Deserialize(r.GetString(0)) is { } record ? (record, r.GetString(1)) : null;
    }

    /// <summary>Distinct outlets with their article counts, most articles first.</summary>
    public IReadOnlyList<(string Outlet, long Count)> Outlets()
    {
        Flush();
        using var cmd = Command("SELECT outlet, COUNT(*) n FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY n DESC, outlet;");
        using var r = cmd.ExecuteReader();
        var list = new List<(string, long)>();
        while (r.Read()) list.Add((r.GetString(0), r.GetInt64(1)));
        return list;
    }
}
