using Parley.Core;

namespace Parley.Ingest.Cleaning;

/// <summary>
/// Cues naming the outlet (<c>knowledge/outlet-cues.tsv</c>): "translated and edited by X",
/// "X has been declared …", or a lone agency sign-off line. Applied only to lines the cleaner
/// removed as boilerplate, so body prose never names the outlet.
/// </summary>
internal sealed class OutletCues
{
    public const string FileName = "outlet-cues.tsv";

    readonly List<string> _after = [];
    readonly List<string> _before = [];
    readonly Dictionary<string, string> _signoffs = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _signoffLookup;

    OutletCues()
    {
        _signoffLookup = _signoffs.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IEnumerable<string> Signoffs => _signoffs.Values;

    public static OutletCues Load()
    {
        var cues = new OutletCues();
        foreach (var row in Knowledge.ReadTable(FileName))
        {
            if (row.Length < 2 || row[1].Trim().Length == 0)
                throw new FormatException($"{FileName}: expected kind, cue: \"{string.Join('\t', row)}\"");
            var cue = row[1].Trim();
            switch (row[0].Trim())
            {
                case "after": cues._after.Add(cue); break;
                case "before": cues._before.Add(cue); break;
                case "signoff": cues._signoffs.TryAdd(cue, cue); break;
                default: throw new FormatException($"{FileName}: unknown kind \"{row[0]}\"");
            }
        }
        return cues;
    }

    /// <summary>
    /// The outlet the removed boilerplate names, or null. Strongest cue first: "after" cues, then
    /// "before" cues, then the last lone sign-off.
    /// </summary>
    public string? Find(IReadOnlyList<RemovedBlock> removed)
    {
        foreach (var block in removed)
            foreach (var cue in _after)
            {
                var at = block.Text.IndexOf(cue, StringComparison.OrdinalIgnoreCase);
                if (at >= 0 && NameAfter(block.Text.AsSpan(at + cue.Length)) is { } name) return name;
            }
        foreach (var block in removed)
            foreach (var cue in _before)
            {
                var at = block.Text.IndexOf(cue, StringComparison.OrdinalIgnoreCase);
                if (at > 0 && NameBefore(block.Text.AsSpan(0, at)) is { } name) return name;
            }
        for (var i = removed.Count - 1; i >= 0; i--)
        {
            if (removed[i].Reason != CleanReasons.AgencySignoff) continue;
            var line = removed[i].Text.AsSpan().Trim().TrimEnd(".,;:");
            if (_signoffLookup.ContainsKey(line)) return line.ToString();
        }
        return null;
    }

    /// <summary>A proper name at the start of <paramref name="s"/>, up to the end of its clause.</summary>
    static string? NameAfter(ReadOnlySpan<char> s)
    {
        s = s.TrimStart();
        var end = 0;
        while (end < s.Length)
        {
            var c = s[end];
            if (c is ',' or ';' or '(' or '\n') break;
            // a period ends the clause unless it is inside an abbreviation ("U.S. News")
            if (c == '.' && (end + 1 >= s.Length || char.IsWhiteSpace(s[end + 1]))) break;
            end++;
        }
        return ProperName(s[..end]);
    }

    /// <summary>A short proper name at the end of <paramref name="s"/> (the whole clause).</summary>
    static string? NameBefore(ReadOnlySpan<char> s) => ProperName(s);

    static string? ProperName(ReadOnlySpan<char> s)
    {
        s = s.Trim().Trim("\"'“”‘’");
        if (s.Length is 0 or > 60) return null;
        if (!char.IsUpper(s[0]) && !char.IsDigit(s[0])) return null;
        var words = 1;
        foreach (var c in s) if (c == ' ') words++;
        return words <= 6 ? s.ToString() : null;
    }
}
