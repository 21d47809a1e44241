using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Calendar;
using Noress.App.Calendar.Feed;
using Noress.App.Calls;
using Noress.App.Calls.Jobs;
using Noress.App.Data;
using Noress.App.Notifications;
using Noress.App.Shared.Time;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Calls;

/// <summary>
/// The calls' scheduled work (issue 12 §14, ADR 0043) on a fake clock, run directly as Hangfire would: each notice
/// once, at its moment and not before, not again on a second run, only to the people it concerns; every date of a
/// call in the calendar and a feed that parses. SQLite and PostgreSQL.
/// </summary>
public sealed class CallJobsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task RunDueAsync_Publication_MembersToldOnceFromThePublicationInstantInTheirLanguage(DatabaseProvider provider)
    {
        await using var calls = await CallsTestHost.StartAsync(provider);
        var publication = calls.Clock.GetUtcNow().UtcDateTime.AddHours(2);
        await UpdateCallAsync(calls, c => (c.PublicationAt, c.OpensAt) = (publication, publication));
        var arabic = Id(calls.RepresentativeB);
        await using (var db = await calls.DbAsync())
        {
            (await db.Users.SingleAsync(u => u.Id == arabic)).PreferredCulture = "ar";
            await db.SaveChangesAsync();
        }

        calls.Clock.SetUtcNow(publication.AddMilliseconds(-1));
        var before = await RunAsync(calls);
        calls.Clock.SetUtcNow(publication);
        var at = await RunAsync(calls);
        var again = await RunAsync(calls);

        Assert.Equal(0, before);
        Assert.Equal(0, again);
        var members = await MembersAsync(calls);
        Assert.Equal(members.Count, at);
        var notices = await NoticesAsync(calls, CallNoticeKinds.Published);
        Assert.Equal(members.Order(), notices.Select(n => n.RecipientId).Order());
        var notification = await NotificationAsync(calls, arabic, $"/calls/{calls.CallId}");
        Assert.Contains("طلب ترشيحات جديد", notification.Title, StringComparison.Ordinal);
        Assert.Equal(NotificationCategories.Calls, notification.Category);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task RunDueAsync_DeadlineReminders_SevenDaysThenOneDayThenClosed_OnlyToDraftsPeople(DatabaseProvider provider)
    {
        await using var calls = await CallsTestHost.StartAsync(provider);
        var draft = await calls.CompleteDraftAsync();
        var submitted = await calls.CompleteDraftAsync(calls.RepresentativeB);
        await SetStateAsync(calls, submitted, ApplicationState.Submitted);
        var withdrawnInstitution = OtherInstitution(calls, 2);
        var withdrawn = await calls.ApplicationsAsync(s => s.StartAsync(calls.Host.Representatives[withdrawnInstitution], calls.CallId, "Retirée", default));
        await SetStateAsync(calls, CallsTestHost.Ok(withdrawn), ApplicationState.Withdrawn);
        await RunAsync(calls);
        var peopleOfA = await PeopleOfAsync(calls, calls.InstitutionA);

        calls.Clock.SetUtcNow(calls.Deadline.AddDays(-7).AddMilliseconds(-1));
        await RunAsync(calls);
        var beforeSeven = await NoticesAsync(calls, "deadline.7");
        calls.Clock.SetUtcNow(calls.Deadline.AddDays(-7));
        await RunAsync(calls);
        await RunAsync(calls);
        var seven = await NoticesAsync(calls, "deadline.7");
        calls.Clock.SetUtcNow(calls.Deadline.AddDays(-1).AddMilliseconds(-1));
        await RunAsync(calls);
        var beforeOne = await NoticesAsync(calls, "deadline.1");
        calls.Clock.SetUtcNow(calls.Deadline.AddDays(-1));
        await RunAsync(calls);
        await RunAsync(calls);
        var one = await NoticesAsync(calls, "deadline.1");
        calls.Clock.SetUtcNow(calls.Deadline.AddMilliseconds(-1));
        await RunAsync(calls);
        var beforeClosed = await NoticesAsync(calls, CallNoticeKinds.Closed);
        calls.Clock.SetUtcNow(calls.Deadline);
        await RunAsync(calls);
        await RunAsync(calls);
        var closed = await NoticesAsync(calls, CallNoticeKinds.Closed);

        Assert.Empty(beforeSeven);
        Assert.Empty(beforeOne);
        Assert.Empty(beforeClosed);
        Assert.NotEmpty(peopleOfA);
        foreach (var notices in new[] { seven, one, closed })
        {
            Assert.Equal(peopleOfA.Order(), notices.Select(n => n.RecipientId).Order());
            Assert.All(notices, n => Assert.StartsWith($"{draft:N}:", n.Key, StringComparison.Ordinal));
        }

        var colleague = Id(calls.ColleagueA);
        await using var db = await calls.DbAsync();
        var told = await db.Notifications.AsNoTracking().Where(n => n.UserId == colleague && n.Link == $"/applications/{draft}")
            .OrderBy(n => n.CreatedAt).Select(n => n.Title).ToListAsync();
        Assert.Collection(
            told,
            t => Assert.StartsWith("Date limite dans 7 jours", t, StringComparison.Ordinal),
            t => Assert.StartsWith("Date limite demain", t, StringComparison.Ordinal),
            t => Assert.StartsWith("Appel clos", t, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task RunDueAsync_EvaluationReminders_OnlyJurorsOwingASheetOnAnEntryTheyMaySee(DatabaseProvider provider)
    {
        await using var calls = await CallsTestHost.StartAsync(provider);
        var entryA = await calls.CompleteDraftAsync();
        var entryB = await calls.CompleteDraftAsync(calls.RepresentativeB);
        await SetStateAsync(calls, entryA, ApplicationState.UnderEvaluation);
        await SetStateAsync(calls, entryB, ApplicationState.UnderEvaluation);
        // Pending: assigned A and B, no sheet. Done: submitted both. Conflicted: A's own colleague, assigned A (conflicted)
        // and nothing else; ConflictedWithOther: A's representative, assigned A (conflicted) and B (owes a sheet on B only).
        var pending = Id(calls.Host.Representatives[OtherInstitution(calls, 2)]);
        var done = Id(calls.Host.Representatives[OtherInstitution(calls, 3)]);
        var conflicted = Id(calls.ColleagueA);
        var conflictedWithOther = Id(calls.RepresentativeA);
        var now = calls.Clock.GetUtcNow().UtcDateTime;
        await using (var db = await calls.DbAsync())
        {
            foreach (var juror in new[] { pending, done, conflicted, conflictedWithOther })
            {
                db.Add(new CallJuror { CallId = calls.CallId, UserId = juror, AddedAt = now });
            }

            foreach (var (entry, juror) in new[] { (entryA, pending), (entryB, pending), (entryA, done), (entryB, done), (entryA, conflicted), (entryA, conflictedWithOther), (entryB, conflictedWithOther) })
            {
                db.Add(new JurorAssignment { ApplicationId = entry, JurorId = juror, AssignedAt = now });
            }

            foreach (var entry in new[] { entryA, entryB })
            {
                db.Add(new ScoreSheet { ApplicationId = entry, JurorId = done, State = ScoreSheetState.Submitted, SubmittedAt = now, UpdatedAt = now });
            }

            db.Add(new ScoreSheet { ApplicationId = entryB, JurorId = pending, State = ScoreSheetState.Draft, UpdatedAt = now });
            await db.SaveChangesAsync();
        }

        var end = (await CallAsync(calls)).EvaluationEndsAt;
        calls.Clock.SetUtcNow(end.AddDays(-7).AddMilliseconds(-1));
        await RunAsync(calls);
        var before = await NoticesAsync(calls, "evaluation.7");
        calls.Clock.SetUtcNow(end.AddDays(-7));
        await RunAsync(calls);
        await RunAsync(calls);
        var seven = await NoticesAsync(calls, "evaluation.7");
        calls.Clock.SetUtcNow(end.AddDays(-1));
        await RunAsync(calls);
        var one = await NoticesAsync(calls, "evaluation.1");
        calls.Clock.SetUtcNow(end);
        await RunAsync(calls);
        var after = await NoticesAsync(calls, "evaluation.1");

        Assert.Empty(before);
        Assert.Equal(new[] { pending, conflictedWithOther }.Order(), seven.Select(n => n.RecipientId).Order());
        Assert.Equal(new[] { pending, conflictedWithOther }.Order(), one.Select(n => n.RecipientId).Order());
        Assert.Equal(one.Count, after.Count);
        var forPending = await NotificationAsync(calls, pending, $"/calls/{calls.CallId}/review");
        var forConflicted = await NotificationAsync(calls, conflictedWithOther, $"/calls/{calls.CallId}/review");
        Assert.Contains(": 2.", forPending.Body, StringComparison.Ordinal);
        Assert.Contains(": 1.", forConflicted.Body, StringComparison.Ordinal);
        await using var check = await calls.DbAsync();
        Assert.False(await check.Notifications.AnyAsync(n => n.UserId == conflicted && n.Link == $"/calls/{calls.CallId}/review"));
        Assert.False(await check.Notifications.AnyAsync(n => n.UserId == done && n.Link == $"/calls/{calls.CallId}/review"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task RunDueAsync_ReportDueDates_SelectedProjectRemindedAtNineSevenDaysAndOneDayBefore(DatabaseProvider provider)
    {
        await using var calls = await CallsTestHost.StartAsync(provider);
        var selected = await calls.CompleteDraftAsync();
        var rejected = await calls.CompleteDraftAsync(calls.RepresentativeB);
        await SetStateAsync(calls, selected, ApplicationState.AgreementSigned);
        await SetStateAsync(calls, rejected, ApplicationState.Rejected);
        var interim = NoressClock.Today(calls.Clock).AddDays(60);
        await UpdateCallAsync(calls, c => (c.InterimReportDueOn, c.FinalReportDueOn) = (interim, interim.AddDays(120)));
        var sevenAt = NoressClock.ToUtc(interim.AddDays(-7).ToDateTime(new TimeOnly(9, 0)));

        calls.Clock.SetUtcNow(sevenAt.AddMilliseconds(-1));
        await RunAsync(calls);
        var before = await NoticesAsync(calls, "report.interim.7");
        calls.Clock.SetUtcNow(sevenAt);
        await RunAsync(calls);
        await RunAsync(calls);
        var seven = await NoticesAsync(calls, "report.interim.7");
        calls.Clock.SetUtcNow(NoressClock.ToUtc(interim.AddDays(-1).ToDateTime(new TimeOnly(9, 0))));
        await RunAsync(calls);
        var one = await NoticesAsync(calls, "report.interim.1");

        Assert.Empty(before);
        var peopleOfA = await PeopleOfAsync(calls, calls.InstitutionA);
        Assert.Equal(peopleOfA.Order(), seven.Select(n => n.RecipientId).Order());
        Assert.Equal(peopleOfA.Order(), one.Select(n => n.RecipientId).Order());
        Assert.Empty(await NoticesAsync(calls, "report.final.7"));
        var notification = await NotificationAsync(calls, Id(calls.RepresentativeA), $"/applications/{selected}");
        Assert.Contains("Rapport intermédiaire", notification.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Calendar_EveryDateOfTheCall_ForItsAudience_AndTheFeedParses(DatabaseProvider provider)
    {
        await using var calls = await CallsTestHost.StartAsync(provider);
        var selected = await calls.CompleteDraftAsync();
        await SetStateAsync(calls, selected, ApplicationState.Selected);
        var interim = NoressClock.Today(calls.Clock).AddDays(90);
        await UpdateCallAsync(calls, c => (c.InterimReportDueOn, c.FinalReportDueOn) = (interim, interim.AddDays(100)));
        var juror = calls.Host.Representatives[OtherInstitution(calls, 3)];
        await using (var db = await calls.DbAsync())
        {
            db.Add(new CallJuror { CallId = calls.CallId, UserId = Id(juror), AddedAt = calls.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }

        var now = calls.Clock.GetUtcNow().UtcDateTime;
        var calendar = calls.Host.Factory.Services.GetRequiredService<CalendarService>();
        var viewerA = (await calendar.ViewerAsync(Id(calls.RepresentativeA)))!;
        var viewerJuror = (await calendar.ViewerAsync(Id(juror)))!;
        var forA = await calendar.ListForAsync(viewerA, now.AddDays(-30), now.AddDays(400));
        var forJuror = await calendar.ListForAsync(viewerJuror, now.AddDays(-30), now.AddDays(400));

        var call = await CallAsync(calls);
        string Key(string kind) => kind == CallReportCalendarSource.ReportKind ? $"{selected:N}:interim" : $"{calls.CallId:N}";
        Assert.Equal(call.OpensAt, Single(forA, CallOpeningCalendarSource.OpeningKind, Key("")).DueAtUtc);
        Assert.Equal(call.DeadlineAt, Single(forA, CallCalendarSource.DeadlineKind, Key("")).DueAtUtc);
        Assert.Equal(call.ResultsAt, Single(forA, CallResultsCalendarSource.ResultsKind, Key("")).DueAtUtc);
        Assert.Equal(CallDueRules.ReportDayUtc(interim), Single(forA, CallReportCalendarSource.ReportKind, Key(CallReportCalendarSource.ReportKind)).DueAtUtc);
        Assert.Single(forA, i => i.Entry.Kind == CallReportCalendarSource.ReportKind && i.Entry.Key == $"{selected:N}:final");
        Assert.DoesNotContain(forA, i => i.Entry.Kind == CallEvaluationCalendarSource.EvaluationKind);
        Assert.Equal(call.EvaluationEndsAt, Single(forJuror, CallEvaluationCalendarSource.EvaluationKind, Key("")).DueAtUtc);
        Assert.DoesNotContain(forJuror, i => i.Entry.Kind == CallReportCalendarSource.ReportKind);

        var token = await calls.Host.Factory.Services.GetRequiredService<CalendarFeedService>().RegenerateAsync(Id(calls.RepresentativeA));
        var response = await calls.Host.Factory.CreateAnonymousClient().GetAsync($"/calendar/feed/{token}.ics");
        var feed = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        foreach (var uid in new[]
        {
            $"call.opening.{calls.CallId:N}@noress", $"call.deadline.{calls.CallId:N}@noress", $"call.results.{calls.CallId:N}@noress",
            $"call.report-due.{selected:N}:interim@noress", $"call.report-due.{selected:N}:final@noress",
        })
        {
            Assert.Single(feed.Events, e => e.Uid == uid);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Calendar_CallPublishedAheadOfItsPublication_SecretariatOnlyUntilThen(DatabaseProvider provider)
    {
        await using var calls = await CallsTestHost.StartAsync(provider);
        var publication = calls.Clock.GetUtcNow().UtcDateTime.AddDays(1);
        await UpdateCallAsync(calls, c => (c.PublicationAt, c.OpensAt) = (publication, publication));
        var calendar = calls.Host.Factory.Services.GetRequiredService<CalendarService>();
        var viewerA = (await calendar.ViewerAsync(Id(calls.RepresentativeA)))!;
        var now = calls.Clock.GetUtcNow().UtcDateTime;

        var hidden = await calendar.ListForAsync(viewerA, now, now.AddDays(100));
        calls.Clock.SetUtcNow(publication);
        var shown = await calendar.ListForAsync(viewerA, now, now.AddDays(100));

        Assert.DoesNotContain(hidden, i => i.Entry.Key == $"{calls.CallId:N}");
        Assert.Contains(shown, i => i.Entry.Kind == CallCalendarSource.DeadlineKind && i.Entry.Key == $"{calls.CallId:N}");
    }

    private static CalendarEntry Single(IReadOnlyList<CalendarItem> items, string kind, string key) =>
        Assert.Single(items, i => i.Entry.Kind == kind && i.Entry.Key == key).Entry;

    private static Task<int> RunAsync(CallsTestHost calls) => calls.Host.WithAsync<CallJobService, int>(s => s.RunDueAsync(default));

    private static async Task<List<CallNotice>> NoticesAsync(CallsTestHost calls, string kind)
    {
        await using var db = await calls.DbAsync();
        return await db.Set<CallNotice>().AsNoTracking().Where(n => n.Kind == kind).ToListAsync();
    }

    private static async Task<Notification> NotificationAsync(CallsTestHost calls, Guid userId, string link)
    {
        await using var db = await calls.DbAsync();
        return await db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.Link == link).OrderByDescending(n => n.CreatedAt).FirstAsync();
    }

    private static async Task<List<Guid>> MembersAsync(CallsTestHost calls)
    {
        await using var db = await calls.DbAsync();
        return await (from user in db.Users
                      join institution in db.Institutions on user.InstitutionId equals institution.Id
                      where user.IsActive && institution.Status != Noress.App.Members.MembershipStatus.Withdrawn
                      select user.Id).ToListAsync();
    }

    private static async Task<List<Guid>> PeopleOfAsync(CallsTestHost calls, Guid institutionId)
    {
        await using var db = await calls.DbAsync();
        return await db.Users.Where(u => u.IsActive && u.InstitutionId == institutionId).Select(u => u.Id).ToListAsync();
    }

    /// <summary>The institution at <paramref name="index"/> in the host's order (0 is A, 1 is B).</summary>
    private static Guid OtherInstitution(CallsTestHost calls, int index) =>
        calls.Host.Institutions.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => i.Value).ElementAt(index);

    private static async Task<Call> CallAsync(CallsTestHost calls)
    {
        await using var db = await calls.DbAsync();
        return await db.Set<Call>().AsNoTracking().SingleAsync(c => c.Id == calls.CallId);
    }

    private static async Task UpdateCallAsync(CallsTestHost calls, Action<Call> change)
    {
        await using var db = await calls.DbAsync();
        change(await db.Set<Call>().SingleAsync(c => c.Id == calls.CallId));
        await db.SaveChangesAsync();
    }

    private static async Task SetStateAsync(CallsTestHost calls, Guid applicationId, ApplicationState state)
    {
        await using var db = await calls.DbAsync();
        (await db.Set<CallApplication>().SingleAsync(a => a.Id == applicationId)).State = state;
        await db.SaveChangesAsync();
    }

    private static Guid Id(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
