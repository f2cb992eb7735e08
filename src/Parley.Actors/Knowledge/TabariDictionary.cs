using System.Globalization;

namespace Parley.Actors;

/// <summary>A dated CAMEO code of a TABARI actor entry; Start/End are ISO dates or null (open).</summary>
public sealed record TabariCode(string Code, string? Start, string? End);

/// <summary>One actor of a TABARI/PETRARCH dictionary: display name, synonyms, dated codes.</summary>
public sealed record TabariEntry(string Name, IReadOnlyList<string> Synonyms, IReadOnlyList<TabariCode> Codes);

/// <summary>
/// Reads TABARI/PETRARCH actor dictionaries:
/// <code>
/// RECEP_TAYYIP_ERDOGAN_ [TURGOV 030314-140827] [TURGOV >140828]   # comment
/// +ERDOGAN_
/// +TAYYIP_ERDOGAN_
/// </code>
/// An entry line names the actor and its codes; '+' lines under it are synonyms; '#' starts a comment.
/// Dates are YYMMDD ('-' range, '&lt;' until, '&gt;' from); two-digit years below 50 are 20YY.
/// Underscores are spaces; names are title-cased.
/// </summary>
public static class TabariDictionary
{
    public static List<TabariEntry> Parse(TextReader reader, string source = "dictionary")
    {
        var entries = new List<TabariEntry>();
        string? name = null;
        List<string> synonyms = [];
        List<TabariCode> codes = [];
        void Flush()
        {
            if (name is not null) entries.Add(new TabariEntry(name, synonyms, codes));
            name = null; synonyms = []; codes = [];
        }
        var lineNo = 0;
        for (var raw = reader.ReadLine(); raw is not null; raw = reader.ReadLine())
        {
            lineNo++;
            var line = raw;
            var hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            line = line.Trim();
            if (line.Length == 0) continue;
            var where = $"{source}:{lineNo}";
            if (line.StartsWith('+'))
            {
                if (name is null) throw new FormatException($"{where}: synonym line before any entry");
                var (syn, synCodes) = SplitCodes(line[1..], where);
                synonyms.Add(syn);
                codes.AddRange(synCodes);
                continue;
            }
            Flush();
            (name, codes) = SplitCodes(line, where);
        }
        Flush();
        return entries;
    }

    static (string Name, List<TabariCode> Codes) SplitCodes(string line, string where)
    {
        var bracket = line.IndexOf('[');
        var rawName = (bracket < 0 ? line : line[..bracket]).Trim();
        if (rawName.Length == 0) throw new FormatException($"{where}: entry without a name");
        var codes = new List<TabariCode>();
        while (bracket >= 0)
        {
            var close = line.IndexOf(']', bracket);
            if (close < 0) throw new FormatException($"{where}: '[' without ']'");
            var parts = line[(bracket + 1)..close].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) throw new FormatException($"{where}: empty code brackets");
            string? start = null, end = null;
            if (parts.Length > 1)
            {
                var range = parts[1];
                if (range.StartsWith('<')) end = Date(range[1..], where);
                else if (range.StartsWith('>')) start = Date(range[1..], where);
                else if (range.IndexOf('-') is var dash and > 0)
                {
                    start = Date(range[..dash], where);
                    end = Date(range[(dash + 1)..], where);
                }
                else throw new FormatException($"{where}: date restriction '{range}' is not YYMMDD-YYMMDD, <YYMMDD or >YYMMDD");
            }
            codes.Add(new TabariCode(parts[0].TrimStart('~'), start, end));
            bracket = line.IndexOf('[', close);
        }
        return (Display(rawName), codes);
    }

    static string Date(string s, string where)
    {
        if (s.Length != 6 || !s.All(char.IsAsciiDigit)) throw new FormatException($"{where}: date '{s}' is not YYMMDD");
        var yy = int.Parse(s[..2], CultureInfo.InvariantCulture);
        var iso = $"{(yy < 50 ? 2000 + yy : 1900 + yy)}-{s[2..4]}-{s[4..6]}";
        if (!KbDate.IsValid(iso)) throw new FormatException($"{where}: date '{s}' is not a valid day");
        return iso;
    }

    /// <summary>RECEP_TAYYIP_ERDOGAN_ → Recep Tayyip Erdogan (AL_ stays lower case: al-).</summary>
    static string Display(string raw)
    {
        var words = raw.Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(w =>
        {
            var lower = w.ToLowerInvariant();
            return string.Join('-', lower.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
        }));
    }
}
