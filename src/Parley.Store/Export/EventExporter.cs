using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Parley.Core;

namespace Parley.Store.Export;

/// <summary>
/// Writes stored events in one export format, one at a time (nothing is buffered beyond the writer's own buffer).
/// Formats: jsonl (the record contract's event plus article provenance), plover (PLOVER/POLECAT JSON lines),
/// gdelt-csv (the GDELT 2.0 Events table). docs/export-formats.md describes each mapping.
/// </summary>
public abstract class EventExporter
{
    public static readonly string[] Formats = ["jsonl", "plover", "gdelt-csv"];

    protected TextWriter Out { get; }
    protected ExportKnowledge Kb { get; }

    protected EventExporter(TextWriter output, ExportKnowledge? knowledge)
    {
        Out = output;
        Kb = knowledge ?? ExportKnowledge.Default;
    }

    /// <param name="delimiter">gdelt-csv only: the field separator (GDELT ships tab-separated files).</param>
    public static EventExporter Create(string format, TextWriter output, char delimiter = '\t', ExportKnowledge? knowledge = null) => format switch
    {
        "jsonl" => new JsonlExporter(output, knowledge),
        "plover" => new PloverExporter(output, knowledge),
        "gdelt-csv" => new GdeltExporter(output, delimiter, knowledge),
        _ => throw new ArgumentException($"unknown export format \"{format}\" (expected {string.Join(", ", Formats)})", nameof(format)),
    };

    /// <summary>Whatever comes before the first event (a header row).</summary>
    public virtual void Begin() { }

    /// <summary>Writes one event; returns the number of lines written (gdelt-csv writes one per source × target pair).</summary>
    public abstract int Write(StoredEvent e);

    internal static readonly JsonSerializerOptions Json = new(StoreJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = StoreJsonContext.Default,
    };

    internal static readonly JsonTypeInfo<EventRecord> EventInfo = (JsonTypeInfo<EventRecord>)Json.GetTypeInfo(typeof(EventRecord));
}

/// <summary>The event exactly as the record contract has it, then article_id, title, outlet, published, url, content_hash, sentence_text.</summary>
sealed class JsonlExporter(TextWriter output, ExportKnowledge? knowledge) : EventExporter(output, knowledge)
{
    public override int Write(StoredEvent s)
    {
        var node = JsonSerializer.SerializeToNode(s.Event, EventInfo)!.AsObject();
        node["article_id"] = s.ArticleId;
        node["title"] = s.Title;
        node["outlet"] = s.Outlet;
        node["published"] = s.Published;
        node["url"] = s.Url;
        node["content_hash"] = s.ContentHash;
        node["sentence_text"] = s.SentenceText;
        Out.WriteLine(node.ToJsonString(Json));
        return 1;
    }
}

/// <summary>PLOVER JSON field names (PLOVER manual, "Data Fields"), with POLECAT's story_id/publisher/url at the top.</summary>
sealed class PloverExporter(TextWriter output, ExportKnowledge? knowledge) : EventExporter(output, knowledge)
{
    public override int Write(StoredEvent s)
    {
        var e = s.Event;
        var context = new JsonArray();
        if (e.Cameo is { } cameo && Kb.CameoContext.TryGetValue(cameo, out var contexts))
            foreach (var c in contexts) context.Add(c);
        // PLOVER's auxiliary modes go in context.
        if (e.Negated) context.Add("negation");
        if (e.Modality == "planned") context.Add("future");
        else if (e.Modality == "hypothetical") context.Add("hypothetical");
        var node = new JsonObject
        {
            ["id"] = PloverId(s),
            ["date"] = e.Date,
            ["actor"] = Entities(e.Source),
            ["recipient"] = Entities(e.Target),
            ["event"] = new JsonArray(e.Type),
            ["mode"] = e.Mode is { Length: > 0 } mode ? new JsonArray(mode) : new JsonArray(),
            ["context"] = context,
            ["event_loc"] = e.Location is { } loc ? new JsonObject
            {
                ["extracted_place"] = loc.Name,
                ["resolved_place"] = loc.Name,
                ["lat"] = loc.Lat,
                ["lon"] = loc.Lon,
                ["country"] = loc.Country is { } iso ? Kb.CountryNames.GetValueOrDefault(iso) : null,
                ["country_code"] = loc.Country,
            } : null,
            ["event_text"] = s.SentenceText is { } text ? new JsonArray(text) : new JsonArray(),
            ["quad_code"] = Kb.PloverQuad.TryGetValue(e.Type, out var quad) ? quad : null,
            ["text_info"] = new JsonObject { ["sequence"] = e.Sentence, ["start"] = e.Start, ["end"] = e.End },
            ["cite_info"] = new JsonObject
            {
                ["url"] = s.Url,
                ["title"] = s.Title,
                ["publication"] = s.Outlet,
                ["coder"] = "parley",
            },
            ["coder"] = "parley",
            ["coded_date"] = s.IngestedAt is { Length: >= 10 } at ? at[..10] : null,
            ["story_id"] = s.ArticleId,
            ["publisher"] = s.Outlet,
            ["url"] = s.Url,
            ["publication_date"] = s.Published,
            // Our fields beyond PLOVER's (the manual allows named extra fields).
            ["cameo"] = e.Cameo,
            ["goldstein"] = e.Goldstein,
            ["negated"] = e.Negated,
            ["modality"] = e.Modality,
            ["date_text"] = e.DateText,
            ["trigger"] = e.Trigger,
            ["confidence"] = e.Confidence,
        };
        Out.WriteLine(node.ToJsonString(Json));
        return 1;
    }

    /// <summary>Unique within a store: the article's content hash (16 hex digits) and the event's id in it.</summary>
    internal static string PloverId(StoredEvent s) =>
        $"parley-{(s.ContentHash.Length >= 16 ? s.ContentHash[..16] : s.ContentHash)}-{s.Event.Id}";

    JsonArray Entities(List<ActorRef> refs)
    {
        var list = new JsonArray();
        foreach (var r in refs)
        {
            var parts = Kb.SplitActorCode(r.Code);
            var country = r.Country ?? parts.Country;
            // code: the 3-character top-level entity (a country, or IGO/NGO/IMG for a non-state actor)
            var top = country ?? (r.Code is { Length: >= 3 } c ? c[..3] : null);
            var sectors = country is null && parts.Types.Count > 0 && parts.Types[0] == top ? parts.Types.Skip(1).ToList() : parts.Types;
            list.Add(new JsonObject
            {
                ["code"] = top,
                ["sector"] = sectors.FirstOrDefault(),
                ["other_sector_codes"] = new JsonArray(sectors.Skip(1).Select(t => (JsonNode?)t).ToArray()),
                ["identifier_text"] = r.Name,
                ["actor_code"] = r.Code,
                ["country"] = country,
                ["country_name"] = country is null ? null : Kb.CountryNames.GetValueOrDefault(country),
            });
        }
        return list;
    }
}

/// <summary>
/// The GDELT 2.0 Events table: the 61 columns of knowledge/export/gdelt-events-columns.tsv, a header row, one row per
/// source × target pair (GDELT events are dyadic; an empty side is one blank actor). Unknown fields are empty.
/// </summary>
sealed class GdeltExporter : EventExporter
{
    readonly char _delimiter;
    readonly Dictionary<string, int> _index;
    readonly string?[] _row;

    public GdeltExporter(TextWriter output, char delimiter, ExportKnowledge? knowledge) : base(output, knowledge)
    {
        if (delimiter is '"' or '\r' or '\n') throw new ArgumentException($"delimiter cannot be {delimiter switch { '"' => "a double quote", _ => "a line break" }}", nameof(delimiter));
        _delimiter = delimiter;
        _index = Kb.GdeltColumns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        _row = new string?[Kb.GdeltColumns.Count];
    }

    public override void Begin() => WriteRow(Kb.GdeltColumns);

    void Set(string column, string? value)
    {
        if (_index.TryGetValue(column, out var i)) _row[i] = value;
    }

    static string Num(double v, string format = "0.####") => v.ToString(format, CultureInfo.InvariantCulture);

    public override int Write(StoredEvent s)
    {
        var e = s.Event;
        var sources = e.Source.Count > 0 ? e.Source : [null!];
        var targets = e.Target.Count > 0 ? e.Target : [null!];
        var n = 0;
        for (var i = 0; i < sources.Count; i++)
            for (var j = 0; j < targets.Count; j++)
            {
                Array.Clear(_row);
                var pair = sources.Count * targets.Count > 1 ? $"#{i}.{j}" : "";
                Set("GLOBALEVENTID", GlobalEventId(s.ContentHash, e.Id + pair).ToString(CultureInfo.InvariantCulture));
                Dates(e.Date);
                Actor("Actor1", sources[i]);
                Actor("Actor2", targets[j]);
                Set("IsRootEvent", IsRoot(e) ? "1" : "0");
                if (e.Cameo is { Length: >= 2 } cameo)
                {
                    Set("EventCode", cameo);
                    Set("EventBaseCode", cameo.Length == 4 ? cameo[..3] : cameo);
                    Set("EventRootCode", cameo[..2]);
                    if (Kb.CameoQuad.TryGetValue(cameo[..2], out var quad)) Set("QuadClass", quad.ToString(CultureInfo.InvariantCulture));
                }
                if (e.Goldstein is { } g) Set("GoldsteinScale", Num(g, "0.0"));
                Set("NumMentions", (e.Evidence is { Count: > 0 } ev ? ev.Count : 1).ToString(CultureInfo.InvariantCulture));
                Set("NumSources", "1");
                Set("NumArticles", "1");
                if (e.Location is { } loc) ActionGeo(loc);
                if (s.IngestedAt is { Length: >= 19 } at)
                    Set("DATEADDED", at[..4] + at[5..7] + at[8..10] + at[11..13] + at[14..16] + at[17..19]);
                Set("SOURCEURL", s.Url ?? s.ArticleId);
                WriteRow(_row);
                n++;
            }
        return n;
    }

    /// <summary>53 bits of SHA-256(content hash, event id): stable across runs and exact in any JSON or spreadsheet reader.</summary>
    internal static long GlobalEventId(string contentHash, string eventKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(contentHash + "\n" + eventKey));
        return (long)(BitConverter.ToUInt64(hash, 0) & ((1UL << 53) - 1));
    }

    /// <summary>The headline or the first body sentence: GDELT's "lead paragraph" proxy.</summary>
    static bool IsRoot(EventRecord e) =>
        e.Sentence == 0 || (e.Evidence?.Any(x => x.Where == "title" || (x.Where == "body" && x.Sentence == 0)) ?? false);

    /// <summary>SQLDATE, FractionDate need a day; MonthYear a month; Year a year. Partial dates fill what they know.</summary>
    void Dates(string? date)
    {
        var (lo, _) = SqliteStore.DateInterval(date);
        if (lo is null || date is null) return;
        var d = date.Length > 10 ? date[..10] : date;
        Set("Year", lo[..4]);
        if (d.Length >= 7) Set("MonthYear", lo[..4] + lo.Substring(5, 2));
        if (d.Length >= 10)
        {
            Set("SQLDATE", lo[..4] + lo.Substring(5, 2) + lo.Substring(8, 2));
            var year = int.Parse(lo[..4], CultureInfo.InvariantCulture);
            var month = int.Parse(lo.AsSpan(5, 2), CultureInfo.InvariantCulture);
            var day = int.Parse(lo.AsSpan(8, 2), CultureInfo.InvariantCulture);
            Set("FractionDate", Num(year + (month * 30 + day) / 365.0, "0.0000"));
        }
    }

    void Actor(string prefix, ActorRef? a)
    {
        if (a is null) return;
        var parts = Kb.SplitActorCode(a.Code);
        Set(prefix + "Code", a.Code ?? a.Country);
        Set(prefix + "Name", a.Name?.ToUpperInvariant());
        Set(prefix + "CountryCode", a.Country ?? parts.Country);
        Set(prefix + "KnownGroupCode", parts.KnownGroup);
        Set(prefix + "EthnicCode", parts.Ethnic);
        for (var i = 0; i < Math.Min(2, parts.Religions.Count); i++) Set($"{prefix}Religion{i + 1}Code", parts.Religions[i]);
        for (var i = 0; i < parts.Types.Count; i++) Set($"{prefix}Type{i + 1}Code", parts.Types[i]);
    }

    void ActionGeo(LocationRecord loc)
    {
        var fips = loc.Country is { } iso ? Kb.Fips.GetValueOrDefault(iso) : null;
        var kind = loc.Country is { } c ? Kb.PlaceKinds.GetValueOrDefault((loc.Name.ToLowerInvariant(), c)) : null;
        var us = loc.Country == "USA";
        var type = kind switch
        {
            "country" => 1,
            "province" or "region" => us ? 2 : 5,
            _ => us ? 3 : 4,
        };
        var countryName = loc.Country is { } i2 ? Kb.CountryNames.GetValueOrDefault(i2) : null;
        Set("ActionGeo_Type", type.ToString(CultureInfo.InvariantCulture));
        Set("ActionGeo_FullName", type == 1 || countryName is null || countryName == loc.Name ? loc.Name : $"{loc.Name}, {countryName}");
        Set("ActionGeo_CountryCode", fips);
        if (type == 1) Set("ActionGeo_ADM1Code", fips);
        if (loc.Lat is { } lat) Set("ActionGeo_Lat", Num(lat));
        if (loc.Lon is { } lon) Set("ActionGeo_Long", Num(lon));
    }

    void WriteRow(IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) Out.Write(_delimiter);
            Out.Write(Quote(fields[i], _delimiter));
        }
        Out.Write('\n');
    }

    /// <summary>A field with the delimiter, a double quote or a line break is quoted, its quotes doubled (RFC 4180).</summary>
    internal static string Quote(string? field, char delimiter)
    {
        if (string.IsNullOrEmpty(field)) return "";
        if (field.IndexOf(delimiter) < 0 && field.IndexOfAny(['"', '\r', '\n']) < 0) return field;
        return "\"" + field.Replace("\"", "\"\"") + "\"";
    }
}
