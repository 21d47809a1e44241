using System.Globalization;

namespace Noress.App.Plans.Reminders;

/// <summary>
/// Who is reminded of an action and what the status report and the weekly digest count as overdue or at risk:
/// pure rules over the action's values and today's Casablanca date (issue 11 §6, ADR 0032).
/// </summary>
public static class PlanReminders
{
    /// <summary>The calendar source kind of action due dates; reminder rules refer to it.</summary>
    public const string Kind = Calendar.Reminders.CalendarKinds.PlanAction;

    /// <summary>Days ahead the weekly digest looks for due actions.</summary>
    public const int DigestHorizonDays = 14;

    /// <summary>Days ahead the status report looks for actions at risk.</summary>
    public const int AtRiskHorizonDays = 30;

    /// <summary>Days before a convened plenary the secretariat gets the status report again.</summary>
    public const int PlenaryNoticeDays = 7;

    /// <summary>Done and cancelled actions are finished: no reminder, no calendar entry, no report line.</summary>
    public static bool IsOpen(PlanItemStatus status) => status is not (PlanItemStatus.Done or PlanItemStatus.Cancelled);

    /// <summary>
    /// The person reminded of an action: its responsible person, else the lead institution's titular representative,
    /// each only when they may read the plan; null when nobody fits (the secretariat is then reminded).
    /// </summary>
    public static Guid? Owner(Guid? responsibleId, Guid? leadTitularId, Func<Guid, bool> mayRead)
    {
        ArgumentNullException.ThrowIfNull(mayRead);
        if (responsibleId is { } responsible && mayRead(responsible))
        {
            return responsible;
        }

        return leadTitularId is { } titular && mayRead(titular) ? titular : null;
    }

    /// <summary>
    /// At risk: open, not late yet, due within <see cref="AtRiskHorizonDays"/>, and behind the straight line from its
    /// start (or creation) to its due date by more than a quarter.
    /// </summary>
    public static bool IsAtRisk(DateOnly? startsOn, DateOnly? dueOn, PlanItemStatus status, int progress, DateOnly created, DateOnly today)
    {
        if (dueOn is not { } due || !IsOpen(status) || due < today || due > today.AddDays(AtRiskHorizonDays))
        {
            return false;
        }

        var start = startsOn ?? created;
        var span = due.DayNumber - start.DayNumber;
        var elapsed = today.DayNumber - start.DayNumber;
        var expected = span <= 0 ? 100d : Math.Clamp(100d * elapsed / span, 0d, 100d);
        return progress + 25 < expected;
    }

    /// <summary>Due in the digest's horizon: from today to <see cref="DigestHorizonDays"/> days ahead, open.</summary>
    public static bool IsDueSoon(DateOnly? dueOn, PlanItemStatus status, DateOnly today) =>
        dueOn is { } due && IsOpen(status) && due >= today && due <= today.AddDays(DigestHorizonDays);

    /// <summary>The ISO week of a Casablanca day, "2026-W49": one digest per person and week.</summary>
    public static string WeekKey(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):00}");

    /// <summary>The Monday starting the ISO week of <paramref name="day"/>.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
