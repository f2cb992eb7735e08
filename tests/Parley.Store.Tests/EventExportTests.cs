using System.Text.Json;
using Parley.Core;
using Parley.Store.Export;
using Parley.TestSupport;
using static Parley.Store.Tests.EventFixtures;

namespace Parley.Store.Tests;

/// <summary>The export writers, fed stored events built in code.</summary>
public class EventExportTests
{
    static StoredEvent Stored(ArticleRecord r, int i, string? ingested = "2024-01-02T03:04:05.678Z") => new()
    {
        ArticleId = r.Id, ContentHash = r.ContentHash!, Title = r.Title, Outlet = r.Outlet, Published = r.Published, Url = r.Url,
        IngestedAt = ingested, Event = r.Events[i], SentenceText = SqliteStore.SentenceTextOf(r, r.Events[i]),
    };

    static string Export(string format, IEnumerable<StoredEvent> events, char delimiter = '\t')
    {
        var w = new StringWriter { NewLine = "\n" };
        var x = EventExporter.Create(format, w, delimiter);
        x.Begin();
        foreach (var e in events) x.Write(e);
        return w.ToString();
    }

    static JsonElement One(string format, StoredEvent e) =>
        JsonDocument.Parse(Export(format, [e]).TrimEnd('\n')).RootElement.Clone();

    static string? Str(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    // ---- jsonl ------------------------------------------------------------------------------------

    [Fact]
    public void Jsonl_is_the_record_contracts_event_plus_provenance()
    {
        var r = Sochi();
        var j = One("jsonl", Stored(r, 0));
        var contract = JsonDocument.Parse(RecordJson.Serialize(r)).RootElement.GetProperty("events")[0];
        foreach (var p in contract.EnumerateObject())
            Assert.Equal(p.Value.GetRawText(), j.GetProperty(p.Name).GetRawText());
        Assert.Equal(("sochi", "https://example.org/sochi", "Northern Wire", "2023-09-05", "Title of sochi"),
            (Str(j, "article_id"), Str(j, "url"), Str(j, "outlet"), Str(j, "published"), Str(j, "title")));
        Assert.Equal(r.ContentHash, Str(j, "content_hash"));
        Assert.Equal("Vladimir Putin held talks with Recep Tayyip Erdoğan in Sochi on Monday.", Str(j, "sentence_text"));
        Assert.Single(Export("jsonl", [Stored(r, 0)]).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    // ---- plover -----------------------------------------------------------------------------------

    [Fact]
    public void Plover_names_fields_as_the_manual_does()
    {
        var r = Sochi();
        var p = One("plover", Stored(r, 0));
        Assert.Equal($"parley-{r.ContentHash![..16]}-E1", Str(p, "id"));
        Assert.Equal("2023-09-04", Str(p, "date"));
        Assert.Equal(["CONSULT"], p.GetProperty("event").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(["visit"], p.GetProperty("mode").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(1, p.GetProperty("quad_code").GetInt32());
        var actor = Assert.Single(p.GetProperty("actor").EnumerateArray());
        Assert.Equal(("RUS", "GOV", "Vladimir Putin", "RUSGOV", "Russia"),
            (Str(actor, "code"), Str(actor, "sector"), Str(actor, "identifier_text"), Str(actor, "actor_code"), Str(actor, "country_name")));
        Assert.Equal("TUR", Str(Assert.Single(p.GetProperty("recipient").EnumerateArray()), "code"));
        var loc = p.GetProperty("event_loc");
        Assert.Equal(("Sochi", "RUS", "Russia", 43.6, 39.73),
            (Str(loc, "resolved_place"), Str(loc, "country_code"), Str(loc, "country"), loc.GetProperty("lat").GetDouble(), loc.GetProperty("lon").GetDouble()));
        Assert.Equal("Vladimir Putin held talks with Recep Tayyip Erdoğan in Sochi on Monday.", p.GetProperty("event_text")[0].GetString());
        Assert.Equal(0, p.GetProperty("text_info").GetProperty("sequence").GetInt32());
        Assert.Equal(("https://example.org/sochi", "Northern Wire", "Title of sochi"),
            (Str(p.GetProperty("cite_info"), "url"), Str(p.GetProperty("cite_info"), "publication"), Str(p.GetProperty("cite_info"), "title")));
        Assert.Equal(("sochi", "Northern Wire", "https://example.org/sochi"), (Str(p, "story_id"), Str(p, "publisher"), Str(p, "url")));
        Assert.Equal("2024-01-02", Str(p, "coded_date"));
    }

    [Fact]
    public void Plover_context_carries_the_map_context_and_the_auxiliary_modes()
    {
        var r = Sochi();
        string[] Context(int i) => One("plover", Stored(r, i)).GetProperty("context").EnumerateArray().Select(x => x.GetString()!).ToArray();
        Assert.Equal(["military"], Context(1));        // 195 → military (CAMEO→PLOVER map)
        Assert.Contains("future", Context(2));          // planned
        Assert.Contains("negation", Context(3));
        var geneva = Geneva();
        Assert.Contains("future", One("plover", Stored(geneva, 1)).GetProperty("context").EnumerateArray().Select(x => x.GetString()));
        var un = Assert.Single(One("plover", Stored(geneva, 0)).GetProperty("actor").EnumerateArray());
        Assert.Equal(("IGO", null, "IGOUNO"), (Str(un, "code"), Str(un, "sector"), Str(un, "actor_code")));
        Assert.Equal(3, One("plover", Stored(geneva, 0)).GetProperty("quad_code").GetInt32());
    }

    // ---- gdelt-csv --------------------------------------------------------------------------------

    static List<Dictionary<string, string>> Gdelt(IEnumerable<StoredEvent> events, char delimiter = '\t')
    {
        var lines = Export("gdelt-csv", events, delimiter).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(delimiter);
        return lines.Skip(1).Select(l =>
        {
            var cells = l.Split(delimiter);
            Assert.Equal(header.Length, cells.Length);
            return header.Zip(cells).ToDictionary(x => x.First, x => x.Second);
        }).ToList();
    }

    [Fact]
    public void Gdelt_header_has_61_columns_in_gdelts_order()
    {
        var header = Export("gdelt-csv", []).TrimEnd('\n').Split('\t');
        Assert.Equal(61, header.Length);
        Assert.Equal(["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code"], header[..6]);
        Assert.Equal(["DATEADDED", "SOURCEURL"], header[^2..]);
    }

    [SharedFact]
    public void Gdelt_header_is_the_reference_header_row()
    {
        var reference = File.ReadLines(SharedData.PathOf("reference/gdelt/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"))
            .Skip(1).Select(l => l.Split(',')[0]).Where(c => c.Length > 0).ToList();
        var header = Export("gdelt-csv", []).TrimEnd('\n').Split('\t');
        Assert.Equal(reference.Count, header.Length);
        Assert.Equal(reference, header);
    }

    [Fact]
    public void Gdelt_row_fills_what_we_know()
    {
        var r = Sochi();
        var row = Assert.Single(Gdelt([Stored(r, 0)]));
        Assert.Equal("20230904", row["SQLDATE"]);
        Assert.Equal("202309", row["MonthYear"]);
        Assert.Equal("2023", row["Year"]);
        Assert.Equal("2023.7507", row["FractionDate"]); // 2023 + (9*30+4)/365
        Assert.Equal(("RUSGOV", "VLADIMIR PUTIN", "RUS", "GOV"), (row["Actor1Code"], row["Actor1Name"], row["Actor1CountryCode"], row["Actor1Type1Code"]));
        Assert.Equal(("TURGOV", "TUR", "GOV"), (row["Actor2Code"], row["Actor2CountryCode"], row["Actor2Type1Code"]));
        Assert.Equal(("040", "040", "04", "1", "1.0"), (row["EventCode"], row["EventBaseCode"], row["EventRootCode"], row["QuadClass"], row["GoldsteinScale"]));
        Assert.Equal(("1", "1", "1", "1"), (row["IsRootEvent"], row["NumMentions"], row["NumSources"], row["NumArticles"]));
        Assert.Equal(("4", "Sochi, Russia", "RS", "43.6", "39.73"),
            (row["ActionGeo_Type"], row["ActionGeo_FullName"], row["ActionGeo_CountryCode"], row["ActionGeo_Lat"], row["ActionGeo_Long"]));
        Assert.Equal(("20240102030405", "https://example.org/sochi"), (row["DATEADDED"], row["SOURCEURL"]));
        Assert.Equal("", row["AvgTone"]);
        Assert.Equal("", row["Actor1Geo_FullName"]);
        Assert.True(long.Parse(row["GLOBALEVENTID"]) is > 0 and < (1L << 53));
        Assert.Equal(row["GLOBALEVENTID"], Gdelt([Stored(Sochi(), 0)])[0]["GLOBALEVENTID"]); // stable
    }

    [Fact]
    public void Gdelt_partial_dates_fill_only_what_they_know_and_base_codes_cut_four_digits()
    {
        var r = Sochi();
        var month = Assert.Single(Gdelt([Stored(r, 1)]));
        Assert.Equal(("", "202308", "2023", ""), (month["SQLDATE"], month["MonthYear"], month["Year"], month["FractionDate"]));
        Assert.Equal(("195", "195", "19", "4", "-10.0"), (month["EventCode"], month["EventBaseCode"], month["EventRootCode"], month["QuadClass"], month["GoldsteinScale"]));
        Assert.Equal(("RUSMIL", "MIL"), (month["Actor1Code"], month["Actor1Type1Code"]));
        Assert.Equal("0", month["IsRootEvent"]);
        var year = Assert.Single(Gdelt([Stored(r, 2)]));
        Assert.Equal(("", "", "2024"), (year["SQLDATE"], year["MonthYear"], year["Year"]));
        var geneva = Geneva();
        var request = Assert.Single(Gdelt([Stored(geneva, 0)]));
        Assert.Equal(("0256", "025", "02", "1"), (request["EventCode"], request["EventBaseCode"], request["EventRootCode"], request["QuadClass"]));
        Assert.Equal(("IGOUNO", "UNO", "IGO", ""), (request["Actor1Code"], request["Actor1KnownGroupCode"], request["Actor1Type1Code"], request["Actor1CountryCode"]));
        var undated = Assert.Single(Gdelt([Stored(geneva, 1)]));
        Assert.Equal(("", "", ""), (undated["SQLDATE"], undated["Year"], undated["Actor2Code"]));
    }

    [Theory]
    [InlineData("010", "1")]
    [InlineData("057", "1")]
    [InlineData("061", "2")]
    [InlineData("0874", "2")]
    [InlineData("090", "2")]
    [InlineData("112", "3")]
    [InlineData("138", "3")]
    [InlineData("141", "3")]
    [InlineData("150", "4")]
    [InlineData("163", "4")]
    [InlineData("173", "4")]
    [InlineData("190", "4")]
    [InlineData("202", "4")]
    public void Gdelt_quad_class_comes_from_the_cameo_root(string cameo, string quad)
    {
        var r = Sochi();
        r.Events[0].Cameo = cameo;
        Assert.Equal(quad, Assert.Single(Gdelt([Stored(r, 0)]))["QuadClass"]);
    }

    [Fact]
    public void Gdelt_compound_parties_become_one_row_per_pair_with_distinct_ids()
    {
        var r = Sochi();
        r.Events[3].Evidence = [new EvidenceRecord { Sentence = 3, Where = "body" }, new EvidenceRecord { Sentence = -1, Where = "title" }];
        var rows = Gdelt([Stored(r, 3)]);
        Assert.Equal(2, rows.Count);
        Assert.Equal(["RUSGOV", "TURGOV"], rows.Select(x => x["Actor1Code"]));
        Assert.All(rows, x => Assert.Equal("UKR", x["Actor2Code"]));
        Assert.Equal(2, rows.Select(x => x["GLOBALEVENTID"]).Distinct().Count());
        Assert.All(rows, x => Assert.Equal(("2", "1"), (x["NumMentions"], x["IsRootEvent"]))); // told in the title too
    }

    [Fact]
    public void Gdelt_fields_with_the_delimiter_or_quotes_are_quoted()
    {
        var r = Sochi();
        r.Events[0].Source = [Party("Ministry of Defence, Russia", "RUSMIL", "RUS")];
        r.Events[0].Target = [Party("the \"Tiger\" battalion", "UKRMIL", "UKR")];
        var csv = Export("gdelt-csv", [Stored(r, 0)], ',');
        var line = csv.Split('\n')[1];
        Assert.Contains(",\"MINISTRY OF DEFENCE, RUSSIA\",", line);
        Assert.Contains(",\"THE \"\"TIGER\"\" BATTALION\",", line);
        Assert.Contains(",\"Sochi, Russia\",", line);
        var tsv = Export("gdelt-csv", [Stored(r, 0)]);
        Assert.Contains("\tMINISTRY OF DEFENCE, RUSSIA\t", tsv);
        Assert.Contains("\tSochi, Russia\t", tsv);
        Assert.Equal("\"a\tb\"", GdeltQuote("a\tb", '\t'));
        Assert.Equal("\"line\nbreak\"", GdeltQuote("line\nbreak", ','));
        Assert.Equal("plain", GdeltQuote("plain", ','));
    }

    static string GdeltQuote(string s, char d) => GdeltExporter.Quote(s, d);

    [Fact]
    public void Unknown_formats_and_quote_delimiters_are_refused()
    {
        Assert.Throws<ArgumentException>(() => EventExporter.Create("xml", TextWriter.Null));
        Assert.Throws<ArgumentException>(() => EventExporter.Create("gdelt-csv", TextWriter.Null, '"'));
    }

    // ---- knowledge ----------------------------------------------------------------------------------

    [Fact]
    public void Every_plover_type_the_events_stage_emits_has_a_quad()
    {
        var kb = ExportKnowledge.Default;
        var emitted = Knowledge.ReadTable("events/cameo.tsv").Where(c => c.Length > 3 && c[3].Length > 0).Select(c => c[3]).Distinct().ToList();
        Assert.NotEmpty(emitted);
        Assert.All(emitted, t => Assert.True(kb.PloverQuad.ContainsKey(t), t));
        Assert.All(Knowledge.ReadTable("events/cameo.tsv").Select(c => c[0][..2]).Distinct(), root => Assert.True(kb.CameoQuad.ContainsKey(root), root));
    }

    [Fact]
    public void Every_country_of_the_places_gazetteer_has_a_fips_code_and_fips_codes_are_unique()
    {
        var kb = ExportKnowledge.Default;
        var countries = Knowledge.ReadTable("places/countries.tsv").Select(c => c[4]).ToList();
        Assert.True(countries.Count > 190);
        Assert.All(countries, iso => Assert.True(kb.Fips.ContainsKey(iso), iso));
        Assert.Equal(kb.Fips.Count, kb.Fips.Values.Distinct().Count());
        Assert.Equal(("RS", "GM", "UK", "UP", "TU", "IZ"), (kb.Fips["RUS"], kb.Fips["DEU"], kb.Fips["GBR"], kb.Fips["UKR"], kb.Fips["TUR"], kb.Fips["IRQ"]));
    }

    [Theory]
    [InlineData("RUSGOV", "RUS", null, "GOV")]
    [InlineData("USAGOVMIL", "USA", null, "GOV MIL")]
    [InlineData("IGOUNOHLHWHO", null, "UNO", "IGO HLH")]
    [InlineData("PSEREBHMS", "PSE", "HMS", "REB")]
    [InlineData("IMGMUSALQ", null, "ALQ", "IMG")]
    [InlineData("SYR", "SYR", null, "")]
    [InlineData("XY", null, null, "")]
    public void Actor_codes_split_into_gdelt_parts(string code, string? country, string? group, string types)
    {
        var p = ExportKnowledge.Default.SplitActorCode(code);
        Assert.Equal((country, group, types), (p.Country, p.KnownGroup, string.Join(" ", p.Types)));
    }
}
