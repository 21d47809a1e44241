using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Noress.App.Calendar;
using Noress.App.Calls.Jobs;
using Noress.App.Data;
using Noress.App.Members;

namespace Noress.App.Calls;

/// <summary>
/// Published calls' deadlines in everyone's calendar and feed: every member institution's people (for an AMI and a
/// competition alike) and the secretariat. Reminder rules may refer to <see cref="DeadlineKind"/>. The other dates of
/// a call's schedule have their own sources beside it (ADR 0043).
/// </summary>
public sealed class CallCalendarSource(IDbContextFactory<NoressDbContext> dbFactory, IStringLocalizer<CallsText> text, TimeProvider clock) : ICalendarSource
{
    public const string DeadlineKind = "call.deadline";

    public string Kind => DeadlineKind;

    public Task<IReadOnlyList<CalendarEntry>> ListAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        CallDates.ListAsync(dbFactory, clock, Kind, c => c.DeadlineAt, fromUtc, toUtc, cancellationToken);

    public string Describe(CalendarEntry entry) => text["Calendar.Deadline", entry.Subject];
}

/// <summary>Published calls' openings, for the members and the secretariat.</summary>
public sealed class CallOpeningCalendarSource(IDbContextFactory<NoressDbContext> dbFactory, IStringLocalizer<CallJobsText> text, TimeProvider clock) : ICalendarSource
{
    public const string OpeningKind = "call.opening";

    public string Kind => OpeningKind;

    public Task<IReadOnlyList<CalendarEntry>> ListAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        CallDates.ListAsync(dbFactory, clock, Kind, c => c.OpensAt, fromUtc, toUtc, cancellationToken);

    public string Describe(CalendarEntry entry) => text["Calendar.Opening", entry.Subject];
}

/// <summary>Published calls' results, for the members and the secretariat.</summary>
public sealed class CallResultsCalendarSource(IDbContextFactory<NoressDbContext> dbFactory, IStringLocalizer<CallJobsText> text, TimeProvider clock) : ICalendarSource
{
    public const string ResultsKind = "call.results";

    public string Kind => ResultsKind;

    public Task<IReadOnlyList<CalendarEntry>> ListAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        CallDates.ListAsync(dbFactory, clock, Kind, c => c.ResultsAt, fromUtc, toUtc, cancellationToken);

    public string Describe(CalendarEntry entry) => text["Calendar.Results", entry.Subject];
}

/// <summary>The end of a published call's evaluation, for its jurors and the secretariat (nobody else needs it).</summary>
public sealed class CallEvaluationCalendarSource(IDbContextFactory<NoressDbContext> dbFactory, IStringLocalizer<CallJobsText> text) : ICalendarSource
{
    public const string EvaluationKind = "call.evaluation-end";

    public string Kind => EvaluationKind;

    public async Task<IReadOnlyList<CalendarEntry>> ListAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var calls = await db.Set<Call>().AsNoTracking()
            .Where(c => c.PublishedAt != null && c.EvaluationEndsAt >= fromUtc && c.EvaluationEndsAt < toUtc)
            .ToListAsync(cancellationToken);
        if (calls.Count == 0)
        {
            return [];
        }

        var ids = calls.Select(c => c.Id).ToList();
        var jurors = (await db.Set<CallJuror>().AsNoTracking().Where(j => ids.Contains(j.CallId)).ToListAsync(cancellationToken)).ToLookup(j => j.CallId, j => j.UserId);
        return [.. calls.Select(c => new CalendarEntry(Kind, c.Id.ToString("N"), c.TitleFr, c.EvaluationEndsAt, AllDay: false, $"/calls/{c.Id}/review",
            new CalendarAudience([.. jurors[c.Id]], [], Secretariat: true)))];
    }

    public string Describe(CalendarEntry entry) => text["Calendar.EvaluationEnds", entry.Subject];
}

/// <summary>
/// Selected AMI projects' interim and final reports, all-day on their due day, for the project's institution and the
/// secretariat; a project closed (or not selected) has none.
/// </summary>
public sealed class CallReportCalendarSource(IDbContextFactory<NoressDbContext> dbFactory, IStringLocalizer<CallJobsText> text) : ICalendarSource
{
    public const string ReportKind = "call.report-due";

    private const string Interim = "interim";

    public string Kind => ReportKind;

    public async Task<IReadOnlyList<CalendarEntry>> ListAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var calls = await db.Set<Call>().AsNoTracking()
            .Where(c => c.Kind == CallKind.Ami && c.PublishedAt != null && (c.InterimReportDueOn != null || c.FinalReportDueOn != null))
            .ToListAsync(cancellationToken);
        var dated = calls.SelectMany(c => new[] { (Call: c, Which: Interim, On: c.InterimReportDueOn), (Call: c, Which: "final", On: c.FinalReportDueOn) })
            .Where(d => d.On is { } on && CallDueRules.ReportDayUtc(on) >= fromUtc && CallDueRules.ReportDayUtc(on) < toUtc)
            .ToList();
        if (dated.Count == 0)
        {
            return [];
        }

        var ids = dated.Select(d => d.Call.Id).Distinct().ToList();
        var states = CallDueRules.ReportingStates.ToList();
        var projects = (await db.Set<CallApplication>().AsNoTracking()
            .Where(a => ids.Contains(a.CallId) && states.Contains(a.State) && a.InstitutionId != null)
            .ToListAsync(cancellationToken)).ToLookup(a => a.CallId);
        return [.. from d in dated
                   from project in projects[d.Call.Id]
                   select new CalendarEntry(Kind, $"{project.Id:N}:{d.Which}", project.Title, CallDueRules.ReportDayUtc(d.On!.Value), AllDay: true,
                       $"/applications/{project.Id}", new CalendarAudience([], [project.InstitutionId!.Value], Secretariat: true))];
    }

    public string Describe(CalendarEntry entry) =>
        text[entry.Key.EndsWith(Interim, StringComparison.Ordinal) ? "Calendar.InterimReport" : "Calendar.FinalReport", entry.Subject];
}

/// <summary>The shared shape of a call's public dates: members and the secretariat; the secretariat alone before the call is visible.</summary>
internal static class CallDates
{
    public static async Task<IReadOnlyList<CalendarEntry>> ListAsync(
        IDbContextFactory<NoressDbContext> dbFactory, TimeProvider clock, string kind, Func<Call, DateTime> at,
        DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        // Few calls a year: the published ones are read and their date filtered here, one query whatever the date.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var calls = (await db.Set<Call>().AsNoTracking().Where(c => c.PublishedAt != null).ToListAsync(cancellationToken))
            .Where(c => at(c) >= fromUtc && at(c) < toUtc).ToList();
        if (calls.Count == 0)
        {
            return [];
        }

        // A call published ahead of its publication instant stays the secretariat's until then, in the calendar too.
        var now = clock.GetUtcNow().UtcDateTime;
        var members = await db.Institutions.AsNoTracking().Where(i => i.Status != MembershipStatus.Withdrawn).Select(i => i.Id).ToListAsync(cancellationToken);
        return [.. calls.Select(c => new CalendarEntry(kind, c.Id.ToString("N"), c.TitleFr, at(c), AllDay: false, $"/calls/{c.Id}",
            CallSchedule.IsVisible(c, now) ? new CalendarAudience([], members, Secretariat: true) : CalendarAudience.SecretariatOnly))];
    }
}
