using System.Globalization;

namespace Noress.App.Plans.Views;

/// <summary>The time unit of the timeline's columns.</summary>
public enum TimelineUnit
{
    Month,
    Quarter,
}

/// <summary>A column of the timeline: the unit starting on <paramref name="Start"/>, placed in percent of the whole.</summary>
public sealed record TimelineTick(DateOnly Start, double Offset, double Width);

/// <summary>Where a bar sits, in percent of the timeline, from its start edge (the left in French, the right in Arabic).</summary>
public sealed record TimelineBar(double Offset, double Width);

/// <summary>A row's dates as the timeline draws them; <paramref name="Derived"/> when taken from the rows below it.</summary>
public sealed record TimelineSpan(DateOnly Start, DateOnly Due, bool Derived);

/// <summary>
/// The timeline's arithmetic: the range (whole months or quarters covering every date and today), its columns, and
/// the place of a day in percent from the start edge. Time runs from the start edge, so the page writes offsets as
/// <c>left</c> in a left-to-right language and as <c>right</c> in Arabic, which mirrors the bars.
/// </summary>
public sealed class TimelineScale
{
    private TimelineScale(DateOnly from, DateOnly to, TimelineUnit unit)
    {
        From = from;
        To = to;
        Unit = unit;
        var ticks = new List<TimelineTick>();
        for (var start = from; start < to; start = Next(start, unit))
        {
            var end = Next(start, unit);
            ticks.Add(new TimelineTick(start, Offset(start), Percent(end.DayNumber - start.DayNumber)));
        }

        Ticks = ticks;
    }

    /// <summary>The first day shown (the first day of a month or quarter).</summary>
    public DateOnly From { get; }

    /// <summary>The day after the last day shown (the first day of the next month or quarter).</summary>
    public DateOnly To { get; }

    public TimelineUnit Unit { get; }

    public IReadOnlyList<TimelineTick> Ticks { get; }

    private int Days => To.DayNumber - From.DayNumber;

    /// <summary>The scale covering <paramref name="spans"/> and <paramref name="today"/>, in whole units.</summary>
    public static TimelineScale For(IEnumerable<TimelineSpan> spans, DateOnly today, TimelineUnit unit)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var first = today;
        var last = today;
        foreach (var span in spans)
        {
            first = span.Start < first ? span.Start : first;
            last = span.Due > last ? span.Due : last;
        }

        return new TimelineScale(UnitStart(first, unit), Next(UnitStart(last, unit), unit), unit);
    }

    /// <summary>Months up to a year and a half, quarters beyond: about 18 columns at most before they get too narrow.</summary>
    public static TimelineUnit DefaultUnit(IEnumerable<TimelineSpan> spans, DateOnly today)
    {
        var months = For(spans, today, TimelineUnit.Month);
        return months.Ticks.Count > 18 ? TimelineUnit.Quarter : TimelineUnit.Month;
    }

    /// <summary>The start of <paramref name="day"/>, in percent from the start edge.</summary>
    public double Offset(DateOnly day) => Percent(day.DayNumber - From.DayNumber);

    /// <summary>The middle of <paramref name="day"/>: where the today line goes.</summary>
    public double Middle(DateOnly day) => Percent(day.DayNumber - From.DayNumber + 0.5);

    /// <summary>A bar from the start of <paramref name="start"/> to the end of <paramref name="due"/> (a one-day bar for a milestone).</summary>
    public TimelineBar Bar(DateOnly start, DateOnly due)
    {
        if (due < start)
        {
            (start, due) = (due, start);
        }

        return new TimelineBar(Offset(start), Percent(due.DayNumber + 1 - start.DayNumber));
    }

    /// <summary>A percentage as CSS reads it (invariant, three decimals at most).</summary>
    public static string Css(double percent) => percent.ToString("0.###", CultureInfo.InvariantCulture) + "%";

    /// <summary>
    /// The dates each row is drawn with: its own (a missing start or due taken from the other: a milestone), else,
    /// for a row with dated rows below it, from the earliest start to the latest due below. Rows without any date are absent.
    /// </summary>
    public static IReadOnlyDictionary<Guid, TimelineSpan> Spans(IReadOnlyList<PlanRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var spans = new Dictionary<Guid, TimelineSpan>();
        var children = rows.ToLookup(r => r.ParentId ?? Guid.Empty);

        // Rows are in tree order: backwards, every child is settled before its parent.
        for (var i = rows.Count - 1; i >= 0; i--)
        {
            var row = rows[i];
            if ((row.StartsOn ?? row.DueOn) is { } start && (row.DueOn ?? row.StartsOn) is { } due)
            {
                spans[row.Id] = new TimelineSpan(start, due, Derived: false);
                continue;
            }

            var below = children[row.Id].Where(c => spans.ContainsKey(c.Id)).Select(c => spans[c.Id]).ToList();
            if (below.Count > 0)
            {
                spans[row.Id] = new TimelineSpan(below.Min(s => s.Start), below.Max(s => s.Due), Derived: true);
            }
        }

        return spans;
    }

    private double Percent(double days) => Math.Round(days * 100.0 / Days, 3);

    private static DateOnly UnitStart(DateOnly day, TimelineUnit unit) =>
        unit == TimelineUnit.Quarter ? new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1) : new DateOnly(day.Year, day.Month, 1);

    private static DateOnly Next(DateOnly unitStart, TimelineUnit unit) => unitStart.AddMonths(unit == TimelineUnit.Quarter ? 3 : 1);
}
