using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor;
using Noress.App.Accounts;
using Noress.App.Documents;
using Noress.App.Sessions;
using Noress.App.Sessions.Manage;
using Noress.App.Shared.Pdf;
using Noress.App.Shared.RealTime;
using Noress.App.Shared.Time;
using Noress.App.Shared.Uploads;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Sessions;

/// <summary>The sessions list, the agenda editor and the lifecycle buttons, on a real database through the real services.</summary>
public sealed class SessionPagesTests : NoressTestContext
{
    private TestDatabase database = null!;

    private async Task ArrangeAsync(string role)
    {
        database = await UseDatabaseAsync();
        Services.AddNoressDocuments(new ConfigurationBuilder().Build());
        Services.TryAddSingleton<IEventBus, InProcessEventBus>();
        Services.AddNoressPdf(new ConfigurationBuilder().Build());
        Services.AddNoressSessions();
        // The proxies panel attaches signed mandates through the uploads' checks and the members' file storage.
        Services.AddNoressUploads(new ConfigurationBuilder().Build());
        Services.AddSingleton(new UploadStorage(Options.Create(new StorageOptions { Root = Path.Combine(Path.GetTempPath(), $"noress-bunit-{Guid.NewGuid():N}") }), Path.GetTempPath()));
        await database.AddPersonAsync(UserId, UserName);
        await SignInAsAsync(role);
    }

    private async Task<Guid> AddSessionAsync(string title, SessionState state, int daysFromNow, string? place = "Tanger")
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        var start = NoressClock.ToUtc(NoressClock.Today(Clock).AddDays(daysFromNow).ToDateTime(new TimeOnly(10, 0)));
        var session = new Session { Title = title, Place = place, StartsAt = start, EndsAt = start.AddHours(2), State = state, CreatedAt = Clock.GetUtcNow().UtcDateTime };
        db.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    private async Task<List<string>> AgendaTitlesAsync(Guid sessionId)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        return await db.Set<AgendaItem>().Where(a => a.SessionId == sessionId).OrderBy(a => a.Position).Select(a => a.Title).ToListAsync();
    }

    [Fact]
    public async Task SessionsPage_ForTheSecretariat_ListsUpcomingAndPastWithStates_AndOffersNewSession()
    {
        await ArrangeAsync(Roles.Secretariat);
        await AddSessionAsync("Plénière de printemps", SessionState.Draft, 10);
        await AddSessionAsync("Plénière d'automne", SessionState.Closed, -30);

        var cut = RenderPage<SessionsPage>();

        cut.WaitForAssertion(() => Assert.Contains("Plénière de printemps", cut.Find("[data-testid=sessions-upcoming]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Plénière d'automne", cut.Find("[data-testid=sessions-past]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Draft", "Closed"], cut.FindAll("[data-testid=session-state]").Select(c => c.GetAttribute("data-state")));
        Assert.NotEmpty(cut.FindAll("[data-testid=session-new]"));
    }

    [Fact]
    public async Task SessionsPage_ForAMember_HidesDraftsAndTheNewSessionButton()
    {
        await ArrangeAsync(Roles.Member);
        await AddSessionAsync("Brouillon du secrétariat", SessionState.Draft, 10);
        await AddSessionAsync("Plénière convoquée", SessionState.Convened, 12);

        var cut = RenderPage<SessionsPage>();

        cut.WaitForAssertion(() => Assert.Contains("Plénière convoquée", cut.Find("[data-testid=sessions-upcoming]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("Brouillon du secrétariat", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=session-new]"));
    }

    [Fact]
    public async Task AgendaEditor_AddWithoutTitle_ShowsTheRefusal_ThenAddsAndReordersWithTheButtons()
    {
        await ArrangeAsync(Roles.Secretariat);
        var sessionId = await AddSessionAsync("Plénière", SessionState.Draft, 10);
        var cut = RenderWithPopovers<SessionPage>(p => p.Add(x => x.Id, sessionId)).Component;
        cut.WaitForAssertion(() => cut.Find("[data-testid=agenda-editor]"));

        await cut.Find("button[data-testid=agenda-save]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.False(string.IsNullOrWhiteSpace(cut.Find("[data-testid=agenda-error]").TextContent)));
        Assert.Empty(await AgendaTitlesAsync(sessionId));

        foreach (var title in new[] { "Rapport d'activité", "Plan d'action" })
        {
            await cut.Find("input[data-testid=agenda-title]").InputAsync(new() { Value = title });
            await cut.Find("button[data-testid=agenda-save]").ClickAsync(new());
            cut.WaitForAssertion(() => Assert.Contains(title, cut.Find("[data-testid=agenda-editor]").TextContent, StringComparison.Ordinal));
        }

        Assert.Empty(cut.FindAll("[data-testid=agenda-error]"));
        await cut.FindAll("button[data-testid=agenda-down]")[0].ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("Plan d'action", cut.FindAll("[data-testid=agenda-item]")[0].TextContent, StringComparison.Ordinal));
        Assert.Equal(["Plan d'action", "Rapport d'activité"], await AgendaTitlesAsync(sessionId));
    }

    [Fact]
    public async Task LifecycleButtons_FollowTheState_AndShowTheServicesRefusal()
    {
        await ArrangeAsync(Roles.Secretariat);
        var sessionId = await AddSessionAsync("Plénière", SessionState.Draft, 10, place: null);
        var cut = RenderWithPopovers<SessionPage>(p => p.Add(x => x.Id, sessionId)).Component;
        cut.WaitForAssertion(() => cut.Find("[data-testid=session-lifecycle]"));
        Assert.Equal(["session-convene", "session-cancel"], cut.FindAll("[data-testid=session-lifecycle] button").Select(b => b.GetAttribute("data-testid")));

        await cut.Find("button[data-testid=session-convene]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.False(string.IsNullOrWhiteSpace(cut.Find("[data-testid=session-lifecycle-error]").TextContent)));
        Assert.Equal("Draft", cut.Find("[data-testid=session-state]").GetAttribute("data-state"));

        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var session = await db.Set<Session>().SingleAsync(s => s.Id == sessionId);
            session.Place = "Tanger";
            db.Add(new AgendaItem { SessionId = sessionId, Title = "Point", Kind = AgendaItemKind.Information, EstimatedMinutes = 10 });
            await db.SaveChangesAsync();
        }

        await cut.Find("button[data-testid=session-convene]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("Convened", cut.Find("[data-testid=session-state]").GetAttribute("data-state")));
        Assert.Equal(["session-reschedule", "session-open", "session-reconvene", "session-cancel"],
            cut.FindAll("[data-testid=session-lifecycle] button").Select(b => b.GetAttribute("data-testid")));
        Assert.NotEmpty(cut.FindAll("[data-testid=session-console-link]"));
    }
    [Fact]
    public async Task PreparingAPlenary_TheSecretariatSeesTheActionPlansStatusReportLink()
    {
        await ArrangeAsync(Roles.Secretariat);
        var sessionId = await AddSessionAsync("Plénière", SessionState.Draft, 10);
        var cut = RenderWithPopovers<SessionPage>(p => p.Add(x => x.Id, sessionId)).Component;

        cut.WaitForAssertion(() => Assert.Equal("action-plans/status-report", cut.Find("[data-testid=session-plans-report-link]").GetAttribute("href")));
    }
}
