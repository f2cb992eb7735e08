namespace Parley.Time;

enum PKind : byte { Date, Weekday, DayOfMonth, DayRel, Shift, Ago, TextRel, Duration, Ref, Set, Time, Decade, Century, Blocked }

/// <summary>Granularity of a resolved date (and of the publication anchor).</summary>
enum Gran : byte { None, Year, Month, Week, Day }

/// <summary>A recognised time expression before resolution: what the words say, not yet what date it is.</summary>
sealed class Parsed
{
    public const int NoShift = int.MinValue;

    public PKind Kind;
    public int T0, T1;                 // token range, end exclusive, modifiers included
    public int Year = -1, Month = -1, Day = -1, Weekday;
    public int GroupMaxDay = -1;       // largest day of a day list ("the 20th and 21st")
    public string? Season, Part;
    public int Decade = -1, Century = -1;
    public string? Unit;
    public int Count = 1;              // -1 = unspecified ("several years")
    public int Offset;                 // Shift / DayRel / Ago / TextRel direction or offset
    public bool Anaphoric;             // relative to a date in the sentence ("the following day")
    public bool TenseShift;            // direction from tense ("over the weekend")
    public int MonthShift = NoShift;   // DayOfMonth: month relative to the anchor; NoShift = by tense
    public int Hour = -1, Minute = -1;
    public string? Literal;            // Ref / Set value
    public Parsed? Inner;              // "five days prior to [January 23]"
    public bool NoReference;           // relative to an event named after it, so never to a date before it
    public Parsed? RangeEnd;
    public List<Parsed>? Siblings;     // the other dates of a day list
    public string? PosMod, ApproxMod, SignalMod;
    public bool NeedsOfMod;            // "the year" is a date only after "the end of" etc.
    public bool Extended;
    public int[]? RangeJoins;
    public int PreRangeT0 = -1, RangeFloor;
    public bool Dateline;

    // resolution
    public string? Value, EndValue, Type, Anchor;
    public DateOnly RefDate;
    public Gran RefGran;
}
