using System.Globalization;

namespace Noress.App.Calendar;

/// <summary>The weeks shown for a month, each of seven days starting on the culture's first day of week.</summary>
public static class MonthGrid
{
    public static IReadOnlyList<IReadOnlyList<DateOnly>> Weeks(int year, int month, DayOfWeek firstDayOfWeek)
    {
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var lead = ((int)first.DayOfWeek - (int)firstDayOfWeek + 7) % 7;
        var start = first.AddDays(-lead);
        var weeks = new List<IReadOnlyList<DateOnly>>();
        for (var weekStart = start; weekStart <= last; weekStart = weekStart.AddDays(7))
        {
            weeks.Add([.. Enumerable.Range(0, 7).Select(weekStart.AddDays)]);
        }

        return weeks;
    }

    public static IReadOnlyList<IReadOnlyList<DateOnly>> Weeks(int year, int month, CultureInfo culture) =>
        Weeks(year, month, culture.DateTimeFormat.FirstDayOfWeek);

    /// <summary>The seven weekday names in display order, abbreviated in the culture's language.</summary>
    public static IReadOnlyList<string> DayNames(CultureInfo culture)
    {
        var first = (int)culture.DateTimeFormat.FirstDayOfWeek;
        return [.. Enumerable.Range(0, 7).Select(i => culture.DateTimeFormat.GetAbbreviatedDayName((DayOfWeek)((first + i) % 7)))];
    }
}
