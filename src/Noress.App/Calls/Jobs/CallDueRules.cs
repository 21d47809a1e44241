using System.Globalization;
using Noress.App.Shared.Time;

namespace Noress.App.Calls.Jobs;

/// <summary>
/// When the calls' scheduled notices are due: pure, judged on the instant the job runs. None of them decides anything
/// (the deadline is judged at the request, ADR 0036); they only tell people.
/// </summary>
public static class CallDueRules
{
    /// <summary>The reminders before a deadline, the end of evaluation or a report's due date, in days, farthest first.</summary>
    public static readonly IReadOnlyList<int> ReminderDays = [7, 1];

    /// <summary>A closing is still told this long after the deadline (a job down for a while catches up; an old call is not told).</summary>
    public static readonly TimeSpan CatchUp = TimeSpan.FromDays(3);

    /// <summary>Local time at which a report's reminders go out on their day (Casablanca).</summary>
    public static readonly TimeOnly ReportReminderTime = new(9, 0);

    /// <summary>The AMI states in which a selected project owes its reports.</summary>
    public static readonly IReadOnlySet<ApplicationState> ReportingStates = new HashSet<ApplicationState>
    {
        ApplicationState.Selected, ApplicationState.AgreementSigned, ApplicationState.InstalmentsPaid, ApplicationState.Reporting,
    };

    /// <summary>
    /// Which reminder is due for an instant <paramref name="dueUtc"/>: the nearest of <see cref="ReminderDays"/> whose
    /// moment (<c>due - days</c>) has come, while the due instant has not; null before the first and from the due instant on.
    /// A job that missed the 7-day moment and runs within the last day sends only the 1-day reminder.
    /// </summary>
    public static int? ReminderDue(DateTime dueUtc, DateTime nowUtc)
    {
        if (nowUtc >= dueUtc)
        {
            return null;
        }

        int? due = null;
        foreach (var days in ReminderDays)
        {
            if (nowUtc >= dueUtc.AddDays(-days))
            {
                due = days;
            }
        }

        return due;
    }

    /// <summary>A report's due day (Casablanca) as the instant its day ends, which is when it is late.</summary>
    public static DateTime ReportDueAtUtc(DateOnly dueOn) => NoressClock.ToUtc(dueOn.AddDays(1).ToDateTime(TimeOnly.MinValue));

    /// <summary>The calendar's all-day instant of a report's due day: the Casablanca midnight it starts.</summary>
    public static DateTime ReportDayUtc(DateOnly dueOn) => NoressClock.ToUtc(dueOn.ToDateTime(TimeOnly.MinValue));

    /// <summary>
    /// Which report reminder is due: 7 days before and 1 day before the due day, at <see cref="ReportReminderTime"/>,
    /// until the due day ends; null otherwise.
    /// </summary>
    public static int? ReportReminderDue(DateOnly dueOn, DateTime nowUtc)
    {
        if (nowUtc >= ReportDueAtUtc(dueOn))
        {
            return null;
        }

        int? due = null;
        foreach (var days in ReminderDays)
        {
            if (nowUtc >= NoressClock.ToUtc(dueOn.AddDays(-days).ToDateTime(ReportReminderTime)))
            {
                due = days;
            }
        }

        return due;
    }

    /// <summary>The publication is told once the call is published and its publication instant has come, until its deadline.</summary>
    public static bool PublicationDue(Call call, DateTime nowUtc) =>
        CallSchedule.IsVisible(call, nowUtc) && nowUtc < call.DeadlineAt;

    /// <summary>The closing is told from the deadline, for <see cref="CatchUp"/>.</summary>
    public static bool ClosingDue(Call call, DateTime nowUtc) =>
        call.PublishedAt is not null && nowUtc >= call.DeadlineAt && nowUtc < call.DeadlineAt + CatchUp;

    /// <summary>
    /// The reports' due days keep order: only an AMI asks for them, each after the results' day, the final one after the
    /// interim one; null when they do, else the refusal's key.
    /// </summary>
    public static string? InvalidReports(CallKind kind, DateTime resultsAtUtc, DateOnly? interim, DateOnly? final)
    {
        if (interim is null && final is null)
        {
            return null;
        }

        var results = DateOnly.FromDateTime(NoressClock.ToLocal(resultsAtUtc));
        return kind != CallKind.Ami || interim <= results || final <= results || (interim is { } i && final is { } f && f <= i)
            ? "Error.ReportDates"
            : null;
    }

    /// <summary>The part of a notice's key that pins the date it is about, so a moved date is told again.</summary>
    public static string Stamp(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture);

    /// <summary>The same for a due day.</summary>
    public static string Stamp(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
