using Parley.Core;

namespace Parley.Time;

/// <summary>The tense a clause is read in, for anchoring weekdays and undated months.</summary>
public enum Tense : byte { None, Past, Future }

enum MonthUse : byte { None, Free, Context, Abbrev }

enum NumKind : byte { None, Cardinal, Article, Ordinal }

[Flags]
enum NotDate : byte { None = 0, BeforeNumber = 1, AfterNumber = 2, BeforeWeekday = 4, AfterWeekday = 8, BeforeMonth = 16 }

/// <summary>Everything the knowledge files say about one word (a word may play several roles: "may", "second", "last").</summary>
sealed class Word(string key)
{
    public string Key { get; } = key;
    public int Month;
    public MonthUse MonthUse;
    public int Weekday;
    public bool WeekdayAbbrev;
    public NumKind NumKind;
    public int Num;                 // -1 = unspecified ("several")
    public string? Unit;
    public int UnitCount;
    public string? Season;
    public string? Part;
    public bool IsShift;
    public int Shift;
    public bool Anaphoric;
    public bool Every;
    public Tense Tense;
    public bool NotPast;
    public bool Boundary;
    public NotDate NotDate;
    public bool IsPosition;         // single-word position modifier ("early", "mid")
    public string? PositionMod;
}

/// <summary>A relative.tsv phrase; Next: for "fixed", the words one of which must follow.</summary>
sealed record RelEntry(string Kind, string Value, string? Extra, int[]? Next = null);
sealed record AfterEntry(int Sign, bool FromPublished, bool TakesObject);
sealed record SignalEntry(string? Mod, bool Licenses);

/// <summary>Phrases of lexicon ids matched forward from a token or backward to one; longest match wins.</summary>
sealed class PhraseSet<T>
{
    readonly Dictionary<int, List<(int[] Ids, T Value)>> _byFirst = [];
    readonly Dictionary<int, List<(int[] Ids, T Value)>> _byLast = [];

    public void Add(int[] ids, T value)
    {
        if (ids.Length == 0) return;
        Insert(_byFirst, ids[0], ids, value);
        Insert(_byLast, ids[^1], ids, value);
    }

    static void Insert(Dictionary<int, List<(int[] Ids, T Value)>> map, int key, int[] ids, T value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.RemoveAll(e => e.Ids.AsSpan().SequenceEqual(ids));
        list.Add((ids, value));
        list.Sort((a, b) => b.Ids.Length.CompareTo(a.Ids.Length));
    }

    public bool StartsWith(int id) => _byFirst.ContainsKey(id);

    /// <summary>The longest phrase starting at token i; end is exclusive.</summary>
    public bool MatchForward(ReadOnlySpan<Tok> toks, int i, out int end, out T value)
    {
        end = i;
        value = default!;
        if (i >= toks.Length || !_byFirst.TryGetValue(toks[i].Id, out var list)) return false;
        foreach (var (ids, v) in list)
        {
            if (i + ids.Length > toks.Length) continue;
            var ok = true;
            for (var k = 1; k < ids.Length && ok; k++) ok = toks[i + k].Id == ids[k];
            if (!ok) continue;
            end = i + ids.Length;
            value = v;
            return true;
        }
        return false;
    }

    /// <summary>The longest phrase ending just before token end and starting at or after floor.</summary>
    public bool MatchBackward(ReadOnlySpan<Tok> toks, int end, int floor, out int start, out T value)
    {
        start = end;
        value = default!;
        if (end - 1 < floor || end - 1 >= toks.Length || !_byLast.TryGetValue(toks[end - 1].Id, out var list)) return false;
        foreach (var (ids, v) in list)
        {
            var s = end - ids.Length;
            if (s < floor) continue;
            var ok = true;
            for (var k = 0; k < ids.Length - 1 && ok; k++) ok = toks[s + k].Id == ids[k];
            if (!ok) continue;
            start = s;
            value = v;
            return true;
        }
        return false;
    }
}

/// <summary>
/// The time stage's knowledge (knowledge/time/*.tsv) compiled into a case-insensitive word table and
/// phrase sets over word ids. Immutable after loading.
/// </summary>
sealed class TimeLexicon
{
    readonly Dictionary<string, int> _ids = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    readonly List<Word> _words = [];

    public PhraseSet<RelEntry> Relatives { get; } = new();
    public PhraseSet<AfterEntry> After { get; } = new();
    public PhraseSet<SignalEntry> Signals { get; } = new();
    public PhraseSet<bool> Extends { get; } = new();
    public PhraseSet<string> Positions { get; } = new();
    public PhraseSet<string> Approx { get; } = new();
    public PhraseSet<int[]> Ranges { get; } = new();
    public PhraseSet<Tense> TensePhrases { get; } = new();
    public PhraseSet<string> Clock { get; } = new();

    // structural words of the grammar (not lists)
    public int The { get; }
    public int Of { get; }
    public int And { get; }
    public int Comma { get; }
    public int Dot { get; }
    public int OpenParen { get; }
    public int PossessiveS { get; }

    TimeLexicon()
    {
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        The = Add("the");
        Of = Add("of");
        And = Add("and");
        Comma = Add(",");
        Dot = Add(".");
        OpenParen = Add("(");
        PossessiveS = Add("'s");
    }

    public Word this[int id] => _words[id];
    public Word? WordOf(in Tok t) => t.Id >= 0 ? _words[t.Id] : null;
    public int Count => _words.Count;

    public int IdOf(ReadOnlySpan<char> w)
    {
        if (_lookup.TryGetValue(w, out var id)) return id;
        if (w.IndexOfAny('\u2019', '\u2018') < 0) return -1;
        Span<char> buf = w.Length <= 64 ? stackalloc char[w.Length] : new char[w.Length];
        w.CopyTo(buf);
        buf.Replace('\u2019', '\'');
        buf.Replace('\u2018', '\'');
        return _lookup.TryGetValue(buf, out id) ? id : -1;
    }

    /// <summary>Ids for digit tokens only when a phrase uses them ("9/11", "sept. 11"); -1 otherwise.</summary>
    public int NumberId(ReadOnlySpan<char> w) => _hasNumberWords && w.Length <= 8 ? IdOf(w) : -1;

    bool _hasNumberWords;

    public int CliticId(ReadOnlySpan<char> rest)
    {
        Span<char> buf = stackalloc char[rest.Length + 1];
        buf[0] = '\'';
        rest.CopyTo(buf[1..]);
        return _lookup.TryGetValue(buf, out var id) ? id : -1;
    }

    int Add(string key)
    {
        key = key.Replace('\u2019', '\'');
        if (_ids.TryGetValue(key, out var id)) return id;
        id = _words.Count;
        _words.Add(new Word(key));
        _ids[key] = id;
        return id;
    }

    Word Entry(string key) => _words[Add(key.Trim())];

    /// <summary>A phrase as lexicon ids, tokenized like text (so "new year's eve" is new|year|'s|eve).</summary>
    int[] Phrase(string phrase)
    {
        var toks = new List<Tok>();
        TimeTokenizer.Tokenize(phrase, 0, phrase.Length, this, toks);
        var ids = new int[toks.Count];
        for (var k = 0; k < toks.Count; k++)
        {
            var t = toks[k];
            var text = phrase[t.Start..t.End];
            ids[k] = Add(t.Kind == TokKind.Clitic ? "'" + text[1..] : text);
        }
        return ids;
    }

    /// <summary>Loads knowledge/time (or another directory with the same files).</summary>
    public static TimeLexicon Load(string? directory = null)
    {
        directory ??= Knowledge.PathOf("time");
        var lex = new TimeLexicon();
        IEnumerable<(int Line, string[] Cells, string File)> Rows(string file)
        {
            var path = Path.Combine(directory, file);
            if (!File.Exists(path)) throw new FileNotFoundException($"knowledge file missing: {path}", path);
            foreach (var (line, cells) in Knowledge.ReadRows(path)) yield return (line, cells, file);
        }
        static string Cell(string[] cells, int k) => k < cells.Length ? cells[k].Trim() : "";
        static int Int((int Line, string[] Cells, string File) row, int k)
        {
            var s = Cell(row.Cells, k);
            if (int.TryParse(s.TrimStart('+'), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var v)) return v;
            throw new FormatException($"{row.File}:{row.Line}: '{s}' is not a number");
        }

        foreach (var row in Rows("months.tsv"))
        {
            var w = lex.Entry(Cell(row.Cells, 0));
            w.Month = Int(row, 1);
            w.MonthUse = Cell(row.Cells, 2) switch { "context" => MonthUse.Context, "abbrev" => MonthUse.Abbrev, _ => MonthUse.Free };
        }
        foreach (var row in Rows("weekdays.tsv"))
        {
            var w = lex.Entry(Cell(row.Cells, 0));
            w.Weekday = Int(row, 1);
            w.WeekdayAbbrev = Cell(row.Cells, 2) == "abbrev";
        }
        foreach (var row in Rows("numbers.tsv"))
        {
            var w = lex.Entry(Cell(row.Cells, 0));
            w.Num = Cell(row.Cells, 1) == "X" ? -1 : Int(row, 1);
            w.NumKind = Cell(row.Cells, 2) switch { "ordinal" => NumKind.Ordinal, "article" => NumKind.Article, _ => NumKind.Cardinal };
        }
        foreach (var row in Rows("units.tsv"))
        {
            var w = lex.Entry(Cell(row.Cells, 0));
            w.Unit = Cell(row.Cells, 1);
            w.UnitCount = Cell(row.Cells, 2).Length == 0 ? 1 : Int(row, 2);
        }
        foreach (var row in Rows("seasons.tsv"))
        {
            var w = lex.Entry(Cell(row.Cells, 0));
            if (Cell(row.Cells, 2) == "partofday") w.Part = Cell(row.Cells, 1);
            else w.Season = Cell(row.Cells, 1);
        }
        foreach (var row in Rows("relative.tsv"))
        {
            var (kind, phrase, value, extra) = (Cell(row.Cells, 0), Cell(row.Cells, 1), Cell(row.Cells, 2), Cell(row.Cells, 3));
            switch (kind)
            {
                case "every": lex.Entry(phrase).Every = true; break;
                case "shift":
                    var s = lex.Entry(phrase);
                    s.IsShift = true;
                    s.Shift = Int(row, 2);
                    s.Anaphoric = extra == "anaphoric";
                    break;
                case "after": lex.After.Add(lex.Phrase(phrase), new AfterEntry(Math.Sign(Int(row, 2)), extra == "published", extra == "object")); break;
                case "clock": lex.Clock.Add(lex.Phrase(phrase), value); break;
                case "fixed":
                    var ids = lex.Phrase(phrase);
                    int[] next = [.. extra.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(lex.Add)];
                    lex.Relatives.Add(ids, new RelEntry(kind, value, null, next.Length == 0 ? null : next));
                    lex._hasNumberWords |= phrase.Any(char.IsAsciiDigit);
                    break;
                case "day" or "daypart" or "textrel" or "ref" or "set" or "monthday" or "none":
                    lex.Relatives.Add(lex.Phrase(phrase), new RelEntry(kind, value, extra.Length == 0 ? null : extra));
                    break;
                default: throw new FormatException($"relative.tsv:{row.Line}: unknown kind '{kind}'");
            }
        }
        foreach (var row in Rows("modifiers.tsv"))
        {
            var (kind, phrase, value) = (Cell(row.Cells, 0), Cell(row.Cells, 1), Cell(row.Cells, 2));
            var mod = value is "" or "-" ? null : value;
            var ids = lex.Phrase(phrase);
            switch (kind)
            {
                case "signal": lex.Signals.Add(ids, new SignalEntry(mod, Cell(row.Cells, 3) == "yes")); break;
                case "extend": lex.Extends.Add(ids, true); break;
                case "position":
                    lex.Positions.Add(ids, value);
                    if (ids.Length == 1) { lex[ids[0]].IsPosition = true; lex[ids[0]].PositionMod = value; }
                    break;
                case "approx": lex.Approx.Add(ids, value); break;
                case "range": lex.Ranges.Add(ids, [.. value.Split('|').Select(j => lex.Add(j.Trim()))]); break;
                default: throw new FormatException($"modifiers.tsv:{row.Line}: unknown kind '{kind}'");
            }
        }
        foreach (var row in Rows("tense-cues.tsv"))
        {
            var (kind, phrase) = (Cell(row.Cells, 0), Cell(row.Cells, 1));
            var ids = lex.Phrase(phrase);
            switch (kind)
            {
                case "past" or "future":
                    var tense = kind == "past" ? Tense.Past : Tense.Future;
                    if (ids.Length == 1) lex[ids[0]].Tense = tense;
                    else lex.TensePhrases.Add(ids, tense);
                    break;
                case "notpast": foreach (var id in ids) lex[id].NotPast = true; break;
                case "boundary": foreach (var id in ids) lex[id].Boundary = true; break;
                default: throw new FormatException($"tense-cues.tsv:{row.Line}: unknown kind '{kind}'");
            }
        }
        foreach (var row in Rows("not-dates.tsv"))
        {
            var (position, word, applies) = (Cell(row.Cells, 0), Cell(row.Cells, 1), Cell(row.Cells, 2));
            var flag = (position, applies) switch
            {
                ("before", "number") => NotDate.BeforeNumber,
                ("after", "number") => NotDate.AfterNumber,
                ("before", "weekday") => NotDate.BeforeWeekday,
                ("after", "weekday") => NotDate.AfterWeekday,
                ("before", "month") => NotDate.BeforeMonth,
                _ => throw new FormatException($"not-dates.tsv:{row.Line}: unknown position/applies '{position}/{applies}'"),
            };
            lex.Entry(word).NotDate |= flag;
        }
        return lex;
    }
}
