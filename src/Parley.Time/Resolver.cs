using System.Globalization;

namespace Parley.Time;

/// <summary>The date relative expressions are read from: the publication date (or a dateline's date).</summary>
readonly record struct TimeAnchor(DateOnly Date, Gran Gran, string Label)
{
    public bool Known => Gran != Gran.None;

    /// <summary>"2019-01-23" (a time part is ignored), "2019-01" or "2019"; anything else is no anchor.</summary>
    public static TimeAnchor Parse(string? published, string label = "published")
    {
        if (string.IsNullOrWhiteSpace(published)) return default;
        var s = published.Trim();
        int Num(int from, int len) => s.Length >= from + len ? TimeTokenizer.ParseDigits(s.AsSpan(from, len)) : -1;
        var y = Num(0, 4);
        if (y is < 1 or > 9998 || s.Length > 4 && s[4] != '-') return default;
        if (s.Length == 4) return new(new DateOnly(y, 1, 1), Gran.Year, label);
        var m = Num(5, 2);
        if (m is < 1 or > 12 || s.Length > 7 && s[7] != '-') return default;
        if (s.Length == 7) return new(new DateOnly(y, m, 1), Gran.Month, label);
        var d = Num(8, 2);
        if (d < 1 || d > DateTime.DaysInMonth(y, m) || s.Length > 10 && char.IsAsciiDigit(s[10])) return default;
        return new(new DateOnly(y, m, d), Gran.Day, label);
    }
}

/// <summary>
/// Turns recognised expressions into TIMEX3-style values. Dates without a year, weekdays and bare
/// months are anchored on the publication date with the tense of their clause: past → the latest such
/// date not after publication (a weekday equal to the publication's weekday is that same day), future →
/// the earliest not before it (for weekdays, strictly after: "will meet on Monday" published on a Monday is
/// the next Monday), no tense → the closest (ties go to the past). Without an anchor values stay partial
/// ("XXXX-01-23", "XXXX-WXX-1") or null, never invented.
/// </summary>
static class Resolver
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void ResolveSentence(List<Parsed> items, int from, int to, TimeAnchor anchor, Func<int, Tense> tenseAt)
    {
        var last = (Date: default(DateOnly), Gran: Gran.None);
        for (var k = from; k < to; k++)
        {
            var p = items[k];
            if (p.Kind == PKind.Time) continue;
            try
            {
                Resolve(p, anchor, tenseAt, last);
            }
            catch (ArgumentOutOfRangeException)
            {
                Unresolved(p);      // "a million days ago": outside the calendar, so no value
            }
            if (p.RefGran != Gran.None) last = (p.RefDate, p.RefGran);
        }
        for (var k = from; k < to; k++)
        {
            var p = items[k];
            if (p.Kind != PKind.Time) continue;
            Parsed? day = null;
            for (var d = 1; d < to - from && day is null; d++)
            {
                if (k - d >= from && items[k - d].RefGran == Gran.Day) day = items[k - d];
                else if (k + d < to && items[k + d].RefGran == Gran.Day) day = items[k + d];
            }
            var clock = $"T{p.Hour:D2}:{p.Minute:D2}";
            p.Type = "time";
            p.Value = (day is null ? "XXXX-XX-XX" : Day(day.RefDate)) + clock;
            p.Anchor = day is null ? "none" : "text";
        }
    }

    static void Resolve(Parsed p, TimeAnchor a, Func<int, Tense> tenseAt, (DateOnly Date, Gran Gran) last)
    {
        p.Type = "date";
        switch (p.Kind)
        {
            case PKind.Date: ResolveDate(p, a, tenseAt); break;
            case PKind.Weekday: ResolveWeekday(p, a, p.Offset, tenseAt); break;
            case PKind.DayOfMonth: ResolveDayOfMonth(p, a, tenseAt); break;
            case PKind.DayRel:
                if (a.Gran == Gran.Day) SetDay(p, a.Date.AddDays(p.Offset), a.Label);
                else Unresolved(p);
                break;
            case PKind.Shift:
                if (p.Anaphoric)
                {
                    if (!Shift(p, last.Date, last.Gran, "text", tenseAt)) Unresolved(p);
                }
                else if (!a.Known || !Shift(p, a.Date, a.Gran, a.Label, tenseAt)) Unresolved(p);
                break;
            case PKind.Ago: ResolveAgo(p, a); break;
            case PKind.TextRel:
                var reference = p.NoReference ? default : last;
                if (p.Inner is { } inner)
                {
                    Resolve(inner, a, tenseAt, last);
                    reference = (inner.RefDate, inner.RefGran);
                }
                if (!TextRelative(p, reference.Date, reference.Gran)) Unresolved(p);
                break;
            case PKind.Duration:
                p.Type = "duration";
                p.Value = DurationValue(p.Unit!, p.Count);
                break;
            case PKind.Ref: p.Value = p.Literal; break;
            case PKind.Set:
                p.Type = "set";
                p.Value = p.Literal;
                break;
            case PKind.Decade: p.Value = p.Decade.ToString("D3", Inv); break;
            case PKind.Century: p.Value = p.Century.ToString("D2", Inv); break;
        }
        if (p.Part is not null && p.Value is not null && p.Kind != PKind.Duration)
        {
            p.Value += "T" + p.Part;
            p.Type = "time";
        }
        if (p.RangeEnd is { } end)
        {
            Resolve(end, a, tenseAt, last);
            p.EndValue = end.Value;
        }
    }

    public static string? Mod(Parsed p) => p.Kind switch
    {
        PKind.Duration => p.ApproxMod,
        PKind.Ref or PKind.Set => null,
        _ => p.SignalMod ?? p.ApproxMod ?? p.PosMod,
    };

    static void Unresolved(Parsed p)
    {
        p.Value = null;
        p.Anchor = "none";
        p.RefGran = Gran.None;
    }

    // ---- values ---------------------------------------------------------------------------------

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);
    static string YearMonth(int y, int m) => $"{y:D4}-{m:D2}";
    static string Week(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(dt):D4}-W{ISOWeek.GetWeekOfYear(dt):D2}";
    }
    static DateOnly WeekStart(DateOnly d) => d.AddDays(1 - IsoDay(d));
    static int IsoDay(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    public static string DurationValue(string unit, int count)
    {
        var n = count < 0 ? "X" : count.ToString(Inv);
        return unit switch
        {
            "H" => $"PT{n}H",
            "MIN" => $"PT{n}M",
            _ => $"P{n}{unit}",
        };
    }

    static void SetDay(Parsed p, DateOnly d, string? anchor)
    {
        p.Value = Day(d);
        p.RefDate = d;
        p.RefGran = Gran.Day;
        p.Anchor = anchor;
    }

    static void SetMonth(Parsed p, int y, int m, string? anchor)
    {
        p.Value = YearMonth(y, m);
        p.RefDate = new DateOnly(y, m, 1);
        p.RefGran = Gran.Month;
        p.Anchor = anchor;
    }

    static void SetYear(Parsed p, int y, string? anchor)
    {
        p.Value = y.ToString("D4", Inv);
        p.RefDate = new DateOnly(y, 1, 1);
        p.RefGran = Gran.Year;
        p.Anchor = anchor;
    }

    static void SetWeek(Parsed p, DateOnly d, string? anchor, bool weekend = false)
    {
        p.Value = Week(d) + (weekend ? "-WE" : "");
        p.RefDate = WeekStart(d);
        p.RefGran = weekend ? Gran.None : Gran.Week;
        p.Anchor = anchor;
    }

    static bool Valid(int y, int m, int d) => y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);

    // ---- anchored by tense ----------------------------------------------------------------------

    /// <summary>Of the candidates (ordered), the one the tense picks relative to the anchor value.</summary>
    static int Pick(ReadOnlySpan<long> candidates, long anchor, Tense tense)
    {
        var best = -1;
        for (var k = 0; k < candidates.Length; k++)
        {
            var c = candidates[k];
            if (c == long.MinValue) continue;
            switch (tense)
            {
                case Tense.Past: if (c <= anchor && (best < 0 || c > candidates[best])) best = k; break;
                case Tense.Future: if (c >= anchor && (best < 0 || c < candidates[best])) best = k; break;
                default:
                    if (best < 0 || Math.Abs(c - anchor) < Math.Abs(candidates[best] - anchor)) best = k;
                    break;
            }
        }
        return best;
    }

    static void ResolveDate(Parsed p, TimeAnchor a, Func<int, Tense> tenseAt)
    {
        if (p.Year >= 0)
        {
            // explicit: no anchor needed
            if (p.Season is not null) { SetYear(p, p.Year, null); p.Value += "-" + p.Season; }
            else if (p.Month > 0 && p.Day > 0)
            {
                if (Valid(p.Year, p.Month, p.Day)) SetDay(p, new DateOnly(p.Year, p.Month, p.Day), null);
                else Unresolved(p);
            }
            else if (p.Month > 0) SetMonth(p, p.Year, p.Month, null);
            else SetYear(p, p.Year, null);
            return;
        }
        if (p.Month > 0 && p.Day > 0)
        {
            if (!a.Known)
            {
                p.Value = $"XXXX-{p.Month:D2}-{p.Day:D2}";
                p.Anchor = "none";
                return;
            }
            var tense = tenseAt(p.T0);
            var cmpDay = Math.Max(p.Day, p.GroupMaxDay);
            if (a.Gran == Gran.Year)
            {
                if (Valid(a.Date.Year, p.Month, p.Day)) SetDay(p, new DateOnly(a.Date.Year, p.Month, p.Day), a.Label);
                else Unresolved(p);
                return;
            }
            Span<long> c = stackalloc long[3];
            for (var k = 0; k < 3; k++)
            {
                var y = a.Date.Year - 1 + k;
                c[k] = !Valid(y, p.Month, p.Day) ? long.MinValue
                     : a.Gran == Gran.Month ? y * 12L + p.Month
                     : new DateOnly(y, p.Month, Math.Min(cmpDay, DateTime.DaysInMonth(y, p.Month))).DayNumber;
            }
            var anchorValue = a.Gran == Gran.Month ? a.Date.Year * 12L + a.Date.Month : a.Date.DayNumber;
            var best = Pick(c, anchorValue, tense);
            if (best < 0) { Unresolved(p); return; }
            SetDay(p, new DateOnly(a.Date.Year - 1 + best, p.Month, p.Day), a.Label);
            return;
        }
        if (p.Month > 0)
        {
            if (!a.Known) { p.Value = $"XXXX-{p.Month:D2}"; p.Anchor = "none"; return; }
            if (a.Gran == Gran.Year) { SetMonth(p, a.Date.Year, p.Month, a.Label); return; }
            Span<long> c = stackalloc long[3];
            for (var k = 0; k < 3; k++) c[k] = (a.Date.Year - 1 + k) * 12L + p.Month;
            var best = Pick(c, a.Date.Year * 12L + a.Date.Month, tenseAt(p.T0));
            SetMonth(p, a.Date.Year - 1 + best, p.Month, a.Label);
            return;
        }
        if (p.Season is not null)
        {
            if (!a.Known || a.Gran == Gran.Year) { p.Value = (a.Known ? a.Date.Year.ToString("D4", Inv) : "XXXX") + "-" + p.Season; p.Anchor = a.Known ? a.Label : "none"; return; }
            var y = SeasonYear(p.Season, a.Date, 0, tenseAt(p.T0));
            p.Value = $"{y:D4}-{p.Season}";
            p.Anchor = a.Label;
            return;
        }
        Unresolved(p);
    }

    static int SeasonStart(string season) => season switch { "SP" => 3, "SU" => 6, "FA" => 9, "WI" => 12, _ => 1 };

    /// <summary>The year of a season: shift -1 ended before the anchor's month, +1 starts after it, 0 by tense.</summary>
    static int SeasonYear(string season, DateOnly a, int shift, Tense tense)
    {
        var start = SeasonStart(season);
        var now = a.Year * 12L + a.Month;
        Span<long> c = stackalloc long[3];
        for (var k = 0; k < 3; k++) c[k] = (a.Year - 1 + k) * 12L + start;
        int best;
        if (shift < 0)
        {
            best = -1;
            for (var k = 0; k < 3; k++) if (c[k] + 2 < now) best = k;
        }
        else if (shift > 0)
        {
            best = -1;
            for (var k = 2; k >= 0; k--) if (c[k] > now) best = k;
        }
        else if (tense == Tense.None)
        {
            best = 0;
            for (var k = 0; k < 3; k++)
                if (Distance(c[k], now) < Distance(c[best], now)) best = k;
        }
        else if (tense == Tense.Past)
        {
            best = 0;
            for (var k = 0; k < 3; k++) if (c[k] <= now) best = k;
        }
        else
        {
            best = 2;
            for (var k = 2; k >= 0; k--) if (c[k] + 2 >= now) best = k;
        }
        return a.Year - 1 + Math.Max(best, 0);

        static long Distance(long start, long now) => now < start ? start - now : now > start + 2 ? now - start - 2 : 0;
    }

    static void ResolveWeekday(Parsed p, TimeAnchor a, int shift, Func<int, Tense> tenseAt)
    {
        if (a.Gran != Gran.Day)
        {
            p.Value = $"XXXX-WXX-{p.Weekday}";
            p.Anchor = "none";
            return;
        }
        SetDay(p, WeekdayDate(a.Date, p.Weekday, shift, shift == 0 ? tenseAt(p.T0) : Tense.None), a.Label);
    }

    static DateOnly WeekdayDate(DateOnly a, int weekday, int shift, Tense tense)
    {
        var back = (IsoDay(a) - weekday + 7) % 7;     // 0..6 days before
        var ahead = (weekday - IsoDay(a) + 7) % 7;    // 0..6 days after
        if (shift < 0) return a.AddDays(-(back == 0 ? 7 : back));
        if (shift > 0) return a.AddDays(ahead == 0 ? 7 : ahead);
        return tense switch
        {
            Tense.Past => a.AddDays(-back),
            Tense.Future => a.AddDays(ahead == 0 ? 7 : ahead),
            _ => ahead <= 3 && ahead < back ? a.AddDays(ahead) : a.AddDays(-back),
        };
    }

    static void ResolveDayOfMonth(Parsed p, TimeAnchor a, Func<int, Tense> tenseAt)
    {
        if (a.Gran != Gran.Day)
        {
            p.Value = $"XXXX-XX-{p.Day:D2}";
            p.Anchor = "none";
            return;
        }
        var baseMonth = new DateOnly(a.Date.Year, a.Date.Month, 1);
        var cmpDay = Math.Max(p.Day, p.GroupMaxDay);
        DateOnly? At(DateOnly month, int day) => day <= DateTime.DaysInMonth(month.Year, month.Month) ? new DateOnly(month.Year, month.Month, day) : null;
        DateOnly? result;
        if (p.MonthShift == Parsed.NoShift)
        {
            var tense = tenseAt(p.T0);
            Span<long> c = stackalloc long[3];
            for (var k = 0; k < 3; k++) c[k] = At(baseMonth.AddMonths(k - 1), cmpDay) is { } d ? d.DayNumber : long.MinValue;
            var best = Pick(c, a.Date.DayNumber, tense);
            result = best < 0 ? null : At(baseMonth.AddMonths(best - 1), p.Day);
        }
        else if (p.MonthShift == 0)
        {
            var tense = tenseAt(p.T0);
            var month = baseMonth;
            if (tense == Tense.Past && At(month, cmpDay) is { } d1 && d1 > a.Date) month = month.AddMonths(-1);
            else if (tense == Tense.Future && At(month, p.Day) is { } d2 && d2 < a.Date) month = month.AddMonths(1);
            result = At(month, p.Day);
        }
        else result = At(baseMonth.AddMonths(p.MonthShift), p.Day);
        if (result is { } r) SetDay(p, r, a.Label);
        else Unresolved(p);
    }

    // ---- shifts and offsets ---------------------------------------------------------------------

    static bool Shift(Parsed p, DateOnly b, Gran g, string label, Func<int, Tense> tenseAt)
    {
        if (g == Gran.None) return false;
        if (p.Weekday > 0)
        {
            if (g != Gran.Day) return false;
            SetDay(p, WeekdayDate(b, p.Weekday, p.Offset, p.Offset == 0 ? tenseAt(p.T0) : Tense.None), label);
            return true;
        }
        if (p.Month > 0)
        {
            var now = b.Year * 12 + b.Month;
            var y = p.Offset switch
            {
                < 0 => b.Year * 12 + p.Month < now ? b.Year : b.Year - 1,
                > 0 => b.Year * 12 + p.Month > now ? b.Year : b.Year + 1,
                _ => b.Year,
            };
            if (g == Gran.Year && p.Offset != 0) return false;
            SetMonth(p, y, p.Month, label);
            return true;
        }
        if (p.Season is not null)
        {
            var y = g == Gran.Year ? b.Year + p.Offset : p.Offset == 0 ? (p.Season == "WI" && b.Month <= 2 ? b.Year - 1 : b.Year) : SeasonYear(p.Season, b, p.Offset, Tense.None);
            p.Value = $"{y:D4}-{p.Season}";
            p.Anchor = label;
            return true;
        }
        switch (p.Unit)
        {
            case "D":
                if (g != Gran.Day) return false;
                SetDay(p, b.AddDays(p.Offset), label);
                return true;
            case "W":
                if (g < Gran.Week) return false;
                SetWeek(p, b.AddDays(7 * p.Offset), label);
                return true;
            case "WE":
                if (g != Gran.Day) return false;
                var day = b;
                if (p.TenseShift)
                {
                    var wd = IsoDay(b);
                    day = tenseAt(p.T0) switch
                    {
                        Tense.Past => wd >= 6 ? b : b.AddDays(-7),
                        Tense.Future => wd == 7 ? b.AddDays(7) : b,
                        _ => wd <= 2 ? b.AddDays(-7) : b,
                    };
                }
                else day = b.AddDays(7 * p.Offset);
                SetWeek(p, day, label, weekend: true);
                return true;
            case "M":
                if (g < Gran.Month) return false;
                var m = new DateOnly(b.Year, b.Month, 1).AddMonths(p.Offset);
                SetMonth(p, m.Year, m.Month, label);
                return true;
            case "Y":
                SetYear(p, b.Year + p.Offset, label);
                return true;
            case "DE":
                p.Value = (b.Year / 10 + p.Offset).ToString("D3", Inv);
                p.Anchor = label;
                return true;
            case "CE":
                p.Value = (b.Year / 100 + p.Offset).ToString("D2", Inv);
                p.Anchor = label;
                return true;
        }
        return false;
    }

    static void ResolveAgo(Parsed p, TimeAnchor a)
    {
        if (p.Count < 0)
        {
            p.Value = p.Offset < 0 ? "PAST_REF" : "FUTURE_REF";
            return;
        }
        if (!a.Known) { Unresolved(p); return; }
        var n = p.Count * p.Offset;
        var b = a.Date;
        switch (p.Unit)
        {
            case "D" or "H" or "MIN" when a.Gran == Gran.Day:
                SetDay(p, p.Unit == "D" ? b.AddDays(n) : b, a.Label);
                return;
            case "W" when a.Gran == Gran.Day:
                SetWeek(p, b.AddDays(7 * n), a.Label);
                return;
            case "M" when a.Gran >= Gran.Month:
                var m = new DateOnly(b.Year, b.Month, 1).AddMonths(n);
                SetMonth(p, m.Year, m.Month, a.Label);
                return;
            case "Y":
                SetYear(p, b.Year + n, a.Label);
                return;
            case "DE":
                p.Value = ((b.Year + 10 * n) / 10).ToString("D3", Inv);
                p.Anchor = a.Label;
                return;
            case "CE":
                p.Value = ((b.Year + 100 * n) / 100).ToString("D2", Inv);
                p.Anchor = a.Label;
                return;
        }
        Unresolved(p);
    }

    /// <summary>"two days later", "the day before", "five days prior to January 23", "that night" from a date in the sentence.</summary>
    static bool TextRelative(Parsed p, DateOnly b, Gran g)
    {
        if (g == Gran.None || p.Count < 0) return false;
        var n = p.Count * p.Offset;
        switch (p.Unit)
        {
            case "D" or "W":
                if (g != Gran.Day) return false;
                SetDay(p, b.AddDays(p.Unit == "W" ? 7 * n : n), "text");
                return true;
            case "M":
                if (g < Gran.Month) return false;
                var m = new DateOnly(b.Year, b.Month, 1).AddMonths(n);
                SetMonth(p, m.Year, m.Month, "text");
                return true;
            case "Y" or "DE":
                SetYear(p, b.Year + (p.Unit == "DE" ? 10 * n : n), "text");
                return true;
        }
        return false;
    }
}
