using Noress.App.Shared.Time;

namespace Noress.App.Calendar.Reminders;

/// <summary>When a rule's reminder fires, computed on Casablanca calendar days (which Ramadan's UTC+0 shifts).</summary>
public static class ReminderSchedule
{
    /// <summary>A reminder missed by more than this (downtime) is dropped rather than sent late.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    public static DateTime FireAtUtc(DateTime dueAtUtc, int offsetDays, TimeOnly localTime)
    {
        var day = DateOnly.FromDateTime(NoressClock.ToLocal(dueAtUtc)).AddDays(offsetDays);
        var local = day.ToDateTime(localTime);
        // A time skipped by a clock change (02:00-03:00 when summer time resumes) means the hour after it.
        while (NoressClock.TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return NoressClock.ToUtc(local);
    }

    public static bool IsDue(DateTime fireAtUtc, DateTime nowUtc) => fireAtUtc <= nowUtc && nowUtc < fireAtUtc + Grace;

    /// <summary>The due dates whose reminders under these offsets may fire around <paramref name="nowUtc"/>.</summary>
    public static (DateTime FromUtc, DateTime ToUtc) DueWindow(DateTime nowUtc, IReadOnlyCollection<int> offsetDays)
    {
        // Two spare days on each side cover time-of-day, time-zone and grace.
        var from = nowUtc.AddDays(-offsetDays.Max() - 2);
        var to = nowUtc.AddDays(-offsetDays.Min() + 2);
        return (from, to);
    }
}
