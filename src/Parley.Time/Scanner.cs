using System.Globalization;
using System.Runtime.InteropServices;

namespace Parley.Time;

/// <summary>
/// Finds time expressions in one sentence's tokens: a core (a date, weekday, number + unit, relative
/// word…) is matched at each token, then modifiers to its left (signals "on"/"since", positions
/// "late"/"the end of", approximations "about", range openers "between") are taken in.
/// </summary>
sealed class Scanner(TimeLexicon lex, string text, List<Tok> tokens)
{
    readonly TimeLexicon L = lex;
    ReadOnlySpan<Tok> T => CollectionsMarshal.AsSpan(tokens);
    int N => tokens.Count;

    public void Scan(List<Parsed> output)
    {
        int i = 0, floor = 0;
        Parsed? prev = null;
        while (i < N)
        {
            var p = Core(i);
            if (p is null) { i++; continue; }
            if (p.Kind == PKind.Blocked) { i = p.T1; continue; }
            if (prev is not null && TryJoinRange(prev, p))
            {
                floor = i = prev.T1;
                continue;
            }
            FinishRange(prev);
            var coreStart = p.T0;
            ExtendLeft(p, floor);
            if (p.NeedsOfMod && !p.Extended) { i = coreStart + 1; continue; }
            output.Add(p);
            prev = p;
            if (p.Siblings is { } sib)
            {
                output.AddRange(sib);
                prev = sib[^1];
            }
            floor = i = Math.Max(prev.T1, i + 1);
        }
        FinishRange(prev);
    }

    // ---- ranges -------------------------------------------------------------------------------

    bool TryJoinRange(Parsed prev, Parsed p)
    {
        if (p.T0 != prev.T1 + 1 || prev.T1 >= N || !Rangeable(prev) || !Rangeable(p)) return false;
        var join = T[prev.T1];
        var opened = prev.RangeJoins is { } joins && Array.IndexOf(joins, join.Id) >= 0;
        var dash = join.Kind == TokKind.Punct && text[join.Start] is '-' or '\u2013' && prev.Kind == PKind.Date && p.Kind == PKind.Date
                   && prev.Month < 0 && p.Month < 0 && prev.Year >= 0 && p.Year > prev.Year;
        if (!opened && !dash) return false;
        if (prev.Year < 0 && prev.Month > 0 && p.Year >= 0)
            prev.Year = p.Month > 0 && p.Month < prev.Month ? p.Year - 1 : p.Year;
        prev.RangeEnd = p;
        prev.T1 = p.T1;
        prev.RangeJoins = null;
        return true;
    }

    static bool Rangeable(Parsed p) => p.Kind is not (PKind.Duration or PKind.Ref or PKind.Set or PKind.Ago or PKind.TextRel) && p.Siblings is null;

    /// <summary>An opener whose range never closed: "between" leaves the text, "from" stays as a plain signal.</summary>
    void FinishRange(Parsed? p)
    {
        if (p?.RangeJoins is null) return;
        p.RangeJoins = null;
        p.T0 = p.PreRangeT0;
        if (L.Signals.MatchBackward(T, p.T0, p.RangeFloor, out var s, out var sig))
        {
            p.T0 = s;
            p.SignalMod ??= sig.Mod;
        }
    }

    // ---- left modifiers -----------------------------------------------------------------------

    void ExtendLeft(Parsed p, int floor)
    {
        var s = p.T0;
        // "in today's world": the preposition belongs to the noun after ("ahead of Monday's vote" keeps its mod)
        var possessive = p.T1 < N && T[p.T1].Id == L.PossessiveS;
        bool sig = false, pos = false, apx = false, ext = false;
        for (var step = 0; step < 5; step++)
        {
            if (!apx && !sig && ApproxEligible(p) && L.Approx.MatchBackward(T, s, floor, out var a, out var am)
                && (am == "approx" || p.Kind != PKind.Date))
            {
                p.ApproxMod = am; s = a; apx = true; continue;
            }
            if (!sig && L.Ranges.MatchBackward(T, s, floor, out var r, out var joins) && Rangeable(p))
            {
                p.RangeJoins = joins; p.PreRangeT0 = s; p.RangeFloor = floor; s = r; break;
            }
            if (!sig && L.Signals.MatchBackward(T, s, floor, out var g, out var se) && !(possessive && se.Mod is null))
            {
                p.SignalMod = se.Mod; s = g; sig = true; continue;
            }
            if (!pos && !sig && L.Positions.MatchBackward(T, s, floor, out var q, out var pm))
            {
                p.PosMod = pm; s = q; pos = true; p.Extended = true;
                if (q - 1 >= floor && T[q - 1].Id == L.The && q == s && L[T[q].Id].IsPosition) s = q - 1;   // "in the early 2010s"
                continue;
            }
            if (!ext && !sig && L.Extends.MatchBackward(T, s, floor, out var x, out _))
            {
                s = x; ext = true; p.Extended = p.Extended || p.NeedsOfMod && T[s].Kind == TokKind.Word; continue;
            }
            break;
        }
        p.T0 = s;
    }

    bool ApproxEligible(Parsed p)
    {
        if (p.T0 >= N) return false;
        var t = T[p.T0];
        var numeric = t.Kind == TokKind.Number || L.WordOf(t) is { NumKind: NumKind.Cardinal or NumKind.Article };
        return numeric && (p.Kind is PKind.Duration or PKind.Ago or PKind.TextRel || p.Kind == PKind.Date && p.Month < 0);
    }

    /// <summary>Whether the words before token k make an ambiguous month or a season a date ("in May", "late March", "last spring").</summary>
    bool Licensed(int k)
    {
        if (k > 0 && T[k - 1].Id == L.The) k--;
        if (k == 0) return false;
        if (L.Signals.MatchBackward(T, k, 0, out _, out var sig) && sig.Licenses) return true;
        if (L.Positions.MatchBackward(T, k, 0, out _, out _)) return true;
        return W(k - 1) is { IsShift: true, Anaphoric: false };
    }

    // ---- cores --------------------------------------------------------------------------------

    Word? W(int k) => k >= 0 && k < N && T[k].Id >= 0 ? L[T[k].Id] : null;
    bool Is(int k, int id) => k >= 0 && k < N && T[k].Id == id;
    bool Cap(int k) => T[k].Has(TokFlags.Cap);
    ReadOnlySpan<char> Text(int k) => text.AsSpan(T[k].Start, T[k].Length);

    Parsed? Core(int i)
    {
        var t = T[i];
        switch (t.Kind)
        {
            case TokKind.Number or TokKind.Complex:
                var numeric = t.Kind == TokKind.Number ? NumberLed(i) : ComplexLed(i);
                if (t.Id >= 0 && L.Relatives.MatchForward(T, i, out var ne, out var nrel)) Keep(ref numeric, Relative(i, ne, nrel));
                return numeric;
            case TokKind.Ordinal: return OrdinalLed(i);
            case TokKind.Word: break;
            default: return null;
        }
        if (t.Id < 0) return t.Has(TokFlags.Hyphen) ? HyphenLed(i) : null;
        var w = L[t.Id];
        Parsed? best = null;
        if (L.Relatives.MatchForward(T, i, out var e, out var rel)) Keep(ref best, Relative(i, e, rel));
        if (w.Month > 0) Keep(ref best, MonthLed(i));
        if (w.Weekday > 0) Keep(ref best, WeekdayLed(i));
        if (w.NumKind is NumKind.Cardinal or NumKind.Article) Keep(ref best, NumberWordLed(i));
        if (w.IsShift) Keep(ref best, ShiftLed(i, -1));
        if (t.Id == L.The) Keep(ref best, TheLed(i));
        if (w.Every) Keep(ref best, EveryLed(i));
        if (w.Season is not null) Keep(ref best, SeasonLed(i, -1));
        if (w.Unit is not null) Keep(ref best, BareUnit(i));
        if (L.Clock.MatchForward(T, i, out var ce, out var cv) && cv.Contains(':')) Keep(ref best, ClockWord(i, ce, cv));
        return best;
    }

    static void Keep(ref Parsed? best, Parsed? p)
    {
        if (p is not null && (best is null || p.T1 > best.T1)) best = p;
    }

    Parsed? Relative(int i, int end, RelEntry rel)
    {
        // "Russia Today", "USA Today": a capitalised relative word inside a sentence is a name
        if (rel.Kind is not ("monthday" or "none" or "fixed") && Cap(i) && i > 0 && T[i - 1].Kind != TokKind.Punct) return null;
        var p = new Parsed { T0 = i, T1 = end };
        switch (rel.Kind)
        {
            case "day":
                p.Kind = PKind.DayRel;
                p.Offset = Int(rel.Value);
                if (W(end)?.Part is { } part) { p.Part = part; p.T1 = end + 1; }
                return p;
            case "daypart":
                p.Kind = PKind.DayRel;
                p.Offset = Int(rel.Value);
                p.Part = rel.Extra;
                return p;
            case "textrel":
                p.Kind = PKind.TextRel;
                var v = Int(rel.Value);
                p.Offset = Math.Sign(v);
                p.Count = Math.Abs(v);
                p.Unit = rel.Extra ?? "D";
                return p;
            case "ref":
                p.Kind = PKind.Ref;
                p.Literal = rel.Value;
                return p;
            case "set":
                if (Cap(i)) return null;   // "Daily Mail", "The Weekly Standard"
                if (end < N && T[end].Kind == TokKind.Word && T[end].Id < 0) return null;   // "daily life", "weekly meeting"
                p.Kind = PKind.Set;
                p.Literal = rel.Value;
                return p;
            case "none":   // a phrase that only looks like a time expression ("as soon as")
                p.Kind = PKind.Blocked;
                return p;
            case "fixed":   // a date known by name ("9/11", "the Sept. 11 attacks")
                if (rel.Next is { } next && (end >= N || Array.IndexOf(next, T[end].Id) < 0)) return null;
                if (rel.Value.Length != 10) return null;
                p.Kind = PKind.Date;
                p.Year = Int(rel.Value[..4]);
                p.Month = Int(rel.Value[5..7]);
                p.Day = Int(rel.Value[8..]);
                return p;
            case "monthday":
                if (!Cap(i) || rel.Value.Length != 5) return null;
                p.Kind = PKind.Date;
                p.Month = Int(rel.Value[..2]);
                p.Day = Int(rel.Value[3..]);
                return p;
        }
        return null;
    }

    static int Int(string s) => int.Parse(s.TrimStart('+'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>A year-like number (four digits, 1000–2099, no group comma) at token k.</summary>
    bool IsYear(int k) => k >= 0 && k < N && T[k] is { Kind: TokKind.Number, Length: 4 } y && !y.Has(TokFlags.Comma) && y.Num is >= 1000 and <= 2099;

    /// <summary>A day of the month at token k: "23", "23rd", or (after "the") "twenty-third"; -1 if none.</summary>
    int DayAt(int k, bool words)
    {
        if (k < 0 || k >= N) return -1;
        var t = T[k];
        var v = t.Kind switch
        {
            TokKind.Number when t.Length <= 2 && !t.Has(TokFlags.Comma) => t.Num,
            TokKind.Ordinal => t.Num,
            TokKind.Word when words && W(k) is { NumKind: NumKind.Ordinal } w => w.Num,
            _ => -1,
        };
        return v is >= 1 and <= 31 ? v : -1;
    }

    /// <summary>A capitalised month name at token k (any use); end is past an abbreviation's period.</summary>
    int MonthAt(int k, out int end)
    {
        end = k;
        if (k < 0 || k >= N || !Cap(k) || W(k) is not { Month: > 0 } w) return -1;
        end = k + 1;
        if (w.MonthUse == MonthUse.Abbrev && T[k].Has(TokFlags.Period) && Is(end, L.Dot)) end++;
        return w.Month;
    }

    /// <summary>A count at token k: digits, a cardinal word, "a"/"an" before a unit, "a few"; -2 if none.</summary>
    int CountAt(int k, out int end)
    {
        end = k;
        if (k >= N) return -2;
        var t = T[k];
        if (t.Kind == TokKind.Number) { end = k + 1; return t.Num; }
        if (W(k) is not { } w) return t.Has(TokFlags.Hyphen) ? CompoundCardinal(k, out end) : -2;
        if (w.NumKind == NumKind.Cardinal) { end = OfBeforeUnit(k + 1); return w.Num; }
        if (w.NumKind == NumKind.Article)
        {
            if (W(k + 1) is { NumKind: NumKind.Cardinal } c && c.Num is -1 or 2) { end = OfBeforeUnit(k + 2); return c.Num; }   // "a few", "a couple of"
            if (W(k + 1) is { Unit: not null }) { end = k + 1; return 1; }
        }
        return -2;
    }

    /// <summary>Past the "of" of a counted phrase ("a couple of years") when a unit follows it.</summary>
    int OfBeforeUnit(int k) => Is(k, L.Of) && W(k + 1) is { Unit: not null } ? k + 1 : k;

    /// <summary>"twenty-five" from the tens and units rows.</summary>
    int CompoundCardinal(int k, out int end)
    {
        end = k;
        var s = Text(k);
        var dash = s.IndexOfAny('-', '\u2010', '\u2011');
        if (dash <= 0) return -2;
        var a = L.IdOf(s[..dash]);
        var b = L.IdOf(s[(dash + 1)..]);
        if (a < 0 || b < 0) return -2;
        var (tens, units) = (L[a], L[b]);
        if (tens is not { NumKind: NumKind.Cardinal, Num: >= 20 and <= 90 } || tens.Num % 10 != 0) return -2;
        if (units is not { NumKind: NumKind.Cardinal, Num: >= 1 and <= 9 }) return -2;
        end = k + 1;
        return tens.Num + units.Num;
    }

    Parsed? NumberLed(int i)
    {
        var t = T[i];
        if (t.Num < 0) return null;
        var plain = !t.Has(TokFlags.Comma);
        if (plain && t.Length == 4 && t.Num is >= 1000 and <= 2099) return Year(i);
        if (plain && t.Length <= 2 && t.Num is >= 1 and <= 31 && DayMonth(i, -1) is { } dm) return dm;
        if (plain && t.Length <= 2 && t.Num is >= 1 and <= 12 && L.Clock.MatchForward(T, i + 1, out var ce, out var cv) && cv is "am" or "pm")
            return new Parsed { Kind = PKind.Time, T0 = i, T1 = ce, Hour = t.Num % 12 + (cv == "pm" ? 12 : 0), Minute = 0 };
        return Quantity(i, i + 1, t.Num);
    }

    Parsed? NumberWordLed(int i)
    {
        var c = CountAt(i, out var end);
        return c == -2 ? null : Quantity(i, end, c);
    }

    /// <summary>count + unit: a duration, or with "ago"/"later"/"prior to X" a point.</summary>
    Parsed? Quantity(int start, int j, int count)
    {
        if (W(j) is not { Unit: { } unit } u || unit == "WE" || !IsUnitWord(j)) return null;
        var p = new Parsed { Kind = PKind.Duration, T0 = start, T1 = j + 1, Unit = unit, Count = count < 0 ? -1 : count * u.UnitCount };
        if (L.After.MatchForward(T, j + 1, out var ae, out var after))
        {
            p.T1 = ae;
            p.Offset = after.Sign;
            if (after.FromPublished) p.Kind = PKind.Ago;
            else
            {
                p.Kind = PKind.TextRel;
                if (after.TakesObject)
                {
                    if (ae < N && Core(ae) is { Kind: PKind.Date or PKind.Weekday or PKind.DayOfMonth or PKind.DayRel or PKind.Shift } inner)
                    {
                        p.Inner = inner;
                        p.T1 = inner.T1;
                    }
                    else p.NoReference = true;   // "two years before the war": relative to an event, not a date
                }
            }
        }
        return p;
    }

    Parsed? Year(int i)
    {
        if (W(i - 1) is { } b && (b.NotDate & NotDate.BeforeNumber) != 0) return null;
        if (W(i + 1) is { } a && (a.NotDate & NotDate.AfterNumber) != 0) return null;
        if (T[i].Num < 1900 && !Licensed(i)) return null;
        return new Parsed { Kind = PKind.Date, Year = T[i].Num, T0 = i, T1 = i + 1 };
    }

    /// <summary>Days after the first at token j: "-21"/"to 21" (a range) or ", 21 and 22" (a list).</summary>
    int DayTail(int j, bool words, List<(int Tok, int Day)> days, out bool range)
    {
        range = false;
        while (j + 1 < N)
        {
            var join = T[j];
            var next = DayAt(j + 1, words);
            if (next < 0) break;
            // "January 23, 2019": a comma before a year is not a list
            if (join.Id == L.Comma && T[j + 1].Kind == TokKind.Number && IsYear(j + 1)) break;
            var dash = join.Kind == TokKind.Punct && text[join.Start] is '-' or '\u2013';
            var to = join.Kind == TokKind.Word && Text(j).Equals("to", StringComparison.OrdinalIgnoreCase);
            if ((dash || to) && days.Count == 1 && next > days[0].Day)
            {
                days.Add((j + 1, next));
                range = true;
                return j + 2;
            }
            if (join.Id != L.And && join.Id != L.Comma) break;
            days.Add((j + 1, next));
            j += 2;
        }
        return j;
    }

    /// <summary>A day range written as one token: "20-21", "20–21".</summary>
    bool DayRangeAt(int k, out int first, out int second)
    {
        first = second = -1;
        if (k >= N || T[k].Kind != TokKind.Complex) return false;
        var s = Text(k);
        var dash = s.IndexOfAny('-', '\u2013');
        if (dash is < 1 or > 2 || s.Length - dash - 1 is < 1 or > 2) return false;
        first = TimeTokenizer.ParseDigits(s[..dash]);
        second = TimeTokenizer.ParseDigits(s[(dash + 1)..]);
        return first is >= 1 and <= 31 && second > first && second <= 31;
    }

    /// <summary>A year after a month or day: "2019", ", 2019", "of 2019"; -1 if none.</summary>
    int YearAfter(ref int j)
    {
        if (IsYear(j)) return T[j++].Num;
        if ((Is(j, L.Comma) || Is(j, L.Of)) && IsYear(j + 1)) { j += 2; return T[j - 1].Num; }
        return -1;
    }

    /// <summary>
    /// Dates with the month and year filled in: one per day of a list (the first ends at its day, the
    /// last takes the month/year words: "September 20 and 21, 2019", "the 20th and 21st of the month"),
    /// or one with a range end ("September 20-21").
    /// </summary>
    static Parsed BuildDays(int start, List<(int Tok, int Day)> days, bool range, int month, int year, int end)
    {
        var max = days.Max(d => d.Day);
        Parsed Make(int day, int t0, int t1) => new() { Kind = PKind.Date, Year = year, Month = month, Day = day, T0 = t0, T1 = t1, GroupMaxDay = max };
        if (days.Count == 1) return Make(days[0].Day, start, end);
        if (range)
        {
            var p = Make(days[0].Day, start, end);
            p.RangeEnd = Make(days[1].Day, days[1].Tok, end);
            return p;
        }
        var first = Make(days[0].Day, start, days[0].Tok + 1);
        first.Siblings = [];
        for (var k = 1; k < days.Count; k++)
            first.Siblings.Add(Make(days[k].Day, days[k].Tok, k == days.Count - 1 ? end : days[k].Tok + 1));
        return first;
    }

    /// <summary>Day-first dates: "23 January 2019", "23rd of January", "the 20th and 21st of the month".</summary>
    Parsed? DayMonth(int i, int theAt)
    {
        var words = theAt >= 0;
        var d = DayAt(i, words);
        if (d < 0) return null;
        var days = new List<(int, int)> { (i, d) };
        var j = DayTail(i + 1, words, days, out var range);
        var of = Is(j, L.Of);
        if (of) j++;
        var start = theAt >= 0 ? theAt : i;
        var month = MonthAt(j, out var mEnd);
        if (month > 0)
        {
            j = mEnd;
            var year = YearAfter(ref j);
            return BuildDays(start, days, range, month, year, j);
        }
        if (!of || theAt < 0) return null;
        // "of the month", "of this month", "of last month"
        int shift;
        if (Is(j, L.The) && W(j + 1) is { Unit: "M" } && Singular(j + 1)) shift = 0;
        else if (W(j) is { IsShift: true, Anaphoric: false } s && W(j + 1) is { Unit: "M" } && Singular(j + 1)) shift = s.Shift;
        else return null;
        var p = BuildDays(start, days, range, -1, -1, j + 2);
        foreach (var x in p.Siblings is null ? [p] : (IEnumerable<Parsed>)[p, .. p.Siblings])
        {
            x.Kind = PKind.DayOfMonth;
            x.MonthShift = shift;
        }
        if (p.RangeEnd is { } re) { re.Kind = PKind.DayOfMonth; re.MonthShift = shift; }
        return p;
    }

    /// <summary>A unit word written in lower case ("60 Minutes" is a programme, not an hour).</summary>
    bool IsUnitWord(int k) => T[k].Kind == TokKind.Word && !Cap(k);

    bool Singular(int k) => !Text(k).EndsWith("s", StringComparison.OrdinalIgnoreCase);

    Parsed? OrdinalLed(int i)
    {
        if (W(i + 1) is { Unit: "CE" }) return new Parsed { Kind = PKind.Century, Century = T[i].Num - 1, T0 = i, T1 = i + 2 };
        return DayMonth(i, -1);
    }

    /// <summary>Month-first dates: "January 23, 2019", "Jan. 23", "June 2023", "September" (by use), "September 20-21".</summary>
    Parsed? MonthLed(int i)
    {
        var month = MonthAt(i, out var j);
        if (month < 0) return null;
        var w = L[T[i].Id];
        if (W(i - 1) is { } b && (b.NotDate & NotDate.BeforeMonth) != 0) return null;
        if (DayRangeAt(j, out var r1, out var r2))   // "September 20-21" is one token
        {
            var k = j + 1;
            var ry = YearAfter(ref k);
            return BuildDays(i, [(j, r1), (j, r2)], true, month, ry, k);
        }
        var d = DayAt(j, false);
        if (d > 0 && !(W(j + 1) is { Unit: not null }) && !(T[j].Kind == TokKind.Number && W(j + 1) is { } after && (after.NotDate & NotDate.AfterNumber) != 0))
        {
            var days = new List<(int, int)> { (j, d) };
            var k = DayTail(j + 1, false, days, out var range);
            var year = YearAfter(ref k);
            return BuildDays(i, days, range, month, year, k);
        }
        var y = j;
        var yr = YearAfter(ref y);
        if (yr > 0 && !Is(j, L.Comma)) return new Parsed { Kind = PKind.Date, Month = month, Year = yr, T0 = i, T1 = y };
        if (w.MonthUse == MonthUse.Abbrev) return null;
        if (w.MonthUse == MonthUse.Context && !Licensed(i)) return null;
        return new Parsed { Kind = PKind.Date, Month = month, T0 = i, T1 = j };
    }

    Parsed? WeekdayLed(int i)
    {
        if (!Cap(i)) return null;
        var w = L[T[i].Id];
        if (W(i - 1) is { } b && (b.NotDate & NotDate.BeforeWeekday) != 0) return null;
        if (i + 1 < N && Cap(i + 1) && W(i + 1) is { } a && (a.NotDate & NotDate.AfterWeekday) != 0) return null;
        var j = i + 1;
        if (w.WeekdayAbbrev && T[i].Has(TokFlags.Period) && Is(j, L.Dot)) j++;
        var k = Is(j, L.Comma) ? j + 1 : j;
        if (k < N)
        {
            var date = W(k) is { Month: > 0 } ? MonthLed(k) : DayAt(k, false) > 0 ? DayMonth(k, -1) : null;
            if (date is { Kind: PKind.Date, Day: > 0 })
            {
                date.T0 = i;
                return date;
            }
        }
        if (w.WeekdayAbbrev) return null;
        var p = new Parsed { Kind = PKind.Weekday, Weekday = w.Weekday, T0 = i, T1 = j };
        if (W(j)?.Part is { } part) { p.Part = part; p.T1 = j + 1; }
        return p;
    }

    /// <summary>last/next/this/past/previous/following/that + units, a month, weekday, season or part of day.</summary>
    Parsed? ShiftLed(int i, int theAt)
    {
        var s = L[T[i].Id];
        var start = theAt >= 0 ? theAt : i;
        var hasThe = theAt >= 0;
        var j = i + 1;
        if (j >= N) return null;
        var count = CountAt(j, out var afterCount);
        if (count != -2 && afterCount > j && W(afterCount) is { Unit: { } u1 } uw && u1 != "WE" && IsUnitWord(afterCount))
        {
            if (!hasThe && s.Anaphoric) return null;
            return new Parsed { Kind = PKind.Duration, Unit = u1, Count = count < 0 ? -1 : count * uw.UnitCount, T0 = start, T1 = afterCount + 1 };
        }
        var n = W(j);
        if (n?.Unit is { } unit && IsUnitWord(j))
        {
            if (!Singular(j))
                return hasThe && !s.Anaphoric && s.Shift != 0 && unit != "WE"
                    ? new Parsed { Kind = PKind.Duration, Unit = unit, Count = -1, T0 = start, T1 = j + 1 }
                    : null;
            if (unit is "H" or "MIN") return null;
            if (hasThe && !s.Anaphoric && s.Shift != 0)
                return unit == "WE" ? null : new Parsed { Kind = PKind.Duration, Unit = unit, Count = n.UnitCount, T0 = start, T1 = j + 1 };
            if (unit == "D" && !s.Anaphoric) return null;
            var p = new Parsed { Kind = PKind.Shift, Unit = unit, Offset = s.Shift, Anaphoric = s.Anaphoric, T0 = start, T1 = j + 1 };
            if (unit == "D" && W(j + 1)?.Part is { } dp) { p.Part = dp; p.T1 = j + 2; }
            return p;
        }
        if (s.Anaphoric)
        {
            if (n?.Part is { } ap)   // "that night", "the same evening"
                return new Parsed { Kind = PKind.TextRel, Unit = "D", Count = 0, Part = ap, T0 = start, T1 = j + 1 };
            return null;
        }
        if (n is { Month: > 0 } && MonthAt(j, out var mEnd) > 0)
            return new Parsed { Kind = PKind.Shift, Month = n.Month, Offset = s.Shift, T0 = start, T1 = mEnd };
        if (n is { Weekday: > 0, WeekdayAbbrev: false } && Cap(j))
        {
            var p = new Parsed { Kind = PKind.Shift, Weekday = n.Weekday, Offset = s.Shift, T0 = start, T1 = j + 1 };
            if (W(j + 1)?.Part is { } part) { p.Part = part; p.T1 = j + 2; }
            return p;
        }
        if (n?.Season is { } season)
            return new Parsed { Kind = PKind.Shift, Season = season, Offset = s.Shift, T0 = start, T1 = j + 1 };
        if (n?.Part is { } pd && s.Shift <= 0)   // "last evening"
            return new Parsed { Kind = PKind.DayRel, Offset = s.Shift, Part = pd, T0 = start, T1 = j + 1 };
        return null;
    }

    Parsed? TheLed(int i)
    {
        var j = i + 1;
        if (j >= N) return null;
        var t = T[j];
        if (t.Kind == TokKind.Complex && Decade(j) is { } dec) { dec.T0 = i; return dec; }
        var w = W(j);
        if (t.Kind == TokKind.Ordinal || w is { NumKind: NumKind.Ordinal })
        {
            var v = t.Kind == TokKind.Ordinal ? t.Num : w!.Num;
            if (W(j + 1) is { Unit: "CE" }) return new Parsed { Kind = PKind.Century, Century = v - 1, T0 = i, T1 = j + 2 };
            if (DayMonth(j, i) is { } dm) return dm;
            // "on the 20th": a day of an unnamed month, only after a signal and before a clause end
            if (v is >= 1 and <= 31 && L.Signals.MatchBackward(T, i, 0, out _, out _)
                && (j + 1 >= N || T[j + 1].Kind == TokKind.Punct || T[j + 1].Id == L.And))
                return new Parsed { Kind = PKind.DayOfMonth, Day = v, GroupMaxDay = v, T0 = i, T1 = j + 1 };
            return null;
        }
        if (w is null) return null;
        if (w.IsShift && ShiftLed(j, i) is { } sp) return sp;
        if (w.Unit is "Y" or "M" or "W" && Singular(j) && IsUnitWord(j))
            return new Parsed { Kind = PKind.Shift, Unit = w.Unit, Offset = 0, NeedsOfMod = true, T0 = i, T1 = j + 1 };
        if (w.Unit == "WE" && Singular(j))
            return new Parsed { Kind = PKind.Shift, Unit = "WE", TenseShift = true, T0 = i, T1 = j + 1 };
        if (w.Season is not null) return SeasonLed(j, i);
        return null;
    }

    Parsed? SeasonLed(int i, int theAt)
    {
        var season = L[T[i].Id].Season!;
        var start = theAt >= 0 ? theAt : i;
        var j = i + 1;
        var y = j;
        var year = YearAfter(ref y);
        if (year > 0) return new Parsed { Kind = PKind.Date, Season = season, Year = year, T0 = start, T1 = y };
        if (Is(j, L.Of) || !Licensed(start)) return null;   // "the fall of Aleppo"
        return new Parsed { Kind = PKind.Date, Season = season, T0 = start, T1 = j };
    }

    Parsed? EveryLed(int i)
    {
        var j = i + 1;
        var count = CountAt(j, out var after);
        if (count >= 1) j = after;
        else count = 1;
        var w = W(j);
        if (w?.Unit is { } u && u != "WE" && IsUnitWord(j))
            return new Parsed { Kind = PKind.Set, Literal = Resolver.DurationValue(u, count * w.UnitCount), T0 = i, T1 = j + 1 };
        if (w is { Weekday: > 0, WeekdayAbbrev: false } && Cap(j))
            return new Parsed { Kind = PKind.Set, Literal = $"XXXX-WXX-{w.Weekday}", T0 = i, T1 = j + 1 };
        return null;
    }

    /// <summary>"for years", "after months of talks", "within days": a plural unit right after a signal.</summary>
    Parsed? BareUnit(int i)
    {
        if (Singular(i) || !IsUnitWord(i) || L[T[i].Id].Unit == "WE" || !L.Signals.MatchBackward(T, i, 0, out _, out _)) return null;
        return new Parsed { Kind = PKind.Duration, Unit = L[T[i].Id].Unit, Count = -1, T0 = i, T1 = i + 1 };
    }

    Parsed? ClockWord(int i, int end, string hhmm) =>
        new() { Kind = PKind.Time, Hour = Int(hhmm[..2]), Minute = Int(hhmm[3..]), T0 = i, T1 = end };

    /// <summary>"1990s", "'90s" (optionally after "the").</summary>
    Parsed? Decade(int k)
    {
        var s = Text(k);
        if (s.Length == 5 && s[4] is 's' && s[3] == '0' && TimeTokenizer.ParseDigits(s[..4]) is >= 1000 and <= 2090 and var y)
            return new Parsed { Kind = PKind.Decade, Decade = y / 10, T0 = k, T1 = k + 1 };
        if (s.Length == 4 && TimeTokenizer.IsApostrophe(s[0]) && s[3] == 's' && s[2] == '0' && TimeTokenizer.ParseDigits(s[1..3]) is >= 0 and var yy)
            return new Parsed { Kind = PKind.Decade, Decade = (yy >= 30 ? 1900 + yy : 2000 + yy) / 10, T0 = k, T1 = k + 1 };
        return null;
    }

    Parsed? ComplexLed(int i)
    {
        var s = Text(i);
        if (Decade(i) is { } dec) return dec;
        // "20-21 September"
        if (DayRangeAt(i, out var d1, out var d2))
        {
            var j = Is(i + 1, L.Of) ? i + 2 : i + 1;
            var month = MonthAt(j, out var k);
            if (month < 0) return null;
            var year = YearAfter(ref k);
            return BuildDays(i, [(i, d1), (i, d2)], true, month, year, k);
        }
        // ISO date 2019-01-23
        if (s.Length == 10 && s[4] == '-' && s[7] == '-'
            && TimeTokenizer.ParseDigits(s[..4]) is >= 1000 and <= 2099 and var y
            && TimeTokenizer.ParseDigits(s[5..7]) is >= 1 and <= 12 and var m
            && TimeTokenizer.ParseDigits(s[8..]) is var d && d >= 1 && d <= DateTime.DaysInMonth(y, m))
            return new Parsed { Kind = PKind.Date, Year = y, Month = m, Day = d, T0 = i, T1 = i + 1 };
        // year ranges 2015-2017, 2015–17
        if (s.Length is 7 or 9 && s[4] is '-' or '\u2013'
            && TimeTokenizer.ParseDigits(s[..4]) is >= 1000 and <= 2099 and var y1
            && TimeTokenizer.ParseDigits(s[5..]) is >= 0 and var y2raw)
        {
            var y2 = s.Length == 7 ? y1 / 100 * 100 + y2raw : y2raw;
            if (y2 <= y1 || y2 - y1 > 100) return null;
            if (W(i - 1) is { } nb && (nb.NotDate & NotDate.BeforeNumber) != 0) return null;
            return new Parsed
            {
                Kind = PKind.Date, Year = y1, T0 = i, T1 = i + 1,
                RangeEnd = new Parsed { Kind = PKind.Date, Year = y2, T0 = i, T1 = i + 1 },
            };
        }
        // 1/23/2019 (month first unless the first number cannot be a month)
        if (s.Count('/') == 2)
        {
            var a = s.IndexOf('/');
            var b = s.LastIndexOf('/');
            if (TimeTokenizer.ParseDigits(s[..a]) is var p1 && TimeTokenizer.ParseDigits(s[(a + 1)..b]) is var p2
                && b == s.Length - 5 && TimeTokenizer.ParseDigits(s[(b + 1)..]) is >= 1000 and <= 2099 and var py)
            {
                var (mm, dd) = p1 > 12 ? (p2, p1) : (p1, p2);
                if (mm is >= 1 and <= 12 && dd >= 1 && dd <= DateTime.DaysInMonth(py, mm))
                    return new Parsed { Kind = PKind.Date, Year = py, Month = mm, Day = dd, T0 = i, T1 = i + 1 };
            }
            return null;
        }
        // clock 6:49 (with a.m./p.m./GMT, or after a signal: "at 14:30")
        var colon = s.IndexOf(':');
        if (colon is 1 or 2 && s.Length == colon + 3
            && TimeTokenizer.ParseDigits(s[..colon]) is >= 0 and <= 23 and var hh
            && TimeTokenizer.ParseDigits(s[(colon + 1)..]) is >= 0 and <= 59 and var mi)
        {
            if (L.Clock.MatchForward(T, i + 1, out var ce, out var cv) && !cv.Contains(':'))
            {
                if (cv == "pm" && hh < 12) hh += 12;
                else if (cv == "am" && hh == 12) hh = 0;
                return new Parsed { Kind = PKind.Time, Hour = hh, Minute = mi, T0 = i, T1 = ce };
            }
            return L.Signals.MatchBackward(T, i, 0, out _, out _) ? new Parsed { Kind = PKind.Time, Hour = hh, Minute = mi, T0 = i, T1 = i + 1 } : null;
        }
        return T[i].Has(TokFlags.Hyphen) ? HyphenLed(i) : null;
    }

    /// <summary>"mid-2018", "mid-January", "late-1990s", "two-year", "12-month", "twenty-five" + unit.</summary>
    Parsed? HyphenLed(int i)
    {
        var s = Text(i);
        Span<Range> parts = stackalloc Range[5];
        var n = SplitHyphens(s, parts);
        if (n < 2 || n > 3) return null;
        var first = s[parts[0]];
        var last = s[parts[n - 1]];
        if (n == 2 && L.IdOf(first) is >= 0 and var fid && L[fid].IsPosition)
        {
            var rest = s[parts[1]];
            var pos = L[fid].PositionMod;
            if (rest.Length == 4 && TimeTokenizer.ParseDigits(rest) is >= 1000 and <= 2099 and var y)
                return new Parsed { Kind = PKind.Date, Year = y, PosMod = pos, T0 = i, T1 = i + 1 };
            if (rest.Length == 5 && rest[4] == 's' && rest[3] == '0' && TimeTokenizer.ParseDigits(rest[..4]) is >= 1000 and <= 2090 and var dy)
                return new Parsed { Kind = PKind.Decade, Decade = dy / 10, PosMod = pos, T0 = i, T1 = i + 1 };
            if (char.IsUpper(rest[0]) && L.IdOf(rest) is >= 0 and var mid && L[mid] is { Month: > 0, MonthUse: not MonthUse.Abbrev } mw)
            {
                var p = new Parsed { Kind = PKind.Date, Month = mw.Month, PosMod = pos, T0 = i, T1 = i + 1 };
                var j = i + 1;
                var yr = YearAfter(ref j);
                if (yr > 0) { p.Year = yr; p.T1 = j; }
                return p;
            }
            return null;
        }
        if (n == 3 && !last.Equals("long", StringComparison.OrdinalIgnoreCase)) return null;   // "30-year-old"
        // "two-year", "12-month", "24-hour"
        var unitPart = s[parts[1]];
        if (L.IdOf(unitPart) is >= 0 and var uid && L[uid] is { Unit: { } u } uw && u != "WE")
        {
            var c = first.Length <= 4 && TimeTokenizer.ParseDigits(first) is > 0 and var dv ? dv
                  : L.IdOf(first) is >= 0 and var nid && L[nid] is { NumKind: NumKind.Cardinal, Num: > 0 } nw ? nw.Num : -2;
            if (c > 0) return new Parsed { Kind = PKind.Duration, Unit = u, Count = c * uw.UnitCount, T0 = i, T1 = i + 1 };
            return null;
        }
        if (n == 2 && CompoundCardinal(i, out var end) is > 0 and var v) return Quantity(i, end, v);
        return null;
    }

    static int SplitHyphens(ReadOnlySpan<char> s, Span<Range> parts)
    {
        var n = 0;
        var from = 0;
        for (var k = 0; k <= s.Length; k++)
        {
            if (k < s.Length && s[k] is not ('-' or '\u2010' or '\u2011')) continue;
            if (n == parts.Length) return parts.Length + 1;
            parts[n++] = new Range(from, k);
            from = k + 1;
        }
        return n;
    }
}
