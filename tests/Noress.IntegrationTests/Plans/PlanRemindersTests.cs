using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Noress.App.Calendar;
using Noress.App.Calendar.Reminders;
using Noress.App.Data;
using Noress.App.Notifications;
using Noress.App.Plans;
using Noress.App.Plans.Reminders;
using Noress.App.Sessions;
using Noress.App.Shared.Time;
using Noress.IntegrationTests.Sessions;

namespace Noress.IntegrationTests.Plans;

/// <summary>
/// Issue 11 §6 on a real database: owners reminded once per rule and due date, the digest once per person and week,
/// committee-private plans' reminders never to non-members, overdue actions onto the next plenary's agenda atomically.
/// </summary>
public sealed class PlanRemindersTests
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    private DateOnly Today => NoressClock.Today(clock);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task DispatchDueAsync_RunTwice_OneReminderAndOneMail_AndAMovedDueDateRemindsAgain(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var owner = Id(host.EditorA);
        await OnlyRulesAsync(host, -7);
        await SetAsync(host, host.ActionId, Today.AddDays(7), PlanItemStatus.InProgress, owner);

        Assert.Equal(1, await DispatchAsync(host));
        Assert.Equal(0, await DispatchAsync(host));
        Assert.Equal(1, await RemindersOfAsync(host, owner));
        Assert.Equal(1, await MailsOfAsync(host, owner, NotificationCategories.Reminders));

        // The due date moves a day later and a day passes: the same rule fires again for the new date.
        await SetAsync(host, host.ActionId, Today.AddDays(8), PlanItemStatus.InProgress, owner);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await DispatchAsync(host));
        Assert.Equal(0, await DispatchAsync(host));
        Assert.Equal(2, await RemindersOfAsync(host, owner));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task DispatchDueAsync_EachCase_RemindsTheRightPersonOrNobody(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        await OnlyRulesAsync(host, -7, -1, 1);
        var (a, b, other) = (Id(host.EditorA), Id(host.EditorB), Id(host.OtherCommitteeMember));
        var leadOfB = await InstitutionOfAsync(host, b);
        var staff = await StaffAsync(host);
        var dueInSeven = await AddActionAsync(host, "Dans sept jours", Today.AddDays(7), PlanItemStatus.Planned, a);
        var dueToday = await AddActionAsync(host, "Aujourd’hui", Today, PlanItemStatus.InProgress, b);
        var done = await AddActionAsync(host, "Terminée", Today.AddDays(7), PlanItemStatus.Done, b);
        var cancelled = await AddActionAsync(host, "Annulée", Today.AddDays(1), PlanItemStatus.Cancelled, b);
        var overdue = await AddActionAsync(host, "En retard", Today.AddDays(-1), PlanItemStatus.InProgress, null, leadOfB);
        var nobody = await AddActionAsync(host, "Sans responsable", Today.AddDays(1), PlanItemStatus.Planned, null);
        var outsider = await AddActionAsync(host, "Responsable hors commission", Today.AddDays(1), PlanItemStatus.Planned, other);

        await DispatchAsync(host);

        var sent = await WithDbAsync(host, db => db.Notifications.AsNoTracking()
            .Where(n => n.Category == NotificationCategories.Reminders).Select(n => new { n.UserId, n.Title }).ToListAsync());
        string[] TitlesOf(Guid person) => [.. sent.Where(n => n.UserId == person).Select(n => n.Title)];
        Assert.Single(TitlesOf(a), t => t.Contains("Dans sept jours", StringComparison.Ordinal));
        // The lead institution's titular is B's representative: reminded of the overdue action, of nothing else.
        Assert.Single(TitlesOf(b), t => t.Contains("En retard", StringComparison.Ordinal));
        Assert.DoesNotContain(sent, n => n.Title.Contains("Aujourd’hui", StringComparison.Ordinal)
            || n.Title.Contains("Terminée", StringComparison.Ordinal) || n.Title.Contains("Annulée", StringComparison.Ordinal));
        // The committee's plan is private: its non-member "owner" gets nothing; the secretariat is reminded instead.
        Assert.Empty(TitlesOf(other));
        Assert.All(staff, person =>
        {
            Assert.Contains(TitlesOf(person), t => t.Contains("Sans responsable", StringComparison.Ordinal));
            Assert.Contains(TitlesOf(person), t => t.Contains("Responsable hors commission", StringComparison.Ordinal));
        });
        _ = (dueInSeven, dueToday, done, cancelled, overdue, nobody, outsider);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Calendar_PrivatePlanAction_InTheOwnersCalendarOnly(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        await SetAsync(host, host.ActionId, Today.AddDays(3), PlanItemStatus.InProgress, Id(host.EditorA));
        var from = clock.GetUtcNow().UtcDateTime;

        async Task<bool> SeesAsync(ClaimsPrincipal person) => await host.Host.WithAsync<CalendarService, bool>(async calendar =>
        {
            var viewer = await calendar.ViewerAsync(Id(person));
            var items = await calendar.ListForAsync(viewer!, from, from.AddDays(10));
            return items.Any(i => i.Entry.Kind == PlanReminders.Kind && i.Entry.Key == host.ActionId.ToString("N"));
        });

        Assert.True(await SeesAsync(host.EditorA));
        Assert.False(await SeesAsync(host.OtherCommitteeMember));
        Assert.False(await SeesAsync(host.NonMember));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SendWeeklyDigestsAsync_RunTwice_OneMailPerCommitteePerson_NoneToOthers(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        await SetAsync(host, host.ActionId, Today.AddDays(-2), PlanItemStatus.InProgress, Id(host.EditorA));

        var first = await host.Host.WithAsync<PlanNoticeService, int>(s => s.SendWeeklyDigestsAsync());
        var second = await host.Host.WithAsync<PlanNoticeService, int>(s => s.SendWeeklyDigestsAsync());

        Assert.True(first >= 2);
        Assert.Equal(0, second);
        Assert.Equal(1, await MailsOfAsync(host, Id(host.EditorA), NotificationCategories.Plans));
        Assert.Equal(1, await MailsOfAsync(host, Id(host.EditorB), NotificationCategories.Plans));
        Assert.Equal(0, await MailsOfAsync(host, Id(host.OtherCommitteeMember), NotificationCategories.Plans));
        Assert.Equal(0, await MailsOfAsync(host, Id(host.NonMember), NotificationCategories.Plans));
        var body = await WithDbAsync(host, db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.UserId == Id(host.EditorA) && m.Category == NotificationCategories.Plans).Select(m => m.TextBody).SingleAsync());
        Assert.Contains("Former les coopératives", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task PutOnNextAgendaAsync_OverdueAction_OnceAtomically_SecretariatOnly(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        await SetAsync(host, host.ActionId, Today.AddDays(-3), PlanItemStatus.InProgress, Id(host.EditorA));
        var notLate = await AddActionAsync(host, "Pas en retard", Today.AddDays(20), PlanItemStatus.Planned, null);
        await NoUpcomingPlenaryAsync(host);

        var none = await PutAsync(host, host.Secretariat, host.ActionId);
        Assert.Equal("Error.NoPlenary", none.Refusal?.Code);

        var plenary = await host.Host.DraftPlenaryAsync();
        var before = await AgendaCountAsync(host, plenary);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => PutAsync(host, host.EditorA, host.ActionId));

        var mixed = await PutAsync(host, host.Secretariat, host.ActionId, notLate);
        Assert.Equal("Error.NotOverdue", mixed.Refusal?.Code);
        Assert.Equal(before, await AgendaCountAsync(host, plenary));

        var put = await PutAsync(host, host.Secretariat, host.ActionId);
        Assert.True(put.Succeeded, put.Error);
        Assert.Equal(plenary, put.Value);
        Assert.Equal(before + 1, await AgendaCountAsync(host, plenary));

        var again = await PutAsync(host, host.Secretariat, host.ActionId);
        Assert.Equal("Error.AlreadyOnAgenda", again.Refusal?.Code);
        Assert.Equal(before + 1, await AgendaCountAsync(host, plenary));

        var report = await host.Host.WithAsync<PlanStatusReportService, StatusReport>(s => s.LoadAsync(host.Secretariat, default));
        Assert.True(Assert.Single(report.Overdue).OnNextAgenda);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.Host.WithAsync<PlanStatusReportService, StatusReport>(s => s.LoadAsync(host.EditorA, default)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task NotifyPlenariesAsync_ConvenedPlenary_StaffToldOnceEach(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        await NoUpcomingPlenaryAsync(host);
        var plenary = await host.Host.DraftPlenaryAsync();
        Assert.Equal(0, await host.Host.WithAsync<PlanNoticeService, int>(s => s.NotifyPlenariesAsync()));
        SessionsTestHost.Ok(await host.Host.WithAsync<SessionService, App.Shared.Operations.Outcome<Guid>>(s => s.AddAgendaItemAsync(host.Secretariat, plenary, AgendaItemKind.Deliberation, "Budget", 30, default)));
        SessionsTestHost.Ok(await host.Host.WithAsync<SessionService, App.Shared.Operations.Outcome<Guid>>(s => s.ConveneAsync(host.Secretariat, plenary, default)));

        var staff = await StaffAsync(host);
        // Convened, and tomorrow (within the week): both notices, once each.
        Assert.Equal(staff.Count * 2, await host.Host.WithAsync<PlanNoticeService, int>(s => s.NotifyPlenariesAsync()));
        Assert.Equal(0, await host.Host.WithAsync<PlanNoticeService, int>(s => s.NotifyPlenariesAsync()));
        var links = await WithDbAsync(host, db => db.Notifications.AsNoTracking().Where(n => n.Category == NotificationCategories.Plans).Select(n => n.Link).ToListAsync());
        Assert.Equal(staff.Count * 2, links.Count);
        Assert.All(links, l => Assert.Equal(PlanStatusReportService.Link, l));
    }

    private async Task<PlansTestHost> StartAsync(DatabaseProvider provider) =>
        await PlansTestHost.StartAsync(provider, f => f.WithServices(s => s.AddSingleton<TimeProvider>(clock)));

    private static async Task<T> WithDbAsync<T>(PlansTestHost host, Func<NoressDbContext, Task<T>> action)
    {
        await using var db = await host.DbAsync();
        return await action(db);
    }

    private static Guid Id(ClaimsPrincipal person) => PlansAccess.UserId(person)!.Value;

    private static Task<int> DispatchAsync(PlansTestHost host) => host.Host.WithAsync<ReminderService, int>(s => s.DispatchDueAsync());

    private static Task<App.Shared.Operations.Outcome<Guid>> PutAsync(PlansTestHost host, ClaimsPrincipal caller, params Guid[] actions) =>
        host.Host.WithAsync<PlanStatusReportService, App.Shared.Operations.Outcome<Guid>>(s => s.PutOnNextAgendaAsync(caller, actions, default));

    /// <summary>Only this test's rules for plan actions, at 00:00 so they fire whatever the hour of the run.</summary>
    private static Task OnlyRulesAsync(PlansTestHost host, params int[] offsets) => WithDbAsync(host, async db =>
    {
        await db.ReminderRules.ExecuteUpdateAsync(s => s.SetProperty(r => r.IsActive, false));
        db.ReminderRules.AddRange(offsets.Select(o => new ReminderRule { SourceKind = PlanReminders.Kind, OffsetDays = o, LocalTime = TimeOnly.MinValue }));
        return await db.SaveChangesAsync();
    });

    private static Task<int> SetAsync(PlansTestHost host, Guid actionId, DateOnly due, PlanItemStatus status, Guid? responsible, Guid? lead = null) =>
        WithDbAsync(host, db => db.Set<PlanItem>().Where(i => i.Id == actionId).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.DueOn, due).SetProperty(i => i.Status, status)
            .SetProperty(i => i.ResponsibleUserId, responsible).SetProperty(i => i.LeadInstitutionId, lead)));

    private static async Task<Guid> AddActionAsync(PlansTestHost host, string title, DateOnly due, PlanItemStatus status, Guid? responsible, Guid? lead = null)
    {
        var id = Guid.NewGuid();
        PlansTestHost.Ok(await host.WithAsync(s => s.AddItemAsync(host.Secretariat, host.PlanId, new NewPlanItem(id, host.ObjectiveId, PlanItemKind.Action, title, "إجراء"), default)));
        await SetAsync(host, id, due, status, responsible, lead);
        return id;
    }

    /// <summary>The demo's plenaries being prepared are moved to the past: this test's plenary is the only upcoming one.</summary>
    private static Task<int> NoUpcomingPlenaryAsync(PlansTestHost host) => WithDbAsync(host, db => db.Set<Session>()
        .Where(s => s.Body == SessionBody.Plenary && (s.State == SessionState.Draft || s.State == SessionState.Convened))
        .ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAt, DateTime.UtcNow.AddDays(-30)).SetProperty(x => x.EndsAt, DateTime.UtcNow.AddDays(-30).AddHours(3))));

    private static Task<int> RemindersOfAsync(PlansTestHost host, Guid person) =>
        WithDbAsync(host, db => db.Notifications.AsNoTracking().CountAsync(n => n.UserId == person && n.Category == NotificationCategories.Reminders));

    private static Task<int> MailsOfAsync(PlansTestHost host, Guid person, string category) =>
        WithDbAsync(host, db => db.OutboxMessages.AsNoTracking().CountAsync(m => m.UserId == person && m.Category == category));

    private static Task<Guid> InstitutionOfAsync(PlansTestHost host, Guid person) =>
        WithDbAsync(host, db => db.Users.AsNoTracking().Where(u => u.Id == person).Select(u => u.InstitutionId!.Value).SingleAsync());

    private static Task<int> AgendaCountAsync(PlansTestHost host, Guid sessionId) =>
        WithDbAsync(host, db => db.Set<AgendaItem>().AsNoTracking().CountAsync(a => a.SessionId == sessionId));

    private static Task<List<Guid>> StaffAsync(PlansTestHost host) => WithDbAsync(host, db =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where u.IsActive && (r.Name == "Secretariat" || r.Name == "Administrator")
         select u.Id).Distinct().ToListAsync());
}
