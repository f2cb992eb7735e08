using Parley.Core;

namespace Parley.Text;

/// <summary>How an abbreviation ending in a period behaves at a potential sentence end.</summary>
public enum AbbreviationKind
{
    /// <summary>Precedes a name (Mr., Gen.): never ends a sentence.</summary>
    Title,
    /// <summary>Mid-sentence only (e.g., vs.): never ends a sentence.</summary>
    Never,
    /// <summary>Precedes a number (No. 2): no break before a digit.</summary>
    Number,
    /// <summary>A month (Jan. 23): no break before a digit.</summary>
    Month,
    /// <summary>May end a sentence (U.S., Inc.): break only before a usual sentence starter.</summary>
    Final,
}

/// <summary>
/// The abbreviation table (<c>knowledge/abbreviations.tsv</c>) and the sentence-starter words
/// (<c>knowledge/sentence-starters.tsv</c>), looked up by span without allocation.
/// </summary>
public sealed class Abbreviations
{
    public const string FileName = "abbreviations.tsv";
    public const string StartersFileName = "sentence-starters.tsv";

    readonly Dictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> _kinds;
    readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _starters;

    Abbreviations(Dictionary<string, AbbreviationKind> kinds, HashSet<string> starters)
    {
        _kinds = kinds.GetAlternateLookup<ReadOnlySpan<char>>();
        _starters = starters.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static Abbreviations Load()
    {
        // keyed without the final period, case-insensitive ("No", "u.s")
        var kinds = new Dictionary<string, AbbreviationKind>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in Knowledge.ReadTable(FileName))
        {
            if (row.Length < 2) throw new FormatException($"{FileName}: expected abbreviation, kind: \"{string.Join('\t', row)}\"");
            var abbr = row[0].Trim().TrimEnd('.');
            if (abbr.Length == 0) continue;
            kinds[abbr] = row[1].Trim() switch
            {
                "title" => AbbreviationKind.Title,
                "never" => AbbreviationKind.Never,
                "number" => AbbreviationKind.Number,
                "month" => AbbreviationKind.Month,
                "final" => AbbreviationKind.Final,
                var k => throw new FormatException($"{FileName}: unknown kind \"{k}\""),
            };
        }
        var starters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in Knowledge.ReadTable(StartersFileName))
            if (row[0].Trim() is { Length: > 0 } w) starters.Add(w);
        return new Abbreviations(kinds, starters);
    }

    /// <summary>The kind of the word before a period (given without the period), or null.</summary>
    public AbbreviationKind? KindOf(ReadOnlySpan<char> word) =>
        _kinds.TryGetValue(word, out var kind) ? kind : null;

    /// <summary>Whether <paramref name="word"/> usually starts a sentence ("The", "He").</summary>
    public bool IsStarter(ReadOnlySpan<char> word) => _starters.Contains(word);
}
