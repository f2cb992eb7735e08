using System.Text.RegularExpressions;

namespace Parley.Actors;

/// <summary>
/// The actor knowledge base: countries, organizations, role titles and people (knowledge/actors/README.md),
/// plus the engine's own tables (name-variants.tsv, coref-cues.tsv). Loaded once; read-only afterwards.
/// </summary>
public sealed partial class ActorKnowledge
{
    public Dictionary<string, Country> Countries { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Organization> Organizations { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, RoleTitle> Roles { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Person> People { get; } = new(StringComparer.Ordinal);
    public NameVariants Variants { get; private set; } = new();
    public CorefCues Cues { get; private set; } = new();
    /// <summary>Files read, in order (for reports).</summary>
    public List<string> Files { get; } = [];

    /// <summary>The default knowledge base: knowledge/actors beside the binary (whatever of it exists).</summary>
    public static ActorKnowledge LoadDefault() => Load(Parley.Core.Knowledge.PathOf("actors"));

    /// <summary>
    /// Loads a KB directory (countries.tsv, organizations.tsv, role-titles.tsv, people/*.tsv; any may be absent),
    /// then optional user directories in the same shapes (a row with the same id or name replaces the earlier one),
    /// then TABARI/PETRARCH actor dictionaries. Engine tables (name-variants.tsv, coref-cues.tsv) come from the
    /// first directory that has them, else from the shipped knowledge/actors.
    /// </summary>
    public static ActorKnowledge Load(string directory, IEnumerable<string>? userDirectories = null, IEnumerable<string>? tabariFiles = null)
    {
        var kb = new ActorKnowledge();
        var dirs = new List<string> { directory };
        if (userDirectories is not null) dirs.AddRange(userDirectories);
        foreach (var dir in dirs) kb.LoadDirectory(dir);
        var shipped = Parley.Core.Knowledge.PathOf("actors");
        string? Engine(string file) =>
            dirs.Select(d => Path.Combine(d, file)).Concat([Path.Combine(shipped, file)]).FirstOrDefault(File.Exists);
        if (Engine("name-variants.tsv") is { } nv) { kb.Variants = NameVariants.Load(nv); kb.Files.Add(nv); }
        if (Engine("coref-cues.tsv") is { } cc) { kb.Cues = CorefCues.Load(cc); kb.Files.Add(cc); }
        foreach (var file in tabariFiles ?? [])
        {
            using var reader = new StreamReader(file);
            kb.Merge(TabariDictionary.Parse(reader, file));
            kb.Files.Add(file);
        }
        return kb;
    }

    void LoadDirectory(string dir)
    {
        if (!Directory.Exists(dir)) return;
        Read(Path.Combine(dir, "countries.tsv"), 3, AddCountry);
        Read(Path.Combine(dir, "organizations.tsv"), 4, AddOrganization);
        Read(Path.Combine(dir, "role-titles.tsv"), 1, AddRole);
        var peopleDir = Path.Combine(dir, "people");
        if (Directory.Exists(peopleDir))
        {
            // rows of a person in these files replace rows of the same name read from earlier directories
            var replaced = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in Directory.GetFiles(peopleDir, "*.tsv").Order(StringComparer.Ordinal))
                Read(file, 5, (cells, where) => AddPersonRow(cells, where, file, replaced));
        }
    }

    void Read(string path, int required, Action<string[], string> add)
    {
        if (!File.Exists(path)) return;
        Files.Add(path);
        var first = true;
        foreach (var (lineNo, row) in Parley.Core.Knowledge.ReadRows(path))
        {
            var cells = row.Select(c => c.Trim()).ToArray();
            if (first)
            {
                first = false;
                if (cells[0] is "iso3" or "id" or "name" or "role") continue;   // optional header row
            }
            var where = $"{path}:{lineNo}";
            if (cells.Length < required || cells[0].Length == 0)
                throw new FormatException($"{where}: expected at least {required} tab-separated cells with a non-empty first cell, got {cells.Length}");
            add(cells, where);
        }
    }

    static string Cell(string[] c, int i) => i < c.Length ? c[i] : "";
    static string? Opt(string[] c, int i) => Cell(c, i) is { Length: > 0 } s ? s : null;
    static List<string> List(string[] c, int i) =>
        Cell(c, i).Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    [GeneratedRegex("^[A-Z]{3}$")] private static partial Regex Iso3();

    void AddCountry(string[] c, string where)
    {
        if (!Iso3().IsMatch(c[0])) throw new FormatException($"{where}: iso3 '{c[0]}' is not three capital letters");
        var leader = Cell(c, 7) is { Length: > 0 } l ? l : "head-of-state";
        if (leader is not ("head-of-state" or "head-of-government"))
            throw new FormatException($"{where}: leader must be head-of-state or head-of-government, got '{leader}'");
        if (Cell(c, 2).Length == 0) throw new FormatException($"{where}: empty name");
        Countries[c[0]] = new Country(c[0], Opt(c, 1) ?? c[0], c[2], List(c, 3), List(c, 4), Opt(c, 5), List(c, 6), leader);
    }

    static readonly HashSet<string> OrgKinds = ["igo", "group", "format", "agency"];

    void AddOrganization(string[] c, string where)
    {
        if (!OrgKinds.Contains(c[1])) throw new FormatException($"{where}: kind must be igo, group, format or agency, got '{c[1]}'");
        if (Cell(c, 3).Length == 0) throw new FormatException($"{where}: empty name");
        Organizations[c[0]] = new Organization(c[0], c[1], Opt(c, 2), c[3], List(c, 4), Opt(c, 5), List(c, 6), Opt(c, 7));
    }

    void AddRole(string[] c, string where)
    {
        var phrases = List(c, 2);
        Roles[c[0]] = new RoleTitle(c[0], Opt(c, 1), phrases);
    }

    void AddPersonRow(string[] c, string where, string file, HashSet<string> replaced)
    {
        var name = c[0];
        var gender = Opt(c, 2)?.ToLowerInvariant();
        if (gender is not (null or "m" or "f")) throw new FormatException($"{where}: gender must be m, f or empty, got '{gender}'");
        var start = Opt(c, 7);
        var end = Opt(c, 8);
        foreach (var d in new[] { start, end })
            if (d is not null && !KbDate.IsValid(d)) throw new FormatException($"{where}: '{d}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        if (start is not null && end is not null && string.CompareOrdinal(KbDate.StartKey(start), KbDate.EndKey(end)) > 0)
            throw new FormatException($"{where}: start {start} is after end {end}");
        if (Opt(c, 4) is null) throw new FormatException($"{where}: empty role");
        Person person;
        if (replaced.Add(name))
        {
            // the first row of this name in this directory: it replaces what earlier directories said
            person = new Person { Name = name, Source = file };
            People[name] = person;
        }
        else person = People[name];
        foreach (var a in List(c, 1))
            if (!person.Aliases.Contains(a)) person.Aliases.Add(a);
        person.Gender ??= gender;
        person.Tenures.Add(new Tenure(Opt(c, 3), c[4], Opt(c, 5), Opt(c, 6), start, end));
    }

    /// <summary>Adds TABARI entries as people (or merges their codes into a person of the same name).</summary>
    public void Merge(IEnumerable<TabariEntry> entries)
    {
        _roleIndex = null;
        // names and aliases of the people already known, for merging (dictionaries hold tens of thousands of entries)
        var byName = new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in People.Values)
            foreach (var n in p.Aliases.Prepend(p.Name))
                byName.TryAdd(n, p);
        foreach (var e in entries)
        {
            var name = e.Name;
            if (!byName.TryGetValue(name, out var person))
            {
                person = new Person { Name = name, Source = "tabari" };
                People[name] = person;
                byName[name] = person;
            }
            foreach (var s in e.Synonyms)
                if (!string.Equals(s, person.Name, StringComparison.OrdinalIgnoreCase) && !person.Aliases.Contains(s, StringComparer.OrdinalIgnoreCase))
                    person.Aliases.Add(s);
            foreach (var code in e.Codes)
            {
                var iso = code.Code.Length >= 3 && Countries.ContainsKey(code.Code[..3]) ? code.Code[..3] : null;
                var role = code.Code.Length > 3 ? "cameo-" + code.Code[3..].ToLowerInvariant() : "cameo";
                person.Tenures.Add(new Tenure(iso ?? (code.Code.Length >= 3 ? code.Code[..3] : null), role, null, code.Code, code.Start, code.End));
            }
        }
    }

    // ---- lookups ----

    /// <summary>People currently (at the date) holding the role for the country (ISO3 or org id).</summary>
    public List<Person> RoleHolders(string country, string role, string? date)
    {
        var index = _roleIndex;
        if (index is null)
        {
            // built on first use (after loading and merging); a race only builds it twice
            index = new Dictionary<(string, string), List<Person>>();
            foreach (var p in People.Values.OrderBy(p => p.Name, StringComparer.Ordinal))
                foreach (var t in p.Tenures)
                    if (t.Country is { } c && t.Role is { } r)
                    {
                        if (!index.TryGetValue((c, r), out var list)) index[(c, r)] = list = [];
                        if (!list.Contains(p)) list.Add(p);
                    }
            _roleIndex = index;
        }
        return index.TryGetValue((country, role), out var holders)
            ? holders.Where(p => p.Tenures.Any(t => t.Country == country && t.Role == role && t.Covers(date))).ToList()
            : [];
    }

    volatile Dictionary<(string, string), List<Person>>? _roleIndex;

    /// <summary>A person's tenures that cover the date.</summary>
    public List<Tenure> RolesOf(string personName, string? date) =>
        People.TryGetValue(personName, out var p) ? p.Tenures.Where(t => t.Covers(date)).ToList() : [];

    /// <summary>Entries whose name or alias normalises to the same key as <paramref name="name"/>.</summary>
    public List<object> Lookup(string name)
    {
        var key = Variants.Key(name);
        var found = new List<object>();
        foreach (var c in Countries.Values)
            if (new[] { c.Name, c.Iso3 }.Concat(c.Aliases).Concat(c.Demonyms).Concat(c.Metonyms).Concat(c.Capital is null ? [] : [c.Capital]).Any(n => Variants.Key(n) == key)) found.Add(c);
        foreach (var o in Organizations.Values)
            if (new[] { o.Name, o.Id }.Concat(o.Aliases).Any(n => Variants.Key(n) == key)) found.Add(o);
        foreach (var p in People.Values)
            if (new[] { p.Name, p.Name.Split(' ')[^1] }.Concat(p.Aliases).Any(n => Variants.Key(n) == key)) found.Add(p);
        return found;
    }

    /// <summary>The role type whose phrases include the text (case- and variant-insensitive), or null.</summary>
    public RoleTitle? RoleByPhrase(string phrase)
    {
        var key = Variants.Key(phrase);
        return Roles.Values.FirstOrDefault(r => r.Phrases.Any(p => Variants.Key(p) == key));
    }
}
