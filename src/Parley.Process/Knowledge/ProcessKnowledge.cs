using System.Globalization;
using Parley.Actors;
using Parley.ProcessLayer.Text;

namespace Parley.ProcessLayer.Knowledge;

public sealed record FormatInfo(string Id, string Name, string? Org, string? Conflict, string? Start, string? End, bool Uncertain, IReadOnlyList<string> Aliases, string? Note);

public sealed record FormatMember(string Format, string Member, string Role, string? Cameo, string? Start, string? End, bool Uncertain, string? Note);

public sealed record IssueInfo(string Id, string Label, string? Parent);

/// <summary>An issue cue: inverted when it names the opposite state ("military presence" for troop withdrawal); confirmed when it needs a confirm phrase nearby.</summary>
sealed record IssueCue(IssueInfo Issue, bool Inverted, bool NeedsConfirm);

enum StanceKind { Supports, Opposes, ConditionAfter, ConditionBefore, Negator, Preposition, Clause, Copula, Possessive }

sealed record StanceCue(string Phrase, StanceKind Kind, bool Verb);

enum FormatCueKind { Round, Relative, Role, Fact, Join, Lister, DayWord }

sealed record FormatCue(string Phrase, FormatCueKind Kind, string? Value);

/// <summary>A country as the process stages need it: its id and CAMEO code.</summary>
sealed record CountryRef(string Iso3, string Cameo, string Name);

/// <summary>Everything the process stages load once (knowledge/process plus the countries of the actors knowledge base). Read-only afterwards.</summary>
public sealed class ProcessKnowledge
{
    public Dictionary<string, FormatInfo> Formats { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<FormatMember>> Members { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, IssueInfo> Issues { get; } = new(StringComparer.Ordinal);
    internal PhraseTrie<FormatInfo> FormatNames { get; } = new();
    internal PhraseTrie<FormatCue> FormatCues { get; } = new();
    internal Dictionary<string, (int Value, string Kind)> Ordinals { get; } = new(StringComparer.Ordinal);
    internal PhraseTrie<IssueCue> IssueCues { get; } = new();
    internal Dictionary<string, List<string[]>> Confirm { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, HashSet<string>> TargetHeads { get; } = new(StringComparer.Ordinal);
    internal PhraseTrie<StanceCue> StanceCues { get; } = new();
    internal HashSet<string> Negators { get; } = new(StringComparer.Ordinal);
    internal HashSet<string> Prepositions { get; } = new(StringComparer.Ordinal);
    internal HashSet<string> ClauseBreaks { get; } = new(StringComparer.Ordinal);
    internal HashSet<string> Copulas { get; } = new(StringComparer.Ordinal);
    internal HashSet<string> Possessives { get; } = new(StringComparer.Ordinal);
    /// <summary>Country names, aliases, demonyms and metonyms.</summary>
    internal PhraseTrie<CountryRef> Countries { get; } = new();
    internal Dictionary<string, CountryRef> CountryById { get; } = new(StringComparer.Ordinal);
    /// <summary>Organization canonical name (folded) → id, for keying members the actors stage resolved.</summary>
    internal Dictionary<string, string> OrgIdByName { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, Organization> Orgs { get; } = new(StringComparer.Ordinal);

    public static ProcessKnowledge Load(ActorKnowledge actors, string? directory = null)
    {
        directory ??= Parley.Core.Knowledge.PathOf("process");
        string P(string f)
        {
            var path = Path.Combine(directory, f);
            if (!File.Exists(path)) throw new FileNotFoundException($"process knowledge file missing: {path}", path);
            return path;
        }
        var kb = new ProcessKnowledge();
        kb.LoadFormats(P("formats.tsv"));
        kb.LoadMembers(P("members.tsv"));
        kb.LoadFormatCues(P("format-cues.tsv"));
        kb.LoadOrdinals(P("ordinals.tsv"));
        kb.LoadIssues(P("issues.tsv"));
        kb.LoadStance(P("stance-cues.tsv"));
        foreach (var c in actors.Countries.Values)
        {
            var r = new CountryRef(c.Iso3, c.Cameo, c.Name);
            kb.CountryById[c.Iso3] = r;
            foreach (var n in new[] { c.Name }.Concat(c.Aliases).Concat(c.Demonyms).Concat(c.Metonyms))
                if (!string.IsNullOrWhiteSpace(n)) kb.Countries.Add(n, r);
        }
        foreach (var o in actors.Organizations.Values)
        {
            kb.Orgs[o.Id] = o;
            kb.OrgIdByName.TryAdd(Fold(o.Name), o.Id);
        }
        return kb;
    }

    internal static string Fold(string s) => string.Join(' ', Tokens.KeysOf(s));

    static string? Blank(string[] cells, int i) => cells.Length > i && !string.IsNullOrWhiteSpace(cells[i]) ? cells[i].Trim() : null;

    static IEnumerable<string> List(string? cell) =>
        (cell ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    void LoadFormats(string path)
    {
        foreach (var (line, cells) in Parley.Core.Knowledge.ReadRows(path))
        {
            if (cells.Length < 8) throw new FormatException($"{path}:{line}: expected id, name, org, conflict, start, end, certainty, aliases[, note]");
            var aliases = List(cells[7]).ToList();
            var f = new FormatInfo(cells[0].Trim(), cells[1].Trim(), Blank(cells, 2), Blank(cells, 3), Blank(cells, 4), Blank(cells, 5),
                Blank(cells, 6) == "uncertain", aliases, Blank(cells, 8));
            Formats[f.Id] = f;
            FormatNames.Add(f.Name, f);
            foreach (var a in aliases) FormatNames.Add(a, f);
        }
    }

    void LoadMembers(string path)
    {
        foreach (var (line, cells) in Parley.Core.Knowledge.ReadRows(path))
        {
            if (cells.Length < 3) throw new FormatException($"{path}:{line}: expected format, member, role[, cameo, start, end, certainty, note]");
            var m = new FormatMember(cells[0].Trim(), cells[1].Trim(), cells[2].Trim(), Blank(cells, 3), Blank(cells, 4), Blank(cells, 5), Blank(cells, 6) == "uncertain", Blank(cells, 7));
            if (!Formats.ContainsKey(m.Format)) throw new FormatException($"{path}:{line}: format {m.Format} is not in formats.tsv");
            if (!Members.TryGetValue(m.Format, out var list)) Members[m.Format] = list = [];
            list.Add(m);
        }
    }

    void LoadFormatCues(string path)
    {
        foreach (var (line, cells) in Parley.Core.Knowledge.ReadRows(path))
        {
            if (cells.Length < 2) throw new FormatException($"{path}:{line}: expected phrase, kind[, value]");
            var kind = cells[1].Trim() switch
            {
                "round" => FormatCueKind.Round,
                "relative" => FormatCueKind.Relative,
                "role" => FormatCueKind.Role,
                "fact" => FormatCueKind.Fact,
                "join" => FormatCueKind.Join,
                "lister" => FormatCueKind.Lister,
                "day" => FormatCueKind.DayWord,
                var k => throw new FormatException($"{path}:{line}: unknown kind '{k}'"),
            };
            FormatCues.Add(cells[0].Trim(), new FormatCue(cells[0].Trim(), kind, Blank(cells, 2)));
        }
    }

    void LoadOrdinals(string path)
    {
        foreach (var (line, cells) in Parley.Core.Knowledge.ReadRows(path))
        {
            if (cells.Length < 3 || !int.TryParse(cells[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
                throw new FormatException($"{path}:{line}: expected word, value, kind");
            Ordinals[Fold(cells[0])] = (v, cells[2].Trim());
        }
    }

    void LoadIssues(string path)
    {
        foreach (var (line, cells) in Parley.Core.Knowledge.ReadRows(path))
        {
            if (cells.Length < 4) throw new FormatException($"{path}:{line}: expected id, label, parent, cues[, confirm, targets]");
            var issue = new IssueInfo(cells[0].Trim(), cells[1].Trim(), Blank(cells, 2));
            Issues[issue.Id] = issue;
            foreach (var raw in List(cells[3]))
            {
                var cue = raw;
                bool inverted = false, confirm = false;
                while (cue.Length > 0 && cue[0] is '!' or '?')
                {
                    if (cue[0] == '!') inverted = true; else confirm = true;
                    cue = cue[1..];
                }
                if (!IssueCues.Add(cue, new IssueCue(issue, inverted, confirm))) throw new FormatException($"{path}:{line}: empty cue");
            }
            Confirm[issue.Id] = List(Blank(cells, 4))
                .Select(ph => ph.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(w => w is "@country" or "*" ? [w] : Tokens.KeysOf(w)).ToArray())
                .Where(k => k.Length > 0).ToList();
            TargetHeads[issue.Id] = List(Blank(cells, 5)).Select(Fold).ToHashSet(StringComparer.Ordinal);
        }
        foreach (var i in Issues.Values)
            if (i.Parent is { } p && !Issues.ContainsKey(p)) throw new FormatException($"{path}: issue {i.Id}: parent {p} is not an issue");
    }

    void LoadStance(string path)
    {
        foreach (var (line, cells) in Parley.Core.Knowledge.ReadRows(path))
        {
            if (cells.Length < 2) throw new FormatException($"{path}:{line}: expected phrase, kind[, verb]");
            var phrase = cells[0].Trim();
            var kind = cells[1].Trim() switch
            {
                "supports" => StanceKind.Supports,
                "opposes" => StanceKind.Opposes,
                "condition-after" => StanceKind.ConditionAfter,
                "condition-before" => StanceKind.ConditionBefore,
                "negator" => StanceKind.Negator,
                "preposition" => StanceKind.Preposition,
                "clause" => StanceKind.Clause,
                "copula" => StanceKind.Copula,
                "possessive" => StanceKind.Possessive,
                var k => throw new FormatException($"{path}:{line}: unknown kind '{k}'"),
            };
            if (kind == StanceKind.Negator) Negators.Add(Fold(phrase));
            else if (kind == StanceKind.Preposition) Prepositions.Add(Fold(phrase));
            else if (kind == StanceKind.Clause) ClauseBreaks.Add(Fold(phrase));
            else if (kind == StanceKind.Copula) Copulas.Add(Fold(phrase));
            else if (kind == StanceKind.Possessive) Possessives.Add(Fold(phrase));
            else StanceCues.Add(phrase, new StanceCue(phrase, kind, Blank(cells, 2) == "yes"));
        }
    }

    /// <summary>A number written as digits ("20"), a numeric ordinal ("20th") or words ("twentieth", "twenty-first", "twenty one").</summary>
    internal int? Number(List<Tok> toks, int i, int end, out int length, out bool ordinal)
    {
        length = 0;
        ordinal = false;
        if (i >= end) return null;
        var key = toks[i].Key;
        if (key.Length > 0 && char.IsAsciiDigit(key[0]))
        {
            var d = 0;
            while (d < key.Length && char.IsAsciiDigit(key[d])) d++;
            var suffix = key[d..];
            if (suffix is not ("" or "st" or "nd" or "rd" or "th") || d > 4) return null;
            length = 1;
            ordinal = suffix.Length > 0;
            return int.Parse(key[..d], CultureInfo.InvariantCulture);
        }
        // "twenty-first" is one token; "twenty first" two
        var parts = key.Split('-');
        if (parts.Length == 2 && Ordinals.TryGetValue(parts[0], out var tens) && tens.Kind == "tens" && Ordinals.TryGetValue(parts[1], out var unit) && unit.Value < 10)
        {
            length = 1;
            ordinal = unit.Kind == "ordinal";
            return tens.Value + unit.Value;
        }
        if (!Ordinals.TryGetValue(key, out var w)) return null;
        length = 1;
        if (w.Kind == "tens" && i + 1 < end && Ordinals.TryGetValue(toks[i + 1].Key, out var u) && u.Value < 10 && u.Kind != "tens")
        {
            length = 2;
            ordinal = u.Kind == "ordinal";
            return w.Value + u.Value;
        }
        ordinal = w.Kind == "ordinal";
        return w.Value;
    }
}
