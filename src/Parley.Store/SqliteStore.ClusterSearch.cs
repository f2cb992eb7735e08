namespace Parley.Store;

/// <summary>
/// Filters for <see cref="SqliteStore.SearchClusters"/> (the API's merged timeline). Actor filters as in
/// <see cref="EventSearch"/>: a CAMEO code, prefix or ISO3 country, or an <see cref="ActorKey"/>.
/// </summary>
public sealed record ClusterSearch
{
    /// <summary>A party of any member event, either side.</summary>
    public string? Actor { get; init; }
    /// <summary>A second party that takes part too (in the same or another member event).</summary>
    public string? With { get; init; }
    /// <summary>A PLOVER type (the cluster's) or a CAMEO code prefix (of a member event).</summary>
    public string? Type { get; init; }
    /// <summary>An issue id: a member event is tagged with it.</summary>
    public string? Issue { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    /// <summary>Leave out clusters without a dated interval.</summary>
    public bool DatedOnly { get; init; } = true;
    public bool IncludeNegated { get; init; }
    public int Limit { get; init; } = 50;
    public int Offset { get; init; }
    public bool Count { get; init; } = true;
}

/// <summary>A member event of a cluster: the stored event (with its parties and offsets) and its issue tags.</summary>
public sealed record ClusterMember(long Rowid, StoredEvent Event, IReadOnlyList<string> Issues);

/// <summary>A merged event with its mentions (<see cref="TimelineEntry.Mentions"/>) and their full events, in the same order.</summary>
public sealed record ClusterView(TimelineEntry Entry, IReadOnlyList<ClusterMember> Members);

public sealed record ClusterPage(long? Total, IReadOnlyList<ClusterView> Items);

// The merged timeline for the API: Timeline's clusters with actor keys, CAMEO prefixes, a total and full member events.
public sealed partial class SqliteStore
{
    /// <summary>Merged events in date order (start of the interval, then end, then id), with the total when asked.</summary>
    public ClusterPage SearchClusters(ClusterSearch q)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(q.Limit);
        ArgumentOutOfRangeException.ThrowIfNegative(q.Offset);
        Flush();
        EnsureActorFunctions();
        var c = new Conditions();
        void Party(string? spec, string field)
        {
            if (Blank(spec) is not { } s) return;
            c.Where.Add($"c.id IN (SELECT m.cluster_id FROM event_cluster_members m WHERE m.event_rowid IN (SELECT x.event_rowid FROM event_actors x WHERE {PartyMatch(c, "x", s, field)}))");
        }
        Party(q.Actor, nameof(q.Actor));
        Party(q.With, nameof(q.With));
        if (Blank(q.Type) is { } t)
        {
            if (t.All(char.IsAsciiDigit))
            {
                if (t.Length is < 2 or > 4) throw new ArgumentException($"Type: \"{t}\" is not a CAMEO code (2 to 4 digits)", "Type");
                c.Where.Add($"c.id IN (SELECT m.cluster_id FROM events e JOIN event_cluster_members m ON m.event_rowid = e.rowid WHERE e.cameo >= {c.Param(t)} AND e.cameo < {c.Param(t + PrefixEnd)})");
            }
            else
            {
                var u = t.ToUpperInvariant();
                if (!PloverTypes.Value.Contains(u))
                    throw new ArgumentException($"Type: \"{t}\" is neither a PLOVER type ({string.Join(", ", PloverTypes.Value)}) nor a CAMEO code", "Type");
                c.Where.Add($"c.type = {c.Param(u)}");
            }
        }
        if (Blank(q.Issue) is { } issue)
            c.Where.Add($"c.id IN (SELECT m.cluster_id FROM event_issues i JOIN event_cluster_members m ON m.event_rowid = i.event_rowid WHERE i.issue = {c.Param(CheckIssue(issue))})");
        AddDateWindow(c.Where, c.Param, "c", q.From, q.To);
        if (q.DatedOnly) c.Where.Add("c.date_lo IS NOT NULL");
        if (!q.IncludeNegated) c.Where.Add("c.negated = 0");

        // one statement: the total as a window over every match, then the page
        long? total = q.Count ? 0 : null;
        var ids = new List<long>();
        using (var cmd = Command($"""
            SELECT c.id{(q.Count ? ", COUNT(*) OVER ()" : "")} FROM event_clusters c {c.Sql()}
            ORDER BY c.date_lo IS NULL, c.date_lo, c.date_hi, c.id
            LIMIT $limit OFFSET $offset;
            """))
        {
            c.Apply(cmd);
            cmd.Parameters.AddWithValue("$limit", q.Limit);
            cmd.Parameters.AddWithValue("$offset", q.Offset);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                ids.Add(r.GetInt64(0));
                if (q.Count) total = r.GetInt64(1);
            }
        }
        if (q.Count && ids.Count == 0 && q.Offset > 0)
        {
            // past the end: the window saw no row, count separately
            using var count = Command($"SELECT COUNT(*) FROM event_clusters c {c.Sql()};");
            c.Apply(count);
            total = (long)count.ExecuteScalar()!;
        }
        return new ClusterPage(total, Views(Clusters(ids)));
    }

    /// <summary>One merged event with its full member events, or null.</summary>
    public ClusterView? GetCluster(long id)
    {
        Flush();
        return Views(Clusters([id])).FirstOrDefault();
    }

    List<ClusterView> Views(IReadOnlyList<TimelineEntry> entries)
    {
        var rowids = entries.SelectMany(e => e.Mentions).Select(m => m.Rowid).Distinct().Order().ToList();
        if (rowids.Count == 0) return entries.Select(e => new ClusterView(e, [])).ToList();
        var json = System.Text.Json.JsonSerializer.Serialize(rowids, ProcessJsonContext.Default.ListInt64);
        var events = new Dictionary<(string, string), StoredEvent>();
        using (var cmd = Command("""
            SELECT a.id, a.content_hash, a.title, a.outlet, a.published, a.url, a.ingested_at,
                   e.event_id, e.type, e.mode, e.cameo, e.goldstein, e.date, e.date_text, e.date_source,
                   e.location_name, e.location_country, e.lat, e.lon, e.negated, e.modality, e.trigger,
                   e.sentence, e.start, e."end", e.confidence, e.evidence, e.sentence_text,
                   (SELECT json_group_array(json_array(side, idx, actor, name, code, country)) FROM event_actors x WHERE x.event_rowid = e.rowid)
            FROM events e JOIN articles a ON a.rowid = e.article_rowid
            WHERE e.rowid IN (SELECT value FROM json_each($ids))
            ORDER BY e.rowid;
            """))
        {
            cmd.Parameters.AddWithValue("$ids", json);
            foreach (var ev in ReadEvents(cmd)) events.TryAdd((ev.ArticleId, ev.Event.Id), ev);
        }
        var issues = new Dictionary<long, List<string>>();
        using (var cmd = Command("SELECT event_rowid, issue FROM event_issues WHERE event_rowid IN (SELECT value FROM json_each($ids)) ORDER BY event_rowid, issue;"))
        {
            cmd.Parameters.AddWithValue("$ids", json);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var list = issues.TryGetValue(r.GetInt64(0), out var l) ? l : issues[r.GetInt64(0)] = [];
                if (!list.Contains(r.GetString(1))) list.Add(r.GetString(1));
            }
        }
        return entries.Select(e => new ClusterView(e, e.Mentions.Where(m => events.ContainsKey((m.Evidence.ArticleId, m.EventId)))
            .Select(m => new ClusterMember(m.Rowid, events[(m.Evidence.ArticleId, m.EventId)], issues.GetValueOrDefault(m.Rowid) ?? [])).ToList())).ToList();
    }
}

public sealed partial class SqliteStore
{
    /// <summary>How many live articles name or imply each format (format id → articles).</summary>
    public IReadOnlyDictionary<string, int> FormatArticles()
    {
        Flush();
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        using var cmd = Command($"SELECT format, COUNT(DISTINCT article_rowid) FROM format_mentions WHERE article_rowid {Live} GROUP BY format;");
        using var r = cmd.ExecuteReader();
        while (r.Read()) d[r.GetString(0)] = r.GetInt32(1);
        return d;
    }
}
