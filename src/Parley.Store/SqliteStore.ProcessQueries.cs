using System.Text.Json;
using Microsoft.Data.Sqlite;
using Parley.Core;
using Parley.Merge;

namespace Parley.Store;

// Reads of the process layer: the merged timeline, positions, and formats as first-class entities.
public sealed partial class SqliteStore
{
    const string Live = "NOT IN (SELECT article_rowid FROM superseded)";

    static readonly Lazy<HashSet<string>> IssueIds = new(() =>
        Knowledge.ReadTable("process/issues.tsv").Where(c => c[0].Length > 0).Select(c => c[0]).ToHashSet(StringComparer.Ordinal));

    /// <summary>The issue ids of knowledge/process/issues.tsv.</summary>
    public static IReadOnlyCollection<string> KnownIssues => IssueIds.Value;

    static string CheckIssue(string issue) => IssueIds.Value.Contains(issue.ToLowerInvariant())
        ? issue.ToLowerInvariant()
        : throw new ArgumentException($"Issue: \"{issue}\" is not one of {string.Join(", ", IssueIds.Value.Order())}", nameof(issue));

    /// <summary>SQL true when event <paramref name="eventColumn"/> has a party matching $name (code prefix, country, or part of a name).</summary>
    static string PartyMatch(SqliteCommand cmd, string name, string value, string eventColumn)
    {
        var code = value.Trim().ToUpperInvariant();
        cmd.Parameters.AddWithValue($"${name}", code);
        cmd.Parameters.AddWithValue($"${name}_end", code + PrefixEnd);
        cmd.Parameters.AddWithValue($"${name}_like", "%" + value.Trim().Replace("%", "").Replace("_", "") + "%");
        return $"EXISTS (SELECT 1 FROM event_actors x WHERE x.event_rowid = {eventColumn} AND ((x.code >= ${name} AND x.code < ${name}_end) OR x.country = ${name} OR x.name LIKE ${name}_like))";
    }

    /// <summary>
    /// Merged events matching every set filter, in date order (a partial date sorts at its first day, after the exact
    /// days of that day; undated last), each with all its mentions and their merge reasons.
    /// </summary>
    public IReadOnlyList<TimelineEntry> Timeline(TimelineQuery q)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(q.Limit);
        ArgumentOutOfRangeException.ThrowIfNegative(q.Offset);
        Flush();
        using var cmd = Command("");
        var where = new List<string>();
        if (Blank(q.Actor) is { } actor)
            where.Add($"c.id IN (SELECT m.cluster_id FROM event_cluster_members m WHERE {PartyMatch(cmd, "actor", actor, "m.event_rowid")})");
        if (Blank(q.With) is { } with)
            where.Add($"c.id IN (SELECT m.cluster_id FROM event_cluster_members m WHERE {PartyMatch(cmd, "with", with, "m.event_rowid")})");
        if (Blank(q.Issue) is { } issue)
        {
            where.Add("c.id IN (SELECT m.cluster_id FROM event_cluster_members m JOIN event_issues i ON i.event_rowid = m.event_rowid WHERE i.issue = $issue)");
            cmd.Parameters.AddWithValue("$issue", CheckIssue(issue));
        }
        if (Blank(q.Type) is { } type)
        {
            var t = type.ToUpperInvariant();
            if (!PloverTypes.Value.Contains(t))
                throw new ArgumentException($"Type: \"{type}\" is not a PLOVER type ({string.Join(", ", PloverTypes.Value)})", nameof(q.Type));
            where.Add("c.type = $type");
            cmd.Parameters.AddWithValue("$type", t);
        }
        AddDateWindow(where, v => Bind(cmd, v), "c", q.From, q.To);
        if (!q.IncludeNegated) where.Add("c.negated = 0");
        cmd.CommandText = $"""
            SELECT c.id FROM event_clusters c
            {(where.Count > 0 ? "WHERE " + string.Join("\n  AND ", where) : "")}
            ORDER BY c.date_lo IS NULL, c.date_lo, c.date_hi, c.id
            LIMIT $limit OFFSET $offset;
            """;
        cmd.Parameters.AddWithValue("$limit", q.Limit);
        cmd.Parameters.AddWithValue("$offset", q.Offset);
        var ids = new List<long>();
        using (var r = cmd.ExecuteReader())
            while (r.Read()) ids.Add(r.GetInt64(0));
        return Clusters(ids);
    }

    /// <summary>One merged event by id (its cluster id, the smallest member event rowid), or null.</summary>
    public TimelineEntry? Cluster(long id)
    {
        Flush();
        return Clusters([id]).FirstOrDefault();
    }

    /// <summary>The clusters with these ids, in the given order, with their mentions.</summary>
    IReadOnlyList<TimelineEntry> Clusters(IReadOnlyList<long> ids)
    {
        if (ids.Count == 0) return [];
        var json = JsonSerializer.Serialize(ids.ToList(), ProcessJsonContext.Default.ListInt64);
        var mentions = new Dictionary<long, List<TimelineMention>>();
        using (var m = Command("""
            SELECT m.cluster_id, m.reason, a.id, a.title, a.outlet, a.published, a.url, e.event_id, e.sentence, e.sentence_text, e.trigger,
                   e.date, e.date_text, e.date_source, e.location_name, e.mode,
                   (SELECT json_group_array(COALESCE(x.name, x.code)) FROM event_actors x WHERE x.event_rowid = e.rowid), e.rowid
            FROM event_cluster_members m
            JOIN events e ON e.rowid = m.event_rowid
            JOIN articles a ON a.rowid = e.article_rowid
            WHERE m.cluster_id IN (SELECT value FROM json_each($ids))
            ORDER BY m.cluster_id, a.published, a.id, e.rowid;
            """))
        {
            m.Parameters.AddWithValue("$ids", json);
            using var r = m.ExecuteReader();
            while (r.Read())
            {
                string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
                var list = mentions.TryGetValue(r.GetInt64(0), out var l) ? l : mentions[r.GetInt64(0)] = [];
                list.Add(new TimelineMention
                {
                    Reason = JsonSerializer.Deserialize(r.GetString(1), ProcessJsonContext.Default.MergeReason),
                    Evidence = new Evidence(r.GetString(2), S(3), S(4), S(5), S(6), r.GetInt32(8), S(9)),
                    Rowid = r.GetInt64(17), EventId = r.GetString(7), Trigger = S(10), Date = S(11), DateText = S(12), DateSource = S(13), Place = S(14), Mode = S(15),
                    Parties = S(16) is { } p ? (JsonSerializer.Deserialize(p, ProcessJsonContext.Default.ListString) ?? []).Where(x => x is not null).Distinct().ToList() : [],
                });
            }
        }
        var byId = new Dictionary<long, TimelineEntry>();
        using (var c = Command("""
            SELECT id, type, mode, date, date_source, place, place_country, actors, source_actors, target_actors, articles, negated, modality
            FROM event_clusters WHERE id IN (SELECT value FROM json_each($ids));
            """))
        {
            c.Parameters.AddWithValue("$ids", json);
            using var r = c.ExecuteReader();
            while (r.Read())
            {
                string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
                static List<string> Split(string? s) => s is null ? [] : [.. s.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
                var id = r.GetInt64(0);
                byId[id] = new TimelineEntry
                {
                    Cluster = id, Type = r.GetString(1), Mode = S(2), Date = S(3), DateSource = S(4), Place = S(5), PlaceCountry = S(6),
                    Actors = Split(S(7)), SourceActors = Split(S(8)), TargetActors = Split(S(9)), Sources = r.GetInt32(10),
                    Negated = r.GetInt64(11) != 0, Modality = S(12), Mentions = mentions.GetValueOrDefault(id) ?? [],
                };
            }
        }
        return ids.Where(byId.ContainsKey).Select(i => byId[i]).ToList();
    }

    /// <summary>Every stored stance matching the filters (live articles), by holder, issue and date: the per actor × issue timelines.</summary>
    public IReadOnlyList<StoredPosition> Positions(PositionQuery q)
    {
        ArgumentNullException.ThrowIfNull(q);
        Flush();
        using var cmd = Command("");
        var where = new List<string> { $"p.article_rowid {Live}" };
        if (Blank(q.Issue) is { } issue)
        {
            where.Add("p.issue = $issue");
            cmd.Parameters.AddWithValue("$issue", CheckIssue(issue));
        }
        if (Blank(q.Actor) is { } actor)
        {
            where.Add("(p.holder = $a OR p.country = $a OR (p.code >= $a AND p.code < $a_end) OR p.actor_name LIKE $a_like)");
            cmd.Parameters.AddWithValue("$a", actor.ToUpperInvariant());
            cmd.Parameters.AddWithValue("$a_end", actor.ToUpperInvariant() + PrefixEnd);
            cmd.Parameters.AddWithValue("$a_like", "%" + actor.Replace("%", "").Replace("_", "") + "%");
        }
        cmd.CommandText = $"""
            SELECT p.holder, p.actor_name, p.code, p.country, p.issue, p.stance, p.cue, p.targets, p.condition_text, p.condition_issue,
                   p.date, p.date_source, p.quote_id, p.event_id, p.confidence, a.id, a.title, a.outlet, a.published, a.url, p.sentence, p.sentence_text
            FROM positions p JOIN articles a ON a.rowid = p.article_rowid
            WHERE {string.Join(" AND ", where)}
            ORDER BY p.holder, p.issue, p.date IS NULL, p.date, p.rowid;
            """;
        var list = new List<StoredPosition>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            list.Add(new StoredPosition
            {
                Holder = r.GetString(0), ActorName = S(1), Code = S(2), Country = S(3), Issue = r.GetString(4), Stance = r.GetString(5), Cue = S(6),
                Targets = S(7)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [], ConditionText = S(8), ConditionIssue = S(9),
                Date = S(10), DateSource = S(11), QuoteId = S(12), EventId = S(13), Confidence = r.IsDBNull(14) ? 0 : r.GetDouble(14),
                Evidence = new Evidence(r.GetString(15), S(16), S(17), S(18), S(19), r.GetInt32(20), S(21)),
            });
        }
        return list;
    }

    /// <summary>
    /// The matrix actor × issue: per holder and issue the latest stance (latest date; on one date the more confident,
    /// then the later stored), with its condition and evidence. Ordered by holder, then issue.
    /// </summary>
    public IReadOnlyList<StoredPosition> PositionMatrix(PositionQuery q) =>
        Positions(q).GroupBy(p => (p.Holder, p.Issue))
            .Select(g => g.OrderByDescending(p => p.Date ?? "", StringComparer.Ordinal).ThenByDescending(p => p.Confidence).First())
            .ToList();

    // ---- formats ----------------------------------------------------------------------------

    sealed record KbFormat(string Id, string Name, string? Conflict, string? Start, string? End, string? Note, IReadOnlyList<string> Aliases);
    sealed record KbMember(string Format, string Key, string Id, string Role, string? Start, string? End);

    static readonly Lazy<List<KbFormat>> KbFormats = new(() => Knowledge.ReadTable("process/formats.tsv").Where(c => c.Length >= 8).Select(c =>
        new KbFormat(c[0], c[1], Empty(c[3]), Empty(c[4]), Empty(c[5]), c.Length > 8 ? Empty(c[8]) : null, c[7].Split('|', StringSplitOptions.RemoveEmptyEntries))).ToList());

    static readonly Lazy<List<KbMember>> KbMembers = new(() => Knowledge.ReadTable("process/members.tsv").Where(c => c.Length >= 4).Select(c =>
        new KbMember(c[0], c[1].Length == 3 && c[1].All(char.IsAsciiLetterUpper) ? c[1] : (Empty(c[3]) ?? c[1]), c[1], c[2], c.Length > 4 ? Empty(c[4]) : null, c.Length > 5 ? Empty(c[5]) : null)).ToList());

    /// <summary>Names of countries (iso3) and organisations (id and CAMEO code) from knowledge/actors.</summary>
    static readonly Lazy<Dictionary<string, string>> KbNames = new(() =>
    {
        var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in Knowledge.ReadTable("actors/countries.tsv").Where(c => c.Length > 2)) d.TryAdd(c[0], c[2]);
        foreach (var c in Knowledge.ReadTable("actors/organizations.tsv").Where(c => c.Length > 3))
        {
            d.TryAdd(c[0], c[3]);
            if (c[2].Length > 0) d.TryAdd(c[2], c[3]);
        }
        return d;
    });

    static string? Empty(string s) => s.Length == 0 ? null : s;

    /// <summary>The format ids the knowledge base or the stored articles know.</summary>
    public IReadOnlyList<string> Formats()
    {
        Flush();
        var ids = KbFormats.Value.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        using var cmd = Command($"SELECT DISTINCT format FROM format_mentions WHERE article_rowid {Live};");
        using var r = cmd.ExecuteReader();
        while (r.Read()) ids.Add(r.GetString(0));
        return ids.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// A format as one entity: known members (knowledge base) and members the texts state, with roles and the dates
    /// the texts attest them; numbered rounds with date and place; format-level facts; outcomes (AGREE/REJECT/REQUEST/CONCEDE
    /// events its articles link to it, merged); and its merged events. <paramref name="name"/> is an id, name or alias
    /// (case-insensitive). Unknown → <see cref="ArgumentException"/>.
    /// </summary>
    public ProcessView Process(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Flush();
        var key = EntityKeys.Fold(name);
        var kb = KbFormats.Value.FirstOrDefault(f => EntityKeys.Fold(f.Id) == key || EntityKeys.Fold(f.Name) == key)
                 ?? KbFormats.Value.FirstOrDefault(f => f.Aliases.Any(a => EntityKeys.Fold(a) == key));
        var id = kb?.Id ?? Formats().FirstOrDefault(f => EntityKeys.Fold(f) == key)
                 ?? throw new ArgumentException($"unknown process \"{name}\"; known: {string.Join(", ", Formats())}", nameof(name));

        string? storedName = null;
        var articles = 0;
        var linked = new List<(long Article, string EventId)>();
        using (var cmd = Command($"SELECT article_rowid, name, events, inferred_events FROM format_mentions WHERE format = $f AND article_rowid {Live};"))
        {
            cmd.Parameters.AddWithValue("$f", id);
            using var r = cmd.ExecuteReader();
            var seen = new HashSet<long>();
            while (r.Read())
            {
                storedName ??= r.GetString(1);
                if (seen.Add(r.GetInt64(0))) articles++;
                foreach (var col in new[] { 2, 3 })
                    foreach (var e in JsonSerializer.Deserialize(r.GetString(col), ProcessJsonContext.Default.ListString) ?? [])
                        linked.Add((r.GetInt64(0), e));
            }
        }

        return new ProcessView
        {
            Format = id, Name = kb?.Name ?? storedName ?? id, Conflict = kb?.Conflict, Start = kb?.Start, End = kb?.End, Note = kb?.Note,
            Articles = articles,
            Members = Members(id),
            Rounds = Rounds(id),
            Facts = Facts(id),
            Outcomes = Outcomes(linked),
            Events = LinkedClusters(linked),
        };
    }

    Evidence ReadEvidence(SqliteDataReader r, int at) =>
        new(r.GetString(at), r.IsDBNull(at + 1) ? null : r.GetString(at + 1), r.IsDBNull(at + 2) ? null : r.GetString(at + 2),
            r.IsDBNull(at + 3) ? null : r.GetString(at + 3), r.IsDBNull(at + 4) ? null : r.GetString(at + 4), r.GetInt32(at + 5),
            r.IsDBNull(at + 6) ? null : r.GetString(at + 6));

    const string EvidenceColumns = "a.id, a.title, a.outlet, a.published, a.url, x.sentence, x.sentence_text";

    List<ProcessMember> Members(string format)
    {
        var text = new List<(string Member, string? Name, string Role, Evidence Evidence)>();
        using (var cmd = Command($"""
            SELECT x.member, x.name, x.role, {EvidenceColumns}
            FROM format_members x JOIN articles a ON a.rowid = x.article_rowid
            WHERE x.format = $f AND x.article_rowid {Live}
            ORDER BY a.published, a.id, x.sentence, x.start;
            """))
        {
            cmd.Parameters.AddWithValue("$f", format);
            using var r = cmd.ExecuteReader();
            while (r.Read()) text.Add((r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), ReadEvidence(r, 3)));
        }
        var known = KbMembers.Value.Where(m => m.Format == format).ToList();
        var names = KbNames.Value;
        var list = new List<ProcessMember>();
        foreach (var g in text.GroupBy(t => (t.Member, t.Role)))
        {
            var kb = known.FirstOrDefault(k => k.Key == g.Key.Member);
            var dates = g.Select(t => t.Evidence.Published).Where(d => d is not null).Order(StringComparer.Ordinal).ToList();
            list.Add(new ProcessMember
            {
                Member = g.Key.Member, Name = g.Select(t => t.Name).FirstOrDefault(n => n is not null) ?? names.GetValueOrDefault(g.Key.Member),
                Role = g.Key.Role, KnownRole = kb?.Role, KnownSince = kb?.Start, KnownUntil = kb?.End, Basis = kb is null ? "text" : "kb+text",
                First = dates.FirstOrDefault(), Last = dates.LastOrDefault(),
                Evidence = g.Select(t => t.Evidence).DistinctBy(e => (e.ArticleId, e.Sentence)).ToList(),
            });
        }
        foreach (var k in known.Where(k => !text.Any(t => t.Member == k.Key)))
            list.Add(new ProcessMember
            {
                Member = k.Key, Name = names.GetValueOrDefault(k.Id) ?? names.GetValueOrDefault(k.Key) ?? k.Id, Role = k.Role, KnownRole = k.Role,
                KnownSince = k.Start, KnownUntil = k.End, Basis = "kb",
            });
        return list.OrderBy(m => RoleOrder(m.Role)).ThenBy(m => m.Basis == "kb" ? 1 : 0).ThenBy(m => m.Member, StringComparer.Ordinal).ToList();
    }

    static int RoleOrder(string role) => role switch
    {
        "guarantor" => 0, "co-chair" => 1, "mediator" => 2, "party" => 3, "host" => 4, "member" => 5, "coordinator" => 6, "observer" => 7, _ => 8,
    };

    List<ProcessRound> Rounds(string format)
    {
        var rows = new List<(int Number, string? Date, string? Place, Evidence Evidence)>();
        using (var cmd = Command($"""
            SELECT x.number, x.date, x.location, {EvidenceColumns}
            FROM rounds x JOIN articles a ON a.rowid = x.article_rowid
            WHERE x.format = $f AND x.number IS NOT NULL AND x.article_rowid {Live}
            ORDER BY x.number, a.published, a.id, x.sentence;
            """))
        {
            cmd.Parameters.AddWithValue("$f", format);
            using var r = cmd.ExecuteReader();
            while (r.Read()) rows.Add((r.GetInt32(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), ReadEvidence(r, 3)));
        }
        static string? Best(IEnumerable<string?> values) => values.Where(v => v is not null)
            .GroupBy(v => v!).OrderByDescending(g => g.Key.Length).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault();
        return rows.GroupBy(x => x.Number).Select(g => new ProcessRound
        {
            Number = g.Key,
            Date = Best(g.Select(x => x.Date)),
            Place = g.Select(x => x.Place).Where(p => p is not null).GroupBy(p => p!).OrderByDescending(p => p.Count()).ThenBy(p => p.Key).Select(p => p.Key).FirstOrDefault(),
            Evidence = g.Select(x => x.Evidence).DistinctBy(e => (e.ArticleId, e.Sentence)).ToList(),
        }).OrderBy(x => x.Number).ToList();
    }

    List<ProcessFact> Facts(string format)
    {
        var list = new List<ProcessFact>();
        using var cmd = Command($"""
            SELECT x.kind, x.cue, x.name, x.country, x.date, {EvidenceColumns}
            FROM format_facts x JOIN articles a ON a.rowid = x.article_rowid
            WHERE x.format = $f AND x.article_rowid {Live}
            ORDER BY x.date IS NULL, x.date, a.published, a.id, x.sentence;
            """);
        cmd.Parameters.AddWithValue("$f", format);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            list.Add(new ProcessFact { Kind = r.GetString(0), Cue = S(1), Actor = S(2), Country = S(3), Date = S(4), Evidence = ReadEvidence(r, 5) });
        }
        return list;
    }

    static readonly Lazy<Dictionary<string, string>> OutcomeTypes = new(() =>
        Knowledge.ReadTable("merge/outcomes.tsv").Where(c => c.Length >= 2).ToDictionary(c => c[0], c => c[1], StringComparer.Ordinal));

    /// <summary>Outcome events the articles link to the format, one per merged event (its earliest mention as evidence).</summary>
    List<ProcessFact> Outcomes(List<(long Article, string EventId)> linked)
    {
        var rows = new List<(long? Cluster, ProcessFact Fact)>();
        using var cmd = Command($"""
            SELECT e.type, e.trigger, (SELECT group_concat(COALESCE(x.name, x.code), ', ') FROM event_actors x WHERE x.event_rowid = e.rowid AND x.side = 'source'),
                   (SELECT x.country FROM event_actors x WHERE x.event_rowid = e.rowid AND x.side = 'source' ORDER BY x.idx LIMIT 1),
                   COALESCE(c.date, e.date), m.cluster_id, c.articles, a.id, a.title, a.outlet, a.published, a.url, e.sentence, e.sentence_text
            FROM events e JOIN articles a ON a.rowid = e.article_rowid
            LEFT JOIN event_cluster_members m ON m.event_rowid = e.rowid
            LEFT JOIN event_clusters c ON c.id = m.cluster_id
            WHERE e.article_rowid = $a AND e.event_id = $e AND e.negated = 0;
            """);
        foreach (var (article, eventId) in linked.Distinct())
        {
            cmd.Parameters.Clear();
            cmd.Parameters.AddWithValue("$a", article);
            cmd.Parameters.AddWithValue("$e", eventId);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (!OutcomeTypes.Value.TryGetValue(r.GetString(0), out var label)) continue;
                string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
                long? cluster = r.IsDBNull(5) ? null : r.GetInt64(5);
                rows.Add((cluster, new ProcessFact
                {
                    Kind = r.GetString(0), Label = label, Cue = S(1), Actor = S(2), Country = S(3), Date = S(4), Cluster = cluster,
                    Sources = r.IsDBNull(6) ? 1 : r.GetInt32(6),
                    Evidence = new Evidence(r.GetString(7), S(8), S(9), S(10), S(11), r.GetInt32(12), S(13)),
                }));
            }
        }
        return rows.GroupBy(x => x.Cluster ?? -rows.IndexOf(x) - 1)
            .Select(g => g.OrderBy(x => x.Fact.Evidence.Published, StringComparer.Ordinal).ThenBy(x => x.Fact.Evidence.ArticleId, StringComparer.Ordinal).First().Fact)
            .OrderBy(f => f.Date ?? "9999", StringComparer.Ordinal).ThenBy(f => f.Kind, StringComparer.Ordinal).ToList();
    }

    IReadOnlyList<TimelineEntry> LinkedClusters(List<(long Article, string EventId)> linked)
    {
        var ids = new HashSet<long>();
        using (var cmd = Command("SELECT m.cluster_id FROM events e JOIN event_cluster_members m ON m.event_rowid = e.rowid WHERE e.article_rowid = $a AND e.event_id = $e AND e.negated = 0;"))
        {
            foreach (var (article, eventId) in linked.Distinct())
            {
                cmd.Parameters.Clear();
                cmd.Parameters.AddWithValue("$a", article);
                cmd.Parameters.AddWithValue("$e", eventId);
                if (cmd.ExecuteScalar() is long id) ids.Add(id);
            }
        }
        return Clusters([.. ids]).OrderBy(c => DateInterval(c.Date).Lo ?? "9999", StringComparer.Ordinal)
            .ThenBy(c => DateInterval(c.Date).Hi ?? "9999", StringComparer.Ordinal).ThenBy(c => c.Cluster).ToList();
    }
}
