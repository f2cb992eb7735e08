using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Ingest.Metadata;
using Parley.Store;

namespace Parley.Cli.Commands;

/// <summary>
/// parley quotes: stored quotes by speaker, actor code, words, publication dates and kind, newest first.
/// One block per quote at a terminal; JSON lines (one quote per line) with --json or when stdout is a pipe.
/// Exit 0 when something matched, 1 when nothing did, 2 on a usage error or a missing database.
/// </summary>
static class QuotesCommand
{
    static readonly string[] Kinds = ["direct", "indirect", "mixed"];

    public static Command Create()
    {
        var db = CommonOptions.Db();
        var speaker = new Option<string?>("--speaker") { Description = "part of the speaker's name or of the words naming them (case and accents ignored)" };
        var actor = new Option<string?>("--actor") { Description = "CAMEO code or its prefix (RUS matches RUSGOV), or an ISO3 country" };
        var about = new Option<string?>("--about") { Description = "words the quote must contain, all of them (word* for a prefix)" };
        var from = new Option<string?>("--from") { Description = "earliest publication date, inclusive (2023, 2023-09, 2023-09-05)" };
        var to = new Option<string?>("--to") { Description = "latest publication date, inclusive (2023, 2023-09, 2023-09-05)" };
        var kind = new Option<string?>("--kind") { Description = "direct, indirect or mixed" };
        var limit = new Option<int>("--limit") { Description = "at most N quotes", DefaultValueFactory = _ => 50 };
        var offset = new Option<int>("--offset") { Description = "skip the first N matches (paging)", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "one JSON object per quote per line (also whenever stdout is a pipe)" };
        var command = new Command("quotes", "stored quotes by speaker, actor, words, date range and kind, newest first")
        {
            db, speaker, actor, about, from, to, kind, limit, offset, json,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(db)!;
            var n = parse.GetValue(limit);
            var o = parse.GetValue(offset);
            if (n < 1) throw new ArgumentException($"--limit must be at least 1 (got {n})");
            if (o < 0) throw new ArgumentException($"--offset must not be negative (got {o})");
            var query = new QuoteQuery
            {
                Speaker = parse.GetValue(speaker),
                Actor = parse.GetValue(actor),
                About = parse.GetValue(about),
                From = DateBound(parse.GetValue(from), "--from"),
                To = DateBound(parse.GetValue(to), "--to"),
                Kind = KindOf(parse.GetValue(kind)),
                Limit = n,
                Offset = o,
            };
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"parley quotes: no database at {Path.GetFullPath(path)} (run `parley ingest` or `parley demo` first)");
                return 2;
            }
            List<StoredQuote> quotes;
            using (var store = SqliteStore.Open(path))
            {
                try
                {
                    quotes = store.Quotes(query).ToList();
                }
                catch (ArgumentException ex) when (ex.ParamName == "words")
                {
                    throw new ArgumentException($"--about: {ex.Message.Replace(" (Parameter 'words')", "")}");
                }
            }
            if (quotes.Count == 0)
            {
                Console.Error.WriteLine("parley quotes: no matching quotes");
                return 1;
            }
            if (parse.GetValue(json) || Console.IsOutputRedirected)
            {
                var options = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
                foreach (var q in quotes) Console.Out.WriteLine(ToJson(q).ToJsonString(options));
                return 0;
            }
            var width = TerminalWidth();
            foreach (var q in quotes) Console.Out.WriteLine(FormatHuman(q, width));
            if (quotes.Count == query.Limit)
                Console.Error.WriteLine($"parley quotes: first {quotes.Count} shown; more with --offset {query.Offset + quotes.Count}");
            return 0;
        });
        return command;
    }

    /// <summary>YYYY, YYYY-MM and YYYY-MM-DD as given; other date forms ("5 September 2023") normalised to a day.</summary>
    internal static string? DateBound(string? raw, string option)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var s = raw.Trim();
        if (QuoteQuery.IsPartialDate(s)) return s;
        return DateNormalizer.Normalize(s) is { Length: >= 10 } iso
            ? iso[..10]
            : throw new FormatException($"{option}: not a date: \"{raw}\" (use YYYY, YYYY-MM or YYYY-MM-DD)");
    }

    static string? KindOf(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var k = raw.Trim().ToLowerInvariant();
        return Kinds.Contains(k) ? k : throw new ArgumentException($"--kind: \"{raw}\" is not one of {string.Join(", ", Kinds)}");
    }

    /// <summary>A quote with everything the store knows about it, as one JSON object.</summary>
    internal static JsonObject ToJson(StoredQuote s)
    {
        var q = s.Quote;
        var sp = q.Speaker;
        return new JsonObject
        {
            ["article_id"] = s.ArticleId,
            ["title"] = s.Title,
            ["outlet"] = s.Outlet,
            ["published"] = s.Published,
            ["url"] = s.Url,
            ["content_hash"] = s.ContentHash,
            ["id"] = q.Id,
            ["kind"] = q.Kind,
            ["text"] = q.Text,
            ["start"] = q.Start,
            ["end"] = q.End,
            ["sentence"] = q.Sentence,
            ["sentence_text"] = s.SentenceText,
            ["cue"] = q.Cue,
            ["confidence"] = q.Confidence,
            ["speaker"] = sp is null ? null : new JsonObject
            {
                ["actor"] = sp.Actor, ["name"] = sp.Name, ["code"] = sp.Code, ["country"] = sp.Country,
                ["text"] = sp.Text, ["start"] = sp.Start, ["end"] = sp.End,
            },
        };
    }

    /// <summary>
    /// <c>2023-09-05  Vladimir Putin (RUSGOV) — direct, "said"</c>, the quote text wrapped to
    /// <paramref name="width"/>, then <c>  [article id · outlet]</c> and a blank line.
    /// </summary>
    internal static string FormatHuman(StoredQuote s, int width)
    {
        var q = s.Quote;
        var sp = q.Speaker;
        var sb = new StringBuilder();
        sb.Append(s.Published is { Length: >= 10 } p ? p[..10] : s.Published ?? "undated").Append("  ");
        sb.Append(sp?.Name ?? (sp?.Text is { Length: > 0 } t ? $"{t} (unresolved)" : "unknown speaker"));
        if ((sp?.Code ?? sp?.Country) is { Length: > 0 } code) sb.Append(" (").Append(code).Append(')');
        sb.Append(" — ").Append(q.Kind);
        if (q.Cue is { Length: > 0 } cue) sb.Append(", \"").Append(cue).Append('"');
        sb.Append('\n');
        foreach (var line in Wrap(q.Text, Math.Max(20, width - 4))) sb.Append("    ").Append(line).Append('\n');
        sb.Append("  [").Append(s.ArticleId);
        if (s.Outlet is { Length: > 0 } outlet) sb.Append(" · ").Append(outlet);
        sb.Append("]\n");
        return sb.ToString();
    }

    static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) yield return line.ToString();
    }

    static int TerminalWidth()
    {
        try
        {
            return Math.Clamp(Console.WindowWidth, 40, 100);
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
